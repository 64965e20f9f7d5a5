package pdf

import (
	"fmt"
	"math"
	"strings"

	"khuyencong/templates"
)

func (r *renderer) block(b templates.Block) error {
	switch b.Kind {
	case templates.KindHeading:
		r.heading(b.Heading)
	case templates.KindParagraph:
		r.paragraph(b.Paragraph)
	case templates.KindField:
		r.field(b.Field)
	case templates.KindBox:
		r.box(b.Box)
	case templates.KindTable:
		r.table(b.Table)
	case templates.KindIssuerHeader:
		r.issuerHeader(b.IssuerHeader)
	case templates.KindSignature:
		r.signature(b.Signature)
	case templates.KindContents:
		r.contents(b.Contents)
	case templates.KindImage:
		r.image(b.Image)
	case templates.KindAttachedPDF:
		r.attachedPDF(b.AttachedPDF)
	case templates.KindPageBreak:
		r.newPage()
	case templates.KindSpace:
		if r.y+b.Space > r.limit() {
			r.newPage()
		} else if r.y > marginTop+0.01 {
			r.y += b.Space
		}
	default:
		return fmt.Errorf("khối %q không có trong mẫu hồ sơ", b.Kind)
	}
	return nil
}

func (r *renderer) heading(h *templates.Heading) {
	if h == nil {
		return
	}
	size, style, before, after := bodySize, "B", 3.0, 1.5
	align := h.Align
	switch h.Level {
	case 1:
		size, before, after = 14, 2, 2
		if align == "" {
			align = templates.AlignCenter
		}
	case 3:
		style, before, after = "BI", 1.5, 1
	}
	if align == "" {
		align = templates.AlignLeft
	}
	if r.y > marginTop+0.01 {
		r.y += before
	}
	// keep the heading with at least three lines of what follows
	r.setFont(style, size)
	lines := r.wrap(h.Text, r.contentW(), 0)
	r.ensure(float64(len(lines))*lineHeight(size) + 3*lineHeight(bodySize))
	r.text(h.Text, style, size, align, 0, marginLeft, r.contentW())
	r.y += after
}

func (r *renderer) paragraph(p *templates.Paragraph) {
	if p == nil {
		return
	}
	size := p.Size
	if size == 0 {
		size = bodySize
	}
	align := p.Align
	if align == "" {
		align = templates.AlignJustify
	}
	first := 0.0
	if p.Indent {
		first = indent
	}
	text := r.resolveRef(p.Text, p.PageRef, p.FailText)
	if strings.HasSuffix(strings.TrimSpace(text), ":") {
		// a lead-in ("… như sau:") stays on the page of what it introduces: keep room for
		// itself and about three lines of it (a table's header and first row)
		r.setFont(styleOf(p.Bold, p.Italic), size)
		lines := r.wrap(text, r.contentW(), first)
		r.ensure(float64(len(lines))*lineHeight(size) + paraAfter + 3*lineHeight(bodySize))
	}
	r.text(text, styleOf(p.Bold, p.Italic), size, align, first, marginLeft, r.contentW())
	r.y += paraAfter
}

// dots fills width w with dots in the current font.
func (r *renderer) dots(w float64) string {
	dw := r.pdf.GetStringWidth(".")
	n := int(math.Floor(w / dw))
	if n < 3 {
		n = 3
	}
	return strings.Repeat(".", n)
}

// field writes "Label: value"; an empty value leaves dotted lines to fill in by hand.
func (r *renderer) field(f *templates.Field) {
	if f == nil {
		return
	}
	w := r.contentW()
	if strings.TrimSpace(f.Value) != "" {
		r.text(f.Label+": "+f.Value, "", bodySize, templates.AlignLeft, 0, marginLeft, w)
		r.y += 1
		return
	}
	r.setFont("", bodySize)
	lh := lineHeight(bodySize)
	label := f.Label + ": "
	lines := max(f.Lines, 1)
	r.ensure(float64(lines) * lh)
	lw := r.pdf.GetStringWidth(label)
	if lw > w*0.7 {
		r.text(f.Label+":", "", bodySize, templates.AlignLeft, 0, marginLeft, w)
		lw = 0
		label = ""
	}
	for i := 0; i < lines; i++ {
		r.ensure(lh)
		r.pdf.SetXY(marginLeft, r.y)
		text := r.dots(w - 0.5)
		if i == 0 && label != "" {
			text = label + r.dots(w-lw-0.5)
		}
		r.pdf.CellFormat(w, lh, text, "", 0, "L", false, 0, "")
		r.y += lh
	}
	r.y += 1
}

// box is a framed answer of fixed height; what does not fit continues on a continuation page.
func (r *renderer) box(b *templates.Box) {
	if b == nil {
		return
	}
	const size, pad = 12.0, 1.5
	w := r.contentW()
	lh := lineHeight(size)
	lines := max(b.Lines, 1)
	boxH := float64(lines)*lh + 2*pad
	r.setFont("B", bodySize)
	labelLines := r.wrap(b.Label, w, 0)
	r.ensure(float64(len(labelLines))*lineHeight(bodySize) + boxH + 1)
	r.text(b.Label, "B", bodySize, templates.AlignLeft, 0, marginLeft, w)
	top := r.y + 0.5
	r.pdf.SetDrawColor(0, 0, 0)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Rect(marginLeft, top, w, boxH, "D")
	r.y = top + pad
	r.setFont("", size)
	if strings.TrimSpace(b.Text) == "" {
		for i := 0; i < lines; i++ {
			r.pdf.SetXY(marginLeft+pad, r.y)
			r.pdf.CellFormat(w-2*pad, lh, r.dots(w-2*pad-0.5), "", 0, "L", false, 0, "")
			r.y += lh
		}
		r.y = top + boxH + paraAfter
		return
	}
	wrapped := r.wrap(b.Text, w-2*pad, 0)
	if len(wrapped) <= lines {
		for _, l := range wrapped {
			r.drawLine(l, marginLeft+pad, w-2*pad, lh, templates.AlignJustify)
			r.y += lh
		}
		r.y = top + boxH + paraAfter
		return
	}
	// Too long for the box: print what fits and send the rest to a continuation page.
	r.contIndex++
	page := "…"
	if r.prev != nil && r.contIndex-1 < len(r.prev.contPages) {
		page = fmt.Sprint(r.prev.contPages[r.contIndex-1])
	}
	keep := lines - 1
	for _, l := range wrapped[:keep] {
		if l.last {
			r.drawLine(l, marginLeft+pad, w-2*pad, lh, templates.AlignJustify)
		} else {
			r.drawLine(l, marginLeft+pad, w-2*pad, lh, templates.AlignJustify)
		}
		r.y += lh
	}
	r.setFont("I", size)
	r.pdf.SetXY(marginLeft+pad, r.y)
	r.pdf.CellFormat(w-2*pad, lh, fmt.Sprintf("(xem tiếp phụ lục trang %s)", page), "", 0, "R", false, 0, "")
	r.conts = append(r.conts, continuation{index: r.contIndex, label: b.Label, text: joinLines(wrapped[keep:])})
	r.y = top + boxH + paraAfter
}

// joinLines puts wrapped lines back into text, keeping the paragraph breaks.
func joinLines(ls []line) string {
	var b strings.Builder
	for i, l := range ls {
		b.WriteString(l.text)
		if i < len(ls)-1 {
			if l.last {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
	}
	return b.String()
}

// continuationPages prints the rest of the overlong answers of the document on its last pages.
func (r *renderer) continuationPages() {
	if len(r.conts) == 0 {
		return
	}
	r.newPage()
	r.text("PHỤ LỤC: NỘI DUNG TIẾP THEO", "B", 14, templates.AlignCenter, 0, marginLeft, r.contentW())
	r.y += 3
	for _, c := range r.conts {
		r.setFont("B", bodySize)
		r.ensure(3 * lineHeight(bodySize))
		for len(r.info.contPages) < c.index {
			r.info.contPages = append(r.info.contPages, 0)
		}
		r.info.contPages[c.index-1] = r.pdf.PageNo()
		r.text("Tiếp theo mục "+c.label+":", "B", bodySize, templates.AlignLeft, 0, marginLeft, r.contentW())
		r.y += 1
		r.text(c.text, "", bodySize, templates.AlignJustify, 0, marginLeft, r.contentW())
		r.y += paraAfter + 2
	}
}

// issuerHeader draws the ND 30/2020 head: issuer left, national name and motto right, then the
// number and the place-and-date line on one level, then the summary under the number.
func (r *renderer) issuerHeader(h *templates.IssuerHeader) {
	if h == nil {
		return
	}
	p := r.pdf
	w := r.contentW()
	top := r.y
	// the right column is as wide as its longest line, the left keeps at least 55 mm
	r.setFont("B", 12.5)
	need := p.GetStringWidth(h.NationalName)
	r.setFont("I", 13)
	need = math.Max(need, p.GetStringWidth(h.PlaceDate))
	rightW := math.Max(need+3, w*0.55)
	leftW := math.Max(w-rightW, 55)
	rightW = w - leftW
	rightX := marginLeft + leftW
	if h.Issuer == "" { // the national head alone, centred
		rightX, rightW = marginLeft, w
	}
	// right: national name, motto and its rule as long as the text
	r.y = top
	r.text(h.NationalName, "B", 12.5, templates.AlignCenter, 0, rightX, rightW)
	r.setFont("B", 13)
	mottoW := p.GetStringWidth(h.Motto)
	r.text(h.Motto, "B", 13, templates.AlignCenter, 0, rightX, rightW)
	p.SetLineWidth(0.3)
	p.Line(rightX+(rightW-mottoW)/2, r.y+0.3, rightX+(rightW+mottoW)/2, r.y+0.3)
	rightBottom := r.y + 1
	// left: parent body, issuer in capitals and a short rule
	leftBottom := top
	if h.Issuer != "" {
		r.y = top
		if h.Parent != "" {
			r.text(h.Parent, "", 12.5, templates.AlignCenter, 0, marginLeft, leftW)
		}
		r.setFont("B", 12.5)
		widest := 0.0
		for _, l := range r.wrap(h.Issuer, leftW-2, 0) {
			widest = math.Max(widest, p.GetStringWidth(l.text))
		}
		r.text(h.Issuer, "B", 12.5, templates.AlignCenter, 0, marginLeft+1, leftW-2)
		rule := math.Max(widest*0.4, 15)
		p.Line(marginLeft+(leftW-rule)/2, r.y+0.3, marginLeft+(leftW+rule)/2, r.y+0.3)
		leftBottom = r.y + 1
	}
	r.y = math.Max(leftBottom, rightBottom) + 2
	level := r.y
	if h.Number != "" {
		r.text(h.Number, "", 13, templates.AlignCenter, 0, marginLeft, leftW)
	}
	afterNumber := r.y
	if h.PlaceDate != "" {
		r.y = level
		r.text(h.PlaceDate, "I", 13, templates.AlignCenter, 0, rightX, rightW)
	}
	afterDate := r.y
	r.y = afterNumber
	if h.Summary != "" {
		r.y += 1
		r.text(h.Summary, "", 12, templates.AlignCenter, 0, marginLeft+2, leftW-4)
	}
	r.y = math.Max(r.y, afterDate) + 2
}

// signature draws the recipients on the left and the signature on the right, kept together.
func (r *renderer) signature(s *templates.SignatureBlock) {
	if s == nil {
		return
	}
	w := r.contentW()
	colW := w * 0.5
	rightX := marginLeft + w - colW
	if s.PlaceDate != "" {
		rightX, colW = marginLeft+w*0.4, w*0.6
	}
	// heights, to keep the block on one page; the lines are set a little tighter than body text
	lh13, lh12 := 13*ptToMM*1.15, 12*ptToMM*1.15
	h := float64(len(s.Titles))*lh13 + lh12 + s.Space + lh13
	if s.PlaceDate != "" {
		h += lh13
	}
	left := lh12 + float64(len(s.Recipients))*11*ptToMM*1.2
	r.ensure(math.Max(h, left) + 1)
	top := r.y + 1
	r.y = top
	put := func(text, style string, size, lh float64) {
		r.setFont(style, size)
		for _, l := range r.wrap(text, colW, 0) {
			r.drawLine(l, rightX, colW, lh, templates.AlignCenter)
			r.y += lh
		}
	}
	if s.PlaceDate != "" {
		put(s.PlaceDate, "I", 13, lh13)
	}
	for _, t := range s.Titles {
		put(t, "B", 13, lh13)
	}
	if s.Note != "" {
		put(s.Note, "I", 12, lh12)
	}
	r.y += s.Space
	if s.Name == "" {
		r.setFont("", 13)
		put(r.dots(colW*0.6), "", 13, lh13)
	} else {
		put(s.Name, "B", 13, lh13)
	}
	bottom := r.y
	if len(s.Recipients) > 0 {
		r.y = top
		lw := w - colW - 4
		r.text("Nơi nhận:", "BI", 12, templates.AlignLeft, 0, marginLeft, lw)
		for _, e := range s.Recipients {
			r.text(e, "", 11, templates.AlignLeft, 0, marginLeft, lw)
		}
		bottom = math.Max(bottom, r.y)
	}
	r.y = bottom + paraAfter
}

// contents is the table of contents with the page where each document starts.
func (r *renderer) contents(c *templates.Contents) {
	if c == nil {
		return
	}
	t := &templates.Table{
		Columns: []templates.Column{{Width: 12, Align: templates.AlignCenter}, {Width: 120, Align: templates.AlignLeft}, {Width: 35, Align: templates.AlignCenter}},
		Header: []templates.Row{{Kind: templates.RowBody, Cells: []templates.Cell{
			{Text: "STT", Bold: true, Align: templates.AlignCenter}, {Text: "Tài liệu", Bold: true, Align: templates.AlignCenter},
			{Text: "Trang", Bold: true, Align: templates.AlignCenter}}}},
		RepeatHeader: true,
		Size:         12,
	}
	for i, e := range c.Entries {
		t.Rows = append(t.Rows, templates.Row{Kind: templates.RowBody, Cells: []templates.Cell{
			{Text: fmt.Sprint(i + 1)}, {Text: e.Title}, {Text: "{page}", PageRef: e.DocumentID, FailText: e.FailText},
		}})
	}
	r.table(t)
}
