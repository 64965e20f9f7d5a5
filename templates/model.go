package templates

import (
	"strings"
	"time"
)

// Variant says which kind of print a dossier is.
type Variant string

// The variants of a dossier.
const (
	// Final is the dossier to sign and submit.
	Final Variant = "final"
	// Draft is the same content, watermarked "BẢN NHÁP" on every page, with a list of what is left to fix.
	Draft Variant = "draft"
	// Blank is the form with every answer left as a dotted line, to fill in by hand.
	Blank Variant = "blank"
)

// ParseVariant reads "final", "draft" or "blank" ("" gives Final).
func ParseVariant(s string) (Variant, bool) {
	switch Variant(s) {
	case "", Final:
		return Final, true
	case Draft, Blank:
		return Variant(s), true
	}
	return "", false
}

// Orientation is the page orientation of a document.
type Orientation string

// The orientations.
const (
	Portrait  Orientation = "portrait"
	Landscape Orientation = "landscape"
)

// Align is the horizontal alignment of a text.
type Align string

// The alignments.
const (
	AlignLeft    Align = "left"
	AlignCenter  Align = "center"
	AlignRight   Align = "right"
	AlignJustify Align = "justify"
)

// Dossier is the whole print-ready dossier: its documents in checklist order and the PDF metadata.
type Dossier struct {
	Title     string     `json:"title"`
	Subject   string     `json:"subject"`
	Author    string     `json:"author"`  // the enterprise
	Creator   string     `json:"creator"` // the app and its version
	Variant   Variant    `json:"variant"`
	Created   time.Time  `json:"created"` // fixed by Options.Now, for reproducible output
	Documents []Document `json:"documents"`
	// Warnings are things the builder noticed that the reader of the dossier should know
	// (an attached file that does not exist, a file type that cannot be merged ...).
	Warnings []string `json:"warnings,omitempty"`
}

// Document is one document of the dossier: its pages are numbered on their own (ND 30/2020),
// and it gets a bookmark in the PDF outline.
type Document struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"` // bookmark and table-of-contents entry
	Orientation Orientation `json:"orientation"`
	// PageNumbers asks for page numbers centred in the top margin, from the second page on.
	PageNumbers bool    `json:"page_numbers"`
	Blocks      []Block `json:"blocks"`
}

// Block is one element of a document. Exactly one of its fields is set; Kind names it.
type Block struct {
	Kind         BlockKind       `json:"kind"`
	Heading      *Heading        `json:"heading,omitempty"`
	Paragraph    *Paragraph      `json:"paragraph,omitempty"`
	Field        *Field          `json:"field,omitempty"`
	Box          *Box            `json:"box,omitempty"`
	Table        *Table          `json:"table,omitempty"`
	IssuerHeader *IssuerHeader   `json:"issuer_header,omitempty"`
	Signature    *SignatureBlock `json:"signature,omitempty"`
	Contents     *Contents       `json:"contents,omitempty"`
	Image        *Image          `json:"image,omitempty"`
	AttachedPDF  *AttachedPDF    `json:"attached_pdf,omitempty"`
	Space        float64         `json:"space,omitempty"` // for KindSpace: vertical space in mm
}

// BlockKind names the kind of a Block.
type BlockKind string

// The kinds of block.
const (
	KindHeading      BlockKind = "heading"
	KindParagraph    BlockKind = "paragraph"
	KindField        BlockKind = "field"
	KindBox          BlockKind = "box"
	KindTable        BlockKind = "table"
	KindIssuerHeader BlockKind = "issuer_header"
	KindSignature    BlockKind = "signature"
	KindContents     BlockKind = "contents"
	KindImage        BlockKind = "image"
	KindAttachedPDF  BlockKind = "attached_pdf"
	KindPageBreak    BlockKind = "page_break"
	KindSpace        BlockKind = "space"
)

// Heading is a title. Level 1 is a document title (capitals, bold, centred, 14 pt);
// level 2 a section heading (bold, 13 pt); level 3 a sub-heading (bold italic, 13 pt).
type Heading struct {
	Text  string `json:"text"`
	Level int    `json:"level"`
	Align Align  `json:"align,omitempty"` // default: centred for level 1, left otherwise
}

// Paragraph is a run of text in one style. With PageRef set, "{page}" in Text is replaced by the
// first page (in the dossier) of the document PageRef names, and FailText is printed instead when
// that document could not be rendered (an attachment that could not be merged).
type Paragraph struct {
	Text     string  `json:"text"`
	Align    Align   `json:"align,omitempty"`  // default justify
	Indent   bool    `json:"indent,omitempty"` // first-line indent of 1 cm
	Bold     bool    `json:"bold,omitempty"`
	Italic   bool    `json:"italic,omitempty"`
	Size     float64 `json:"size,omitempty"` // points; 0 = body size (13)
	PageRef  string  `json:"page_ref,omitempty"`
	FailText string  `json:"fail_text,omitempty"`
}

// Field is a labelled answer on a form: "Label: value". An empty value is printed as dotted
// lines to fill in by hand (Lines of them, at least one).
type Field struct {
	Label string `json:"label"`
	Value string `json:"value"`
	Lines int    `json:"lines,omitempty"`
}

// Box is a fixed-size framed answer on a form, Lines lines high. Text that does not fit continues
// on a numbered continuation page at the end of the document ("xem tiếp phụ lục trang N").
type Box struct {
	Label string `json:"label"`
	Text  string `json:"text"`
	Lines int    `json:"lines"`
}

// Table is a ruled table. Column widths are relative units; the renderer scales them to the
// width of the page. Header rows repeat on every page; a row is never split across pages.
type Table struct {
	Columns      []Column `json:"columns"`
	Header       []Row    `json:"header"`
	Rows         []Row    `json:"rows"`
	RepeatHeader bool     `json:"repeat_header"`
	Size         float64  `json:"size,omitempty"` // points; 0 = 12
}

// Column is one column of a table.
type Column struct {
	Width float64 `json:"width"`
	Align Align   `json:"align"`
}

// RowKind says how a row is drawn.
type RowKind string

// The kinds of row.
const (
	RowBody  RowKind = "body"
	RowGroup RowKind = "group" // a Roman-numbered group row, bold
	RowTotal RowKind = "total" // a total row, bold
)

// Row is one row of a table.
type Row struct {
	Kind  RowKind `json:"kind"`
	Cells []Cell  `json:"cells"`
}

// Cell is one cell. Span > 1 merges it with the next cells of the row. PageRef and FailText work
// as in Paragraph.
type Cell struct {
	Text     string `json:"text"`
	Span     int    `json:"span,omitempty"`
	Align    Align  `json:"align,omitempty"` // default: the column's
	Bold     bool   `json:"bold,omitempty"`
	Italic   bool   `json:"italic,omitempty"`
	PageRef  string `json:"page_ref,omitempty"`
	FailText string `json:"fail_text,omitempty"`
}

// IssuerHeader is the head of an administrative document (ND 30/2020): on the left the issuer in
// capitals with its number and summary (V/v ...), on the right the national name, the motto and
// the place-and-date line.
type IssuerHeader struct {
	Parent       string `json:"parent,omitempty"` // the body above the issuer, upright
	Issuer       string `json:"issuer"`           // in capitals, bold
	Number       string `json:"number,omitempty"` // "Số: 15/CV-PH"
	Summary      string `json:"summary,omitempty"`
	NationalName string `json:"national_name"`
	Motto        string `json:"motto"`
	PlaceDate    string `json:"place_date"`
}

// SignatureBlock is the signature on the right, with the recipients (Nơi nhận) on the left when set.
type SignatureBlock struct {
	Recipients []string `json:"recipients,omitempty"` // entries, each "- ...;" with the last "- Lưu: VT."
	PlaceDate  string   `json:"place_date,omitempty"` // italic line above the titles, for forms
	Titles     []string `json:"titles"`               // in capitals, bold: "TM. HỢP TÁC XÃ", "CHỦ NHIỆM"
	Note       string   `json:"note,omitempty"`       // italic: "(Ký, ghi rõ họ tên, đóng dấu)"
	Space      float64  `json:"space"`                // signature space in mm
	Name       string   `json:"name"`                 // bold; empty prints a dotted line
}

// Contents is a table of contents: the renderer fills in the page where each document starts.
type Contents struct {
	Entries []ContentsEntry `json:"entries"`
}

// ContentsEntry is one line of the table of contents.
type ContentsEntry struct {
	Title      string `json:"title"`
	DocumentID string `json:"document_id"`
	FailText   string `json:"fail_text,omitempty"` // printed when the document could not be rendered
}

// Image is a picture from a file (JPEG or PNG). FullPage scales it onto a page of its own;
// otherwise it is at most MaxHeight mm high (0 = 100 mm) and the width of the text.
type Image struct {
	Path      string  `json:"path"`
	Caption   string  `json:"caption,omitempty"`
	FullPage  bool    `json:"full_page,omitempty"`
	MaxHeight float64 `json:"max_height,omitempty"`
}

// AttachedPDF merges the pages of an existing PDF file, each scaled onto an A4 page.
type AttachedPDF struct {
	Path  string `json:"path"`
	Title string `json:"title"`
}

// Block constructors, for readable builders.

// H returns a heading block.
func H(level int, text string) Block {
	return Block{Kind: KindHeading, Heading: &Heading{Text: text, Level: level}}
}

// P returns a justified body paragraph with a first-line indent.
func P(text string) Block {
	return Block{Kind: KindParagraph, Paragraph: &Paragraph{Text: text, Align: AlignJustify, Indent: true}}
}

// Para returns a paragraph block.
func Para(p Paragraph) Block { return Block{Kind: KindParagraph, Paragraph: &p} }

// F returns a field block.
func F(label, value string, lines int) Block {
	if strings.Trim(value, ". ") == "" {
		value = "" // a blank form's placeholder: the renderer draws the dotted lines
	}
	return Block{Kind: KindField, Field: &Field{Label: label, Value: value, Lines: lines}}
}

// PageBreak returns a page break.
func PageBreak() Block { return Block{Kind: KindPageBreak} }

// Space returns vertical space of mm millimetres.
func Space(mm float64) Block { return Block{Kind: KindSpace, Space: mm} }
