package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// undoShown is how long the "Đã xóa … — Hoàn tác" bar stays.
const undoShown = 8 * time.Second

// undoBar offers, for a few seconds, to undo the last removal (a budget line, a table row, an
// attachment's file). Ctrl+Z does the same while it is shown.
type undoBar struct {
	label  *widget.Label
	button *widget.Button
	root   *fyne.Container
	action func()
	shown  int // counts the offers, so that an old timer does not hide a newer one
}

func newUndoBar() *undoBar {
	u := &undoBar{label: widget.NewLabel("")}
	u.label.Truncation = fyne.TextTruncateEllipsis
	u.button = widget.NewButtonWithIcon(tr("Hoàn tác (Ctrl+Z)"), theme.ContentUndoIcon(), func() { u.undo() })
	u.button.Importance = widget.HighImportance
	u.root = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, u.button, u.label))
	u.root.Hide()
	return u
}

// offer shows msg with the Hoàn tác button; undo runs when it is pressed.
func (u *undoBar) offer(msg string, undo func()) {
	u.shown++
	n := u.shown
	u.action = undo
	u.label.SetText(msg)
	u.root.Show()
	time.AfterFunc(undoShown, func() {
		fyne.Do(func() {
			if u.shown == n {
				u.dismiss()
			}
		})
	})
}

// undo runs the offered action once; it reports whether there was one.
func (u *undoBar) undo() bool {
	f := u.action
	u.dismiss()
	if f == nil {
		return false
	}
	f()
	return true
}

func (u *undoBar) dismiss() {
	u.action = nil
	u.root.Hide()
}
