package ui

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

func TestBudgetTotalsFollowTyping(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(stepIndex(t, w, "budget"))
	b := w.budget
	test.Tap(b.add)
	r := b.rows[0]
	r.costType.SetSelected("Máy móc, thiết bị")
	if r.unit.Text != "cái" {
		t.Errorf("unit after choosing the cost type: %q, want the default cái", r.unit.Text)
	}
	test.Type(r.desc, "Máy tráng bánh tự động")
	test.Type(r.quantity, "2")
	test.Type(r.price, "215500000")
	if r.price.Text != "215.500.000" {
		t.Errorf("unit price shows %q while typing", r.price.Text)
	}
	want, err := forms.ComputeBudget(w.app, b.pack)
	if err != nil {
		t.Fatal(err)
	}
	if want.Total != 431_000_000 {
		t.Fatalf("ComputeBudget total %v; the test expects 2 × 215.500.000", want.Total)
	}
	if r.total.Text != "431.000.000" || b.total.Text != "431.000.000 đồng" {
		t.Errorf("line total %q, budget total %q", r.total.Text, b.total.Text)
	}
	if r.support.Text != want.Lines[0].Support.String() || b.support.Text != want.Support.String()+" đồng" {
		t.Errorf("support %q / %q, ComputeBudget says %v", r.support.Text, b.support.Text, want.Support)
	}
	if !strings.HasSuffix(b.totalWords.Text, "Bốn trăm ba mươi mốt triệu đồng") {
		t.Errorf("total in words %q", b.totalWords.Text)
	}
	// Typing one more digit of quantity changes the totals at once.
	test.Type(r.quantity, "0") // 20
	if b.total.Text != "4.310.000.000 đồng" {
		t.Errorf("after quantity 20 the total shows %q", b.total.Text)
	}
	// Caps show as notes when they bite.
	if want2, _ := forms.ComputeBudget(w.app, b.pack); hasCap(want2) && !b.notes.Visible() {
		t.Error("a cap bites but no note is shown")
	}

	// A second line of a cost type that is not eligible is flagged; reorder and remove work.
	test.Tap(b.add)
	r2 := b.rows[1]
	test.Type(r2.desc, "Sửa nhà kho")
	r2.costType.SetSelected("Chi phí khác (quản lý, hội thảo)")
	test.Type(r2.quantity, "1")
	test.Type(r2.price, "5000000")
	test.Tap(b.rows[1].up)
	if w.app.Budget.Lines[0].Description != "Sửa nhà kho" || b.rows[0].desc.Text != "Sửa nhà kho" {
		t.Fatalf("move up: lines %q, %q", w.app.Budget.Lines[0].Description, w.app.Budget.Lines[1].Description)
	}
	test.Tap(b.rows[0].remove)
	if len(w.app.Budget.Lines) != 1 || len(b.rows) != 1 || w.app.Budget.Lines[0].Description != "Máy tráng bánh tự động" {
		t.Fatalf("remove: %d lines left", len(w.app.Budget.Lines))
	}
	stored, _ := ta.store.Application(w.app.ID)
	if len(stored.Budget.Lines) != 1 || stored.Budget.Lines[0].Quantity != forms.QuantityOf(20) {
		t.Errorf("stored budget %+v", stored.Budget.Lines)
	}
}

func hasCap(r *forms.BudgetResult) bool {
	for _, n := range r.Notes {
		if n.Kind == "cap" {
			return true
		}
	}
	return false
}

func TestBudgetFlagsIneligibleLine(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	w.app.Project.Scope = "domestic"
	w.showStep(stepIndex(t, w, "budget"))
	b := w.budget
	// Find a cost type the pack does not support for this scope, if any.
	res, _ := forms.ComputeBudget(&forms.Application{Programme: forms.TradeFair, Project: forms.Project{Scope: "domestic"},
		Budget: forms.Budget{Lines: func() (ls []forms.BudgetLine) {
			for _, c := range w.def.CostTypes {
				ls = append(ls, forms.BudgetLine{CostType: c.ID, Description: c.ID, Quantity: 100, UnitPrice: 1000})
			}
			return
		}()}}, b.pack)
	bad := ""
	for _, n := range res.Notes {
		if n.Kind == "ineligible" {
			bad = w.def.CostTypes[n.Line-1].ID
			break
		}
	}
	if bad == "" {
		t.Skip("every trade-fair cost type is eligible in the default pack")
	}
	test.Tap(b.add)
	r := b.rows[0]
	for i, c := range w.def.CostTypes {
		if c.ID == bad {
			r.costType.SetSelectedIndex(i)
		}
	}
	test.Type(r.desc, "Chi phí không được hỗ trợ")
	test.Type(r.quantity, "1")
	test.Type(r.price, "1000000")
	if !r.warn.Visible() || r.support.Text != "0" {
		t.Errorf("ineligible line: warning visible %v, support %q", r.warn.Visible(), r.support.Text)
	}
}

func TestBudgetEnterMovesOnNotOff(t *testing.T) {
	// Money typed with a leading zero or spaces is read, not rejected; the spaces the user typed stay.
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.CleanerProduction)
	w.showStep(stepIndex(t, w, "budget"))
	test.Tap(w.budget.add)
	p := w.budget.rows[0].price
	test.Type(p, "0068 500 000")
	if p.Text != "68 500 000" || w.app.Budget.Lines[0].UnitPrice != 68_500_000 {
		t.Errorf("price %q stored %v", p.Text, w.app.Budget.Lines[0].UnitPrice)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if p.Text != "6 850 000" || w.app.Budget.Lines[0].UnitPrice != 6_850_000 {
		t.Errorf("after backspace: price %q stored %v", p.Text, w.app.Budget.Lines[0].UnitPrice)
	}
}

// BenchmarkBudgetKeystroke measures one keystroke in the unit price of a 300-line budget until
// every figure on screen is updated.
func BenchmarkBudgetKeystroke(b *testing.B) {
	ta := newTestApp(b)
	w := openNewDossier(b, ta, forms.Equipment)
	for i := 0; i < 300; i++ {
		w.app.Budget.Lines = append(w.app.Budget.Lines, forms.BudgetLine{CostType: w.def.CostTypes[i%len(w.def.CostTypes)].ID,
			Description: fmt.Sprintf("Dòng chi số %d", i+1), Unit: "cái", Quantity: forms.QuantityOf(int64(i%7 + 1)), UnitPrice: forms.Money(1_000_000 + i*1000)})
	}
	w.showStep(stepIndex(b, w, "budget"))
	ta.saver.delay = time.Hour // the debounced save never fires inside the measurement
	e := w.budget.rows[150].price
	// Memory held with the 300-line budget on screen (test driver, no GL textures).
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heapMB := float64(ms.HeapInuse) / (1 << 20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		test.Type(e, "7")
	}
	b.StopTimer()
	b.ReportMetric(heapMB, "MB-heap-300-lines")
	if w.budget.result == nil || len(w.budget.result.Lines) != 300 {
		b.Fatal("budget not computed")
	}
}
