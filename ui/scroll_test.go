package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// inView reports whether o lies inside the visible part of the scroll s.
func inView(s *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s).Y
	y := d.AbsolutePositionForObject(o).Y
	return y >= top && y+o.Size().Height <= top+s.Size().Height
}

// The wheel scrolls the page with the pointer over a text box, not only over labels.
func TestWheelOverEntryScrollsPage(t *testing.T) {
	ta := newTestApp(t)
	ta.w.Resize(fyne.NewSize(1024, 600))
	w := openNewDossier(t, ta, forms.TradeFair)
	w.showStep(stepIndex(t, w, "enterprise"))
	e := w.inputs["enterprise.name"].(fyne.CanvasObject)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(10, 10))
	if w.scroll.Offset.Y != 0 {
		t.Fatalf("the step starts scrolled by %v", w.scroll.Offset.Y)
	}
	test.Scroll(ta.w.Canvas(), pos, 0, -120)
	if w.scroll.Offset.Y <= 0 {
		t.Errorf("wheel over the name box: page offset %v, want the page scrolled", w.scroll.Offset.Y)
	}
}

// Tab to a field below the visible part scrolls it into view; Tab leaves a multi-line box.
func TestTabScrollsFieldIntoView(t *testing.T) {
	ta := newTestApp(t)
	ta.w.Resize(fyne.NewSize(1024, 600))
	w := openNewDossier(t, ta, forms.TradeFair)
	w.showStep(stepIndex(t, w, "enterprise"))
	c := ta.w.Canvas()
	fields := map[fyne.Focusable]bool{}
	for _, in := range w.inputs {
		fields[in] = true
	}
	moved := false
	for i := 0; i < 40; i++ {
		test.FocusNext(c)
		o, ok := c.Focused().(fyne.CanvasObject)
		if !ok || !fields[c.Focused()] {
			continue
		}
		if !inView(w.scroll, o) {
			t.Fatalf("after %d Tabs the focused %T is out of view (page offset %v)", i+1, o, w.scroll.Offset.Y)
		}
		if w.scroll.Offset.Y > 0 {
			moved = true
		}
	}
	if !moved {
		t.Error("forty Tabs through the applicant step never scrolled the page")
	}
	for _, s := range w.steps {
		for _, f := range s.Fields {
			if f.Kind != forms.FieldMultiline {
				continue
			}
			w.showStep(stepIndex(t, w, s.ID))
			in := w.inputs[f.Path]
			if tb, ok := in.(fyne.Tabbable); ok && tb.AcceptsTab() {
				t.Errorf("the multi-line box %s takes Tab as a character", f.Path)
			}
			return
		}
	}
	t.Error("no multi-line question found")
}

// Tab through a budget line goes content, unit, quantity, price, cost type, then its buttons; a
// new line is scrolled into view and has the cursor.
func TestBudgetLineTabOrderAndNewLineInView(t *testing.T) {
	ta := newTestApp(t)
	ta.w.Resize(fyne.NewSize(1024, 600))
	w := openNewDossier(t, ta, forms.TradeFair)
	w.showStep(stepIndex(t, w, "budget"))
	b := w.budget
	test.Tap(b.add)
	r := b.rows[0]
	c := ta.w.Canvas()
	if c.Focused() != r.desc {
		t.Fatalf("new line: focus on %T, want its content", c.Focused())
	}
	want := []fyne.Focusable{r.unit, r.quantity, r.price, r.costType, r.remove}
	names := []string{"unit", "quantity", "price", "cost type", "delete"}
	for i, f := range want {
		test.FocusNext(c)
		if c.Focused() != f {
			t.Fatalf("Tab %d from the content: focus on %T, want the %s", i+1, c.Focused(), names[i])
		}
	}
	for i := 0; i < 8; i++ {
		test.Tap(b.add)
	}
	last := b.rows[len(b.rows)-1]
	if c.Focused() != last.desc {
		t.Errorf("after adding line %d the focus is on %T", len(b.rows), c.Focused())
	}
	if !inView(w.scroll, last.desc) {
		t.Errorf("line %d is out of view (page offset %v)", len(b.rows), w.scroll.Offset.Y)
	}
}
