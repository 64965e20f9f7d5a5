// Command khuyencong is the desktop app.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("vn.hosokhuyencong.app")
	w := a.NewWindow("Hồ sơ Khuyến công")
	w.SetContent(widget.NewLabel("Hồ sơ Khuyến công"))
	w.ShowAndRun()
}
