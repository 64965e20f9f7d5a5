package xlsx

import (
	"bytes"
	"testing"

	"khuyencong/forms"
)

// BenchmarkWrite1000 writes the sheet of a 1.000-line budget (the budget is computed once).
func BenchmarkWrite1000(b *testing.B) {
	app := bigApp(1000)
	rep := forms.Check(app, forms.DefaultPacks())
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, app, rep, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/sheet")
}

// BenchmarkReadDiff1000 reads the sheet of a 1.000-line budget back and diffs it.
func BenchmarkReadDiff1000(b *testing.B) {
	app := bigApp(1000)
	_, data := build(b, app)
	for b.Loop() {
		imp, err := Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if ch := Diff(app, imp); len(ch) != 0 {
			b.Fatal("unchanged sheet has changes")
		}
	}
}
