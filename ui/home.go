package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
	"khuyencong/ui/nativedialog"
)

// homeScreen is the client library: clients on the left, the selected client's dossiers on the right.
type homeScreen struct {
	a *App

	search     *widget.Entry
	clientList *widget.List
	clients    []forms.Client
	selected   string // client ID
	trash      bool   // showing the recycle bin

	addClient    *widget.Button
	editClient   *widget.Button
	removeClient *widget.Button
	restore      *widget.Button
	trashToggle  *widget.Button
	emptyTrash   *widget.Button
	tryDemo      *widget.Button // on an empty library: add the three sample clients to try the app

	clientTitle   *widget.Label
	dossierList   *widget.List
	dossiers      []forms.ApplicationSummary
	selectedApp   string
	newDossier    *widget.Button
	openDossier   *widget.Button
	copyDossier   *widget.Button
	removeDossier *widget.Button
	exportPackage *widget.Button
	importPackage *widget.Button
	empty         *widget.Label

	undoBar   *fyne.Container
	undoLabel *widget.Label
	undo      *widget.Button
	undoID    string

	// The dialogs' inputs, kept for tests.
	newName, newTax   *widget.Entry
	newProgramme      *widget.Select
	newFund           *widget.Select
	newProvince       *widget.Select
	newYear, copyYear *widget.Entry
	lastDuplicateWarn string
	dlg               dialog.Dialog // the form dialog open now
	root              fyne.CanvasObject
}

func newHomeScreen(a *App) *homeScreen {
	h := &homeScreen{a: a}
	h.search = widget.NewEntry()
	h.search.SetPlaceHolder(tr("Tìm theo tên hoặc mã số thuế (Ctrl+F)"))
	h.search.OnChanged = func(string) { h.reload() }

	h.clientList = widget.NewList(
		func() int { return len(h.clients) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.SizeName = theme.SizeNameCaptionText
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := h.clients[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(displayName(c.Enterprise))
			sub := tr("MST ") + c.Enterprise.TaxCode
			if p, ok := forms.ProvinceByCode(c.Enterprise.Address.Province); ok {
				sub += " · " + p.FullName()
			}
			box.Objects[1].(*widget.Label).SetText(sub)
		})
	h.clientList.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(h.clients) {
			h.selectClient(h.clients[i].ID)
		}
	}

	h.addClient = widget.NewButtonWithIcon(tr("Thêm khách hàng"), theme.ContentAddIcon(), h.askNewClient)
	h.addClient.Importance = widget.HighImportance
	h.editClient = widget.NewButtonWithIcon(tr("Sửa hồ sơ khách hàng"), theme.DocumentCreateIcon(), func() {
		if c := h.client(); c != nil {
			a.showProfile(c)
		}
	})
	h.removeClient = widget.NewButtonWithIcon(tr("Xóa"), theme.DeleteIcon(), h.deleteClient)
	h.restore = widget.NewButtonWithIcon(tr("Khôi phục"), theme.ViewRestoreIcon(), h.restoreSelected)
	h.trashToggle = widget.NewButtonWithIcon(tr("Thùng rác"), theme.DeleteIcon(), func() {
		h.trash = !h.trash
		h.selected, h.selectedApp = "", ""
		h.clientList.UnselectAll()
		h.reload()
	})
	h.emptyTrash = widget.NewButton(tr("Dọn sạch thùng rác"), func() {
		dialog.ShowConfirm(tr("Dọn sạch thùng rác"), tr("Xóa hẳn mọi khách hàng và hồ sơ trong thùng rác? Việc này không hoàn tác được."), func(ok bool) {
			if !ok {
				return
			}
			if err := a.deps.Store.EmptyTrash(); err != nil {
				a.showError(tr("Không dọn được thùng rác"), err, tr("Thử lại; nếu vẫn lỗi, khởi động lại ứng dụng."))
			}
			h.reload()
		}, a.w)
	})

	h.clientTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.clientTitle.Wrapping = fyne.TextWrapWord
	h.dossierList = widget.NewList(
		func() int { return len(h.dossiers) },
		func() fyne.CanvasObject {
			prog := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			prog.Truncation = fyne.TextTruncateEllipsis
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("")
			meta.SizeName = theme.SizeNameCaptionText
			meta.TextStyle = fyne.TextStyle{Italic: true}
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(prog, title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := h.dossiers[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %d", programmeLabel(s.Programme), s.Year))
			t := s.Title
			if t == "" {
				t = tr("(chưa có tên đề án)")
			}
			if h.trash {
				t = s.ClientName + ": " + t
			}
			box.Objects[1].(*widget.Label).SetText(t)
			box.Objects[2].(*widget.Label).SetText(fmt.Sprintf(tr("%s · hoàn thành %d%% · sửa lần cuối %s"),
				statusLabel(s.Status), s.Completeness, s.UpdatedAt.Local().Format("02/01/2006 15:04")))
		})
	h.dossierList.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(h.dossiers) {
			h.selectedApp = h.dossiers[i].ID
			h.refreshButtons()
		}
	}
	h.newDossier = widget.NewButtonWithIcon(tr("Hồ sơ mới (Ctrl+N)"), theme.ContentAddIcon(), h.askNewDossier)
	h.newDossier.Importance = widget.HighImportance
	h.openDossier = widget.NewButtonWithIcon(tr("Mở hồ sơ"), theme.FolderOpenIcon(), func() {
		if h.selectedApp != "" {
			a.openDossier(h.selectedApp)
		}
	})
	h.copyDossier = widget.NewButtonWithIcon(tr("Sao chép sang năm khác"), theme.ContentCopyIcon(), h.askCopy)
	h.removeDossier = widget.NewButtonWithIcon(tr("Xóa hồ sơ"), theme.DeleteIcon(), h.deleteDossier)
	h.exportPackage = widget.NewButtonWithIcon(tr("Xuất gói bàn giao"), theme.UploadIcon(), h.askExportPackage)
	h.importPackage = widget.NewButtonWithIcon(tr("Nhập gói bàn giao"), theme.DownloadIcon(), h.askImportPackage)
	if a.deps.Packager == nil {
		h.exportPackage.Hide()
		h.importPackage.Hide()
	}
	h.empty = widget.NewLabel("")
	h.empty.Wrapping = fyne.TextWrapOff // centred: a wrapping label would shrink to one letter per line
	h.empty.Alignment = fyne.TextAlignCenter
	h.tryDemo = widget.NewButtonWithIcon(tr("Thêm 3 khách hàng mẫu để dùng thử"), theme.ContentAddIcon(), h.addSamples)
	h.tryDemo.Hide()

	h.undoLabel = widget.NewLabel("")
	h.undoLabel.Truncation = fyne.TextTruncateEllipsis
	h.undo = widget.NewButtonWithIcon(tr("Hoàn tác"), theme.ContentUndoIcon(), h.undoDelete)
	h.undoBar = container.NewBorder(nil, nil, nil, h.undo, h.undoLabel)
	h.undoBar.Hide()

	left := container.NewBorder(
		container.NewVBox(h.search, container.NewHBox(h.addClient, h.trashToggle)),
		container.NewVBox(h.undoBar, container.NewHBox(h.editClient, h.removeClient, h.restore, h.emptyTrash)),
		nil, nil, h.clientList)
	right := container.NewBorder(
		container.NewVBox(h.clientTitle, container.NewHBox(h.newDossier, h.openDossier, h.copyDossier)),
		container.NewHBox(h.exportPackage, h.importPackage, h.removeDossier),
		nil, nil, container.NewStack(h.dossierList, container.NewCenter(container.NewVBox(h.empty, container.NewCenter(h.tryDemo)))))
	split := container.NewHSplit(left, right)
	split.Offset = 0.38
	h.root = split
	return h
}

func displayName(e forms.Enterprise) string {
	if e.Name != "" {
		return e.Name
	}
	return tr("(chưa có tên)")
}

func (h *homeScreen) client() *forms.Client {
	for i := range h.clients {
		if h.clients[i].ID == h.selected {
			c := h.clients[i]
			return &c
		}
	}
	return nil
}

// reload reads the clients (and the selected client's dossiers) from the store.
func (h *homeScreen) reload() {
	cs, err := h.a.deps.Store.Clients(forms.Query{Text: forms.Clean(h.search.Text), Deleted: h.trash})
	if err != nil {
		h.a.showError(tr("Không đọc được thư viện khách hàng"), err, tr("Khởi động lại ứng dụng; nếu vẫn lỗi, khôi phục bản sao lưu trong Cài đặt."))
	}
	h.clients = cs
	h.clientList.Refresh()
	found := false
	for i, c := range cs {
		if c.ID == h.selected {
			found = true
			h.clientList.Select(i)
		}
	}
	if !found {
		h.selected = ""
		h.clientList.UnselectAll()
	}
	h.loadDossiers()
}

func (h *homeScreen) selectClient(id string) {
	if h.selected != id {
		h.selectedApp = ""
	}
	h.selected = id
	h.loadDossiers()
}

func (h *homeScreen) loadDossiers() {
	h.dossiers = nil
	c := h.client()
	switch {
	case h.trash:
		h.dossiers, _ = h.a.deps.Store.Applications(forms.Query{Deleted: true})
		h.clientTitle.SetText(tr("Thùng rác: chọn khách hàng hoặc hồ sơ rồi bấm Khôi phục"))
	case c == nil:
		h.clientTitle.SetText(tr("Chọn một khách hàng bên trái, hoặc thêm khách hàng mới"))
	default:
		var err error
		h.dossiers, err = h.a.deps.Store.Applications(forms.Query{ClientID: c.ID})
		if err != nil {
			h.a.showError(tr("Không đọc được danh sách hồ sơ"), err, tr("Thử lại; nếu vẫn lỗi, khởi động lại ứng dụng."))
		}
		h.clientTitle.SetText(displayName(c.Enterprise))
	}
	keep := false
	for i, d := range h.dossiers {
		if d.ID == h.selectedApp {
			keep = true
			h.dossierList.Select(i)
		}
	}
	if !keep {
		h.selectedApp = ""
		h.dossierList.UnselectAll()
	}
	h.dossierList.Refresh()
	h.tryDemo.Hide()
	switch {
	case len(h.clients) == 0 && !h.trash && h.search.Text == "":
		h.empty.SetText(tr("Thư viện chưa có khách hàng nào.\nBấm \"Thêm khách hàng\" để bắt đầu."))
		h.tryDemo.Show()
	case c != nil && len(h.dossiers) == 0 && !h.trash:
		h.empty.SetText(tr("Khách hàng này chưa có hồ sơ.\nBấm \"Hồ sơ mới\" để lập hồ sơ đầu tiên."))
	default:
		h.empty.SetText("")
	}
	h.refreshButtons()
}

func (h *homeScreen) refreshButtons() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	hasClient := h.selected != ""
	hasApp := h.selectedApp != ""
	enable(h.editClient, hasClient && !h.trash)
	enable(h.removeClient, hasClient && !h.trash)
	enable(h.newDossier, hasClient && !h.trash)
	enable(h.openDossier, hasApp && !h.trash)
	enable(h.copyDossier, hasApp && !h.trash)
	enable(h.removeDossier, hasApp && !h.trash)
	enable(h.exportPackage, hasApp && !h.trash)
	enable(h.restore, (hasClient || hasApp) && h.trash)
	if h.trash {
		h.trashToggle.SetText(tr("Quay lại thư viện"))
		h.restore.Show()
		h.emptyTrash.Show()
		h.removeClient.Hide()
	} else {
		h.trashToggle.SetText(tr("Thùng rác"))
		h.restore.Hide()
		h.emptyTrash.Hide()
		h.removeClient.Show()
	}
}

// closeDialog hides the form dialog when its action runs without its button (keyboard, tests).
func (h *homeScreen) closeDialog() {
	if h.dlg != nil {
		h.dlg.Hide()
		h.dlg = nil
	}
}

// askNewClient asks for the two things that identify a client, then opens the profile.
func (h *homeScreen) askNewClient() {
	h.newName = widget.NewEntry()
	h.newName.SetPlaceHolder(tr("Ví dụ: Công ty TNHH Cơ khí Phước Hưng"))
	h.newTax = widget.NewEntry()
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
	h.newYear = widget.NewEntry()
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
	app := newApplication(h.a, c, prog, fund, year)
	if err := h.a.deps.Store.SaveApplication(app); err != nil {
		h.a.showError(tr("Không lưu được hồ sơ mới"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
		return
	}
	h.a.openApplication(app)
}

// newApplication starts a dossier from the client's profile.
func newApplication(a *App, c *forms.Client, p forms.Programme, fund forms.Fund, year int) *forms.Application {
	now := a.now()
	def := forms.Definition(p)
	app := &forms.Application{FormatVersion: forms.FormatVersion, ClientID: c.ID, Programme: p, Fund: fund, Year: year,
		Status: forms.StatusDraft, Enterprise: c.Enterprise, CreatedAt: now, UpdatedAt: now}
	if len(def.Scopes) > 0 {
		app.Project.Scope = def.Scopes[0].Value
	}
	app.Signer = c.Enterprise.Representative
	app.Signer.IDNumber = ""
	if n := a.prefs.String(prefSignerName); n != "" && app.Signer.Name == "" {
		app.Signer = forms.Person{Name: n, Title: a.prefs.String(prefSignerRole)}
	}
	if pr, ok := forms.ProvinceByCode(fund.Province); ok {
		app.Letter.Recipient = "Sở Công Thương " + pr.FullName()
	}
	return app
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
	h.copyYear = widget.NewEntry()
	h.copyYear.SetText(strconv.Itoa(src.Year + 1))
	items := []*widget.FormItem{{Text: tr("Năm kế hoạch của bản sao"), Widget: h.copyYear,
		HintText: tr("Thông tin cơ sở lấy từ hồ sơ khách hàng hiện nay; ngày tháng lùi theo số năm")}}
	h.dlg = dialog.NewForm(tr("Sao chép hồ sơ"), tr("Sao chép"), tr("Hủy"), items, func(ok bool) {
		if ok {
			h.copyInto(src, false)
		}
	}, h.a.w)
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
	cp := copyForYear(src, year, h.a.now())
	if c, err := h.a.deps.Store.Client(src.ClientID); err == nil {
		cp.Enterprise = c.Enterprise
	}
	if err := h.a.deps.Store.SaveApplication(cp); err != nil {
		h.a.showError(tr("Không lưu được bản sao"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
		return
	}
	h.a.openApplication(cp)
}

// copyForYear returns a new draft with src's answers, its dates moved by the difference in years.
func copyForYear(src *forms.Application, year int, now time.Time) *forms.Application {
	cp := cloneApplication(src)
	shift := year - src.Year
	move := func(d *forms.Date) {
		if d.IsZero() || shift == 0 {
			return
		}
		d.Y += shift
		if d.M == 2 && d.D == 29 {
			d.D = 28
		}
	}
	cp.ID = ""
	cp.Year = year
	cp.Status = forms.StatusDraft
	cp.CreatedAt, cp.UpdatedAt = now, now
	cp.Letter.Date = forms.Date{}
	cp.Letter.Number = ""
	move(&cp.Project.StartDate)
	move(&cp.Project.EndDate)
	for i := range cp.Project.Schedule {
		move(&cp.Project.Schedule[i].Start)
		move(&cp.Project.Schedule[i].End)
	}
	move(&cp.Project.Fair.Start)
	move(&cp.Project.Fair.End)
	cp.Project.PriorSupportThisYear = 0
	return cp
}

func (h *homeScreen) askExportPackage() {
	if h.selectedApp == "" || h.a.deps.Packager == nil {
		return
	}
	h.a.pick(pickRequest{Kind: nativedialog.Save, Title: tr("Lưu gói bàn giao vào…"), Filter: tr("Gói bàn giao (*.zip)"),
		Exts: []string{".zip"}, Name: packageName(h.selectedSummary())}, h.exportPackageTo)
}

func (h *homeScreen) selectedSummary() forms.ApplicationSummary {
	for _, s := range h.dossiers {
		if s.ID == h.selectedApp {
			return s
		}
	}
	return forms.ApplicationSummary{}
}

func packageName(s forms.ApplicationSummary) string {
	tax := s.TaxCode
	if tax == "" {
		tax = "hoso"
	}
	return fmt.Sprintf("%s-%s-%d.zip", tax, s.Programme, s.Year)
}

// exportPackageTo writes the selected dossier's hand-off package in the background.
func (h *homeScreen) exportPackageTo(path string) {
	id := h.selectedApp
	h.a.saver.flush()
	h.a.background(func() {
		err := h.a.deps.Packager.Export(id, path)
		fyne.Do(func() {
			if err != nil {
				h.a.showError(tr("Không xuất được gói bàn giao"), err, tr("Chọn thư mục khác (còn chỗ trống, không bị khóa) rồi thử lại."))
				return
			}
			dialog.ShowInformation(tr("Đã xuất gói bàn giao"), path, h.a.w)
		})
	})
}

func (h *homeScreen) askImportPackage() {
	if h.a.deps.Packager == nil {
		return
	}
	h.a.pick(pickRequest{Kind: nativedialog.Open, Title: tr("Chọn gói bàn giao"), Filter: tr("Gói bàn giao (*.zip)"), Exts: []string{".zip"}},
		func(path string) { h.importPackageFrom(path, forms.ImportAsk) })
}

// importPackageFrom imports a hand-off package; when the client exists, it asks merge or copy.
func (h *homeScreen) importPackageFrom(path string, mode forms.ImportMode) {
	h.a.background(func() {
		clientID, err := h.a.deps.Packager.Import(path, mode)
		fyne.Do(func() {
			switch {
			case errors.Is(err, forms.ErrClientExists):
				msg := widget.NewLabel(tr("Thư viện đã có khách hàng cùng mã số thuế với hồ sơ trong gói.\nGộp hồ sơ vào khách hàng đó, hay tạo một khách hàng mới (bản sao)?"))
				var d dialog.Dialog
				merge := widget.NewButton(tr("Gộp vào khách hàng đã có"), func() { d.Hide(); h.importPackageFrom(path, forms.ImportMerge) })
				merge.Importance = widget.HighImportance
				cp := widget.NewButton(tr("Tạo bản sao"), func() { d.Hide(); h.importPackageFrom(path, forms.ImportCopy) })
				cancel := widget.NewButton(tr("Hủy"), func() { d.Hide() })
				d = dialog.NewCustomWithoutButtons(tr("Khách hàng đã có"), container.NewVBox(msg, container.NewHBox(merge, cp, cancel)), h.a.w)
				d.Show()
			case err != nil:
				h.a.showError(tr("Không nhập được gói bàn giao"), err, tr("Kiểm tra tệp có đúng là gói bàn giao của Hồ sơ Khuyến công và không bị hỏng, rồi thử lại."))
			default:
				h.trash = false
				h.search.SetText("")
				h.selected = clientID
				h.reload()
				dialog.ShowInformation(tr("Đã nhập gói bàn giao"), tr("Hồ sơ đã được thêm vào thư viện."), h.a.w)
			}
		})
	})
}
