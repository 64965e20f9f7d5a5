package pdf

import (
	"khuyencong/templates"
)

const (
	cellPadX = 1.2
	cellPadY = 1.0
)

// laidCell is a cell wrapped into lines at its width.
type laidCell struct {
	x, w   float64
	lines  []line
	style  string
	align  templates.Align
	border bool
}

// laidRow is a row ready to draw.
type laidRow struct {
	cells []laidCell
	lines int // the most lines of any cell
}

// table draws a ruled table: header rows on every page, a row never split across pages (unless
// it is taller than a page on its own, when it continues on the next page below the header).
func (r *renderer) table(t *templates.Table) {
	if t == nil || len(t.Columns) == 0 {
		return
	}
	size := t.Size
	if size == 0 {
		size = 12
	}
	lh := lineHeight(size) * 0.92
	w := r.contentW()
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	xs := make([]float64, len(t.Columns)+1)
	xs[0] = marginLeft
	for i, c := range t.Columns {
		xs[i+1] = xs[i] + c.Width/total*w
	}
	lay := func(row templates.Row) laidRow {
		var lr laidRow
		col := 0
		for _, c := range row.Cells {
			if col >= len(t.Columns) {
				break
			}
			span := max(c.Span, 1)
			end := min(col+span, len(t.Columns))
			align := c.Align
			if align == "" {
				align = t.Columns[col].Align
			}
			bold := c.Bold || row.Kind == templates.RowTotal
			style := styleOf(bold, c.Italic)
			r.setFont(style, size)
			cw := xs[end] - xs[col]
			text := r.resolveRef(c.Text, c.PageRef, c.FailText)
			lines := r.wrap(text, cw-2*cellPadX, 0)
			lr.cells = append(lr.cells, laidCell{x: xs[col], w: cw, lines: lines, style: style, align: align, border: true})
			lr.lines = max(lr.lines, len(lines))
			col = end
		}
		for ; col < len(t.Columns); col++ { // missing cells are drawn empty
			lr.cells = append(lr.cells, laidCell{x: xs[col], w: xs[col+1] - xs[col], border: true})
		}
		lr.lines = max(lr.lines, 1)
		return lr
	}
	rowH := func(lr laidRow) float64 { return float64(lr.lines)*lh + 2*cellPadY }

	var header []laidRow
	headerH := 0.0
	for _, h := range t.Header {
		lr := lay(h)
		header = append(header, lr)
		headerH += rowH(lr)
	}
	drawHeader := func() {
		for _, h := range header {
			r.drawRow(h, size, lh, 0, h.lines)
		}
	}
	r.pdf.SetDrawColor(0, 0, 0)
	r.pdf.SetLineWidth(0.2)
	// the header and the first row start on the same page
	first := 0.0
	if len(t.Rows) > 0 {
		first = rowH(lay(t.Rows[0]))
	}
	r.ensure(headerH + first)
	drawHeader()
	for _, row := range t.Rows {
		lr := lay(row)
		h := rowH(lr)
		if r.y+h > r.limit() {
			r.newPage()
			if t.RepeatHeader {
				drawHeader()
			}
		}
		// a row taller than a page: print it in slices, each below a header
		from := 0
		for from < lr.lines {
			fit := int((r.limit() - r.y - 2*cellPadY) / lh)
			if fit < 1 {
				r.newPage()
				if t.RepeatHeader {
					drawHeader()
				}
				continue
			}
			to := min(lr.lines, from+fit)
			r.drawRow(lr, size, lh, from, to)
			from = to
			if from < lr.lines {
				r.newPage()
				if t.RepeatHeader {
					drawHeader()
				}
			}
		}
	}
	r.y += paraAfter
}

// drawRow draws lines [from, to) of every cell of a row, each cell's text centred vertically.
func (r *renderer) drawRow(lr laidRow, size, lh float64, from, to int) {
	n := to - from
	h := float64(n)*lh + 2*cellPadY
	for _, c := range lr.cells {
		r.pdf.Rect(c.x, r.y, c.w, h, "D")
		var part []line
		if from < len(c.lines) {
			part = c.lines[from:min(to, len(c.lines))]
		}
		if len(part) == 0 {
			continue
		}
		r.setFont(c.style, size)
		y0 := r.y + cellPadY + (float64(n-len(part))*lh)/2
		save := r.y
		for i, l := range part {
			r.y = y0 + float64(i)*lh
			align := c.align
			if align == templates.AlignJustify {
				align = templates.AlignLeft
			}
			r.drawLine(l, c.x+cellPadX, c.w-2*cellPadX, lh, align)
		}
		r.y = save
	}
	r.y += h
}
