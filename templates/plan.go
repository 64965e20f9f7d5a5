package templates

import (
	"fmt"
	"strings"
	"time"

	"khuyencong/forms"
)

// PlanOptions are the particulars of the plan document that the dossiers do not hold: who issues it,
// who signs, where and when.
type PlanOptions struct {
	Issuer      string     // "SỞ CÔNG THƯƠNG" + the province, or the khuyến công centre; default from the province
	Parent      string     // the body above the issuer ("UBND THÀNH PHỐ HỒ CHÍ MINH"); default from the province
	Number      string     // "Số: 15/KH-SCT"; default "Số:      /KH-SCT"
	SignerTitle string     // "GIÁM ĐỐC" by default
	SignerName  string     // empty: a line to sign on
	Date        forms.Date // the document's date; zero: a dotted date to fill in
	WordStyle   forms.WordStyle
	Draft       bool // adds the notes for whoever assembles the plan (exclusions, duplicates, ceiling)
	Now         time.Time
	AppVersion  string
}

// DocPlan is the id of the plan document.
const DocPlan = "plan"

// planColumns are the ten columns of the plan's summary table.
var planColumns = []Column{
	{12, AlignCenter}, // STT
	{46, AlignLeft},   // Tên đề án
	{36, AlignLeft},   // Đơn vị thụ hưởng
	{28, AlignLeft},   // Đơn vị thực hiện
	{28, AlignLeft},   // Địa điểm
	{23, AlignCenter}, // Thời gian
	{29, AlignRight},  // Tổng kinh phí
	{29, AlignRight},  // Khuyến công hỗ trợ
	{29, AlignRight},  // Đối ứng
	{18, AlignCenter}, // Ưu tiên
}

// PlanTable is the plan's summary table: a Roman-numbered row per content group with its totals,
// the dossiers under it, and the grand total. Every figure is the plan's (forms.BuildPlan).
func PlanTable(p *forms.Plan) *Table {
	t := &Table{
		Columns: planColumns,
		Header: []Row{
			headerRow("STT", "Tên đề án", "Đơn vị thụ hưởng", "Đơn vị thực hiện", "Địa điểm thực hiện", "Thời gian thực hiện",
				"Tổng kinh phí", "Kinh phí khuyến công hỗ trợ", "Kinh phí đối ứng", "Mức ưu tiên"),
			{Kind: RowBody, Cells: italicCells("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7) = (8) + (9)", "(8)", "(9)", "(10)")},
		},
		RepeatHeader: true,
		Size:         11,
	}
	for gi, g := range p.Groups {
		t.Rows = append(t.Rows, Row{Kind: RowGroup, Cells: []Cell{
			{Text: forms.Roman(gi + 1), Bold: true}, {Text: forms.Clean(g.Label), Bold: true, Span: 5},
			{Text: g.Total.String(), Bold: true}, {Text: g.Support.String(), Bold: true}, {Text: g.Counterpart.String(), Bold: true},
			{Text: fmt.Sprintf("%d đề án", g.Dossiers), Italic: true},
		}})
		for _, it := range p.Items {
			if it.Group != g.Group {
				continue
			}
			applicant := forms.Clean(it.Applicant)
			if it.TaxCode != "" {
				applicant += " (MST " + it.TaxCode + ")"
			}
			t.Rows = append(t.Rows, Row{Kind: RowBody, Cells: []Cell{
				{Text: fmt.Sprint(it.Number)}, {Text: forms.Clean(it.Title)}, {Text: applicant},
				{Text: forms.Clean(it.ImplementingUnit)}, {Text: forms.Clean(it.Place)}, {Text: planPeriod(it.Start, it.End)},
				{Text: it.Total.String()}, {Text: it.Support.String()}, {Text: it.Counterpart.String()},
				{Text: it.Priority.Label},
			}})
		}
	}
	t.Rows = append(t.Rows, Row{Kind: RowTotal, Cells: []Cell{
		{}, {Text: "TỔNG CỘNG", Bold: true, Align: AlignCenter, Span: 5},
		{Text: p.Total.String(), Bold: true}, {Text: p.Support.String(), Bold: true}, {Text: p.Counterpart.String(), Bold: true},
		{Text: fmt.Sprintf("%d đề án", p.Dossiers), Italic: true},
	}})
	return t
}

func planPeriod(start, end forms.Date) string {
	switch {
	case start.IsZero() && end.IsZero():
		return ""
	case end.IsZero():
		return "Từ " + start.String()
	case start.IsZero():
		return "Đến " + end.String()
	}
	return start.String() + " – " + end.String()
}

// PlanTitle is the plan table's title: "Biểu tổng hợp đề án khuyến công địa phương năm 2027".
func PlanTitle(p *forms.Plan) string {
	fund, year, _, _ := planWords(p)
	return "Biểu tổng hợp đề án " + fund + " năm " + year
}

// PlanSubtitle is the line under the title: "(Kèm theo Kế hoạch khuyến công địa phương năm 2027 của
// Thành phố Hồ Chí Minh)".
func PlanSubtitle(p *forms.Plan) string {
	fund, year, province, _ := planWords(p)
	of := ""
	if p.Province != "" {
		of = " của " + province
	}
	return "(Kèm theo Kế hoạch " + fund + " năm " + year + of + ")"
}

// planWords are the words of the plan's titles: the fund, the year, the province and its place name.
func planWords(p *forms.Plan) (fund, year, province, place string) {
	fund, year, province = "khuyến công", "…", "…"
	switch p.Fund {
	case forms.FundLocal:
		fund = "khuyến công địa phương"
	case forms.FundNational:
		fund = "khuyến công quốc gia"
	}
	if p.Year > 0 {
		year = fmt.Sprint(p.Year)
	}
	if pr, ok := forms.ProvinceByCode(p.Province); ok {
		province, place = pr.FullName(), pr.PlaceName()
	}
	return
}

// BuildPlan builds the plan document: the summary table of the year's đề án on landscape pages,
// the totals with their amounts in words, the grounds of the grouping and of the priorities, and
// the signature of the Department or Centre. A draft adds what whoever assembles the plan must
// settle first: dossiers left out, one applicant funded twice, support above the ceiling.
func BuildPlan(p *forms.Plan, opts PlanOptions) *Dossier {
	fund, year, province, place := planWords(p)
	issuer, parent := opts.Issuer, opts.Parent
	if issuer == "" {
		issuer = "SỞ CÔNG THƯƠNG"
		if p.Province != "" {
			issuer += " " + province
		}
	}
	if parent == "" && p.Province != "" {
		parent = "ỦY BAN NHÂN DÂN " + province
	}
	number := opts.Number
	if number == "" {
		number = "Số: ......./KH-SCT"
	}
	title := fmt.Sprintf("KẾ HOẠCH %s NĂM %s", strings.ToUpper(fund), year)
	if p.Province != "" {
		title += " – " + strings.ToUpper(province)
	}
	words := func(m forms.Money) string { return forms.AmountInWords(m, opts.WordStyle) }

	blocks := []Block{
		{Kind: KindIssuerHeader, IssuerHeader: &IssuerHeader{
			Parent: upper(parent), Issuer: upper(issuer), Number: number,
			Summary:      "V/v danh mục đề án " + fund + " năm " + year,
			NationalName: NationalName, Motto: Motto, PlaceDate: forms.PlaceDateLine(place, opts.Date),
		}},
		Space(4),
		H(1, strings.ToUpper(PlanTitle(p))),
		Para(Paragraph{Text: PlanSubtitle(p), Align: AlignCenter, Italic: true}),
		Para(Paragraph{Text: "Đơn vị tính: đồng", Align: AlignRight, Italic: true}),
		{Kind: KindTable, Table: PlanTable(p)},
		Space(2),
		Para(Paragraph{Text: fmt.Sprintf("Tổng kinh phí thực hiện %d đề án: %s đồng (Bằng chữ: %s).", p.Dossiers, p.Total, words(p.Total)), Align: AlignLeft, Indent: true}),
		Para(Paragraph{Text: fmt.Sprintf("Kinh phí khuyến công hỗ trợ: %s đồng (Bằng chữ: %s).", p.Support, words(p.Support)), Align: AlignLeft, Indent: true, Bold: true}),
		Para(Paragraph{Text: fmt.Sprintf("Kinh phí đối ứng của các cơ sở: %s đồng (Bằng chữ: %s).", p.Counterpart, words(p.Counterpart)), Align: AlignLeft, Indent: true}),
		Space(2),
		Para(Paragraph{Text: "Nhóm nội dung của kế hoạch theo " + forms.Clean(p.GroupCitation) + ".", Align: AlignJustify, Indent: true, Size: 12, Italic: true}),
		Para(Paragraph{Text: "Mức ưu tiên xét theo nội dung ưu tiên của " + forms.Clean(p.PriorityCite) + ".", Align: AlignJustify, Indent: true, Size: 12, Italic: true}),
		Space(2),
		{Kind: KindSignature, Signature: &SignatureBlock{
			Recipients: []string{"- Bộ Công Thương (Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công);", "- Ủy ban nhân dân " + province + ";", "- Lưu: VT, KC."},
			Titles:     []string{defaultString(upper(opts.SignerTitle), "GIÁM ĐỐC")},
			Note:       "(Ký, ghi rõ họ tên và đóng dấu)",
			Space:      24,
			Name:       forms.Clean(opts.SignerName),
		}},
	}
	if opts.Draft {
		if notes := PlanNotes(p); len(notes) > 0 {
			blocks = append(blocks, PageBreak(), H(1, "GHI CHÚ CHO NGƯỜI LẬP KẾ HOẠCH"))
			for _, n := range notes {
				blocks = append(blocks, Para(Paragraph{Text: "- " + n, Align: AlignJustify, Indent: true, Size: 12}))
			}
		}
	}
	variant := Final
	if opts.Draft {
		variant = Draft
	}
	return &Dossier{
		Title: PlanTitle(p), Subject: title,
		Author: forms.Clean(issuer), Creator: "Hồ sơ Khuyến công " + opts.AppVersion, Variant: variant, Created: opts.Now,
		Documents: []Document{{ID: DocPlan, Title: PlanTitle(p), Orientation: Landscape, PageNumbers: true, Blocks: blocks}},
	}
}

// PlanNotes are what whoever assembles the plan must settle before it is filed: dossiers left
// out and why, one applicant with two dossiers of the same content, support above the ceiling.
func PlanNotes(p *forms.Plan) []string {
	var out []string
	for _, e := range p.Excluded {
		out = append(out, fmt.Sprintf("Chưa đưa vào kế hoạch (còn lỗi chặn nộp): %s – %s: %s", forms.Clean(e.Applicant), forms.Clean(e.Title), strings.Join(e.Reasons, "; ")))
	}
	for _, d := range p.Duplicates {
		out = append(out, fmt.Sprintf("%s (MST %s) có %d đề án cùng nhóm nội dung %s (%s): kiểm tra để không hỗ trợ trùng một nội dung",
			forms.Clean(d.Applicant), d.TaxCode, len(d.Items), d.Group, strings.Join(d.Items, ", ")))
	}
	if p.OverBy > 0 {
		out = append(out, fmt.Sprintf("Kinh phí khuyến công hỗ trợ %s đồng vượt mức kinh phí được giao %s đồng: cần cắt giảm %s đồng",
			p.Support, p.Ceiling, p.OverBy))
	}
	if p.PriorityYear != 0 && p.Year != 0 && p.PriorityYear != p.Year {
		out = append(out, fmt.Sprintf("Chưa có hướng dẫn nội dung ưu tiên năm %d: mức ưu tiên xét theo hướng dẫn năm %d", p.Year, p.PriorityYear))
	}
	return out
}

func defaultString(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
