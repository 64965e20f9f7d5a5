package docx

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// TestPartsAreWellFormed parses every XML part of every programme's final, draft and blank file.
func TestPartsAreWellFormed(t *testing.T) {
	for _, p := range forms.Programmes() {
		for _, v := range []templates.Variant{templates.Final, templates.Draft, templates.Blank} {
			d, _ := build(t, forms.Sample(p), v)
			ps := parts(t, render(t, d, Options{}))
			for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
				"word/_rels/document.xml.rels", "docProps/core.xml"} {
				if _, ok := ps[need]; !ok {
					t.Errorf("%s %s: part %s missing", p, v, need)
				}
			}
			for name, data := range ps {
				if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
					if err := wellFormed(data); err != nil {
						t.Errorf("%s %s: %s is not well-formed XML: %v", p, v, name, err)
					}
				}
			}
		}
	}
}

// sectPr is what the tests read of a section's properties.
type sectPr struct {
	PgSz struct {
		W      int    `xml:"w,attr"`
		H      int    `xml:"h,attr"`
		Orient string `xml:"orient,attr"`
	} `xml:"pgSz"`
	PgMar struct {
		Top    int `xml:"top,attr"`
		Bottom int `xml:"bottom,attr"`
		Left   int `xml:"left,attr"`
		Right  int `xml:"right,attr"`
	} `xml:"pgMar"`
	TitlePg *struct{} `xml:"titlePg"`
	Headers []struct {
		Type string `xml:"type,attr"`
		ID   string `xml:"id,attr"`
	} `xml:"headerReference"`
}

// sections reads every w:sectPr of word/document.xml in order.
func sections(t *testing.T, doc []byte) []sectPr {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []sectPr
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "sectPr" {
			var s sectPr
			if err := dec.DecodeElement(&s, &se); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
	}
	return out
}

// TestPageGeometryIsND30 reads page size and margins back from word/document.xml: A4, margins top
// and bottom 20-25 mm, left 30-35 mm, right 15-20 mm (ND 30/2020), one section per document, the
// budget in landscape, page numbers only from a document's second page.
func TestPageGeometryIsND30(t *testing.T) {
	for _, p := range forms.Programmes() {
		d, _ := build(t, forms.Sample(p), templates.Final)
		ps := parts(t, render(t, d, Options{}))
		secs := sections(t, ps["word/document.xml"])
		if len(secs) != len(d.Documents) {
			t.Fatalf("%s: %d sections for %d documents", p, len(secs), len(d.Documents))
		}
		toMM := func(tw int) float64 { return float64(tw) / 1440 * 25.4 }
		for i, s := range secs {
			doc := d.Documents[i]
			short, long := s.PgSz.W, s.PgSz.H
			if doc.Orientation == templates.Landscape {
				if s.PgSz.Orient != "landscape" || s.PgSz.W < s.PgSz.H {
					t.Errorf("%s %s: landscape document on a %dx%d %q page", p, doc.ID, s.PgSz.W, s.PgSz.H, s.PgSz.Orient)
				}
				short, long = long, short
			}
			if d := toMM(short) - 210; d < -0.5 || d > 0.5 {
				t.Errorf("%s %s: page width %.1f mm, want A4 210", p, doc.ID, toMM(short))
			}
			if d := toMM(long) - 297; d < -0.5 || d > 0.5 {
				t.Errorf("%s %s: page height %.1f mm, want A4 297", p, doc.ID, toMM(long))
			}
			within := func(what string, v, lo, hi float64) {
				if v < lo-0.1 || v > hi+0.1 {
					t.Errorf("%s %s: %s margin %.1f mm, ND 30/2020 wants %g-%g", p, doc.ID, what, v, lo, hi)
				}
			}
			within("top", toMM(s.PgMar.Top), 20, 25)
			within("bottom", toMM(s.PgMar.Bottom), 20, 25)
			within("left", toMM(s.PgMar.Left), 30, 35)
			within("right", toMM(s.PgMar.Right), 15, 20)
			if s.TitlePg == nil {
				t.Errorf("%s %s: no titlePg: the first page would carry a number", p, doc.ID)
			}
			numbered := map[string]bool{} // the header part of each type: does it print the page number?
			for _, h := range s.Headers {
				part := ps["word/"+headerTarget(t, ps, h.ID)]
				numbered[h.Type] = strings.Contains(string(part), " PAGE ")
			}
			if numbered["first"] {
				t.Errorf("%s %s: a number on the document's first page", p, doc.ID)
			}
			if numbered["default"] != doc.PageNumbers {
				t.Errorf("%s %s: page numbers %v, want %v", p, doc.ID, numbered["default"], doc.PageNumbers)
			}
		}
	}
}

// TestStylesAndStructure checks the body style's font and size, the headings, the budget as a
// real table with a repeating header and unsplittable rows, the properties and the note.
func TestStylesAndStructure(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	d, rep := build(t, app, templates.Final)
	ps := parts(t, render(t, d, Options{}))
	styles := string(ps["word/styles.xml"])
	normal := regexp.MustCompile(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>`).FindString(styles)
	if !strings.Contains(normal, `w:ascii="Times New Roman"`) || !strings.Contains(normal, `w:hAnsi="Times New Roman"`) {
		t.Errorf("the body style is not in Times New Roman: %s", normal)
	}
	if m := regexp.MustCompile(`<w:sz w:val="(\d+)"/>`).FindStringSubmatch(normal); m == nil || (m[1] != "26" && m[1] != "28") {
		t.Errorf("the body style is not 13-14 pt: %s", normal)
	}
	if !strings.Contains(normal, `<w:jc w:val="both"/>`) {
		t.Errorf("the body style is not justified")
	}
	if !regexp.MustCompile(`w:styleId="BodyText">.*?<w:ind w:firstLine="567"/>`).MatchString(styles) {
		t.Errorf("body text has no 1 cm first-line indent")
	}
	for _, h := range []string{"Heading1", "Heading2", "Heading3"} {
		if !strings.Contains(styles, `w:styleId="`+h+`"`) {
			t.Errorf("style %s missing", h)
		}
	}
	doc := string(ps["word/document.xml"])
	tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(doc, -1)
	var budget string
	for _, tb := range tables {
		if strings.Contains(tb, "Kinh phí đối ứng của cơ sở") && strings.Contains(tb, rep.Budget.Total.String()) {
			budget = tb
		}
	}
	if budget == "" {
		t.Fatal("the budget is not a w:tbl holding its total")
	}
	if n := strings.Count(budget, "<w:tblHeader/>"); n != 2 {
		t.Errorf("budget: %d repeating header rows, want 2", n)
	}
	if rows, cant := strings.Count(budget, "<w:tr>"), strings.Count(budget, "<w:cantSplit/>"); rows != cant {
		t.Errorf("budget: %d rows, %d of them cannot split", rows, cant)
	}
	total := regexp.MustCompile(`<w:jc w:val="(\w+)"/></w:pPr><w:r><w:rPr>(?:<w:b/><w:bCs/>)?(?:<w:sz w:val="\d+"/><w:szCs w:val="\d+"/>)?</w:rPr><w:t xml:space="preserve">` +
		regexp.QuoteMeta(rep.Budget.Total.String()) + `<`).FindStringSubmatch(budget)
	if total == nil || total[1] != "right" {
		t.Errorf("the budget total is not right-aligned: %v", total)
	}
	if !strings.Contains(doc, `TOC \o "1-1"`) {
		t.Errorf("no table-of-contents field")
	}
	if strings.Count(doc, `<w:outlineLvl w:val="0"/>`)+strings.Count(doc, `w:val="Heading1"`) < len(d.Documents) {
		t.Errorf("fewer outline entries than documents")
	}
	core := string(ps["docProps/core.xml"])
	for _, want := range []string{"<dc:title>" + d.Title + "</dc:title>", "<dc:creator>" + forms.Clean(app.Enterprise.Name) + "</dc:creator>", "không phải bản chính thức"} {
		if !strings.Contains(core, want) {
			t.Errorf("core properties lack %q", want)
		}
	}
	if i := strings.Index(doc, "không phải bản chính thức để nộp"); i < 0 || i > strings.Index(doc, templates.NationalName) {
		t.Errorf("the generated-file note is not on the first page")
	}
}

// TestTextIsNFCAndXMLSafe feeds decomposed diacritics, XML specials and forbidden control
// characters through a dossier: the file stays well-formed and the text comes out composed.
func TestTextIsNFCAndXMLSafe(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Name = "Co\u0302ng ty <A&B> \"Hu\u031bng\" \x01\x0b Th\u1ecbnh"
	d, _ := build(t, app, templates.Final)
	// the model keeps what it was given; inject control characters the domain would clean
	d.Documents[0].Blocks = append(d.Documents[0].Blocks, templates.P("x\x00y\x1f\ufffe z &amp; \xff"),
		templates.P("Ngu\u031bo\u031b\u0300i ky\u0301"))
	ps := parts(t, render(t, d, Options{}))
	doc := ps["word/document.xml"]
	if err := wellFormed(doc); err != nil {
		t.Fatalf("document.xml: %v", err)
	}
	s := string(doc)
	if !strings.Contains(s, "Công ty &lt;A&amp;B&gt; &quot;Hưng&quot;") {
		t.Errorf("the name is not composed and escaped")
	}
	if !strings.Contains(s, "Người ký") {
		t.Errorf("text given decomposed to the writer is not composed (NFC)")
	}
	if !strings.Contains(s, "xy z &amp;amp; ") {
		t.Errorf("forbidden characters were not dropped")
	}
}

// TestPageReferences fills the checklist's pages from the PDF when given, and drops them when not.
func TestPageReferences(t *testing.T) {
	b := newBuilder(&templates.Dossier{}, Options{})
	if got := b.resolveRef("Đính kèm trong hồ sơ, trang {page}", "att-1", "x"); got != "Đính kèm trong hồ sơ" {
		t.Errorf("no pages: %q", got)
	}
	b.opts.PageStarts = map[string]int{"att-1": 12}
	if got := b.resolveRef("Đính kèm trong hồ sơ, trang {page}", "att-1", "x"); got != "Đính kèm trong hồ sơ, trang 12" {
		t.Errorf("with pages: %q", got)
	}
	if got := b.resolveRef("trang {page}", "att-2", "Nộp kèm bản giấy"); got != "Nộp kèm bản giấy" {
		t.Errorf("not printed: %q", got)
	}
	if got := widths([]float64{1, 2, 1}, 1001); got[0]+got[1]+got[2] != 1001 {
		t.Errorf("widths %v do not add up", got)
	}
}

// headerTarget finds the part a relationship id of the document points to.
func headerTarget(t *testing.T, ps map[string][]byte, rid string) string {
	t.Helper()
	m := regexp.MustCompile(`Id="` + regexp.QuoteMeta(rid) + `" Type="[^"]+/header" Target="([^"]+)"`).FindSubmatch(ps["word/_rels/document.xml.rels"])
	if m == nil {
		t.Fatalf("no header relationship %s", rid)
	}
	return string(m[1])
}
