package docx

import (
	"io"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// benchDocx times the Word writer alone on a built model, as templates/pdf's benchmarks time the
// PDF writer.
func benchDocx(b *testing.B, app *forms.Application, v templates.Variant) {
	d, _ := build(b, app, v)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Write(io.Discard, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSample writes each programme's sample dossier (target: no slower than the PDF).
func BenchmarkSample(b *testing.B) {
	for _, p := range forms.Programmes() {
		b.Run(string(p), func(b *testing.B) { benchDocx(b, forms.Sample(p), templates.Final) })
	}
}

// BenchmarkBudget1000 writes a dossier whose budget has 1.000 lines (as templates/pdf's).
func BenchmarkBudget1000(b *testing.B) {
	benchDocx(b, bigBudget(1000), templates.Draft)
}
