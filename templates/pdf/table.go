package pdf

import (
	"strings"
	"unicode"

	"khuyencong/forms"
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
	widths, size := r.fitColumns(t, size)
	lh := lineHeight(size) * 0.92
	xs := make([]float64, len(t.Columns)+1)
	xs[0] = marginLeft
	for i, cw := range widths {
		xs[i+1] = xs[i] + cw
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

// minTableSize is the smallest font a table is shrunk to so that its words fit their columns.
const minTableSize = 10.0

// fitColumns gives the width (mm) of each column and the font size so that no word is broken
// inside a cell: a column narrower than its longest word takes the width it needs from columns
// with room to spare; when the spare room is not enough, the font shrinks one step (1 pt) and the
// columns are fitted again. Only a word wider than that still is cut (wrap).
func (r *renderer) fitColumns(t *templates.Table, size float64) ([]float64, float64) {
	w := r.contentW()
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	for step := 0; ; step++ {
		widths := make([]float64, len(t.Columns))
		for i, c := range t.Columns {
			widths[i] = c.Width / total * w
		}
		need := r.longestWords(t, size)
		deficit, spare := 0.0, 0.0
		for i := range widths {
			if d := need[i] - widths[i]; d > 0 {
				deficit += d
			} else {
				spare -= d
			}
		}
		if deficit == 0 {
			return widths, size
		}
		if deficit <= spare || step == 1 || size-1 < minTableSize {
			// widen the columns that need it, taking the width from the others in proportion
			// to their spare room (all of it at most)
			take := min(deficit, spare)
			for i := range widths {
				if d := need[i] - widths[i]; d > 0 {
					widths[i] += d * take / deficit
				} else if spare > 0 {
					widths[i] += d * take / spare // d ≤ 0: gives up its share of the spare room
				}
			}
			return widths, size
		}
		size-- // one step smaller, then fit again
	}
}

// longestWords is, per column, the width (mm) its longest word needs with the cell padding, over
// the header and body cells that sit in that column alone.
func (r *renderer) longestWords(t *templates.Table, size float64) []float64 {
	need := make([]float64, len(t.Columns))
	rows := append(append([]templates.Row{}, t.Header...), t.Rows...)
	for _, row := range rows {
		col := 0
		for _, c := range row.Cells {
			if col >= len(t.Columns) {
				break
			}
			span := max(c.Span, 1)
			if span == 1 {
				r.setFont(styleOf(c.Bold || row.Kind == templates.RowTotal, c.Italic), size)
				text := strings.ReplaceAll(r.resolveRef(c.Text, c.PageRef, c.FailText), "{page}", "999")
				for _, word := range strings.FieldsFunc(forms.NFC(text), unicode.IsSpace) {
					need[col] = max(need[col], r.pdf.GetStringWidth(word)+2*cellPadX+0.2)
				}
			}
			col += span
		}
	}
	return need
}
