package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tapRow is a list row that opens on double-click: one click selects (as the list does), two open.
type tapRow struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	id       int
	onTap    func(id int)
	onDouble func(id int)
}

func newTapRow(content fyne.CanvasObject, onTap, onDouble func(int)) *tapRow {
	r := &tapRow{content: content, onTap: onTap, onDouble: onDouble}
	r.ExtendBaseWidget(r)
	return r
}

func (r *tapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.id)
	}
}

func (r *tapRow) DoubleTapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.id)
	}
	if r.onDouble != nil {
		r.onDouble(r.id)
	}
}

func (r *tapRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }
