package xlsx

import (
	"fmt"

	"khuyencong/forms"
)

// ChangeKind says what happened to a line.
type ChangeKind string

// The kinds of change.
const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Changed ChangeKind = "changed"
)

// LineField names the field of a line that changed.
type LineField string

// The fields compared.
const (
	FieldCostType    LineField = "cost_type"
	FieldDescription LineField = "description"
	FieldUnit        LineField = "unit"
	FieldQuantity    LineField = "quantity"
	FieldUnitPrice   LineField = "unit_price"
	FieldNote        LineField = "note"
)

// label is the Vietnamese name of the field.
func (f LineField) label() string {
	switch f {
	case FieldCostType:
		return "nhóm chi phí"
	case FieldDescription:
		return "nội dung chi"
	case FieldUnit:
		return "đơn vị tính"
	case FieldQuantity:
		return "số lượng"
	case FieldUnitPrice:
		return "đơn giá"
	case FieldNote:
		return "ghi chú"
	}
	return string(f)
}

// column is the sheet column of the field.
func (f LineField) column() int {
	switch f {
	case FieldDescription:
		return colDescription
	case FieldUnit:
		return colUnit
	case FieldQuantity:
		return colQuantity
	case FieldUnitPrice:
		return colUnitPrice
	case FieldNote:
		return colNote
	}
	return colNumber
}

// Change is one difference between a dossier's budget and an edited sheet. A changed line gives
// one Change per field.
type Change struct {
	Kind  ChangeKind
	Index int       // index of the line in Application.Budget.Lines; -1 for an added line
	Row   int       // row of the line in the sheet; 0 for a removed line
	Field LineField // for Changed
	Old   string    // for Changed: the values as shown in Vietnamese
	New   string
	Line  forms.BudgetLine // Added: the new line; Changed: the line as in the sheet; Removed: the line removed
	After int              // Added: index of the dossier line it follows in the sheet, -1 when it comes first
	Group string           // the Vietnamese name of the line's cost type (its group in the sheet)
}

// String describes the change in Vietnamese, e.g.
// `dòng 2 (ô E15) "Máy sấy": đơn giá 187.350.000 → 190.000.000`.
func (c Change) String() string {
	switch c.Kind {
	case Added:
		return fmt.Sprintf("thêm dòng (hàng %d) %q vào nhóm %q: %s %s × %s đồng", c.Row, c.Line.Description,
			c.Group, c.Line.Quantity, c.Line.Unit, c.Line.UnitPrice)
	case Removed:
		return fmt.Sprintf("xóa dòng %d %q: %s %s × %s đồng", c.Index+1, c.Line.Description,
			c.Line.Quantity, c.Line.Unit, c.Line.UnitPrice)
	}
	old, now := shown(c.Old), shown(c.New)
	switch c.Field {
	case FieldQuantity:
		old, now = c.Old, c.New
	case FieldUnitPrice:
		old, now = c.Old, c.New+" đồng"
	}
	return fmt.Sprintf("dòng %d (ô %s) %q: %s %s → %s", c.Index+1, cell(c.Field.column(), c.Row), c.Line.Description,
		c.Field.label(), old, now)
}

func shown(s string) string {
	if s == "" {
		return "(trống)"
	}
	return fmt.Sprintf("%q", s)
}

// Diff compares the dossier's budget lines with a sheet read back, line by line: lines added in the
// sheet, lines removed from it, and each changed field of the others. Changes come in sheet order,
// removed lines last.
func Diff(app *forms.Application, imp *Imported) []Change {
	var out []Change
	lines := app.Budget.Lines
	def := forms.Definition(app.Programme)
	label := func(costType string) string {
		if def != nil {
			if ct, ok := def.CostType(costType); ok {
				return ct.Label
			}
		}
		return costType
	}
	seen := make([]bool, len(lines))
	after := -1
	for _, il := range imp.Lines {
		nl := forms.BudgetLine{CostType: il.CostType, Description: il.Description, Unit: il.Unit,
			Quantity: il.Quantity, UnitPrice: il.UnitPrice, Note: il.Note}
		if il.Index < 0 || il.Index >= len(lines) || seen[il.Index] {
			out = append(out, Change{Kind: Added, Index: -1, Row: il.Row, Line: nl, After: after, Group: label(nl.CostType)})
			continue
		}
		seen[il.Index] = true
		after = il.Index
		old := lines[il.Index]
		add := func(f LineField, o, n string, differ bool) {
			if differ {
				out = append(out, Change{Kind: Changed, Index: il.Index, Row: il.Row, Field: f, Old: o, New: n, Line: nl, After: -1, Group: label(nl.CostType)})
			}
		}
		add(FieldCostType, label(old.CostType), label(nl.CostType), old.CostType != nl.CostType)
		add(FieldDescription, forms.Clean(old.Description), nl.Description, forms.Clean(old.Description) != nl.Description)
		add(FieldUnit, forms.Clean(old.Unit), nl.Unit, forms.Clean(old.Unit) != nl.Unit)
		add(FieldQuantity, old.Quantity.String(), nl.Quantity.String(), old.Quantity != nl.Quantity)
		add(FieldUnitPrice, old.UnitPrice.String(), nl.UnitPrice.String(), old.UnitPrice != nl.UnitPrice)
		add(FieldNote, forms.Clean(old.Note), nl.Note, forms.Clean(old.Note) != nl.Note)
	}
	for i, l := range lines {
		if !seen[i] {
			out = append(out, Change{Kind: Removed, Index: i, Line: l, After: -1, Group: label(l.CostType)})
		}
	}
	return out
}

// Apply applies changes made by Diff for the same application: changed fields are set, removed
// lines dropped, added lines inserted after the line they follow in the sheet. Changes that do not
// fit the application (an index out of range) are ignored. The caller recomputes the budget with
// forms.ComputeBudget.
func Apply(app *forms.Application, changes []Change) {
	lines := append([]forms.BudgetLine(nil), app.Budget.Lines...)
	removed := make([]bool, len(lines))
	added := map[int][]forms.BudgetLine{}
	var tail []forms.BudgetLine
	for _, c := range changes {
		switch c.Kind {
		case Changed:
			if c.Index < 0 || c.Index >= len(lines) {
				continue
			}
			l := &lines[c.Index]
			switch c.Field {
			case FieldCostType:
				l.CostType = c.Line.CostType
			case FieldDescription:
				l.Description = c.Line.Description
			case FieldUnit:
				l.Unit = c.Line.Unit
			case FieldQuantity:
				l.Quantity = c.Line.Quantity
			case FieldUnitPrice:
				l.UnitPrice = c.Line.UnitPrice
			case FieldNote:
				l.Note = c.Line.Note
			}
		case Removed:
			if c.Index >= 0 && c.Index < len(lines) {
				removed[c.Index] = true
			}
		case Added:
			if c.After >= len(lines) {
				tail = append(tail, c.Line)
				continue
			}
			added[c.After] = append(added[c.After], c.Line)
		}
	}
	out := make([]forms.BudgetLine, 0, len(lines)+len(changes))
	out = append(out, added[-1]...)
	for i, l := range lines {
		if !removed[i] {
			out = append(out, l)
		}
		out = append(out, added[i]...)
	}
	app.Budget.Lines = append(out, tail...)
}
