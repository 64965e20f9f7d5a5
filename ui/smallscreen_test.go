package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"khuyencong/forms"
)

// On a 1024×600 or 1366×768 laptop the window does not need to grow: every screen's minimum size
// fits, and the buttons at the edges (Tiếp theo, Cài đặt, a budget line's delete) are inside.
func TestSmallScreensFit(t *testing.T) {
	for i, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1366, Height: 768}, {Width: 1024, Height: 600}} {
		prog := forms.Equipment
		if i == 2 {
			prog = forms.TradeFair // the longest step names
		}
		ta := newTestApp(t)
		c := ta.seedClient(t, prog)
		sample := forms.Sample(prog)
		sample.ClientID = c.ID
		if err := ta.store.SaveApplication(sample); err != nil {
			t.Fatal(err)
		}
		ta.w.Resize(size)
		ta.openDossier(sample.ID)
		w := ta.wizard
		d := fyne.CurrentApp().Driver()
		// inside checks o is within the window; scrolled: o is in a page that scrolls vertically.
		inside := func(where string, o fyne.CanvasObject, scrolled ...bool) {
			t.Helper()
			p := d.AbsolutePositionForObject(o)
			if p.X < 0 || p.X+o.Size().Width > size.Width+0.5 || (len(scrolled) == 0 && p.Y+o.Size().Height > size.Height+0.5) {
				t.Errorf("%v, %s: %T at %v size %v is cut off", size, where, o, p, o.Size())
			}
		}
		for _, step := range []string{"general", "enterprise", "budget", "review"} {
			if step == "review" {
				w.showStep(len(w.steps))
			} else {
				w.showStep(stepIndex(t, w, step))
			}
			if m := ta.w.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
				t.Errorf("%v, step %s: the window needs at least %v", size, step, m)
			}
			inside(step+": Cài đặt", ta.settingsBt)
			if step != "review" {
				inside(step+": Tiếp theo", w.next)
			}
			if step == "budget" {
				r := w.budget.rows[len(w.budget.rows)-1]
				inside("budget: delete button", r.remove, true)
				inside("budget: counterpart", r.counterpart, true)
			}
		}
		ta.showHome()
		if m := ta.w.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
			t.Errorf("%v, library: the window needs at least %v", size, m)
		}
	}
}

// Status marks are theme icons: no ✓, ⚠ or ✗ glyph (a missing-glyph box in some Windows fonts)
// is drawn on any screen of a dossier.
func TestNoGlyphStatusMarks(t *testing.T) {
	ta := newTestApp(t)
	c := ta.seedClient(t, forms.TradeFair)
	sample := forms.Sample(forms.TradeFair)
	sample.ClientID = c.ID
	sample.Budget.Lines = append(sample.Budget.Lines, forms.BudgetLine{CostType: "other", Description: "Chi phí khác", Unit: "gói", Quantity: forms.QuantityOf(1), UnitPrice: 1000})
	if err := ta.store.SaveApplication(sample); err != nil {
		t.Fatal(err)
	}
	ta.openDossier(sample.ID)
	w := ta.wizard
	for i := 0; i <= len(w.steps); i++ {
		w.showStep(i)
		for _, s := range canvasTexts(ta.w.Canvas().Content()) {
			if strings.ContainsAny(s, "✓⚠✗✔") {
				t.Errorf("step %d shows the glyph mark in %q", i+1, s)
			}
		}
	}
}

// canvasTexts returns every text drawn under o.
func canvasTexts(o fyne.CanvasObject) []string {
	var out []string
	walkRendered(o, func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		if v, ok := o.(*canvas.Text); ok {
			out = append(out, v.Text)
		}
		return true
	})
	return out
}
