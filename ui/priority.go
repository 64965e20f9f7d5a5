package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// priorityCard shows how the dossier stands against the priorities of the plan year's guidance:
// its level, the priorities it meets and why, and what would raise it.
func priorityCard(app *forms.Application) fyne.CanvasObject {
	pack, err := forms.PriorityPackFor(app.Year, forms.DefaultPriorityPacks())
	if err != nil {
		return widget.NewCard(tr("Nội dung ưu tiên"), "", widget.NewLabel(err.Error()))
	}
	r := forms.EvaluatePriority(app, pack)
	box := container.NewVBox()
	level := widget.NewLabelWithStyle(fmt.Sprintf(tr("Mức ưu tiên: %s"), inLang(r.Label, r.LabelEN)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if len(r.Met) > 0 {
		level.Importance = widget.SuccessImportance
	}
	box.Add(level)
	for _, m := range r.Met {
		l := widget.NewLabel(inLang(m.Label, m.LabelEN) + " – " + inLang(m.Reason, m.ReasonEN))
		l.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, l))
	}
	for _, m := range r.Missing {
		l := widget.NewLabel(inLang(m.Label, m.LabelEN) + "\n" + tr("Để được ưu tiên: ") + inLang(m.Hint, m.HintEN))
		l.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, l))
	}
	sub := fmt.Sprintf(tr("Theo hướng dẫn xây dựng kế hoạch khuyến công năm %d"), pack.Year)
	if pack.Year != app.Year {
		sub += fmt.Sprintf(tr(" (chưa có hướng dẫn năm %d)"), app.Year)
	}
	note := widget.NewLabel(sub)
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	box.Add(note)
	return widget.NewCard(tr("Nội dung ưu tiên"), "", box)
}
