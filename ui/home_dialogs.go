package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// The library's dialogs: new client, new dossier, copy into another year, delete and undo.

// closeDialog hides the form dialog when its action runs without its button (keyboard, tests).
func (h *homeScreen) closeDialog() {
	if h.dlg != nil {
		h.dlg.Hide()
		h.dlg = nil
	}
}

// askNewClient asks for the two things that identify a client, then opens the profile.
func (h *homeScreen) askNewClient() {
	h.newName = newFormEntry(false)
	h.newName.SetPlaceHolder(tr("Ví dụ: Công ty TNHH Cơ khí Phước Hưng"))
	h.newTax = newFormEntry(false)
	h.newTax.Validator = validator(forms.Field{Validate: forms.ValidateTaxCode})
	items := []*widget.FormItem{
		widget.NewFormItem(tr("Tên cơ sở"), h.newName),
		{Text: tr("Mã số thuế"), Widget: h.newTax, HintText: tr("10 chữ số; có thể bổ sung sau")},
	}
	d := dialog.NewForm(tr("Thêm khách hàng"), tr("Thêm"), tr("Hủy"), items, func(ok bool) {
		if ok {
			h.createClient()
		}
	}, h.a.w)
	d.Resize(fyne.NewSize(560, 260))
	h.dlg = d
	// Enter adds the client (when the tax code is valid or empty), Escape cancels.
	submit := func(string) {
		if h.newTax.Validate() == nil {
			h.createClient()
		}
	}
	h.newName.OnSubmitted, h.newTax.OnSubmitted = submit, submit
	h.newName.onEscape, h.newTax.onEscape = h.closeDialog, h.closeDialog
	d.Show()
	h.a.w.Canvas().Focus(h.newName)
}

// createClient saves the client typed in the dialog and opens its profile.
func (h *homeScreen) createClient() {
	h.closeDialog()
	name := forms.Clean(h.newName.Text)
	if name == "" {
		h.a.showError(tr("Chưa thêm khách hàng"), errors.New(tr("chưa nhập tên cơ sở")), tr("Nhập tên đầy đủ như trên giấy chứng nhận đăng ký."))
		return
	}
	now := h.a.now()
	c := &forms.Client{Enterprise: forms.Enterprise{Name: name, TaxCode: forms.NormaliseTaxCode(forms.Clean(h.newTax.Text))}, CreatedAt: now, UpdatedAt: now}
	if err := h.a.deps.Store.SaveClient(c); err != nil {
		h.a.showError(tr("Không lưu được khách hàng"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
		return
	}
	h.search.SetText("")
	h.selected = c.ID
	h.reload()
	h.a.showProfile(c)
}

// addSamples puts the three sample dossiers (one per programme, fictitious establishments) in the
// library, so a first-time user can look around before typing their own.
func (h *homeScreen) addSamples() {
	now := h.a.now()
	for _, p := range forms.Programmes() {
		app := forms.Sample(p)
		c := &forms.Client{Enterprise: app.Enterprise, CreatedAt: now, UpdatedAt: now}
		if err := h.a.deps.Store.SaveClient(c); err != nil {
			h.a.showError(tr("Không thêm được khách hàng mẫu"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
			return
		}
		app.ClientID, app.CreatedAt, app.UpdatedAt = c.ID, now, now
		if err := h.a.deps.Store.SaveApplication(app); err != nil {
			h.a.showError(tr("Không thêm được khách hàng mẫu"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
			return
		}
		h.selected = c.ID
	}
	h.reload()
}

func (h *homeScreen) deleteClient() {
	c := h.client()
	if c == nil {
		return
	}
	if err := h.a.deps.Store.DeleteClient(c.ID); err != nil {
		h.a.showError(tr("Không xóa được khách hàng"), err, tr("Thử lại; nếu vẫn lỗi, khởi động lại ứng dụng."))
		return
	}
	h.offerUndo(c.ID, fmt.Sprintf(tr("Đã chuyển \"%s\" và các hồ sơ vào thùng rác."), displayName(c.Enterprise)))
	h.selected = ""
	h.reload()
}

func (h *homeScreen) deleteDossier() {
	id := h.selectedApp
	if id == "" {
		return
	}
	if err := h.a.deps.Store.DeleteApplication(id); err != nil {
		h.a.showError(tr("Không xóa được hồ sơ"), err, tr("Thử lại; nếu vẫn lỗi, khởi động lại ứng dụng."))
		return
	}
	h.offerUndo(id, tr("Đã chuyển hồ sơ vào thùng rác."))
	h.selectedApp = ""
	h.loadDossiers()
}

func (h *homeScreen) offerUndo(id, msg string) {
	h.undoID = id
	h.undoLabel.SetText(msg)
	h.undoBar.Show()
}

func (h *homeScreen) undoDelete() {
	if h.undoID == "" {
		return
	}
	if err := h.a.deps.Store.Restore(h.undoID); err != nil {
		h.a.showError(tr("Không hoàn tác được"), err, tr("Mở Thùng rác và bấm Khôi phục."))
		return
	}
	h.undoID = ""
	h.undoBar.Hide()
	h.reload()
}

func (h *homeScreen) restoreSelected() {
	id := h.selectedApp
	if id == "" {
		id = h.selected
	}
	if id == "" {
		return
	}
	if err := h.a.deps.Store.Restore(id); err != nil {
		h.a.showError(tr("Không khôi phục được"), err, tr("Thử lại; nếu vẫn lỗi, khởi động lại ứng dụng."))
		return
	}
	h.selected, h.selectedApp = "", ""
	h.reload()
}

// askNewDossier asks for the programme, the fund and the year of a new dossier.
func (h *homeScreen) askNewDossier() {
	c := h.client()
	if c == nil {
		dialog.ShowInformation(tr("Hồ sơ mới"), tr("Chọn (hoặc thêm) khách hàng trước, rồi lập hồ sơ mới cho khách hàng đó."), h.a.w)
		return
	}
	var progs []string
	for _, p := range forms.Programmes() {
		progs = append(progs, programmeLabel(p))
	}
	h.newProgramme = widget.NewSelect(progs, nil)
	h.newProgramme.SetSelectedIndex(0)
	h.newFund = widget.NewSelect([]string{tr("Khuyến công quốc gia"), tr("Khuyến công địa phương")}, nil)
	h.newFund.SetSelectedIndex(1)
	var provs []string
	for _, p := range forms.Provinces() {
		provs = append(provs, p.FullName())
	}
	h.newProvince = widget.NewSelect(provs, nil)
	if p, ok := forms.ProvinceByCode(c.Enterprise.Address.Province); ok {
		h.newProvince.SetSelected(p.FullName())
	}
	h.newYear = newFormEntry(false)
	h.newYear.SetText(strconv.Itoa(h.a.now().Year() + 1))
	h.newYear.Validator = validator(forms.Field{Validate: func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 2000 || n > 2100 {
			return errors.New(tr("nhập năm bốn chữ số, ví dụ 2027"))
		}
		return nil
	}})
	items := []*widget.FormItem{
		widget.NewFormItem(tr("Chương trình"), h.newProgramme),
		widget.NewFormItem(tr("Nguồn kinh phí"), h.newFund),
		{Text: tr("Tỉnh / thành phố nhận hồ sơ"), Widget: h.newProvince, HintText: tr("Sở Công Thương thẩm định hồ sơ")},
		widget.NewFormItem(tr("Năm kế hoạch"), h.newYear),
	}
	d := dialog.NewForm(tr("Hồ sơ mới cho ")+displayName(c.Enterprise), tr("Lập hồ sơ"), tr("Hủy"), items, func(ok bool) {
		if ok {
			h.createDossier(false)
		}
	}, h.a.w)
	d.Resize(fyne.NewSize(620, 320))
	h.dlg = d
	h.newYear.OnSubmitted = func(string) {
		if h.newYear.Validate() == nil {
			h.createDossier(false)
		}
	}
	h.newYear.onEscape = h.closeDialog
	d.Show()
}

// createDossier creates the dossier chosen in the dialog; unless force, it first warns when the
// client already has a dossier for the same programme and year.
func (h *homeScreen) createDossier(force bool) {
	h.closeDialog()
	c := h.client()
	if c == nil {
		return
	}
	prog := forms.Programmes()[max(h.newProgramme.SelectedIndex(), 0)]
	year, err := strconv.Atoi(strings.TrimSpace(h.newYear.Text))
	if err != nil || year < 2000 || year > 2100 {
		h.a.showError(tr("Chưa lập được hồ sơ"), errors.New(tr("năm kế hoạch không hợp lệ")), tr("Nhập năm bốn chữ số, ví dụ 2027."))
		return
	}
	fund := forms.Fund{Kind: forms.FundLocal}
	if h.newFund.SelectedIndex() == 0 {
		fund.Kind = forms.FundNational
	}
	if i := h.newProvince.SelectedIndex(); i >= 0 {
		fund.Province = forms.Provinces()[i].Code
	}
	if !force {
		if dup := h.duplicate(c.ID, prog, year, ""); dup != nil {
			h.warnDuplicate(dup, func() { h.createDossier(true) })
			return
		}
	}
	app := forms.NewApplication(c, prog, fund, year, h.a.now(), forms.Person{Name: h.a.prefs.String(prefSignerName), Title: h.a.prefs.String(prefSignerRole)})
	if err := h.a.deps.Store.SaveApplication(app); err != nil {
		h.a.showError(tr("Không lưu được hồ sơ mới"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
		return
	}
	h.a.openApplication(app)
}

// duplicate finds another dossier of the client for the same programme and year.
func (h *homeScreen) duplicate(clientID string, p forms.Programme, year int, except string) *forms.ApplicationSummary {
	list, err := h.a.deps.Store.Applications(forms.Query{ClientID: clientID, Programme: p, Year: year})
	if err != nil {
		return nil
	}
	for _, s := range list {
		if s.ID != except && s.Programme == p && s.Year == year && s.DeletedAt.IsZero() {
			return &s
		}
	}
	return nil
}

func (h *homeScreen) warnDuplicate(dup *forms.ApplicationSummary, proceed func()) {
	h.lastDuplicateWarn = fmt.Sprintf(tr("Khách hàng này đã có hồ sơ %s năm %d (sửa lần cuối %s). Mở hồ sơ đó để làm tiếp, hay vẫn lập hồ sơ mới?"),
		programmeLabel(dup.Programme), dup.Year, dup.UpdatedAt.Local().Format("02/01/2006"))
	id := dup.ID
	d := dialog.NewCustomConfirm(tr("Đã có hồ sơ"), tr("Vẫn lập mới"), tr("Mở hồ sơ đã có"), widget.NewLabel(h.lastDuplicateWarn), func(newOne bool) {
		if newOne {
			proceed()
		} else {
			h.a.openDossier(id)
		}
	}, h.a.w)
	d.Show()
}

// askCopy copies the selected dossier into another year.
func (h *homeScreen) askCopy() {
	if h.selectedApp == "" {
		return
	}
	src, err := h.a.deps.Store.Application(h.selectedApp)
	if err != nil {
		h.a.showError(tr("Không đọc được hồ sơ"), err, tr("Tải lại thư viện rồi thử lại."))
		return
	}
	h.copyYear = newFormEntry(false)
	h.copyYear.SetText(strconv.Itoa(src.Year + 1))
	items := []*widget.FormItem{{Text: tr("Năm kế hoạch của bản sao"), Widget: h.copyYear,
		HintText: tr("Thông tin cơ sở lấy từ hồ sơ khách hàng hiện nay; ngày tháng lùi theo số năm")}}
	h.dlg = dialog.NewForm(tr("Sao chép hồ sơ"), tr("Sao chép"), tr("Hủy"), items, func(ok bool) {
		if ok {
			h.copyInto(src, false)
		}
	}, h.a.w)
	h.copyYear.OnSubmitted = func(string) { h.copyInto(src, false) }
	h.copyYear.onEscape = h.closeDialog
	h.dlg.Show()
}

// copyInto saves a copy of src for the year typed in the dialog and opens it.
func (h *homeScreen) copyInto(src *forms.Application, force bool) {
	h.closeDialog()
	year, err := strconv.Atoi(strings.TrimSpace(h.copyYear.Text))
	if err != nil || year < 2000 || year > 2100 {
		h.a.showError(tr("Chưa sao chép được"), errors.New(tr("năm kế hoạch không hợp lệ")), tr("Nhập năm bốn chữ số, ví dụ 2027."))
		return
	}
	if !force {
		if dup := h.duplicate(src.ClientID, src.Programme, year, ""); dup != nil {
			h.warnDuplicate(dup, func() { h.copyInto(src, true) })
			return
		}
	}
	cp := forms.CopyForYear(src, year, h.a.now())
	if c, err := h.a.deps.Store.Client(src.ClientID); err == nil {
		cp.Enterprise = c.Enterprise
	}
	if err := h.a.deps.Store.SaveApplication(cp); err != nil {
		h.a.showError(tr("Không lưu được bản sao"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
		return
	}
	h.a.openApplication(cp)
}
