package docx

import (
	"fmt"
	"math"
	"strings"

	"khuyencong/templates"
)

// builder writes the body of word/document.xml, one section per document of the dossier.
type builder struct {
	d        *templates.Dossier
	opts     Options
	body     strings.Builder
	pend     *para // the last top-level paragraph, held back to take a section break
	media    []media
	headers  []header
	pics     map[string]picture // by file path
	shapeID  int
	bookmark int
	mark     string // a bookmark to open in the next paragraph
	sections int
	warnings []string

	doc      *templates.Document
	contentW int // text width of the current section, twips
	contentH int
	titleAt  int // index of the block that carries the document's outline entry, -1: none
}

// para is a paragraph: its properties (inside w:pPr) and its content.
type para struct {
	ppr, content string
}

func newBuilder(d *templates.Dossier, opts Options) *builder {
	return &builder{d: d, opts: opts, pics: map[string]picture{}}
}

func (b *builder) documentXML() string {
	var s strings.Builder
	s.Grow(b.body.Len() + 1024)
	s.WriteString(xmlDecl)
	s.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA +
		`" xmlns:pic="` + nsPic + `" xmlns:v="` + nsV + `" xmlns:o="` + nsO + `"><w:body>`)
	s.WriteString(b.body.String())
	s.WriteString(`</w:body></w:document>`)
	return s.String()
}

// render writes every document; each ends with its section properties.
func (b *builder) render() error {
	docs := b.d.Documents
	if len(docs) == 0 {
		docs = []templates.Document{{ID: "empty", Orientation: templates.Portrait}}
	}
	for i := range docs {
		doc := &docs[i]
		b.doc = doc
		b.contentW, b.contentH = pageShort-marginLeft-marginRight, pageLong-marginTop-marginBottom
		if doc.Orientation == templates.Landscape {
			b.contentW, b.contentH = pageLong-marginLeft-marginRight, pageShort-marginTop-marginBottom
		}
		b.titleAt = titleBlock(doc)
		b.mark = bookmarkName(doc.ID)
		if i == 0 {
			b.generatedNote()
		}
		if b.titleAt < 0 && len(doc.Blocks) > 0 && (doc.Blocks[0].Kind == templates.KindAttachedPDF || doc.Blocks[0].Kind == templates.KindImage) {
			// an attachment: its title as the heading the navigation pane and the contents show
			b.heading(&templates.Heading{Text: doc.Title, Level: 1})
		}
		for j, blk := range doc.Blocks {
			if err := b.block(blk, j == b.titleAt); err != nil {
				return err
			}
		}
		b.endSection(doc, i == len(docs)-1)
	}
	return nil
}

// titleBlock is the block that names the document in the navigation pane and the contents: its
// first level-1 heading; else the summary line of its issuer header (a letter); else its first
// large bold paragraph (the cover). -1 when none (an attachment: a heading is added).
func titleBlock(doc *templates.Document) int {
	for i, blk := range doc.Blocks {
		if blk.Kind == templates.KindHeading && blk.Heading != nil && blk.Heading.Level == 1 {
			return i
		}
	}
	for i, blk := range doc.Blocks {
		if blk.Kind == templates.KindIssuerHeader && blk.IssuerHeader != nil && blk.IssuerHeader.Summary != "" {
			return i
		}
	}
	for i, blk := range doc.Blocks {
		if blk.Kind == templates.KindParagraph && blk.Paragraph != nil && blk.Paragraph.Bold && blk.Paragraph.Size >= 14 {
			return i
		}
	}
	return -1
}

// bookmarkName is the bookmark at the start of a document: letters, digits and underscores.
func bookmarkName(id string) string {
	var s strings.Builder
	s.WriteString("doc_")
	for _, r := range id {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			s.WriteRune(r)
		} else {
			s.WriteByte('_')
		}
	}
	n := s.String()
	if len(n) > 40 {
		n = n[:40]
	}
	return n
}

// takeMark returns the bookmark markup to open at the start of a paragraph, once.
func (b *builder) takeMark() string {
	if b.mark == "" {
		return ""
	}
	b.bookmark++
	m := fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="%s"/><w:bookmarkEnd w:id="%d"/>`, b.bookmark, b.mark, b.bookmark)
	b.mark = ""
	return m
}

// flush writes the held-back paragraph.
func (b *builder) flush() {
	if b.pend == nil {
		return
	}
	b.writePara(b.pend, "")
	b.pend = nil
}

func (b *builder) writePara(p *para, sect string) {
	b.body.WriteString(`<w:p>`)
	if p.ppr != "" || sect != "" {
		b.body.WriteString(`<w:pPr>`)
		b.body.WriteString(p.ppr)
		b.body.WriteString(sect)
		b.body.WriteString(`</w:pPr>`)
	}
	b.body.WriteString(p.content)
	b.body.WriteString(`</w:p>`)
}

// paragraph adds a top-level paragraph.
func (b *builder) paragraph(ppr, content string) {
	b.flush()
	b.pend = &para{ppr: ppr, content: b.takeMark() + content}
}

// raw adds top-level markup that is not a paragraph (a table).
func (b *builder) raw(s string) {
	b.flush()
	b.body.WriteString(s)
}

// endSection closes the document's section: a new page, its orientation, its page numbers
// restarting at 1, none on its first page.
func (b *builder) endSection(doc *templates.Document, last bool) {
	b.sections++
	var s strings.Builder
	s.WriteString(`<w:sectPr>`)
	land := doc.Orientation == templates.Landscape
	fmt.Fprintf(&s, `<w:headerReference w:type="default" r:id="%s"/>`, b.newHeader(doc.PageNumbers, land))
	fmt.Fprintf(&s, `<w:headerReference w:type="first" r:id="%s"/>`, b.newHeader(false, land))
	s.WriteString(`<w:type w:val="nextPage"/>`)
	if doc.Orientation == templates.Landscape {
		fmt.Fprintf(&s, `<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, pageLong, pageShort)
	} else {
		fmt.Fprintf(&s, `<w:pgSz w:w="%d" w:h="%d"/>`, pageShort, pageLong)
	}
	fmt.Fprintf(&s, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		marginTop, marginRight, marginBottom, marginLeft, headerDist, footerDist)
	s.WriteString(`<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>`)
	if last {
		b.flush()
		b.body.WriteString(s.String())
		return
	}
	if b.pend == nil {
		b.pend = &para{}
	}
	b.writePara(b.pend, s.String())
	b.pend = nil
}

// newHeader adds a header part and returns its relationship id.
func (b *builder) newHeader(numbered, landscape bool) string {
	n := len(b.headers) + 1
	h := header{name: fmt.Sprintf("header%d.xml", n), rid: fmt.Sprintf("rIdHeader%d", n), numbered: numbered, landscape: landscape}
	b.headers = append(b.headers, h)
	return h.rid
}

// generatedNote opens the file: it was generated and may have been edited since.
func (b *builder) generatedNote() {
	ppr := `<w:pBdr><w:top w:val="single" w:sz="4" w:space="2" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="2" w:color="808080"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="2" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="2" w:color="808080"/></w:pBdr>` +
		`<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/>`
	b.paragraph(ppr, run(GeneratedNote(b.d), style{italic: true, size: 10, color: "404040"}))
}

// style is the character formatting of a run.
type style struct {
	bold, italic, underline bool
	size                    float64 // points; 0: the paragraph style's
	color                   string
}

// run writes text as runs: line breaks become w:br, tabs w:tab.
func run(text string, st style) string {
	var rpr strings.Builder
	if st.bold {
		rpr.WriteString(`<w:b/><w:bCs/>`)
	}
	if st.italic {
		rpr.WriteString(`<w:i/><w:iCs/>`)
	}
	if st.color != "" {
		rpr.WriteString(`<w:color w:val="` + st.color + `"/>`)
	}
	if st.size > 0 {
		hp := int(math.Round(st.size * 2))
		fmt.Fprintf(&rpr, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
	}
	if st.underline {
		rpr.WriteString(`<w:u w:val="single"/>`)
	}
	var out strings.Builder
	out.WriteString(`<w:r>`)
	if rpr.Len() > 0 {
		out.WriteString(`<w:rPr>` + rpr.String() + `</w:rPr>`)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			out.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				out.WriteString(`<w:tab/>`)
			}
			if part != "" {
				out.WriteString(`<w:t xml:space="preserve">` + esc(part) + `</w:t>`)
			}
		}
	}
	out.WriteString(`</w:r>`)
	return out.String()
}

// jc is the paragraph alignment; justified text in a table cell is set left.
func jc(a templates.Align) string {
	switch a {
	case templates.AlignCenter:
		return `<w:jc w:val="center"/>`
	case templates.AlignRight:
		return `<w:jc w:val="right"/>`
	case templates.AlignLeft:
		return `<w:jc w:val="left"/>`
	}
	return `<w:jc w:val="both"/>`
}

const outline = `<w:outlineLvl w:val="0"/>`

func (b *builder) block(blk templates.Block, title bool) error {
	switch blk.Kind {
	case templates.KindHeading:
		b.heading(blk.Heading)
	case templates.KindParagraph:
		b.para(blk.Paragraph, title)
	case templates.KindField:
		b.field(blk.Field)
	case templates.KindBox:
		b.box(blk.Box)
	case templates.KindTable:
		b.table(blk.Table)
	case templates.KindIssuerHeader:
		b.issuerHeader(blk.IssuerHeader, title)
	case templates.KindSignature:
		b.signature(blk.Signature)
	case templates.KindContents:
		b.contents(blk.Contents)
	case templates.KindImage:
		b.image(blk.Image)
	case templates.KindAttachedPDF:
		b.attachedPDF(blk.AttachedPDF)
	case templates.KindPageBreak:
		b.paragraph(`<w:spacing w:after="0"/>`, `<w:r><w:br w:type="page"/></w:r>`)
	case templates.KindSpace:
		b.space(blk.Space)
	default:
		return fmt.Errorf("khối %q không có trong mẫu hồ sơ", blk.Kind)
	}
	return nil
}

// space is an empty paragraph exactly mm high.
func (b *builder) space(v float64) {
	if v <= 0 {
		return
	}
	b.paragraph(fmt.Sprintf(`<w:spacing w:after="0" w:line="%d" w:lineRule="exact"/>`, mm(v)), "")
}

// heading uses the built-in heading styles; level 1 carries the document's outline entry.
func (b *builder) heading(h *templates.Heading) {
	if h == nil {
		return
	}
	level := min(max(h.Level, 1), 3)
	ppr := fmt.Sprintf(`<w:pStyle w:val="Heading%d"/>`, level)
	if h.Align != "" {
		ppr += jc(h.Align)
	}
	b.paragraph(ppr, run(h.Text, style{}))
}

func (b *builder) para(p *templates.Paragraph, title bool) {
	if p == nil {
		return
	}
	align := p.Align
	if align == "" {
		align = templates.AlignJustify
	}
	ppr := ""
	if p.Indent {
		ppr = `<w:pStyle w:val="BodyText"/>`
	}
	if p.Size > 13 {
		ppr += `<w:keepNext/>`
	}
	ppr += jc(align)
	if title {
		ppr += outline
	}
	text := b.resolveRef(p.Text, p.PageRef, p.FailText)
	st := style{bold: p.Bold, italic: p.Italic}
	if p.Size != 0 && p.Size != 13 { // 13 pt is the style's
		st.size = p.Size
	}
	b.paragraph(ppr, run(text, st))
}

// resolveRef fills "{page}" from the PDF written beside, or drops the page when it is unknown.
func (b *builder) resolveRef(text, ref, fail string) string {
	if ref == "" || !strings.Contains(text, "{page}") {
		return text
	}
	if n := b.opts.PageStarts[ref]; n > 0 {
		return strings.ReplaceAll(text, "{page}", fmt.Sprint(n))
	}
	if b.opts.PageStarts != nil && fail != "" {
		return fail // the PDF could not print that document
	}
	for _, cut := range []string{", trang {page}", " trang {page}", "{page}"} {
		text = strings.ReplaceAll(text, cut, "")
	}
	return text
}

// dotTab is a right tab at the end of the line with a dotted leader: a line to fill in by hand.
func dotTab(pos int) string {
	return fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs>`, pos)
}

// field writes "Label: value"; an empty value leaves dotted lines to fill in by hand.
func (b *builder) field(f *templates.Field) {
	if f == nil {
		return
	}
	if strings.TrimSpace(f.Value) != "" {
		b.paragraph(`<w:spacing w:after="60"/><w:jc w:val="left"/>`, run(f.Label+": "+f.Value, style{}))
		return
	}
	lines := max(f.Lines, 1)
	for i := 0; i < lines; i++ {
		ppr := dotTab(b.contentW) + `<w:spacing w:after="0"/><w:jc w:val="left"/>`
		if i < lines-1 {
			ppr = `<w:keepNext/>` + ppr
		}
		text := "\t"
		if i == 0 {
			text = f.Label + ": \t"
		}
		b.paragraph(ppr, run(text, style{}))
	}
	b.space(1)
}

// box is a framed answer: a one-cell table at least Lines lines high that grows with its text.
func (b *builder) box(x *templates.Box) {
	if x == nil {
		return
	}
	b.paragraph(`<w:keepNext/><w:spacing w:after="40"/><w:jc w:val="left"/>`, run(x.Label, style{bold: true}))
	lines := max(x.Lines, 1)
	inner := b.contentW - 2*68
	var cell strings.Builder
	if strings.TrimSpace(x.Text) == "" {
		for i := 0; i < lines; i++ {
			cell.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/>` + dotTab(inner) + `</w:pPr>` + run("\t", style{}) + `</w:p>`)
		}
	} else {
		for _, part := range strings.Split(strings.ReplaceAll(x.Text, "\r\n", "\n"), "\n") {
			cell.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="both"/></w:pPr>` + run(part, style{}) + `</w:p>`)
		}
	}
	height := int(float64(lines)*12*20*1.1) + 2*57
	b.raw(fmt.Sprintf(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>`+
		`<w:tblGrid><w:gridCol w:w="%d"/></w:tblGrid><w:tr><w:trPr><w:trHeight w:val="%d" w:hRule="atLeast"/></w:trPr>`+
		`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc></w:tr></w:tbl>`,
		b.contentW, b.contentW, height, b.contentW, cell.String()))
	b.space(2)
}

// contents is a Word table-of-contents field over the documents' outline entries, filled in with
// the documents' titles (linked to where they start); Word rebuilds it on "Update field". Pages are
// left out: every document numbers its own pages (ND 30/2020).
func (b *builder) contents(c *templates.Contents) {
	if c == nil || len(c.Entries) == 0 {
		return
	}
	for i, e := range c.Entries {
		var content strings.Builder
		if i == 0 {
			content.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u \n </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		content.WriteString(`<w:hyperlink w:anchor="` + bookmarkName(e.DocumentID) + `" w:history="1">`)
		content.WriteString(run(fmt.Sprintf("%d.\t%s", i+1, e.Title), style{}))
		content.WriteString(`</w:hyperlink>`)
		if i == len(c.Entries)-1 {
			content.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		b.paragraph(`<w:pStyle w:val="TOC1"/>`, content.String())
	}
}
