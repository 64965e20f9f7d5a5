package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
	"khuyencong/ui/nativedialog"
)

// attachmentExtensions are the kinds of file a dossier accepts.
var attachmentExtensions = []string{".pdf", ".jpg", ".jpeg", ".png"}

// attachmentsEditor is the attachments step: the programme's checklist, a file or "on paper" for each.
type attachmentsEditor struct {
	w     *wizardScreen
	items []*attachmentRow
	hint  *widget.Label
	root  fyne.CanvasObject
}

// attachmentRow is one checklist item's widgets.
type attachmentRow struct {
	def    forms.AttachmentDef
	title  *widget.Label
	status *widget.Label
	mark   *widget.Icon // the status as a theme icon (a ✓ glyph is a box in some Windows fonts)
	choose *widget.Button
	open   *widget.Button
	clear  *widget.Button
	paper  *widget.Check
	root   *fyne.Container
}

func newAttachmentsEditor(w *wizardScreen) *attachmentsEditor {
	ae := &attachmentsEditor{w: w}
	ae.hint = helpLabel(tr("Bấm \"Chọn tệp\" hoặc kéo thả tệp PDF, JPG, PNG vào đúng mục."))
	box := container.NewVBox(ae.hint)
	for _, it := range forms.Checklist(w.app) {
		r := ae.newRow(it.Def)
		ae.items = append(ae.items, r)
		box.Add(r.root)
	}
	ae.refresh()
	ae.root = box
	return ae
}

func (ae *attachmentsEditor) newRow(d forms.AttachmentDef) *attachmentRow {
	r := &attachmentRow{def: d}
	t := attachmentTitle(d)
	if d.Required {
		t += " *"
	}
	r.title = widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Wrapping = fyne.TextWrapWord
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.choose = widget.NewButtonWithIcon(tr("Chọn tệp…"), theme.FileIcon(), func() { ae.askFile(d.ID) })
	r.open = widget.NewButtonWithIcon(tr("Mở"), theme.VisibilityIcon(), func() { ae.openFile(d.ID) })
	r.clear = widget.NewButtonWithIcon(tr("Bỏ tệp"), theme.ContentClearIcon(), func() { ae.clearFile(d.ID) })
	r.paper = widget.NewCheck(tr("Nộp kèm bản giấy"), func(on bool) { ae.setPaper(d.ID, on) })
	ae.w.inputs["attachments."+d.ID] = r.choose
	parts := []fyne.CanvasObject{r.title}
	if h := d.Help; h != "" && lang == langVI {
		parts = append(parts, helpLabel(h))
	}
	r.mark = widget.NewIcon(nil)
	parts = append(parts, container.NewBorder(nil, nil, r.mark, nil, r.status), container.NewHBox(r.choose, r.open, r.clear, r.paper))
	r.root = container.NewVBox(append(parts, widget.NewSeparator())...)
	return r
}

// attachment returns the application's attachment for a checklist item, creating it when asked.
func (ae *attachmentsEditor) attachment(id string, create bool) *forms.Attachment {
	app := ae.w.app
	for i := range app.Attachments {
		if app.Attachments[i].ID == id {
			return &app.Attachments[i]
		}
	}
	if !create {
		return nil
	}
	app.Attachments = append(app.Attachments, forms.Attachment{ID: id})
	return &app.Attachments[len(app.Attachments)-1]
}

// refresh shows each item's status from forms.Checklist.
func (ae *attachmentsEditor) refresh() {
	status := map[string]forms.ChecklistItem{}
	for _, it := range forms.Checklist(ae.w.app) {
		status[it.Def.ID] = it
	}
	for _, r := range ae.items {
		it := status[r.def.ID]
		a := it.Attachment
		if a == nil {
			a = ae.attachment(r.def.ID, false)
		}
		switch it.Status {
		case forms.AttachmentFile:
			r.status.SetText(tr("Đã đính kèm: ") + filepath.Base(a.File))
			r.status.Importance = widget.SuccessImportance
			r.mark.SetResource(theme.ConfirmIcon())
			r.open.Enable()
			r.clear.Enable()
		case forms.AttachmentPaper:
			r.status.SetText(tr("Nộp kèm bản giấy"))
			r.status.Importance = widget.SuccessImportance
			r.mark.SetResource(theme.ConfirmIcon())
			r.open.Disable()
			r.clear.Disable()
		default:
			if r.def.Required {
				r.status.SetText(tr("Còn thiếu: đính kèm tệp hoặc đánh dấu nộp kèm bản giấy"))
				r.status.Importance = widget.DangerImportance
				r.mark.SetResource(theme.ErrorIcon())
			} else {
				r.status.SetText(tr("Không bắt buộc"))
				r.status.Importance = widget.LowImportance
				r.mark.SetResource(theme.InfoIcon())
			}
			r.open.Disable()
			r.clear.Disable()
		}
		r.status.Refresh()
		paper := a != nil && a.Paper
		if r.paper.Checked != paper {
			r.paper.Checked = paper
			r.paper.Refresh()
		}
	}
}

func (ae *attachmentsEditor) changed() {
	ae.refresh()
	ae.w.changed("attachments")
}

func (ae *attachmentsEditor) setPaper(id string, on bool) {
	a := ae.attachment(id, on)
	if a == nil || a.Paper == on {
		return
	}
	a.Paper = on
	ae.changed()
}

func (ae *attachmentsEditor) setFile(id, path, sum string) {
	a := ae.attachment(id, path != "")
	if a == nil {
		return
	}
	a.File, a.SHA256 = path, sum
	ae.changed()
}

// clearFile takes the file off an item and offers, for a few seconds, to put it back.
func (ae *attachmentsEditor) clearFile(id string) {
	a := ae.attachment(id, false)
	if a == nil || a.File == "" {
		return
	}
	file, sum := a.File, a.SHA256
	ae.setFile(id, "", "")
	w := ae.w
	w.a.undo.offer(fmt.Sprintf(tr("Đã bỏ tệp %s"), filepath.Base(file)), func() {
		if w.attachments != nil {
			w.attachments.setFile(id, file, sum)
			return
		}
		if a := ae.attachment(id, true); a != nil {
			a.File, a.SHA256 = file, sum
			w.changed("attachments")
		}
	})
}

func (ae *attachmentsEditor) askFile(id string) {
	ae.w.a.pick(pickRequest{Kind: nativedialog.Open, Title: tr("Chọn tệp đính kèm"), Filter: tr("Tệp PDF, JPG, PNG"), Exts: attachmentExtensions},
		func(path string) { ae.attach(id, path) })
}

// attach checks the file and records it with its SHA-256, computed in the background.
func (ae *attachmentsEditor) attach(id, path string) {
	ext := strings.ToLower(filepath.Ext(path))
	ok := false
	for _, e := range attachmentExtensions {
		ok = ok || e == ext
	}
	if !ok {
		ae.w.a.showError(tr("Không đính kèm được tệp"), fmt.Errorf(tr("%s không phải tệp PDF, JPG hoặc PNG"), filepath.Base(path)),
			tr("Lưu hoặc quét tài liệu thành PDF (hoặc ảnh JPG, PNG) rồi đính kèm lại."))
		return
	}
	ae.w.a.background(func() {
		stored, sum, err := path, "", error(nil)
		if adopt := ae.w.a.deps.AdoptAttachment; adopt != nil {
			stored, sum, err = adopt(path) // the library keeps its own copy
		} else {
			sum, err = forms.FileSHA256(path)
		}
		fyne.Do(func() {
			if err != nil {
				ae.w.a.showError(tr("Không đọc được tệp"), err, tr("Kiểm tra tệp còn đó và không bị chương trình khác khóa, rồi thử lại."))
				return
			}
			ae.setFile(id, stored, sum)
		})
	})
}

func (ae *attachmentsEditor) openFile(id string) {
	a := ae.attachment(id, false)
	if a == nil || a.File == "" {
		return
	}
	if get := ae.w.a.deps.AttachmentPath; get != nil {
		att := *a
		ae.w.a.background(func() { // a server library's file comes over the network
			path, err := get(att)
			fyne.Do(func() {
				if err != nil {
					ae.w.a.showError(tr("Không mở được tệp"), err, tr("Đính kèm lại tệp này."))
					return
				}
				ae.openPath(path)
			})
		})
		return
	}
	ae.openPath(a.File)
}

func (ae *attachmentsEditor) openPath(path string) {
	if err := ae.w.a.deps.Opener.Open(path); err != nil {
		ae.w.a.showError(tr("Không mở được tệp"), err, tr("Kiểm tra tệp còn ở chỗ cũ; nếu đã chuyển đi, chọn lại tệp."))
	}
}

// drop attaches files dropped on the window: to the item under the pointer, else to the first
// items still missing.
func (ae *attachmentsEditor) drop(pos fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		ae.w.a.showError(tr("Không đính kèm được"), errors.New(tr("không có tệp nào trên máy trong những gì vừa thả")), tr("Thả tệp PDF, JPG hoặc PNG từ thư mục trên máy."))
		return
	}
	d := fyne.CurrentApp().Driver()
	target := ""
	for _, r := range ae.items {
		p := d.AbsolutePositionForObject(r.root)
		s := r.root.Size()
		if pos.X >= p.X && pos.X <= p.X+s.Width && pos.Y >= p.Y && pos.Y <= p.Y+s.Height {
			target = r.def.ID
		}
	}
	if target != "" {
		ae.attach(target, paths[0])
		return
	}
	// Not on an item: fill the missing items in checklist order.
	i := 0
	for _, it := range forms.Checklist(ae.w.app) {
		if i < len(paths) && it.Status == forms.AttachmentMissing {
			ae.attach(it.Def.ID, paths[i])
			i++
		}
	}
}
