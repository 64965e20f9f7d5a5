package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// ReadOnlyStore is a store that may be open read-only: a damaged library opened to look at it and
// copy out what is still good (boltstore's Store). ReadOnly returns why, or nil when the store
// takes writes.
type ReadOnlyStore interface {
	ReadOnly() error
}

// storeReadOnly is why the store takes no writes, or nil.
func storeReadOnly(s forms.Store) error {
	if r, ok := s.(ReadOnlyStore); ok {
		return r.ReadOnly()
	}
	return nil
}

// readOnlyBanner is the strip above every screen while the library is read-only: what is going on
// and the way out (the backups, in the settings).
func (a *App) readOnlyBanner() fyne.CanvasObject {
	msg := widget.NewLabelWithStyle(tr("Thư viện đang mở chỉ để đọc vì bị hỏng — khôi phục từ bản sao lưu"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	a.restoreBt = widget.NewButtonWithIcon(tr("Khôi phục từ bản sao lưu"), theme.HistoryIcon(), func() { a.showSettings() })
	a.restoreBt.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), a.restoreBt, msg)
}

// refuseEdit is what a change does while the library is read-only: nothing is saved, and the
// first time the user is told why (once, not at every key).
func (a *App) refuseEdit() {
	a.showReadOnlyStatus()
	if a.readOnlyTold {
		return
	}
	a.readOnlyTold = true
	a.lastError = a.readOnly.Error()
	dialog.ShowInformation(tr("Thư viện chỉ để đọc"),
		tr("Thư viện này bị hỏng nên chỉ mở để xem: ứng dụng không lưu thay đổi nào vào nó, để không làm hỏng thêm. Hãy khôi phục từ bản sao lưu (nút ở dải cảnh báo phía trên) rồi sửa tiếp."), a.w)
}

// showReadOnlyStatus puts "Chỉ đọc" where "Đã lưu" usually is.
func (a *App) showReadOnlyStatus() {
	a.saved.Importance = widget.DangerImportance
	a.saved.SetText(tr("Chỉ đọc – không lưu thay đổi"))
}

// disableInputs disables every input in o (entries, selects, checks, buttons), so that a
// read-only library's answers can be read and copied but not changed.
func disableInputs(o fyne.CanvasObject) {
	if d, ok := o.(fyne.Disableable); ok {
		d.Disable()
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			disableInputs(c)
		}
	case *container.Scroll:
		disableInputs(x.Content)
	case *widget.Card:
		if x.Content != nil {
			disableInputs(x.Content)
		}
	}
}
