package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowDamaged tells the user the library is damaged (msg says what is damaged, which backups are
// good and the restore command) and offers to restore the newest good backup; when the library
// could be opened read-only, it also offers to look at it (view) to copy out what is still good.
// restore and view return the app to show next (nil funcs hide their buttons); on success the
// prompt closes and that app's window opens. It runs the event loop until the last window closes.
func ShowDamaged(fa fyne.App, msg string, restore, view func() (*App, error)) {
	w := fa.NewWindow(tr("Hồ sơ Khuyến công"))
	w.SetContent(damagedContent(w, msg, restore, view))
	w.Resize(fyne.NewSize(680, 420))
	w.CenterOnScreen()
	w.ShowAndRun()
}

// damagedContent is the prompt's content, with its buttons wired to w.
func damagedContent(w fyne.Window, msg string, restore, view func() (*App, error)) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(tr("Thư viện hồ sơ bị hỏng: ứng dụng không ghi gì vào thư viện này"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButton(tr("Đóng"), func() { w.Close() })
	open := func(btn *widget.Button, next func() (*App, error), failed string) {
		btn.Disable()
		a, err := next()
		if err != nil {
			status.SetText(tr(failed) + " " + err.Error())
			btn.Enable()
			return
		}
		a.Window().Show()
		w.Close()
	}
	var restoreBtn, viewBtn *widget.Button
	restoreBtn = widget.NewButtonWithIcon(tr("Khôi phục từ bản sao lưu"), theme.HistoryIcon(), func() {
		open(restoreBtn, restore, "Không khôi phục được:")
	})
	restoreBtn.Importance = widget.HighImportance
	if restore == nil {
		restoreBtn.Hide()
	}
	viewBtn = widget.NewButtonWithIcon(tr("Mở để xem (chỉ đọc)"), theme.VisibilityIcon(), func() {
		open(viewBtn, view, "Không mở được:")
	})
	if view == nil {
		viewBtn.Hide()
	}
	buttons := container.NewCenter(container.NewHBox(restoreBtn, viewBtn, closeBtn))
	return container.NewBorder(title, container.NewVBox(status, buttons),
		container.NewPadded(widget.NewIcon(theme.WarningIcon())), nil, container.NewVScroll(lbl))
}
