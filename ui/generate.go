package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
	"khuyencong/ui/nativedialog"
)

// generation is one run of the exporter, with its progress dialog and its result.
type generation struct {
	variant  string
	dir      string
	progress binding.Float
	bar      *widget.ProgressBar
	cancel   context.CancelFunc
	stop     *widget.Button // Cancel
	waiting  dialog.Dialog

	done     bool
	err      error
	result   ExportResult
	revision *forms.RevisionInfo

	resultDialog        dialog.Dialog
	openPDF, openFolder *widget.Button
	print, closeResult  *widget.Button
	openDOCX            *widget.Button // when the Word file was written
	summary             *widget.Label
	readBack            *widget.Label   // what reading the final PDF back found; nil when not read back
	resultContent       *fyne.Container // the result dialog's content
}

// prefDOCX remembers whether the editable Word file is written beside the PDF.
const prefDOCX = "export.docx"

// docxCheck is the generate step's "Word (.docx) để chỉnh sửa" choice, remembered in the settings.
func (a *App) docxCheck() *widget.Check {
	c := widget.NewCheck(tr("Word (.docx) để chỉnh sửa"), func(on bool) { a.prefs.SetBool(prefDOCX, on) })
	c.SetChecked(a.prefs.Bool(prefDOCX))
	return c
}

// startGenerate asks for the folder, then writes the final dossier, or a draft while blocking
// problems remain.
func (w *wizardScreen) startGenerate() { w.startGenerateVariant("") }

func (w *wizardScreen) startGenerateVariant(variant string) {
	if w.refuseBadInputs(variant) {
		return
	}
	if w.a.deps.Exporter == nil {
		w.a.showError(tr("Chưa tạo được hồ sơ"), errors.New(tr("phiên bản này chưa có bộ tạo PDF và Excel")), tr("Cài phiên bản đầy đủ của ứng dụng."))
		return
	}
	w.a.pick(pickRequest{Kind: nativedialog.Folder, Title: tr("Lưu vào…"), Start: w.a.prefs.String(prefLastFolder)},
		func(dir string) { w.generateInto(dir, variant) })
}

// generateInto writes the dossier into dir: variant "" chooses final or draft from the problems.
func (w *wizardScreen) generateInto(dir, variant string) {
	a := w.a
	a.prefs.SetString(prefLastFolder, dir)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		a.showError(tr("Chưa tạo được hồ sơ"), fmt.Errorf(tr("thư mục %s không tồn tại"), dir), tr("Chọn một thư mục có trên máy."))
		return
	}
	if w.refuseBadInputs(variant) {
		return
	}
	rep := forms.Check(w.app, a.packs)
	if variant == "" {
		variant = VariantFinal
		if rep.Blocking() {
			variant = VariantDraft
		}
	}
	g := &generation{variant: variant, dir: dir, progress: binding.NewFloat()}
	w.gen = g
	ctx, cancel := context.WithCancel(context.Background())
	g.cancel = cancel
	g.bar = widget.NewProgressBarWithData(g.progress)
	g.stop = widget.NewButtonWithIcon(tr("Hủy"), theme.CancelIcon(), func() {
		cancel()
		g.stop.Disable()
	})
	msg := tr("Đang tạo bản chính thức…")
	switch variant {
	case VariantDraft:
		msg = tr("Đang tạo bản nháp…")
	case VariantBlank:
		msg = tr("Đang tạo mẫu trống…")
	}
	g.waiting = dialog.NewCustomWithoutButtons(tr("Tạo hồ sơ"), container.NewVBox(widget.NewLabel(msg), g.bar, container.NewCenter(g.stop)), a.w)
	g.waiting.Resize(fyne.NewSize(420, 160))
	g.waiting.Show()

	pending := a.saver.take()
	req := ExportRequest{App: cloneApplication(w.app), Report: rep, Dir: dir, Variant: variant,
		FontPath: a.prefs.String(prefFont), WordStyle: a.wordStyle(), DOCX: a.prefs.Bool(prefDOCX),
		DossierPages: a.prefs.Bool(prefDossierPages)}
	appID := w.app.ID
	store, exp := a.deps.Store, a.deps.Exporter
	a.background(func() {
		if err := a.saver.write(pending); err != nil {
			fyne.Do(func() {
				w.finishGeneration(g, ExportResult{}, nil, fmt.Errorf(tr("chưa lưu được thay đổi cuối: %w"), err))
			})
			return
		}
		res, err := exp.Export(ctx, req, func(p float64) { fyne.Do(func() { _ = g.progress.Set(p) }) })
		var rev *forms.RevisionInfo
		if err == nil && variant == VariantFinal {
			ri, rerr := store.SaveRevision(appID, "render")
			if rerr != nil {
				res.Warnings = append(res.Warnings, fmt.Sprintf(tr("Không ghi được phiên bản đã in vào lịch sử: %v"), rerr))
			} else {
				rev = &ri
			}
		}
		fyne.Do(func() { w.finishGeneration(g, res, rev, err) })
	})
}

func (w *wizardScreen) finishGeneration(g *generation, res ExportResult, rev *forms.RevisionInfo, err error) {
	a := w.a
	g.done, g.result, g.revision, g.err = true, res, rev, err
	g.cancel()
	g.waiting.Hide()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			dialog.ShowInformation(tr("Đã hủy"), tr("Đã dừng tạo hồ sơ; không có tệp nào bị ghi dở."), a.w)
			return
		}
		a.showError(tr("Không tạo được hồ sơ"), err, tr("Chọn thư mục khác (còn chỗ trống, không mở tệp cũ trong Word/Excel) rồi thử lại."))
		return
	}
	if res.Font != "" {
		a.prefs.SetString(prefFontName, res.Font)
	}
	if g.variant == VariantFinal && (w.app.Status == forms.StatusDraft || w.app.Status == "") {
		w.app.Status = forms.StatusReady
		a.saver.saveApplication(w.app)
	}
	var lines []string
	switch g.variant {
	case VariantFinal:
		lines = append(lines, tr("Đã tạo bản chính thức, sẵn sàng in, ký và đóng dấu."))
	case VariantDraft:
		lines = append(lines, tr("Đã tạo bản nháp (có chữ BẢN NHÁP). Sửa hết lỗi trong phần Xem lại để in bản chính thức."))
	default:
		lines = append(lines, tr("Đã tạo mẫu trống để điền tay."))
	}
	lines = append(lines, "PDF: "+res.PDFPath)
	if res.XLSXPath != "" {
		lines = append(lines, "Excel: "+res.XLSXPath)
	}
	if res.DOCXPath != "" {
		lines = append(lines, "Word: "+res.DOCXPath+" "+tr("(để chỉnh sửa, không phải bản nộp)"))
	}
	if res.Font != "" {
		lines = append(lines, tr("Phông chữ: ")+res.Font)
	}
	for _, wmsg := range res.Warnings {
		lines = append(lines, tr("Lưu ý: ")+wmsg)
	}
	g.summary = widget.NewLabel(strings.Join(lines, "\n"))
	g.summary.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(g.summary)
	g.resultContent = content
	if rb := res.ReadBack; rb != nil {
		g.readBack = readBackLabel(rb)
		content.Add(g.readBack)
	}
	open := func(path string) {
		if err := a.deps.Opener.Open(path); err != nil {
			a.showError(tr("Không mở được"), err, tr("Mở thư mục bằng trình quản lý tệp của máy."))
		}
	}
	g.openPDF = widget.NewButtonWithIcon(tr("Mở PDF"), theme.DocumentIcon(), func() { open(res.PDFPath) })
	g.openPDF.Importance = widget.HighImportance
	g.openFolder = widget.NewButtonWithIcon(tr("Mở thư mục"), theme.FolderOpenIcon(), func() { open(g.dir) })
	g.print = widget.NewButtonWithIcon(tr("In"), theme.DocumentPrintIcon(), func() {
		a.printPDF(res.PDFPath)
	})
	g.closeResult = widget.NewButton(tr("Đóng"), func() { g.resultDialog.Hide() })
	buttons := container.NewHBox(g.openPDF, g.openFolder, g.print, g.closeResult)
	if res.DOCXPath != "" {
		g.openDOCX = widget.NewButtonWithIcon(tr("Mở Word"), theme.DocumentIcon(), func() { open(res.DOCXPath) })
		buttons.Objects = append([]fyne.CanvasObject{g.openPDF, g.openDOCX}, buttons.Objects[1:]...)
	}
	content.Add(buttons)
	g.resultDialog = dialog.NewCustomWithoutButtons(tr("Đã tạo hồ sơ"), content, a.w)
	g.resultDialog.Resize(fyne.NewSize(640, 280))
	g.resultDialog.Show()
}

// readBackLabel says what reading the final PDF back found: that everything matched, or each
// mismatch as an error (a mismatch is a fault of the program, not of the user's data).
func readBackLabel(rb *ReadBack) *widget.Label {
	if len(rb.Mismatches) == 0 {
		l := widget.NewLabel(tr("Đã đọc lại PDF: tên, mã số thuế, tổng kinh phí, hỗ trợ, đối ứng và số tiền bằng chữ khớp"))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.SuccessImportance
		return l
	}
	lines := []string{fmt.Sprintf(tr("Đọc lại PDF thấy %d chỗ không khớp với số liệu hồ sơ. Đây là lỗi của ứng dụng: đừng nộp bản này, hãy báo lỗi kèm tệp PDF."), len(rb.Mismatches))}
	for _, m := range rb.Mismatches {
		lines = append(lines, "• "+m)
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return l
}

// refuseBadInputs stops a final dossier while a typed value is invalid (the stored answer would
// not be what the user sees): it says which, and goes to the first. A draft is allowed.
func (w *wizardScreen) refuseBadInputs(variant string) bool {
	if variant == VariantDraft || len(w.bad) == 0 {
		return false
	}
	paths := w.bad.paths()
	var lines []string
	for _, p := range paths {
		lines = append(lines, "• "+w.bad[p].msg)
	}
	w.a.showError(fmt.Sprintf(tr("Chưa in được hồ sơ: còn %d ô nhập sai"), len(paths)), errors.New(strings.Join(lines, "\n")),
		tr("Sửa các ô có dòng chữ đỏ bên dưới rồi in lại."))
	w.goToField("", paths[0], false)
	return true
}
