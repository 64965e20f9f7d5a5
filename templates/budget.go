package templates

import (
	"fmt"
	"strings"

	"khuyencong/forms"
)

// budgetColumns are the nine columns of the budget estimate (domain.md §3.2).
var budgetColumns = []Column{
	{10, AlignCenter}, // STT
	{62, AlignLeft},   // Nội dung chi
	{13, AlignCenter}, // ĐVT
	{13, AlignRight},  // Số lượng
	{25, AlignRight},  // Đơn giá
	{27, AlignRight},  // Thành tiền
	{27, AlignRight},  // Khuyến công hỗ trợ
	{27, AlignRight},  // Đối ứng
	{30, AlignLeft},   // Ghi chú
}

// BudgetTable is the budget estimate table of a BudgetResult: Roman-numbered group rows, the lines
// and the totals, every figure as ComputeBudget gave it. A nil result gives the blank form's table
// with the programme's cost types and empty lines.
func BudgetTable(res *forms.BudgetResult, def *forms.ProgrammeDef) *Table {
	t := &Table{
		Columns: budgetColumns,
		Header: []Row{
			headerRow("STT", "Nội dung chi", "Đơn vị tính", "Số lượng", "Đơn giá", "Thành tiền",
				"Kinh phí khuyến công hỗ trợ", "Kinh phí đối ứng của cơ sở", "Ghi chú"),
			{Kind: RowBody, Cells: italicCells("(1)", "(2)", "(3)", "(4)", "(5)", "(6) = (4) × (5)", "(7)", "(8) = (6) − (7)", "(9)")},
		},
		RepeatHeader: true,
		Size:         12,
	}
	if res == nil {
		for i, ct := range def.CostTypes {
			t.Rows = append(t.Rows, Row{Kind: RowGroup, Cells: []Cell{{Text: forms.Roman(i + 1), Bold: true}, {Text: ct.Label, Bold: true}, {}, {}, {}, {}, {}, {}, {}}})
			for j := 1; j <= 2; j++ {
				t.Rows = append(t.Rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(j)}, {}, {}, {}, {}, {}, {}, {}, {}}})
			}
		}
		t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{{}, {Text: "TỔNG CỘNG", Bold: true, Align: AlignCenter}, {}, {}, {}, {}, {}, {}, {}}})
		return t
	}
	for _, g := range res.Groups {
		note := ""
		if g.RateBP > 0 {
			note = "Hỗ trợ " + forms.PercentBP(g.RateBP)
		} else {
			note = "Không thuộc nội dung hỗ trợ"
		}
		t.Rows = append(t.Rows, Row{Kind: RowGroup, Cells: []Cell{
			{Text: g.Numeral, Bold: true}, {Text: g.Label, Bold: true}, {}, {}, {},
			{Text: g.Total.String(), Bold: true}, {Text: g.Support.String(), Bold: true}, {Text: g.Counterpart.String(), Bold: true},
			{Text: note, Italic: true},
		}})
		for _, li := range g.Lines {
			l := res.Lines[li]
			t.Rows = append(t.Rows, Row{Kind: RowBody, Cells: []Cell{
				{Text: fmt.Sprint(l.Number)}, {Text: forms.Clean(l.Description)}, {Text: forms.Clean(l.Unit)},
				{Text: l.Quantity.String()}, {Text: l.UnitPrice.String()}, {Text: l.Total.String()},
				{Text: l.Support.String()}, {Text: l.Counterpart.String()}, {Text: forms.Clean(l.Note)},
			}})
		}
	}
	t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{
		{}, {Text: "TỔNG CỘNG", Bold: true, Align: AlignCenter}, {}, {}, {},
		{Text: res.Total.String(), Bold: true}, {Text: res.Support.String(), Bold: true}, {Text: res.Counterpart.String(), Bold: true}, {},
	}})
	return t
}

func italicCells(texts ...string) []Cell {
	out := make([]Cell, len(texts))
	for i, s := range texts {
		out[i] = Cell{Text: s, Italic: true, Align: AlignCenter}
	}
	return out
}

// budgetDoc is the budget estimate on landscape pages: nine columns of amounts do not fit a
// portrait page at a readable size, and ND 30/2020 allows landscape for large tables.
func (b *builder) budgetDoc() (Document, error) {
	m := b.text.Money
	blocks := []Block{
		H(1, "DỰ TOÁN KINH PHÍ THỰC HIỆN ĐỀ ÁN"),
		Para(Paragraph{Text: "(Kèm theo Đề án: " + b.text.Project.Title + ")", Align: AlignCenter, Italic: true}),
		Para(Paragraph{Text: "Cơ sở: " + b.text.E.Name + "   –   Nguồn kinh phí: " + b.text.Fund, Align: AlignCenter}),
		Para(Paragraph{Text: "Đơn vị tính: đồng", Align: AlignRight, Italic: true}),
		{Kind: KindTable, Table: BudgetTable(b.budget, b.def)},
		Space(2),
		Para(Paragraph{Text: "Tổng kinh phí thực hiện: " + string(m.Total) + " đồng (Bằng chữ: " + m.TotalWords + ").", Align: AlignLeft, Indent: true}),
		Para(Paragraph{Text: "Kinh phí khuyến công hỗ trợ: " + string(m.Support) + " đồng (Bằng chữ: " + m.SupportWords + ").", Align: AlignLeft, Indent: true, Bold: true}),
		Para(Paragraph{Text: "Kinh phí đối ứng của cơ sở: " + string(m.Counterpart) + " đồng (Bằng chữ: " + m.CounterpartWords + ").", Align: AlignLeft, Indent: true}),
	}
	if b.budget != nil {
		// the legal notes the officer needs; the preparer's remarks are on the draft's last page
		var notes []Block
		for _, n := range forms.OfficialNotes(b.budget.Notes) {
			text := "- " + strings.TrimRight(forms.Clean(n.Message), ".")
			if n.Citation != "" && !strings.Contains(text, forms.Clean(n.Citation)) {
				text += " (Căn cứ: " + forms.Clean(n.Citation) + ")"
			}
			notes = append(notes, Para(Paragraph{Text: text + ".", Align: AlignJustify, Indent: true, Size: 12}))
		}
		if len(notes) > 0 {
			blocks = append(blocks, Space(2), H(3, "Ghi chú:"))
			blocks = append(blocks, notes...)
		}
	}
	blocks = append(blocks, Space(2), b.signature(nil))
	return Document{ID: DocBudget, Title: "Dự toán kinh phí thực hiện đề án", Orientation: Landscape, PageNumbers: true, Blocks: blocks}, nil
}
