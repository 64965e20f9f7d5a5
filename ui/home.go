package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
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
	newName, newTax   *formEntry
	newProgramme      *widget.Select
	newFund           *widget.Select
	newProvince       *widget.Select
	newYear, copyYear *formEntry
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
			var parts []string
			if c.Enterprise.TaxCode != "" {
				parts = append(parts, tr("MST ")+c.Enterprise.TaxCode)
			} else {
				parts = append(parts, tr("chưa có mã số thuế"))
			}
			if p, ok := forms.ProvinceByCode(c.Enterprise.Address.Province); ok {
				parts = append(parts, p.FullName())
			}
			sub := strings.Join(parts, " · ")
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
			// One click selects, a double click opens the dossier.
			return newTapRow(container.NewVBox(prog, title, meta), func(id int) { h.dossierList.Select(id) }, func(id int) {
				if id >= 0 && id < len(h.dossiers) && !h.trash {
					a.openDossier(h.dossiers[id].ID)
				}
			})
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := h.dossiers[i]
			row := o.(*tapRow)
			row.id = i
			box := row.content.(*fyne.Container)
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
	rw := h.a.readOnly == nil // a damaged library open read-only: look and export, change nothing
	enable(h.editClient, hasClient && !h.trash)
	enable(h.removeClient, rw && hasClient && !h.trash)
	enable(h.newDossier, rw && hasClient && !h.trash)
	enable(h.openDossier, hasApp && !h.trash)
	enable(h.copyDossier, rw && hasApp && !h.trash)
	enable(h.removeDossier, rw && hasApp && !h.trash)
	enable(h.exportPackage, hasApp && !h.trash)
	enable(h.restore, rw && (hasClient || hasApp) && h.trash)
	enable(h.addClient, rw)
	enable(h.importPackage, rw)
	enable(h.emptyTrash, rw)
	enable(h.tryDemo, rw)
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
