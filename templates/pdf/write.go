package pdf

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/jung-kurt/gofpdf"

	"khuyencong/templates"
)

// Options choose the font of the PDF and its page labels.
type Options struct {
	// FontPath is a TrueType font file the user picked (its regular style); bold and italic files
	// next to it are found by name. Empty: use the system's font.
	FontPath string
	// FontDir is a directory to look for Times New Roman, Liberation Serif or Tinos first.
	FontDir string
	// DossierPages prints the dossier-wide page count ("Hồ sơ: trang 2/11") in the top margin,
	// right-aligned. Off by default: ND 30/2020 puts only the document's own page number there.
	DossierPages bool
}

// Result describes the PDF written.
type Result struct {
	Pages      int            `json:"pages"`
	Font       string         `json:"font"`        // the font family used
	FontSource string         `json:"font_source"` // where it came from
	Documents  []DocumentPage `json:"documents"`
	// Warnings name what could not be put in the PDF (an attachment that cannot be merged) and
	// what the reader should know (a font passed over).
	Warnings []string `json:"warnings,omitempty"`
}

// DocumentPage is where a document of the dossier sits in the PDF.
type DocumentPage struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Start  int    `json:"start"` // first page, from 1; 0 when it was not printed
	Pages  int    `json:"pages"`
	Failed string `json:"failed,omitempty"` // why it was not printed
}

// layoutInfo is what one pass learns and the next pass prints: where each document starts, which
// could not be printed, where the continuation pages are, and the page count.
type layoutInfo struct {
	start     map[string]int
	pages     map[string]int
	failed    map[string]string
	contPages []int
	total     int
}

func (a *layoutInfo) equal(b *layoutInfo) bool {
	return a.total == b.total && maps.Equal(a.start, b.start) && maps.Equal(a.failed, b.failed) &&
		slices.Equal(a.contPages, b.contPages)
}

// Write renders the dossier as a PDF on A4 pages laid out per ND 30/2020. Page numbers in the
// table of contents, the checklist and the "xem tiếp" references come from an earlier pass over
// the same layout: the dossier is laid out until those numbers no longer change (two passes,
// at most three).
func Write(w io.Writer, d *templates.Dossier, opts Options) (Result, error) {
	if d == nil {
		return Result{}, fmt.Errorf("không có hồ sơ để in")
	}
	fonts, notes := ResolveFonts(opts)
	checks := newAttachmentChecks()
	var prev *layoutInfo
	var r *renderer
	for pass := 0; pass < 3; pass++ {
		r = newRenderer(d, fonts, prev, checks)
		r.dossierPages = opts.DossierPages
		if err := r.render(); err != nil {
			return Result{}, err
		}
		if prev != nil && r.info.equal(prev) {
			break
		}
		prev = &r.info
	}
	if err := r.pdf.Output(w); err != nil {
		return Result{}, fmt.Errorf("không ghi được tệp PDF: %w", err)
	}
	res := Result{Pages: r.info.total, Font: fonts.Name, FontSource: fonts.Source}
	res.Warnings = append(res.Warnings, notes...)
	res.Warnings = append(res.Warnings, r.warnings...)
	for _, doc := range d.Documents {
		res.Documents = append(res.Documents, DocumentPage{ID: doc.ID, Title: doc.Title,
			Start: r.info.start[doc.ID], Pages: r.info.pages[doc.ID], Failed: r.info.failed[doc.ID]})
	}
	return res, nil
}

// newPDF makes an empty gofpdf document with the fonts and metadata of the dossier.
func newPDF(d *templates.Dossier, fonts *FontSet) *gofpdf.Fpdf {
	p := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: gofpdf.SizeType{Wd: pageShort, Ht: pageLong}})
	p.AddUTF8FontFromBytes(family, "", fonts.Regular)
	p.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	p.AddUTF8FontFromBytes(family, "I", fonts.Italic)
	p.AddUTF8FontFromBytes(family, "BI", fonts.BoldItalic)
	p.SetTitle(d.Title, true)
	p.SetSubject(d.Subject, true)
	p.SetAuthor(d.Author, true)
	p.SetCreator(d.Creator, true)
	p.SetKeywords("khuyến công; phông chữ: "+fonts.Name, true)
	created := d.Created
	if created.IsZero() {
		created = time.Now()
	}
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetCatalogSort(true)
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetCellMargin(0)
	p.SetDisplayMode("fullpage", "single")
	return p
}
