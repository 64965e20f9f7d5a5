package pdf

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// ND 30/2020/NĐ-CP, Appendix I: margins top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right
// 15–20 mm; body text 13–14 pt; page numbers in the top margin. These limits are the rule, not the
// renderer's constants: moving a margin in layout.go breaks this test.
const (
	nd30Left, nd30Right, nd30Top, nd30Bottom = 30.0, 15.0, 20.0, 20.0
	nd30BodyMin, nd30BodyMax                 = 13.0, 14.0
	mmTol                                    = 0.3 // rounding of the PDF coordinates
	// timesBox is the height of a word's box per point of font size in Times-metric fonts
	// (Times New Roman, Liberation Serif, Tinos: ascent 0,891 + descent 0,216).
	timesBox = 1.107
)

type bboxWord struct {
	x0, y0, x1, y1 float64 // mm from the top left corner
	text           string
}

type bboxPage struct {
	w, h  float64 // mm
	words []bboxWord
}

// readBBox reads the words of a PDF with their boxes, as `pdftotext -bbox` gives them.
func readBBox(t *testing.T, path string) []bboxPage {
	t.Helper()
	html := run(t, "pdftotext", "-bbox", path, "-")
	const mm = 25.4 / 72
	pageRe := regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	wordRe := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v * mm }
	var out []bboxPage
	for _, m := range pageRe.FindAllStringSubmatch(html, -1) {
		p := bboxPage{w: f(m[1]), h: f(m[2])}
		for _, w := range wordRe.FindAllStringSubmatch(m[3], -1) {
			p.words = append(p.words, bboxWord{f(w[1]), f(w[2]), f(w[3]), f(w[4]), w[5]})
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		t.Fatal("pdftotext -bbox gave no pages")
	}
	return out
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// checkND30Margins fails on any word outside the ND 30 text area, except page numbers (and,
// when dossierPages, the dossier's page label) in the top margin.
func checkND30Margins(t *testing.T, name string, pages []bboxPage, dossierPages bool) (numbers int) {
	t.Helper()
	for i, p := range pages {
		for _, w := range p.words {
			where := func(what string) {
				t.Errorf("%s page %d: %q at x %.1f–%.1f, y %.1f–%.1f mm %s", name, i+1, w.text, w.x0, w.x1, w.y0, w.y1, what)
			}
			if w.x0 < nd30Left-mmTol {
				where("is in the left margin (30 mm)")
			}
			if w.x1 > p.w-nd30Right+mmTol {
				where("is in the right margin (15 mm)")
			}
			if w.y1 > p.h-nd30Bottom+mmTol {
				where("is in the bottom margin (20 mm)")
			}
			if w.y0 < nd30Top-mmTol {
				switch {
				case w.y1 > nd30Top+mmTol:
					where("straddles the top margin")
				case allDigits(w.text):
					numbers++
					centre, want := (w.x0+w.x1)/2, nd30Left+(p.w-nd30Left-nd30Right)/2
					if math.Abs(centre-want) > 2 {
						where("is a page number not centred in the top margin")
					}
					if size := (w.y1 - w.y0) / timesBox * 72 / 25.4; size < nd30BodyMin-0.3 || size > nd30BodyMax+0.3 {
						where("is a page number of " + strconv.FormatFloat(size, 'f', 1, 64) + " pt, not 13–14")
					}
				case dossierPages && strings.Contains("Hồ sơ: trang", w.text) || dossierPages && strings.Contains(w.text, "/"):
				default:
					where("is in the top margin (20 mm), which holds only page numbers")
				}
			}
		}
	}
	return numbers
}

// mostCommonSize is the most common font size (pt) of the words on a page, from their boxes.
func mostCommonSize(p bboxPage) float64 {
	count := map[float64]int{}
	for _, w := range p.words {
		size := math.Round((w.y1-w.y0)/timesBox*72/25.4*2) / 2 // to the half point
		count[size] += len([]rune(w.text))
	}
	best, n := 0.0, 0
	for s, c := range count {
		if c > n {
			best, n = s, c
		}
	}
	return best
}

// TestND30Layout reads each sample's final PDF back and checks the ND 30/2020 layout: every word
// inside the margins, page numbers centred in the top margin, the letter's body in 13–14 pt. The
// dossier-wide page label, when asked for, stays in the top margin too.
func TestND30Layout(t *testing.T) {
	needTool(t, "pdftotext")
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			path, res, _ := renderApp(t, string(p)+"-nd30", forms.Sample(p), templates.Final, Options{})
			pages := readBBox(t, path)
			if n := checkND30Margins(t, string(p), pages, false); n == 0 {
				t.Error("no page number in the top margin")
			}
			for _, d := range res.Documents {
				if d.ID != templates.DocLetter {
					continue
				}
				if got := mostCommonSize(pages[d.Start-1]); got < nd30BodyMin || got > nd30BodyMax {
					t.Errorf("the letter's body is %.1f pt, want 13–14", got)
				}
			}
			path, _, _ = renderApp(t, string(p)+"-nd30-pages", forms.Sample(p), templates.Final, Options{DossierPages: true})
			pages = readBBox(t, path)
			checkND30Margins(t, string(p)+" with the dossier page label", pages, true)
			label := 0
			for _, pg := range pages {
				for _, w := range pg.words {
					if w.text == "trang" && w.y1 < nd30Top {
						label++
					}
				}
			}
			if label != len(pages) {
				t.Errorf("the dossier page label is on %d of %d pages", label, len(pages))
			}
		})
	}
}

// No word is broken inside a table cell: a narrow column takes room from the others, or the font
// shrinks a step, before a word is cut ("chuyế/n").
func TestTableCellsKeepWordsWhole(t *testing.T) {
	needTool(t, "pdftotext")
	words := []string{"chuyến", "người", "Không", "thuộc", "nghiêng"}
	var rows []templates.Row
	for _, w := range words {
		rows = append(rows, templates.Row{Kind: templates.RowBody, Cells: []templates.Cell{{Text: w}, {Text: w + " " + w}, {Text: "Nội dung rất dài của một dòng chi phí trong bảng"}}})
	}
	d := &templates.Dossier{Title: "t", Variant: templates.Final, Documents: []templates.Document{{ID: "x", Title: "x", Orientation: templates.Portrait,
		Blocks: []templates.Block{{Kind: templates.KindTable, Table: &templates.Table{
			Columns: []templates.Column{{Width: 4, Align: templates.AlignCenter}, {Width: 5, Align: templates.AlignLeft}, {Width: 100, Align: templates.AlignLeft}},
			Rows:    rows, Size: 12}}}}}}
	path := writeDossier(t, "words", d)
	text := flat(run(t, "pdftotext", "-raw", path, "-"))
	count := map[string]int{}
	for _, f := range strings.Fields(text) {
		count[f]++
	}
	for _, w := range words {
		if got := count[w]; got < 3 {
			t.Errorf("%q is whole %d times of 3:\n%s", w, got, text)
		}
	}
}

// writeDossier renders a hand-made dossier model to a temporary PDF.
func writeDossier(t *testing.T, name string, d *templates.Dossier) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
