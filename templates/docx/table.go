package docx

import (
	"fmt"
	"strings"

	"khuyencong/templates"
)

// widths scales relative column widths to total twips; the last column takes the rounding.
func widths(rel []float64, total int) []int {
	sum := 0.0
	for _, w := range rel {
		sum += w
	}
	out := make([]int, len(rel))
	used := 0
	for i, w := range rel {
		if sum <= 0 {
			out[i] = total / len(rel)
		} else {
			out[i] = int(w / sum * float64(total))
		}
		used += out[i]
	}
	out[len(out)-1] += total - used
	return out
}

func tblStart(s *strings.Builder, ws []int, total int, ruled bool) {
	s.WriteString(`<w:tbl><w:tblPr>`)
	if ruled {
		s.WriteString(`<w:tblStyle w:val="TableGrid"/>`)
	}
	fmt.Fprintf(s, `<w:tblW w:w="%d" w:type="dxa"/>`, total)
	if !ruled {
		s.WriteString(`<w:tblBorders>` + borders("nil", 0) + `</w:tblBorders>`)
	}
	s.WriteString(`<w:tblLayout w:type="fixed"/>`)
	if !ruled {
		s.WriteString(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	s.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range ws {
		fmt.Fprintf(s, `<w:gridCol w:w="%d"/>`, w)
	}
	s.WriteString(`</w:tblGrid>`)
}

// table is a real Word table: header rows repeat on every page, no row splits across pages,
// figures aligned as their column.
func (b *builder) table(t *templates.Table) {
	if t == nil || len(t.Columns) == 0 {
		return
	}
	size := t.Size
	if size == 0 {
		size = 12
	}
	rel := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		rel[i] = c.Width
	}
	ws := widths(rel, b.contentW)
	var s strings.Builder
	s.Grow(256 * (len(t.Rows) + len(t.Header)) * len(t.Columns))
	tblStart(&s, ws, b.contentW, true)
	for _, r := range t.Header {
		b.row(&s, t, ws, r, size, t.RepeatHeader)
	}
	for _, r := range t.Rows {
		b.row(&s, t, ws, r, size, false)
	}
	s.WriteString(`</w:tbl>`)
	b.raw(s.String())
	b.space(2)
}

func (b *builder) row(s *strings.Builder, t *templates.Table, ws []int, r templates.Row, size float64, header bool) {
	s.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
	if header {
		s.WriteString(`<w:tblHeader/>`)
	}
	s.WriteString(`</w:trPr>`)
	col := 0
	for _, c := range r.Cells {
		if col >= len(ws) {
			break
		}
		span := max(c.Span, 1)
		end := min(col+span, len(ws))
		w := 0
		for _, x := range ws[col:end] {
			w += x
		}
		align := c.Align
		if align == "" {
			align = t.Columns[col].Align
		}
		if align == templates.AlignJustify {
			align = templates.AlignLeft
		}
		st := style{bold: c.Bold || r.Kind == templates.RowTotal, italic: c.Italic}
		if size != 12 { // the Table Text style's size
			st.size = size
		}
		text := b.resolveRef(c.Text, c.PageRef, c.FailText)
		cellOpen(s, w, end-col)
		s.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/>` + jc(align) + `</w:pPr>`)
		if text != "" {
			s.WriteString(run(text, st))
		}
		s.WriteString(`</w:p></w:tc>`)
		col = end
	}
	for ; col < len(ws); col++ { // missing cells are empty
		cellOpen(s, ws[col], 1)
		s.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`)
	}
	s.WriteString(`</w:tr>`)
}

func cellOpen(s *strings.Builder, w, span int) {
	fmt.Fprintf(s, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
	if span > 1 {
		fmt.Fprintf(s, `<w:gridSpan w:val="%d"/>`, span)
	}
	s.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
}

// layoutCellOpen opens a cell of a borderless layout table: no side margins (LibreOffice does not
// take them from the table's properties alone), text at the top.
func layoutCellOpen(s *strings.Builder, w int) {
	fmt.Fprintf(s, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar><w:vAlign w:val="top"/></w:tcPr>`, w)
}

// cellPara is a centred paragraph in a borderless layout cell, tightly spaced.
func cellPara(text string, st style, extra string) string {
	if text == "" {
		return ""
	}
	return `<w:p><w:pPr><w:pStyle w:val="Compact"/>` + extra + `</w:pPr>` + run(text, st) + `</w:p>`
}

// rule is an empty paragraph whose top border is a short centred line: fraction of the cell wide.
func rule(cellW int, fraction float64) string {
	side := int(float64(cellW) * (1 - fraction) / 2)
	return fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="Compact"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`+
		`<w:spacing w:before="20" w:after="0" w:line="120" w:lineRule="exact"/><w:ind w:left="%d" w:right="%d"/></w:pPr></w:p>`, side, side)
}

// issuerHeader is the ND 30/2020 head as a borderless two-column table: the issuer and its rule
// on the left, the national name and the motto (underlined: the rule as long as the text) on the
// right; then the number beside the place and date, and the summary under the number.
func (b *builder) issuerHeader(h *templates.IssuerHeader, title bool) {
	if h == nil {
		return
	}
	if h.Issuer == "" { // the national head alone, centred
		b.paragraph(`<w:pStyle w:val="Compact"/>`, run(h.NationalName, style{bold: true, size: 12.5}))
		b.paragraph(`<w:pStyle w:val="Compact"/>`, run(h.Motto, style{bold: true, underline: true}))
		if h.PlaceDate != "" {
			b.paragraph(`<w:pStyle w:val="Compact"/>`, run(h.PlaceDate, style{italic: true}))
		}
		b.space(2)
		return
	}
	motto := cellPara(h.NationalName, style{bold: true, size: 12.5}, "") +
		cellPara(h.Motto, style{bold: true, underline: true}, "")
	ws := widths([]float64{38, 62}, b.contentW) // the place-and-date line (about 99 mm) fits on one line

	var s strings.Builder
	tblStart(&s, ws, b.contentW, false)
	cell := func(w int, content string) {
		layoutCellOpen(&s, w)
		if content == "" {
			content = `<w:p><w:pPr><w:pStyle w:val="Compact"/></w:pPr></w:p>`
		}
		s.WriteString(content + `</w:tc>`)
	}
	leftParas := cellPara(h.Parent, style{size: 12.5}, "") + cellPara(h.Issuer, style{bold: true, size: 12.5}, "") + rule(ws[0], 0.3)
	if mark := b.takeMark(); mark != "" { // the document's bookmark, in its first paragraph
		leftParas = strings.Replace(leftParas, `</w:pPr>`, `</w:pPr>`+mark, 1)
	}
	s.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	cell(ws[0], leftParas)
	cell(ws[1], motto)
	s.WriteString(`</w:tr>`)
	if h.Number != "" || h.PlaceDate != "" {
		s.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		cell(ws[0], cellPara(h.Number, style{}, `<w:spacing w:before="120"/>`))
		cell(ws[1], cellPara(h.PlaceDate, style{italic: true}, `<w:spacing w:before="120"/>`))
		s.WriteString(`</w:tr>`)
	}
	if h.Summary != "" {
		extra := `<w:spacing w:before="40"/>`
		if title {
			extra += outline
		}
		s.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		cell(ws[0], cellPara(h.Summary, style{size: 12}, extra))
		cell(ws[1], "")
		s.WriteString(`</w:tr>`)
	}
	s.WriteString(`</w:tbl>`)
	b.raw(s.String())
	b.space(2)
}

// signature is the recipients on the left and the signature on the right, in a borderless table
// whose one row is never split.
func (b *builder) signature(sg *templates.SignatureBlock) {
	if sg == nil {
		return
	}
	rel := []float64{50, 50}
	if sg.PlaceDate != "" {
		rel = []float64{38, 62}
	}
	ws := widths(rel, b.contentW)
	var left, right strings.Builder
	if len(sg.Recipients) > 0 {
		left.WriteString(`<w:p><w:pPr><w:pStyle w:val="Compact"/><w:jc w:val="left"/></w:pPr>` + run("Nơi nhận:", style{bold: true, italic: true, size: 12}) + `</w:p>`)
		for _, e := range sg.Recipients {
			left.WriteString(`<w:p><w:pPr><w:pStyle w:val="Compact"/><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>` + run(e, style{size: 11}) + `</w:p>`)
		}
	}
	right.WriteString(cellPara(sg.PlaceDate, style{italic: true}, ""))
	for _, t := range sg.Titles {
		right.WriteString(cellPara(t, style{bold: true}, `<w:keepNext/>`))
	}
	right.WriteString(cellPara(sg.Note, style{italic: true, size: 12}, `<w:keepNext/>`))
	space := mm(sg.Space)
	name := sg.Name
	st := style{bold: true}
	if name == "" {
		name = strings.Repeat(".", 40)
		st = style{}
	}
	right.WriteString(cellPara(name, st, fmt.Sprintf(`<w:spacing w:before="%d"/>`, space)))
	var s strings.Builder
	tblStart(&s, ws, b.contentW, false)
	s.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	layoutCellOpen(&s, ws[0])
	if left.Len() == 0 {
		left.WriteString(`<w:p><w:pPr><w:pStyle w:val="Compact"/></w:pPr></w:p>`)
	}
	s.WriteString(left.String())
	s.WriteString(`</w:tc>`)
	layoutCellOpen(&s, ws[1])
	s.WriteString(right.String())
	s.WriteString(`</w:tc></w:tr></w:tbl>`)
	b.raw(s.String())
	b.space(1)
}
