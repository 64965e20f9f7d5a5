package docx

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strconv"
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
			if name == "budget-300" {
				checkHeaderOnEveryPage(t, filepath.Join(out, name+".pdf"))
			}
			// the budget document itself, up to the commitment (the letter and the đề án repeat
			// the amounts): its total row and its three lines in words
			from := strings.Index(text, "DỰ TOÁN KINH PHÍ THỰC HIỆN ĐỀ ÁN")
			to := strings.Index(text, "BẢN CAM KẾT")
			if from < 0 || to < from {
				t.Fatalf("no budget document before the commitment (%d, %d)", from, to)
			}
			budget := text[from:to]
			row := "TỔNG CỘNG " + bud.Total.String() + " " + bud.Support.String() + " " + bud.Counterpart.String()
			if !strings.Contains(oneLine(pdfText(t, filepath.Join(out, name+".pdf"), "-layout")), row) {
				t.Errorf("the budget table has no row %q", row)
			}
			for _, w := range []string{
				"Tổng kinh phí thực hiện: " + inWords(bud.Total),
				"Kinh phí khuyến công hỗ trợ: " + inWords(bud.Support),
				"Kinh phí đối ứng của cơ sở: " + inWords(bud.Counterpart),
			} {
				if !strings.Contains(budget, oneLine(w)) {
					t.Errorf("the budget document lacks %q", w)
				}
			}
		})
	}
}

// TestLibreOfficeShowsDraftMarkOnEveryPage converts a draft and a final: every page of the draft
// carries the red "BẢN NHÁP" mark (reddish pixels of the rendered page), no page of the final does.
func TestLibreOfficeShowsDraftMarkOnEveryPage(t *testing.T) {
	draft, _ := build(t, forms.Sample(forms.TradeFair), templates.Draft)
	final, _ := build(t, forms.Sample(forms.TradeFair), templates.Final)
	out := toPDF(t, map[string][]byte{"draft": render(t, draft, Options{}), "final": render(t, final, Options{})})
	for name, want := range map[string]bool{"draft": true, "final": false} {
		for i, red := range reddish(t, filepath.Join(out, name+".pdf")) {
			if (red > 200) != want {
				t.Errorf("%s page %d: %d reddish pixels, draft mark wanted: %v", name, i+1, red, want)
			}
		}
	}
}

// reddish renders every page at 20 dpi and counts the pixels clearly redder than green.
func reddish(t *testing.T, pdf string) []int {
	t.Helper()
	bin := needTool(t, "pdftoppm", "poppler-utils")
	var counts []int
	for page := 1; ; page++ {
		out, err := exec.Command(bin, "-r", "20", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), pdf).Output()
		if err != nil || len(out) == 0 {
			break
		}
		// binary PPM: "P6\n<w> <h>\n255\n" then RGB triples
		fields := bytes.SplitN(out, []byte("\n"), 4)
		if len(fields) < 4 || string(fields[0]) != "P6" {
			t.Fatalf("pdftoppm gave no PPM for page %d", page)
		}
		px, n := fields[3], 0
		for j := 0; j+2 < len(px); j += 3 {
			if int(px[j])-int(px[j+1]) > 25 {
				n++
			}
		}
		counts = append(counts, n)
	}
	if len(counts) == 0 {
		t.Fatalf("no page rendered from %s", pdf)
	}
	return counts
}

// checkHeaderOnEveryPage: every page of the converted file that holds budget lines starts with
// the table's header (its column-number row), so the header row repeats in the reader.
func checkHeaderOnEveryPage(t *testing.T, pdf string) {
	t.Helper()
	bin := needTool(t, "pdftotext", "poppler-utils")
	pages := 0
	for page := 1; page < 500; page++ {
		out, err := exec.Command(bin, "-enc", "UTF-8", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), pdf, "-").Output()
		if err != nil {
			break
		}
		text := oneLine(string(out))
		if !strings.Contains(text, "Thiết bị phụ trợ số") {
			continue
		}
		pages++
		if !strings.Contains(text, "(8) = (6) − (7)") {
			t.Errorf("page %d holds budget lines without the table's header", page)
		}
	}
	if pages < 10 {
		t.Errorf("the 300-line budget spans %d pages in LibreOffice, expected more than 10", pages)
	}
}
