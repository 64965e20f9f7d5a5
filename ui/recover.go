package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowDamaged tells the user the data file is damaged and offers to restore the newest good backup.
// restore puts the backup in place and returns the app to show next; on success the prompt closes
// and that app's window opens. It runs the event loop until the last window closes.
func ShowDamaged(fa fyne.App, msg string, restore func() (*App, error)) {
	w := fa.NewWindow(tr("Hồ sơ Khuyến công"))
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButton(tr("Đóng"), func() { w.Close() })
	var restoreBtn *widget.Button
	restoreBtn = widget.NewButtonWithIcon(tr("Khôi phục từ bản sao lưu"), theme.HistoryIcon(), func() {
		restoreBtn.Disable()
		next, err := restore()
		if err != nil {
			status.SetText(tr("Không khôi phục được:") + " " + err.Error())
			restoreBtn.Enable()
			return
		}
		next.Window().Show()
		w.Close()
	})
	restoreBtn.Importance = widget.HighImportance
	if restore == nil {
		restoreBtn.Hide()
	}
	w.SetContent(container.NewBorder(nil, container.NewVBox(status, container.NewCenter(container.NewHBox(restoreBtn, closeBtn))),
		container.NewPadded(widget.NewIcon(theme.WarningIcon())), nil, lbl))
	w.Resize(fyne.NewSize(600, 260))
	w.CenterOnScreen()
	w.ShowAndRun()
}
