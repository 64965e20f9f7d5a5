package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"khuyencong/forms"
)

// messageUnder returns the visible message under the entry of a question step, or "".
func messageUnder(w *wizardScreen, path string) string {
	if w.form == nil {
		return ""
	}
	l := w.form.msgs[path]
	if l == nil || !l.Visible() {
		return ""
	}
	return l.Text
}

// An invalid amount never counts: the message says why, the line and the totals show "—", the
// stored price is empty, the step loses its tick and the final dossier is refused.
func TestInvalidAmountDoesNotCount(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	bi := stepIndex(t, w, "budget")
	w.showStep(bi)
	b := w.budget
	test.Tap(b.add)
	r := b.rows[0]
	test.Type(r.desc, "Thuê gian hàng")
	r.costType.SetSelectedIndex(0)
	test.Type(r.quantity, "2")
	test.Type(r.price, "1")
	if b.total.Text != "2 đồng" {
		t.Fatalf("total after 2 × 1: %q", b.total.Text)
	}
	for _, tc := range []struct{ typed, want string }{
		{",5", "thập phân"},          // "1,5": decimals in đồng
		{".5", "3 chữ số"},           // "1.5": not silently 15
		{"99999999999999", "hợp lý"}, // 999999999999999: above the plausible bound
	} {
		r.price.SetText("")
		test.Type(r.price, "1"+tc.typed)
		if r.price.Text != "1"+tc.typed && !strings.Contains(tc.typed, "9") {
			t.Errorf("typed 1%s, the field shows %q", tc.typed, r.price.Text)
		}
		if !r.msg.Visible() || !strings.Contains(r.msg.Text, tc.want) {
			t.Errorf("price 1%s: message %q (visible %v), want one about %q", tc.typed, r.msg.Text, r.msg.Visible(), tc.want)
		}
		if r.total.Text != "—" || b.total.Text != "—" || b.support.Text != "—" {
			t.Errorf("price 1%s: line total %q, total %q: a stale or wrong value shows", tc.typed, r.total.Text, b.total.Text)
		}
		if w.app.Budget.Lines[0].UnitPrice != 0 {
			t.Errorf("price 1%s: stored %v, want nothing stored", tc.typed, w.app.Budget.Lines[0].UnitPrice)
		}
		if got := w.outlineItems[bi]; got.Icon != theme.ErrorIcon() {
			t.Errorf("price 1%s: the budget step shows %q with icon %v, want the error icon", tc.typed, got.Text, got.Icon)
		}
	}
	// A final dossier is refused while the price is invalid.
	before := len(ta.exporter.requests)
	w.generateInto(t.TempDir(), "")
	if len(ta.exporter.requests) != before || !strings.Contains(ta.lastError, "ô nhập sai") {
		t.Errorf("generation with an invalid price: %d exports, last error %q", len(ta.exporter.requests)-before, ta.lastError)
	}
	// The three ways of writing one and a half million are read alike.
	for _, typed := range []string{"1.500.000", "1500000", "1 500 000"} {
		w.showStep(bi)
		b, r = w.budget, w.budget.rows[0]
		r.price.SetText("")
		test.Type(r.price, typed)
		if w.app.Budget.Lines[0].UnitPrice != 1_500_000 || r.msg.Visible() {
			t.Errorf("typed %q: stored %v, message %q", typed, w.app.Budget.Lines[0].UnitPrice, r.msg.Text)
		}
		if b.total.Text != "3.000.000 đồng" {
			t.Errorf("typed %q: total %q", typed, b.total.Text)
		}
	}
	if got := w.outlineItems[bi]; got.Icon == theme.ErrorIcon() {
		t.Errorf("after fixing the price the budget step still shows %q with the error icon", got.Text)
	}
}

// Counts and dates are checked as they are typed, with a message under the field.
func TestCountsAndDatesCheckedOnEntry(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	si := stepIndex(t, w, w.def.StepOfPath("project.fair.booths"))
	w.showStep(si)
	booths := entryAt(t, w.inputs, "project.fair.booths")
	for _, typed := range []string{"hai", "-2"} {
		booths.SetText("")
		test.Type(booths, typed)
		if m := messageUnder(w, "project.fair.booths"); !strings.Contains(m, "ví dụ") {
			t.Errorf("booths %q: message %q, want what is wrong and an example", typed, m)
		}
		if w.app.Project.Fair.Booths != 0 {
			t.Errorf("booths %q stored as %d", typed, w.app.Project.Fair.Booths)
		}
		if got := w.outlineItems[si]; got.Icon != theme.ErrorIcon() {
			t.Errorf("booths %q: step shows %q, icon %v", typed, got.Text, got.Icon)
		}
	}
	booths.SetText("")
	test.Type(booths, "2")
	if m := messageUnder(w, "project.fair.booths"); m != "" || w.app.Project.Fair.Booths != 2 {
		t.Errorf("booths 2: message %q, stored %d", m, w.app.Project.Fair.Booths)
	}

	start, end := entryAt(t, w.inputs, "project.fair.start"), entryAt(t, w.inputs, "project.fair.end")
	start.SetText("")
	test.Type(start, "31/02/2027")
	if m := messageUnder(w, "project.fair.start"); !strings.Contains(m, "28 ngày") {
		t.Errorf("31/02/2027: message %q", m)
	}
	start.SetText("")
	test.Type(start, "10/05/2027")
	end.SetText("")
	test.Type(end, "08/05/2027")
	if m := messageUnder(w, "project.fair.end"); !strings.Contains(m, "10/05/2027") {
		t.Errorf("closing before opening: message %q", m)
	}
	if got := w.outlineItems[si]; got.Icon != theme.ErrorIcon() {
		t.Errorf("dates in the wrong order: step shows %q, icon %v", got.Text, got.Icon)
	}
	// Moving the opening date before the closing date clears the message on the closing date.
	start.SetText("")
	test.Type(start, "07/05/2027")
	if m := messageUnder(w, "project.fair.end"); m != "" {
		t.Errorf("after fixing the opening date the closing date still says %q", m)
	}
	// Going to another step and back shows the invalid text again, with its message.
	test.Type(booths, "x")
	w.showStep(0)
	w.showStep(si)
	if e := entryAt(t, w.inputs, "project.fair.booths"); e.Text != "2x" || messageUnder(w, "project.fair.booths") == "" {
		t.Errorf("back on the step the booths show %q with message %q", e.Text, messageUnder(w, "project.fair.booths"))
	}
}

// A new empty line shows no warning at once; the cost type's unit is a suggestion typing replaces.
func TestNewBudgetLineQuietAndUnitReplaced(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	w.showStep(stepIndex(t, w, "budget"))
	b := w.budget
	test.Tap(b.add)
	r := b.rows[0]
	if r.warn.Visible() {
		t.Errorf("a new empty line warns at once: %q", r.warn.Text)
	}
	for i, c := range w.def.CostTypes {
		if c.ID == "transport" {
			r.costType.SetSelectedIndex(i)
		}
	}
	if r.unit.Text != "chuyến" {
		t.Fatalf("unit after choosing transport: %q", r.unit.Text)
	}
	if !r.unitNote.Visible() || !strings.Contains(r.unitNote.Text, "chuyến") {
		t.Errorf("the filled-in unit is not said: %q (visible %v)", r.unitNote.Text, r.unitNote.Visible())
	}
	test.Type(r.unit, "xe")
	if r.unit.Text != "xe" || w.app.Budget.Lines[0].Unit != "xe" {
		t.Errorf("typing into the suggested unit gives %q (stored %q), want it replaced", r.unit.Text, w.app.Budget.Lines[0].Unit)
	}
	test.Type(r.unit, "m")
	if r.unit.Text != "xem" {
		t.Errorf("typing after the user's own unit gives %q", r.unit.Text)
	}
}

// In English mode the messages of the checks are in English too.
func TestFieldMessagesInEnglish(t *testing.T) {
	newTestApp(t)
	lang = langEN
	defer func() { lang = langVI }()
	app := &forms.Application{}
	for _, tc := range []struct {
		path, typed string
		check       func(string) error
		want        string
	}{
		{"budget.lines[0].unit_price", "1,5", forms.ValidateMoney, "no decimals"},
		{"project.fair.booths", "hai", forms.ValidateCount, "whole number"},
		{"project.fair.start", "31/02/2027", forms.ValidateDate, "28 days"},
		{"budget.lines[0].unit_price", "999999999999", forms.UnitPriceValidator("travel"), "plausible"},
	} {
		msg := storeTyped(app, badInputs{}, tc.path, tc.typed, tc.check, false)
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%s %q: %q, want %q", tc.path, tc.typed, msg, tc.want)
		}
		for _, vi := range []string{"không", "số ", "ví dụ", "ngày", "hãy"} {
			if strings.Contains(msg, vi) {
				t.Errorf("%s %q: Vietnamese %q left in %q", tc.path, tc.typed, vi, msg)
			}
		}
	}
}
