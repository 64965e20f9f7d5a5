package pdf

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"github.com/jung-kurt/gofpdf/contrib/gofpdi"

	"khuyencong/forms"
	"khuyencong/templates"
)

// Page geometry (mm) per ND 30/2020: A4, margins top 20, bottom 20, left 30, right 15.
const (
	pageShort    = 210.0
	pageLong     = 297.0
	marginTop    = 20.0
	marginBottom = 20.0
	marginLeft   = 30.0
	marginRight  = 15.0

	family     = "serif"
	bodySize   = 13.0 // body text, pt
	lineFactor = 1.3  // line height as a multiple of the font size
	ptToMM     = 25.4 / 72
	paraAfter  = 2.1 // 6 pt between paragraphs
	indent     = 10.0
)

// lineHeight is the height of a line of text at size pt.
func lineHeight(size float64) float64 { return size * ptToMM * lineFactor }

// renderer lays out one pass of a dossier.
type renderer struct {
	pdf    *gofpdf.Fpdf
	d      *templates.Dossier
	fonts  *FontSet
	prev   *layoutInfo // the previous pass's page numbers; nil in the first pass
	info   layoutInfo  // this pass's
	checks *attachmentChecks
	imp    *gofpdi.Importer

	pageW, pageH float64
	y            float64
	doc          *templates.Document
	docPage      int // page number inside the current document
	conts        []continuation
	contIndex    int // running number of continuations in the dossier
	warnings     []string
	dossierPages bool // print "Hồ sơ: trang x/y" in the top margin (Options.DossierPages)
}

// continuation is the rest of a fixed box's answer, printed on a page at the end of its document.
type continuation struct {
	index int
	label string
	text  string
}

func newRenderer(d *templates.Dossier, fonts *FontSet, prev *layoutInfo, checks *attachmentChecks) *renderer {
	r := &renderer{d: d, fonts: fonts, prev: prev, checks: checks, imp: gofpdi.NewImporter(),
		info: layoutInfo{start: map[string]int{}, pages: map[string]int{}, failed: map[string]string{}}}
	r.pdf = newPDF(d, fonts)
	r.pdf.SetFooterFunc(r.footer)
	return r
}

func (r *renderer) render() error {
	// Attachments that cannot be merged are known before anything refers to them.
	for i := range r.d.Documents {
		doc := &r.d.Documents[i]
		if reason := r.attachmentProblem(doc); reason != "" {
			r.info.failed[doc.ID] = reason
			r.warnings = append(r.warnings, fmt.Sprintf("Không ghép được \"%s\" vào hồ sơ: %s; tài liệu được ghi là nộp kèm bản giấy", doc.Title, reason))
		}
	}
	for i := range r.d.Documents {
		doc := &r.d.Documents[i]
		if _, failed := r.info.failed[doc.ID]; failed {
			continue
		}
		r.doc = doc
		r.docPage = 0
		r.conts = nil
		first := r.pdf.PageNo() + 1
		if !r.startsWithOwnPage(doc) {
			r.newPage()
		}
		for _, b := range doc.Blocks {
			if err := r.block(b); err != nil {
				return err
			}
		}
		r.continuationPages()
		r.info.start[doc.ID] = first
		r.info.pages[doc.ID] = r.pdf.PageNo() - first + 1
	}
	if r.pdf.PageNo() == 0 {
		r.newPageIn(templates.Portrait)
	}
	r.info.total = r.pdf.PageNo()
	// No Close here: closing subsets and compresses the fonts, which only the pass that is
	// written out needs (Output closes it).
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("lỗi khi dựng tệp PDF: %w", err)
	}
	return nil
}

// startsWithOwnPage reports whether the document's first block adds its own pages (an attached
// PDF, a full-page image).
func (r *renderer) startsWithOwnPage(doc *templates.Document) bool {
	if len(doc.Blocks) == 0 {
		return false
	}
	b := doc.Blocks[0]
	return b.Kind == templates.KindAttachedPDF || (b.Kind == templates.KindImage && b.Image != nil && b.Image.FullPage)
}

// newPage starts a page of the current document in its orientation.
func (r *renderer) newPage() { r.newPageIn(r.doc.Orientation) }

func (r *renderer) newPageIn(o templates.Orientation) {
	size := gofpdf.SizeType{Wd: pageShort, Ht: pageLong}
	orient := "P"
	if o == templates.Landscape {
		orient = "L"
	}
	r.pdf.AddPageFormat(orient, size)
	r.pageW, r.pageH = r.pdf.GetPageSize()
	r.docPage++
	r.y = marginTop
	if r.doc != nil && r.docPage == 1 {
		r.setFont("", bodySize) // Bookmark needs a UTF-8 font set first
		r.pdf.Bookmark(r.doc.Title, 0, 0)
	}
	if r.doc != nil && r.doc.PageNumbers && r.docPage > 1 {
		r.setFont("", bodySize)
		r.pdf.SetTextColor(0, 0, 0)
		r.pdf.SetXY(marginLeft, pageNumberTop)
		r.pdf.CellFormat(r.contentW(), 6, fmt.Sprint(r.docPage), "", 0, "C", false, 0, "")
	}
}

// Where the labels of the top margin sit: their baseline, mm from the top edge. The margin itself
// (ND 30/2020: 20–25 mm) stays free of body text; page numbers belong in it.
const (
	pageNumberTop = 9.0  // the page number's cell starts here (6 mm high)
	dossierPagesY = 13.5 // baseline of "Hồ sơ: trang x/y"
)

// footer runs at the end of every page: the dossier's page count in the top margin when asked
// for and, in a draft, the watermark over everything. The bottom margin stays empty.
func (r *renderer) footer() {
	w, h := r.pdf.GetPageSize()
	if r.dossierPages {
		n := r.pdf.PageNo()
		total := "…"
		if r.prev != nil {
			total = fmt.Sprint(r.prev.total)
		}
		r.setFont("I", 9)
		r.pdf.SetTextColor(90, 90, 90)
		label := fmt.Sprintf("Hồ sơ: trang %d/%s", n, total)
		r.pdf.Text(w-marginRight-r.pdf.GetStringWidth(label), dossierPagesY, label)
		r.pdf.SetTextColor(0, 0, 0)
	}
	if r.d.Variant == templates.Draft {
		r.watermark(w, h)
	}
}

// watermark draws "BẢN NHÁP" across the page diagonal, translucent.
func (r *renderer) watermark(w, h float64) {
	const text = "BẢN NHÁP"
	p := r.pdf
	r.setFont("B", 80)
	tw := p.GetStringWidth(text)
	angle := math.Atan2(h, w) * 180 / math.Pi
	cx, cy := w/2, h/2
	p.SetAlpha(0.22, "Normal")
	p.SetTextColor(200, 0, 0)
	p.TransformBegin()
	p.TransformRotate(angle, cx, cy)
	p.Text(cx-tw/2, cy+80*ptToMM*0.35, text)
	p.TransformEnd()
	p.SetAlpha(1, "Normal")
	p.SetTextColor(0, 0, 0)
}

func (r *renderer) contentW() float64 { return r.pageW - marginLeft - marginRight }
func (r *renderer) limit() float64    { return r.pageH - marginBottom }

// ensure starts a new page unless h mm fit below the current position.
func (r *renderer) ensure(h float64) {
	if r.y+h > r.limit() && r.y > marginTop+0.01 {
		r.newPage()
	}
}

func (r *renderer) setFont(style string, size float64) { r.pdf.SetFont(family, style, size) }

func styleOf(bold, italic bool) string {
	switch {
	case bold && italic:
		return "BI"
	case bold:
		return "B"
	case italic:
		return "I"
	}
	return ""
}

// line is a wrapped line of text; last marks the end of a paragraph (not justified).
type line struct {
	text string
	last bool
}

// wrap breaks text into lines no wider than width (the first line narrower by first mm) in the
// current font. Line breaks in the text end paragraphs; a word wider than a line is cut.
func (r *renderer) wrap(text string, width, first float64) []line {
	text = forms.NFC(text)
	var out []line
	for pi, para := range strings.Split(text, "\n") {
		words := strings.FieldsFunc(para, unicode.IsSpace)
		avail := width
		if pi == 0 {
			avail = width - first
		}
		if len(words) == 0 {
			out = append(out, line{last: true})
			avail = width
			continue
		}
		space := r.pdf.GetStringWidth(" ")
		cur, curW := "", 0.0
		for _, w := range words {
			ww := r.pdf.GetStringWidth(w)
			for ww > avail && cur == "" { // a word wider than the line: cut it
				cut := r.fitRunes(w, avail)
				out = append(out, line{text: w[:cut]})
				w = w[cut:]
				ww = r.pdf.GetStringWidth(w)
				avail = width
			}
			switch {
			case cur == "":
				cur, curW = w, ww
			case curW+space+ww <= avail+0.01:
				cur += " " + w
				curW += space + ww
			default:
				out = append(out, line{text: cur})
				avail = width
				cur, curW = w, ww
				for curW > avail {
					cut := r.fitRunes(cur, avail)
					out = append(out, line{text: cur[:cut]})
					cur = cur[cut:]
					curW = r.pdf.GetStringWidth(cur)
				}
			}
		}
		out = append(out, line{text: cur, last: true})
	}
	return out
}

// fitRunes is the byte length of the longest prefix of s (at least one rune) no wider than w.
func (r *renderer) fitRunes(s string, w float64) int {
	end := 0
	for i, ru := range s {
		next := i + len(string(ru))
		if r.pdf.GetStringWidth(s[:next]) > w && end > 0 {
			break
		}
		end = next
	}
	return end
}

// drawLine draws one line at the current y in [x, x+w] with the alignment.
func (r *renderer) drawLine(l line, x, w, h float64, align templates.Align) {
	a := "L"
	switch align {
	case templates.AlignCenter:
		a = "C"
	case templates.AlignRight:
		a = "R"
	case templates.AlignJustify:
		if !l.last && strings.Contains(strings.TrimSpace(l.text), " ") {
			a = "J"
		}
	}
	r.pdf.SetXY(x, r.y)
	r.pdf.CellFormat(w, h, l.text, "", 0, a, false, 0, "")
}

// text writes a paragraph of one style from the current position, breaking pages as needed.
func (r *renderer) text(s string, style string, size float64, align templates.Align, firstIndent, x, w float64) {
	r.setFont(style, size)
	lh := lineHeight(size)
	for i, l := range r.wrap(s, w, firstIndent) {
		r.ensure(lh)
		lx, lw := x, w
		if i == 0 {
			lx, lw = x+firstIndent, w-firstIndent
		}
		r.drawLine(l, lx, lw, lh, align)
		r.y += lh
	}
}

// pageOf is the first page of a document from the previous pass, "…" in the first pass.
func (r *renderer) pageOf(id string) string {
	if r.prev == nil {
		return "…"
	}
	if n := r.prev.start[id]; n > 0 {
		return fmt.Sprint(n)
	}
	return "…"
}

// failedDoc reports whether the document could not be printed.
func (r *renderer) failedDoc(id string) bool {
	_, ok := r.info.failed[id]
	return ok
}

// resolveRef fills "{page}" in a text that refers to a document, or gives its fail text.
func (r *renderer) resolveRef(text, ref, fail string) string {
	if ref == "" {
		return text
	}
	if r.failedDoc(ref) {
		if fail != "" {
			return fail
		}
		return text
	}
	return strings.ReplaceAll(text, "{page}", r.pageOf(ref))
}
