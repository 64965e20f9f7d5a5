package templates

import (
	"fmt"
	"strings"

	"khuyencong/forms"
)

// proposal is the đề án: its eight sections (TT 36/2013 Art. 5) worded by the programme's
// "proposal" template, with the tables built here.
func (b *builder) proposal() (Document, error) {
	inserts := map[string][]Block{
		"enterprise":        b.enterpriseFields(),
		"current-equipment": b.currentEquipmentTable(),
		"machines":          b.machinesTable(),
		"schedule":          b.scheduleTable(),
		"indicators":        b.indicatorsTable(),
		"solutions":         b.solutionsTable(),
		"fair":              b.fairFields(),
		"travellers":        b.travellersTable(),
		"products":          b.productsTable(),
		"budget-summary":    b.budgetSummary(),
	}
	body, err := wording(b.app.Programme, "proposal", b.text, inserts)
	if err != nil {
		return Document{}, err
	}
	blocks := []Block{
		b.issuerHeader("", ""),
		Space(8),
		H(1, "ĐỀ ÁN"),
		Para(Paragraph{Text: b.text.Project.Title, Align: AlignCenter, Bold: true}),
		Space(4),
	}
	blocks = append(blocks, body...)
	blocks = append(blocks, Space(2), b.signature(nil))
	return Document{ID: DocProposal, Title: "Đề án: " + b.def.DocumentName, Orientation: Portrait, PageNumbers: true, Blocks: blocks}, nil
}

func (b *builder) enterpriseFields() []Block {
	t := b.text.E
	out := []Block{
		F("- Tên cơ sở", t.Name, 1),
		F("- Loại hình", t.Kind, 1),
		F(taxCodeLabel(b.kind()), t.TaxCode, 1),
		F("- Địa chỉ trụ sở", t.Address, 1),
	}
	if t.FormerAddress != "" {
		out = append(out, F("- Địa chỉ trước sắp xếp đơn vị hành chính", t.FormerAddress, 1))
	}
	out = append(out,
		F("- "+upperFirst(t.RepRole), joinNonEmpty(" – chức vụ: ", upperFirst(t.RepName), t.RepTitle), 1),
		F("- Điện thoại", t.Phone, 1),
		F("- Thư điện tử", t.Email, 1),
	)
	if t.Bank != "" {
		out = append(out, F("- Tài khoản", t.Bank, 1))
	}
	out = append(out,
		F("- Ngành nghề sản xuất", t.Industry, 1),
		F("- Số lao động", t.Employees, 1),
		F("- Địa điểm thực hiện đề án", b.text.Project.Location, 1),
	)
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// blankRows gives n empty rows of cols cells, for the blank form's tables.
func blankRows(n, cols int) []Row {
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = Row{Kind: RowBody, Cells: make([]Cell, cols)}
		rows[i].Cells[0] = Cell{Text: fmt.Sprint(i + 1)}
	}
	return rows
}

func table(cols []Column, header Row, rows []Row, size float64) Block {
	return Block{Kind: KindTable, Table: &Table{Columns: cols, Header: []Row{header}, Rows: rows, RepeatHeader: true, Size: size}}
}

func (b *builder) currentEquipmentTable() []Block {
	cols := []Column{{12, AlignCenter}, {62, AlignLeft}, {14, AlignCenter}, {18, AlignCenter}, {48, AlignLeft}}
	header := headerRow("STT", "Tên máy móc, thiết bị", "Số lượng", "Năm đưa vào sử dụng", "Tình trạng")
	var rows []Row
	if b.blank() {
		rows = blankRows(3, 5)
	} else {
		for i, e := range b.app.Project.CurrentEquipment {
			year := ""
			if e.Year > 0 {
				year = fmt.Sprint(e.Year)
			}
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: forms.Clean(e.Name)},
				{Text: e.Quantity.String()}, {Text: year}, {Text: forms.Clean(e.Condition)}}})
		}
	}
	if len(rows) == 0 {
		return []Block{P("Cơ sở chưa có máy móc thiết bị cho khâu này.")}
	}
	return []Block{table(cols, header, rows, 12)}
}

func (b *builder) machinesTable() []Block {
	cols := []Column{{12, AlignCenter}, {40, AlignLeft}, {54, AlignLeft}, {16, AlignCenter}, {32, AlignLeft}}
	header := headerRow("STT", "Tên máy, model, xuất xứ", "Thông số kỹ thuật chính", "Số lượng", "Nhà cung cấp, báo giá")
	var rows []Row
	if b.blank() {
		rows = blankRows(3, 5)
	} else {
		for i, m := range b.app.Project.Machines {
			name := forms.Clean(m.Name)
			if m.Model != "" {
				name += "; model " + forms.Clean(m.Model)
			}
			if m.Origin != "" {
				name += "; xuất xứ " + forms.Clean(m.Origin)
			}
			if m.New {
				name += "; mới 100%"
			}
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: name},
				{Text: forms.Clean(m.Specifications)}, {Text: m.Quantity.String()},
				{Text: joinNonEmpty("; ", forms.Clean(m.Supplier), forms.Clean(m.Quotations))}}})
		}
	}
	return []Block{table(cols, header, rows, 12)}
}

func (b *builder) scheduleTable() []Block {
	cols := []Column{{12, AlignCenter}, {70, AlignLeft}, {22, AlignCenter}, {22, AlignCenter}, {40, AlignLeft}}
	header := headerRow("STT", "Nội dung công việc", "Bắt đầu", "Kết thúc", "Người, đơn vị thực hiện")
	var rows []Row
	if b.blank() {
		rows = blankRows(4, 5)
	} else {
		for i, t := range b.app.Project.Schedule {
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: forms.Clean(t.Name)},
				{Text: t.Start.String()}, {Text: t.End.String()}, {Text: forms.Clean(t.Responsible)}}})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return []Block{table(cols, header, rows, 12)}
}

func (b *builder) indicatorsTable() []Block {
	cols := []Column{{12, AlignCenter}, {52, AlignLeft}, {40, AlignCenter}, {22, AlignRight}, {22, AlignRight}, {18, AlignRight}}
	header := headerRow("STT", "Chỉ tiêu", "Đơn vị tính", "Hiện trạng", "Mục tiêu", "Mức giảm")
	var rows []Row
	if b.blank() {
		rows = blankRows(4, 6)
	} else {
		for i, in := range b.app.Project.Indicators {
			change := ""
			if in.Baseline > 0 && in.Target <= in.Baseline {
				// a percentage for reading, not money: hundredths of a percent, floored
				bp := int64(in.Baseline-in.Target) * 10000 / int64(in.Baseline)
				change = forms.PercentBP(bp)
			}
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: forms.Clean(in.Name)},
				{Text: forms.Clean(in.Unit)}, {Text: in.Baseline.String()}, {Text: in.Target.String()}, {Text: change}}})
		}
	}
	return []Block{table(cols, header, rows, 12)}
}

func (b *builder) solutionsTable() []Block {
	cols := []Column{{12, AlignCenter}, {70, AlignLeft}, {32, AlignRight}, {52, AlignLeft}}
	header := headerRow("STT", "Giải pháp", "Vốn đầu tư dự kiến (đồng)", "Lợi ích dự kiến")
	var rows []Row
	if b.blank() {
		rows = blankRows(3, 4)
	} else {
		for i, s := range b.app.Project.Solutions {
			inv := ""
			if s.Investment > 0 {
				inv = s.Investment.String()
			}
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: forms.Clean(s.Name)},
				{Text: inv}, {Text: forms.Clean(s.Savings)}}})
		}
	}
	return []Block{table(cols, header, rows, 12)}
}

func (b *builder) fairFields() []Block {
	f := b.text.Fair
	out := []Block{
		F("- Tên hội chợ, triển lãm", f.Name, 1),
		F("- Đơn vị tổ chức", f.Organiser, 1),
		F("- Địa điểm", f.Place, 1),
	}
	if b.app.Project.Scope == "abroad" || b.blank() {
		out = append(out, F("- Quốc gia", f.Country, 1))
	}
	out = append(out,
		F("- Thời gian", "từ ngày "+f.Start+" đến ngày "+f.End, 1),
		F("- Số gian hàng, diện tích", joinNonEmpty("; ", f.Booths+" gian", f.Area+" m²"), 1),
	)
	return out
}

func (b *builder) travellersTable() []Block {
	cols := []Column{{12, AlignCenter}, {80, AlignLeft}, {70, AlignLeft}}
	header := headerRow("STT", "Họ và tên", "Chức vụ")
	var rows []Row
	if b.blank() {
		rows = blankRows(3, 3)
	} else {
		for i, p := range b.app.Project.Travellers {
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: forms.Clean(p.Name)}, {Text: forms.Clean(p.Title)}}})
		}
	}
	return []Block{table(cols, header, rows, 12)}
}

func (b *builder) productsTable() []Block {
	cols := []Column{{12, AlignCenter}, {70, AlignLeft}, {80, AlignLeft}}
	header := headerRow("STT", "Sản phẩm trưng bày", "Mô tả")
	var rows []Row
	if b.blank() {
		rows = blankRows(4, 3)
	} else {
		for i, p := range b.app.Project.Products {
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(i + 1)}, {Text: forms.Clean(p.Name)}, {Text: forms.Clean(p.Description)}}})
		}
	}
	return []Block{table(cols, header, rows, 12)}
}

// budgetSummary is the short summary of section 6; the full table is its own document.
func (b *builder) budgetSummary() []Block {
	m := b.text.Money
	return []Block{
		F("- Tổng kinh phí thực hiện đề án", string(m.Total)+" đồng", 1),
		Para(Paragraph{Text: "(Bằng chữ: " + m.TotalWords + ")", Align: AlignLeft, Italic: true}),
		F("- Kinh phí khuyến công hỗ trợ", string(m.Support)+" đồng", 1),
		Para(Paragraph{Text: "(Bằng chữ: " + m.SupportWords + ")", Align: AlignLeft, Italic: true}),
		F("- Kinh phí đối ứng của cơ sở", string(m.Counterpart)+" đồng", 1),
		Para(Paragraph{Text: "(Bằng chữ: " + m.CounterpartWords + ")", Align: AlignLeft, Italic: true}),
		P("Chi tiết tại Dự toán kinh phí thực hiện đề án kèm theo."),
	}
}

// upperFirst capitalises the first letter ("ông A" at the start of a field: "Ông A").
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// taxCodeLabel: an enterprise's tax code is also its enterprise code; a household business's may
// be its owner's personal number.
func taxCodeLabel(k forms.EnterpriseKind) string {
	switch k {
	case forms.KindEnterprise, "":
		return "- Mã số thuế (mã số doanh nghiệp)"
	case forms.KindHousehold:
		return "- Mã số thuế (hoặc số định danh cá nhân của chủ hộ)"
	}
	return "- Mã số thuế"
}
