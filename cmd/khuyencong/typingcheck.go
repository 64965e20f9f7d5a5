package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"khuyencong/ui/wintyping"
)

// typingCheckTitle is the title of the test window cmd/typingcheck looks for.
const typingCheckTitle = "Kiểm tra gõ tiếng Việt"

// runTypingCheck is a test-only mode for cmd/typingcheck (make windows-typing-check): with
// HOSO_TYPING_CHECK=1 the app opens one focused text field (the same widget as the form fields,
// with the same typing hook) instead of the library, and touches no data file.
// HOSO_TYPING_CHECK_NOHOOK=1 leaves the hook out, to show that the check fails without it.
func runTypingCheck(a fyne.App) bool {
	if os.Getenv("HOSO_TYPING_CHECK") != "1" {
		return false
	}
	w := a.NewWindow(typingCheckTitle)
	e := widget.NewEntry()
	w.SetContent(e)
	w.Resize(fyne.NewSize(640, 100))
	if os.Getenv("HOSO_TYPING_CHECK_NOHOOK") != "1" {
		wintyping.Install(w)
	}
	a.Lifecycle().SetOnStarted(func() { w.Canvas().Focus(e) })
	w.Canvas().Focus(e)
	w.ShowAndRun()
	return true
}
