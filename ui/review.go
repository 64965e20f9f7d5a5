package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// reviewScreen is the last step: every answer by step with an "Sửa" button, eligibility criterion
// by criterion, completeness, and the problems, each a link to its field.
type reviewScreen struct {
	w              *wizardScreen
	report         *forms.Report
	summary        *widget.Label
	problems       []forms.Problem
	problemButtons []*widget.Button
	officer        []forms.Problem           // the officer's findings (forms.ReviewCodes), in "Cán bộ thẩm định sẽ hỏi"
	officerButtons []*widget.Button          // their "Đến chỗ sửa"
	editButtons    map[string]*widget.Button // field path → its "Sửa"
	generate       *widget.Button
	blank          *widget.Button
	docx           *widget.Check // also write the Word file
	root           fyne.CanvasObject
}

func newReviewScreen(w *wizardScreen) *reviewScreen {
	rv := &reviewScreen{w: w, editButtons: map[string]*widget.Button{}}
	w.a.saver.flush()
	rv.report = forms.Check(w.app, w.a.packs)
	rep := rv.report

	rv.summary = widget.NewLabel("")
	rv.summary.Wrapping = fyne.TextWrapWord
	nErr := 0
	for _, p := range rep.Problems {
		if p.Severity == forms.SeverityError {
			nErr++
		}
	}
	summary := fmt.Sprintf(tr("Đã hoàn thành %d%% (%d/%d mục bắt buộc)."), rep.Completeness.Percent, rep.Completeness.Done, rep.Completeness.Total)
	if rep.Budget != nil {
		summary += "\n" + fmt.Sprintf(tr("Tổng kinh phí %s đồng; đề nghị hỗ trợ %s đồng; cơ sở đối ứng %s đồng."),
			rep.Budget.Total, rep.Budget.Support, rep.Budget.Counterpart)
	}
	rv.generate = widget.NewButtonWithIcon("", theme.DocumentPrintIcon(), w.startGenerate)
	rv.generate.Importance = widget.HighImportance
	if rep.Blocking() {
		summary += "\n" + fmt.Sprintf(tr("Còn %d lỗi phải sửa trước khi in bản chính thức; bây giờ chỉ in được bản nháp (có chữ BẢN NHÁP)."), nErr)
		rv.summary.Importance = widget.WarningImportance
		rv.generate.SetText(tr("Tạo bản nháp PDF và Excel"))
	} else {
		summary += "\n" + tr("Hồ sơ không còn lỗi: có thể in bản chính thức để ký và nộp.")
		rv.summary.Importance = widget.SuccessImportance
		rv.generate.SetText(tr("Tạo bản chính thức PDF và Excel"))
	}
	rv.summary.SetText(summary)
	rv.docx = w.a.docxCheck()
	rv.blank = widget.NewButtonWithIcon(tr("In mẫu trống"), theme.DocumentIcon(), func() { w.startGenerateVariant(VariantBlank) })

	box := container.NewVBox(
		widget.NewCard(tr("Tình trạng hồ sơ"), "", container.NewVBox(rv.summary, container.NewHBox(rv.generate, rv.blank), rv.docx)),
		rv.officerCard(),
		rv.problemsCard(),
		rv.eligibilityCard(),
		priorityCard(w.app),
	)
	for _, s := range w.steps {
		box.Add(rv.stepCard(s))
	}
	rv.root = box
	return rv
}

func severityRank(s forms.Severity) int {
	switch s {
	case forms.SeverityError:
		return 0
	case forms.SeverityWarning:
		return 1
	}
	return 2
}

func severityText(s forms.Severity) string {
	switch s {
	case forms.SeverityError:
		return tr("Lỗi")
	case forms.SeverityWarning:
		return tr("Cần xem lại")
	}
	return tr("Ghi chú")
}

func (rv *reviewScreen) problemsCard() fyne.CanvasObject {
	var probs []forms.Problem
	for _, p := range rv.report.Problems {
		if !forms.IsReviewCode(p.Code) {
			probs = append(probs, p)
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return severityRank(probs[i].Severity) < severityRank(probs[j].Severity) })
	rv.problems = probs
	box := container.NewVBox()
	if len(probs) == 0 {
		box.Add(widget.NewLabel(tr("Không có vấn đề nào.")))
	}
	for _, p := range probs {
		p := p
		text := severityText(p.Severity) + ": " + p.Text(lang == langEN)
		if p.Citation != "" {
			text += " (" + p.Citation + ")"
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		switch p.Severity {
		case forms.SeverityError:
			l.Importance = widget.DangerImportance
		case forms.SeverityWarning:
			l.Importance = widget.WarningImportance
		}
		b := widget.NewButtonWithIcon(tr("Đến chỗ sửa"), theme.NavigateNextIcon(), func() { rv.w.goToField(p.Step, p.Path, true) })
		rv.problemButtons = append(rv.problemButtons, b)
		if p.Step == "" { // about the dossier as a whole, e.g. the rule pack: nothing to jump to
			box.Add(l)
			continue
		}
		box.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	return widget.NewCard(fmt.Sprintf(tr("Vấn đề cần xử lý (%d)"), len(probs)), "", box)
}

func (rv *reviewScreen) eligibilityCard() fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range rv.report.Eligibility {
		c := c
		mark := tr("Đạt")
		imp := widget.SuccessImportance
		switch c.Status {
		case forms.CriterionFailed:
			mark, imp = tr("Không đạt"), widget.DangerImportance
		case forms.CriterionUnknown:
			mark, imp = tr("Chưa xác định"), widget.WarningImportance
		}
		label, reason := c.Text(lang == langEN)
		text := fmt.Sprintf("%s – %s: %s", mark, label, reason)
		if c.Citation != "" {
			text += "\n" + tr("Căn cứ: ") + c.Citation
		}
		if c.Unverified {
			text += " " + tr("(giá trị chưa xác minh với văn bản gốc – đối chiếu với Sở Công Thương)")
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		var right fyne.CanvasObject
		if c.Path != "" && c.Status != forms.CriterionMet {
			right = widget.NewButton(tr("Sửa"), func() { rv.w.goToField("", c.Path, true) })
		}
		box.Add(container.NewBorder(nil, nil, nil, right, l))
	}
	if len(rv.report.Eligibility) == 0 {
		box.Add(widget.NewLabel(tr("Chưa đánh giá được điều kiện: chưa có gói quy định phù hợp.")))
	}
	return widget.NewCard(tr("Điều kiện được hỗ trợ"), "", box)
}

// stepCard lists a step's answers, each with its "Sửa" button.
func (rv *reviewScreen) stepCard(s forms.Step) fyne.CanvasObject {
	app := rv.w.app
	box := container.NewVBox()
	add := func(path, label, value string) {
		if value == "" {
			value = "—"
		}
		q := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		q.Wrapping = fyne.TextWrapWord
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		edit := widget.NewButtonWithIcon(tr("Sửa"), theme.DocumentCreateIcon(), func() { rv.w.goToField(s.ID, path, true) })
		rv.editButtons[path] = edit
		box.Add(container.NewBorder(nil, nil, nil, edit, container.NewVBox(q, v)))
	}
	switch s.Kind {
	case forms.StepBudget:
		for i, l := range app.Budget.Lines {
			var total string
			if b := rv.report.Budget; b != nil {
				for _, lr := range b.Lines {
					if lr.Index == i {
						total = fmt.Sprintf(tr(" = %s đồng (hỗ trợ %s)"), lr.Total, lr.Support)
					}
				}
			}
			add(fmt.Sprintf("budget.lines[%d].description", i), fmt.Sprintf("%d. %s", i+1, l.Description),
				fmt.Sprintf("%s %s × %s%s", l.Quantity, l.Unit, l.UnitPrice, total))
		}
		if len(app.Budget.Lines) == 0 {
			add("budget.lines", tr("Dự toán"), tr("chưa có dòng chi nào"))
		}
	case forms.StepAttachments:
		for _, it := range forms.Checklist(app) {
			v := tr("còn thiếu")
			switch it.Status {
			case forms.AttachmentFile:
				v = tr("tệp ") + it.Attachment.File
				if _, name, ok := forms.BlobOf(it.Attachment.File); ok {
					v = tr("tệp ") + name // kept in the shared library
				}
			case forms.AttachmentPaper:
				v = tr("nộp kèm bản giấy")
			}
			if !it.Def.Required && it.Status == forms.AttachmentMissing {
				v = tr("không có (không bắt buộc)")
			}
			add("attachments."+it.Def.ID, attachmentTitle(it.Def), v)
		}
	default:
		for _, f := range s.Fields {
			if !f.Applies(app) {
				continue
			}
			add(f.Path, fieldLabel(f), answerText(app, f))
		}
	}
	return widget.NewCard(stepTitle(s), "", box)
}

// answerText writes an answer for reading: choices by their label, yes/no, tables row by row.
func answerText(app *forms.Application, f forms.Field) string {
	switch f.Kind {
	case forms.FieldTable:
		n := forms.RowCount(app, f.Path)
		var rows []string
		for i := 0; i < n; i++ {
			var cells []string
			for _, c := range f.Columns {
				v, _ := forms.GetField(app, fmt.Sprintf("%s[%d].%s", f.Path, i, c.Path))
				if c.Kind == forms.FieldBool {
					if v == "true" {
						cells = append(cells, fieldLabel(c))
					}
					continue
				}
				if v != "" {
					cells = append(cells, v)
				}
			}
			rows = append(rows, fmt.Sprintf("%d. %s", i+1, strings.Join(cells, "; ")))
		}
		return strings.Join(rows, "\n")
	}
	v, _ := forms.GetField(app, f.Path)
	switch f.Kind {
	case forms.FieldBool:
		if v == "true" {
			return tr("Có")
		}
		return tr("Không")
	case forms.FieldChoice:
		for _, c := range f.Choices {
			if c.Value == v {
				return choiceLabel(c)
			}
		}
	}
	return v
}

// officerCard lists what an appraising officer would object to (the codes of forms.ReviewCodes):
// dates, plan year, recipient, old addresses, another client's name, duplicated lines... each
// with "Đến chỗ sửa", which opens the step and highlights the field (jump.go).
func (rv *reviewScreen) officerCard() fyne.CanvasObject {
	var probs []forms.Problem
	for _, p := range rv.report.Problems {
		if forms.IsReviewCode(p.Code) {
			probs = append(probs, p)
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return severityRank(probs[i].Severity) < severityRank(probs[j].Severity) })
	rv.officer = probs
	box := container.NewVBox()
	if len(probs) == 0 {
		none := widget.NewLabel(tr("Không thấy điều gì cán bộ thẩm định sẽ hỏi: ngày tháng, nơi nhận, địa chỉ, tên cơ sở, dự toán và người ký khớp nhau."))
		none.Wrapping = fyne.TextWrapWord
		box.Add(none)
	}
	for _, p := range probs {
		p := p
		text := severityText(p.Severity) + ": " + p.Text(lang == langEN)
		if p.Citation != "" {
			text += "\n" + tr("Căn cứ: ") + p.Citation
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		if p.Severity == forms.SeverityError {
			l.Importance = widget.DangerImportance
		} else {
			l.Importance = widget.WarningImportance
		}
		b := widget.NewButtonWithIcon(tr("Đến chỗ sửa"), theme.NavigateNextIcon(), func() { rv.w.jumpTo(p.Step, p.Path) })
		rv.officerButtons = append(rv.officerButtons, b)
		box.Add(container.NewBorder(nil, nil, nil, b, l))
	}
	return widget.NewCard(fmt.Sprintf(tr("Cán bộ thẩm định sẽ hỏi (%d)"), len(probs)), "", box)
}
