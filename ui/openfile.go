package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// Raise brings the window to the front: a second start of the app asks for it.
func (a *App) Raise() {
	a.w.Show()
	a.w.RequestFocus()
}

// OpenFile takes a file handed to the app (opened from the file manager, or by a second start):
// a dossier file (.hoso.json) or a hand-off package (.zip) is imported into the library.
func (a *App) OpenFile(path string) {
	a.Raise()
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		if a.deps.Packager == nil {
			a.showError(tr("Không mở được tệp"), errors.New(tr("phiên bản này không nhập được gói bàn giao")), "")
			return
		}
		a.showHome()
		a.home.importPackageFrom(path, forms.ImportAsk)
	case strings.HasSuffix(lower, ".json"):
		a.importDossierFile(path, forms.ImportAsk)
	default:
		a.showError(tr("Không mở được tệp"), fmt.Errorf(tr("%s không phải tệp hồ sơ (.hoso.json) hay gói bàn giao (.zip)"), path), "")
	}
}

// importDossierFile stores a .hoso.json dossier in the library; when the client is already
// there, it asks whether to merge or make a copy.
func (a *App) importDossierFile(path string, mode forms.ImportMode) {
	f, err := os.Open(path)
	var app *forms.Application
	if err == nil {
		app, err = forms.ReadApplication(f)
		f.Close()
	}
	if err != nil {
		a.showError(tr("Không mở được tệp hồ sơ"), err, tr("Kiểm tra đã chọn đúng tệp .hoso.json và tệp không bị hỏng."))
		return
	}
	clientID, err := a.deps.Store.ImportApplication(app, mode)
	switch {
	case errors.Is(err, forms.ErrClientExists):
		a.askMergeOrCopy(tr("Thư viện đã có khách hàng cùng mã số thuế với hồ sơ này.\nGộp hồ sơ vào khách hàng đó, hay tạo một khách hàng mới (bản sao)?"),
			func(mode forms.ImportMode) { a.importDossierFile(path, mode) })
	case err != nil:
		a.showError(tr("Không nhập được hồ sơ"), err, tr("Thử lại; nếu vẫn lỗi, khôi phục thư viện từ bản sao lưu trong Cài đặt."))
	default:
		a.showHome()
		a.home.selected = clientID
		a.home.reload()
		dialog.ShowInformation(tr("Đã nhập hồ sơ"), fmt.Sprintf(tr("Hồ sơ %s đã được thêm vào thư viện."), path), a.w)
	}
}

// askMergeOrCopy asks, when an imported dossier's client is already in the library (question),
// whether to merge into that client or make a copy, and imports again with the mode chosen.
func (a *App) askMergeOrCopy(question string, again func(forms.ImportMode)) {
	msg := widget.NewLabel(question)
	var d dialog.Dialog
	merge := widget.NewButton(tr("Gộp vào khách hàng đã có"), func() { d.Hide(); again(forms.ImportMerge) })
	merge.Importance = widget.HighImportance
	cp := widget.NewButton(tr("Tạo bản sao"), func() { d.Hide(); again(forms.ImportCopy) })
	cancel := widget.NewButton(tr("Hủy"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(tr("Khách hàng đã có"), container.NewVBox(msg, container.NewHBox(merge, cp, cancel)), a.w)
	d.Show()
}
