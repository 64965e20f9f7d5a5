package readback

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
	"khuyencong/templates"
	"khuyencong/templates/export"
)

// render writes the final dossier of app into a temporary folder and reads it back.
func render(t *testing.T, app *forms.Application, ws forms.WordStyle) (*forms.BudgetResult, []Mismatch) {
	t.Helper()
	rep := forms.Check(app, forms.DefaultPacks())
	if rep.Blocking() {
		for _, p := range rep.Problems {
			t.Logf("%s %s %s: %s", p.Severity, p.Code, p.Path, p.Message)
		}
		t.Fatal("fixture: the dossier has blocking problems")
	}
	res, err := export.Write(context.Background(), app, rep, t.TempDir(), export.Options{Variant: templates.Final,
		WordStyle: ws, Now: time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC), AppVersion: "test", SkipXLSX: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Verify(context.Background(), res.PDFPath, res.Documents, app, rep.Budget, ws)
	if errors.Is(err, ErrNoPdftotext) {
		peertest.Missing(t, err.Error(), err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
	return rep.Budget, ms
}

func TestEverySampleReadsBackAsComputed(t *testing.T) {
	styles := map[forms.Programme]string{forms.Equipment: "", forms.CleanerProduction: "le,ngan,tu", forms.TradeFair: "linh,nghin,bon"}
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			ws, err := forms.ParseWordStyle(styles[p])
			if err != nil {
				t.Fatal(err)
			}
			b, ms := render(t, forms.Sample(p), ws)
			for _, m := range ms {
				t.Error(m)
			}
			if b.Total <= 0 || b.Support <= 0 || b.Counterpart <= 0 {
				t.Errorf("fixture: a sample should have a total, a support and a counterpart: %+v", b)
			}
		})
	}
}

func TestThreeHundredLineBudgetReadsBack(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	for i := len(app.Budget.Lines); i < 300; i++ {
		app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{CostType: "other",
			Description: fmt.Sprintf("Vật tư phụ, dụng cụ lắp đặt số %d", i+1), Unit: "bộ",
			Quantity: forms.QuantityOf(int64(i%7 + 1)), UnitPrice: forms.Money(1_234_567 + 1_001*int64(i))})
	}
	b, ms := render(t, app, forms.WordStyle{})
	for _, m := range ms {
		t.Error(m)
	}
	if len(b.Lines) != 300 {
		t.Fatalf("%d lines computed", len(b.Lines))
	}
}

// The check can fail: a PDF that says another amount, or reads an amount wrongly in words, is
// caught.
func TestMismatchesAreCaught(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	rep := forms.Check(app, forms.DefaultPacks())
	b := *rep.Budget
	words := forms.AmountInWords(b.Support, forms.WordStyle{})
	good := fmt.Sprintf("%s mã số thuế %s. Tổng %s đồng (Bằng chữ: %s). Hỗ trợ %s đồng (Bằng chữ: %s). Đối ứng %s đồng\n(Bằng chữ: %s).",
		app.Enterprise.Name, app.Enterprise.TaxCode, b.Total, forms.AmountInWords(b.Total, forms.WordStyle{}),
		b.Support, words, b.Counterpart, forms.AmountInWords(b.Counterpart, forms.WordStyle{}))
	if ms := Compare(good, templates.DocLetter, app, &b, forms.WordStyle{}); len(ms) != 0 {
		t.Fatalf("a right text gives %v", ms)
	}
	off := b
	off.Support++
	if ms := Compare(good, templates.DocLetter, app, &off, forms.WordStyle{}); len(ms) == 0 {
		t.Error("a support off by one đồng is not caught")
	}
	wrongWords := strings.Replace(good, words, forms.AmountInWords(b.Support+1000, forms.WordStyle{}), 1)
	ms := Compare(wrongWords, templates.DocLetter, app, &b, forms.WordStyle{})
	if len(ms) < 2 {
		t.Errorf("words that read another amount: %v", ms)
	}
	noTax := strings.Replace(good, app.Enterprise.TaxCode, "0101245486", 1)
	if ms := Compare(noTax, templates.DocProposal, app, &b, forms.WordStyle{}); len(ms) != 1 || !strings.Contains(ms[0], "mã số thuế") {
		t.Errorf("another tax code: %v", ms)
	}
}
