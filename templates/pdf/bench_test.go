package pdf

import (
	"fmt"
	"io"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

func benchDossier(b *testing.B, app *forms.Application, v templates.Variant) {
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := templates.Build(app, rep, templates.Options{Variant: v, Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	ResolveFonts(Options{}) // the font files are read once per process, as in the app
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Write(io.Discard, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSample renders each programme's sample dossier in-process (target: under 150 ms).
func BenchmarkSample(b *testing.B) {
	for _, p := range forms.Programmes() {
		b.Run(string(p), func(b *testing.B) { benchDossier(b, forms.Sample(p), templates.Final) })
	}
}

// BenchmarkBudget1000 renders a dossier whose budget has 1.000 lines (target: under 2 s, 150 MB).
func BenchmarkBudget1000(b *testing.B) {
	app := forms.Sample(forms.Equipment)
	app.Budget.Lines = nil
	for i := 1; i <= 1000; i++ {
		app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{CostType: "machinery",
			Description: fmt.Sprintf("Thiết bị phụ trợ số %d cho dây chuyền tráng bánh, inox SUS304", i), Unit: "cái",
			Quantity: forms.QuantityOf(int64(1 + i%3)), UnitPrice: forms.Money(1_250_000 + 1000*i)})
	}
	benchDossier(b, app, templates.Draft)
}
