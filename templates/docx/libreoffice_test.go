package docx

import (
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// TestLibreOfficeReadsEverySample converts each programme's sample and a 300-line budget with
// LibreOffice and reads the conversion back: national name and motto, the applicant with every
// diacritic, the three amounts in figures and in words.
func TestLibreOfficeReadsEverySample(t *testing.T) {
	type sample struct {
		app *forms.Application
		rep *forms.Report
	}
	samples := map[string]sample{}
	files := map[string][]byte{}
	add := func(name string, app *forms.Application) {
		d, rep := build(t, app, templates.Final)
		files[name] = render(t, d, Options{})
		samples[name] = sample{app, rep}
	}
	for _, p := range forms.Programmes() {
		add(string(p), forms.Sample(p))
	}
	add("budget-300", bigBudget(300))
	out := toPDF(t, files)
	for name, s := range samples {
		t.Run(name, func(t *testing.T) {
			text := oneLine(pdfText(t, filepath.Join(out, name+".pdf")))
			bud := s.rep.Budget
			inWords := func(m forms.Money) string {
				return m.String() + " đồng (Bằng chữ: " + forms.AmountInWords(m, forms.WordStyle{}) + ")"
			}
			want := []string{
				templates.NationalName, templates.Motto, forms.Clean(s.app.Enterprise.Name),
				inWords(bud.Total), inWords(bud.Support), inWords(bud.Counterpart),
			}
			if bud.Total < 1_000_000 {
				t.Fatalf("total %s has no thousands separator to check", bud.Total)
			}
			for _, w := range want {
				if !strings.Contains(text, oneLine(w)) {
					t.Errorf("the LibreOffice conversion lacks %q", w)
				}
			}
		})
	}
}
