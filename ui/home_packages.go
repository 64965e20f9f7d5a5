package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"khuyencong/forms"
	"khuyencong/ui/nativedialog"
)

// Hand-off packages: export the selected dossier, import one.

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

// packageName names a hand-off package like the dossier's own files: "Hồ sơ khuyến công 2027 -
// Phước Hưng - Máy móc thiết bị - gói chuyển giao.zip".
func packageName(s forms.ApplicationSummary) string {
	app := &forms.Application{Programme: s.Programme, Year: s.Year, Enterprise: forms.Enterprise{Name: s.ClientName}}
	return forms.DossierFileName(app, "") + " - gói chuyển giao.zip"
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
				h.a.askMergeOrCopy(tr("Thư viện đã có khách hàng cùng mã số thuế với hồ sơ trong gói.\nGộp hồ sơ vào khách hàng đó, hay tạo một khách hàng mới (bản sao)?"),
					func(mode forms.ImportMode) { h.importPackageFrom(path, mode) })
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
