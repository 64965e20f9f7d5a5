package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
	"khuyencong/templates"
)

// The plan workbook's sheets.
const (
	SheetPlan     = "Kế hoạch"
	SheetPlanNote = "Cần xử lý"
)

// Columns of the plan sheet (1-based): A STT … J priority.
const (
	planColNumber = iota + 1
	planColTitle
	planColApplicant
	planColUnit
	planColPlace
	planColPeriod
	planColTotal
	planColSupport
	planColCounterpart
	planColPriority
)

// PlanLayout says where the plan sheet's totals are, for readers and tests.
type PlanLayout struct {
	HeaderRow int            // the column titles
	GroupRows map[string]int // content group id → its row
	ItemRows  []int          // the row of each plan item, as Plan.Items
	TotalRow  int
}

// PlanRows is the layout WritePlan gives the plan.
func PlanRows(p *forms.Plan) PlanLayout {
	lay := PlanLayout{HeaderRow: 4, GroupRows: map[string]int{}}
	row := lay.HeaderRow + 2
	for _, g := range p.Groups {
		lay.GroupRows[g.Group] = row
		row++
		for i, it := range p.Items {
			if it.Group == g.Group {
				for len(lay.ItemRows) <= i {
					lay.ItemRows = append(lay.ItemRows, 0)
				}
				lay.ItemRows[i] = row
				row++
			}
		}
	}
	lay.TotalRow = row
	return lay
}

// WritePlan writes the plan as a workbook. Every total is a live formula over the rows above it
// (each item's total is its support plus its counterpart, each group's sums its items, the grand
// total sums the groups), carrying the plan's figures as cached values; a spreadsheet that
// recalculates reproduces forms.BuildPlan to the đồng.
func WritePlan(w io.Writer, p *forms.Plan, opts Options) error {
	if p == nil {
		return errors.New("không có kế hoạch để lập bảng")
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writePlanBook(f, p, opts); err != nil {
		return fmt.Errorf("lập bảng kế hoạch Excel: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("ghi bảng kế hoạch Excel: %w", err)
	}
	return nil
}

func writePlanBook(f *excelize.File, p *forms.Plan, opts Options) error {
	if err := f.SetDefaultFont(fontFamily); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetPlan); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetPlanNote); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(SheetPlan, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := pageSetup(f, SheetPlan, "landscape"); err != nil {
		return err
	}
	lay := PlanRows(p)
	if err := writePlanSheet(f, st, p, lay, opts); err != nil {
		return err
	}
	if err := writePlanNotes(f, st, p); err != nil {
		return err
	}
	for name, c := range map[string]int{"KeHoach_TongKinhPhi": planColTotal, "KeHoach_HoTro": planColSupport, "KeHoach_DoiUng": planColCounterpart} {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: abs(SheetPlan, c, lay.TotalRow)}); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: SheetPlan,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", SheetPlan, lay.HeaderRow, lay.HeaderRow+1)}); err != nil {
		return err
	}
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	title := fmt.Sprintf("Biểu tổng hợp đề án khuyến công năm %d", p.Year)
	return f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "Hồ sơ Khuyến công " + opts.AppVersion, Language: "vi-VN"})
}

func writePlanSheet(f *excelize.File, st *styles, p *forms.Plan, lay PlanLayout, opts Options) error {
	sw, err := f.NewStreamWriter(SheetPlan)
	if err != nil {
		return err
	}
	widths := []float64{6, 36, 28, 22, 22, 23, 17, 17, 17, 16}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	title := strings.ToUpper(templates.PlanTitle(p))
	row := func(r int, cells []any, height float64) error {
		return sw.SetRow(cell(1, r), cells, excelize.RowOpts{Height: height})
	}
	merged := func(r int, text string, style int, height float64) error {
		if err := sw.MergeCell(cell(1, r), cell(planColPriority, r)); err != nil {
			return err
		}
		return row(r, []any{excelize.Cell{StyleID: style, Value: text}}, height)
	}
	if err := merged(1, title, st.title, 24); err != nil {
		return err
	}
	if err := merged(2, planSubtitle(p), st.subtitle, lineHeight); err != nil {
		return err
	}
	if err := row(3, []any{nil, nil, nil, nil, nil, nil, nil, nil, nil, excelize.Cell{StyleID: st.infoRight, Value: "Đơn vị tính: đồng"}}, lineHeight); err != nil {
		return err
	}
	hdr := []string{"STT", "Tên đề án", "Đơn vị thụ hưởng", "Đơn vị thực hiện", "Địa điểm thực hiện", "Thời gian thực hiện",
		"Tổng kinh phí", "Kinh phí khuyến công hỗ trợ", "Kinh phí đối ứng", "Mức ưu tiên"}
	nums := []string{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7) = (8) + (9)", "(8)", "(9)", "(10)"}
	if err := row(lay.HeaderRow, styled(st.header, hdr), 34); err != nil {
		return err
	}
	if err := row(lay.HeaderRow+1, styled(st.colNumber, nums), smallLineHight); err != nil {
		return err
	}
	money := func(style int, v forms.Money, formula string) excelize.Cell {
		return excelize.Cell{StyleID: style, Value: int64(v), Formula: formula}
	}
	var groupRefs [3][]string
	for gi, g := range p.Groups {
		r := lay.GroupRows[g.Group]
		first, lastItem := r+1, r+g.Dossiers
		sum := func(c int, v forms.Money) excelize.Cell {
			if g.Dossiers == 0 {
				return money(st.groupMoney, 0, "")
			}
			return money(st.groupMoney, v, fmt.Sprintf("SUM(%s:%s)", cell(c, first), cell(c, lastItem)))
		}
		for k, c := range []int{planColTotal, planColSupport, planColCounterpart} {
			groupRefs[k] = append(groupRefs[k], cell(c, r))
		}
		cells := []any{
			excelize.Cell{StyleID: st.groupNumber, Value: forms.Roman(gi + 1)},
			excelize.Cell{StyleID: st.groupText, Value: forms.Clean(g.Label)},
			excelize.Cell{StyleID: st.groupText}, excelize.Cell{StyleID: st.groupText}, excelize.Cell{StyleID: st.groupText}, excelize.Cell{StyleID: st.groupText},
			sum(planColTotal, g.Total), sum(planColSupport, g.Support), sum(planColCounterpart, g.Counterpart),
			excelize.Cell{StyleID: st.groupText, Value: fmt.Sprintf("%d đề án", g.Dossiers)},
		}
		if err := sw.MergeCell(cell(planColTitle, r), cell(planColPeriod, r)); err != nil {
			return err
		}
		if err := row(r, cells, wrappedHeight(forms.Clean(g.Label), widthOf(widths, planColTitle, planColPeriod), lineHeight, true)); err != nil {
			return err
		}
		for i, it := range p.Items {
			if it.Group != g.Group {
				continue
			}
			ir := lay.ItemRows[i]
			applicant := forms.Clean(it.Applicant)
			if it.TaxCode != "" {
				applicant += " (MST " + it.TaxCode + ")"
			}
			texts := []string{forms.Clean(it.Title), applicant, forms.Clean(it.ImplementingUnit), forms.Clean(it.Place)}
			h := lineHeight
			for k, s := range texts {
				h = max(h, wrappedHeight(s, widths[k+1], lineHeight, false))
			}
			cells := []any{
				excelize.Cell{StyleID: st.lineNumber, Value: it.Number},
				excelize.Cell{StyleID: st.lineText, Value: texts[0]},
				excelize.Cell{StyleID: st.lineText, Value: texts[1]},
				excelize.Cell{StyleID: st.lineText, Value: texts[2]},
				excelize.Cell{StyleID: st.lineText, Value: texts[3]},
				excelize.Cell{StyleID: st.lineNumber, Value: planPeriodText(it)},
				money(st.lineMoney, it.Total, fmt.Sprintf("%s+%s", cell(planColSupport, ir), cell(planColCounterpart, ir))),
				money(st.lineMoney, it.Support, ""),
				money(st.lineMoney, it.Counterpart, ""),
				excelize.Cell{StyleID: st.lineText, Value: it.Priority.Label},
			}
			if err := row(ir, cells, h); err != nil {
				return err
			}
		}
	}
	tot := func(k int, v forms.Money) excelize.Cell {
		if len(groupRefs[k]) == 0 {
			return money(st.totalMoney, 0, "")
		}
		return money(st.totalMoney, v, strings.Join(groupRefs[k], "+"))
	}
	if err := sw.MergeCell(cell(planColTitle, lay.TotalRow), cell(planColPeriod, lay.TotalRow)); err != nil {
		return err
	}
	if err := row(lay.TotalRow, []any{
		excelize.Cell{StyleID: st.totalBlank}, excelize.Cell{StyleID: st.totalText, Value: "TỔNG CỘNG"},
		excelize.Cell{StyleID: st.totalBlank}, excelize.Cell{StyleID: st.totalBlank}, excelize.Cell{StyleID: st.totalBlank}, excelize.Cell{StyleID: st.totalBlank},
		tot(0, p.Total), tot(1, p.Support), tot(2, p.Counterpart),
		excelize.Cell{StyleID: st.totalText, Value: fmt.Sprintf("%d đề án", p.Dossiers)},
	}, lineHeight); err != nil {
		return err
	}
	words := func(m forms.Money) string { return forms.AmountInWords(m, opts.WordStyle) }
	r := lay.TotalRow + 2
	for _, line := range []string{
		fmt.Sprintf("Tổng kinh phí: %s đồng (Bằng chữ: %s).", p.Total, words(p.Total)),
		fmt.Sprintf("Kinh phí khuyến công hỗ trợ: %s đồng (Bằng chữ: %s).", p.Support, words(p.Support)),
		fmt.Sprintf("Kinh phí đối ứng của các cơ sở: %s đồng (Bằng chữ: %s).", p.Counterpart, words(p.Counterpart)),
	} {
		if err := merged(r, line, st.words, wrappedHeight(line, widthOf(widths, 1, planColPriority), lineHeight, false)); err != nil {
			return err
		}
		r++
	}
	r++
	for _, line := range []string{
		"Nhóm nội dung của kế hoạch theo " + forms.Clean(p.GroupCitation) + ".",
		"Mức ưu tiên xét theo nội dung ưu tiên của " + forms.Clean(p.PriorityCite) + ".",
	} {
		if err := merged(r, line, st.wordsNote, wrappedHeight(line, widthOf(widths, 1, planColPriority), smallLineHight, false)); err != nil {
			return err
		}
		r++
	}
	return sw.Flush()
}

func planSubtitle(p *forms.Plan) string {
	return templates.PlanSubtitle(p)
}

func planPeriodText(it forms.PlanItem) string {
	if it.Start.IsZero() || it.End.IsZero() {
		return ""
	}
	return it.Start.String() + " – " + it.End.String()
}

func writePlanNotes(f *excelize.File, st *styles, p *forms.Plan) error {
	notes := templates.PlanNotes(p)
	if err := f.SetColWidth(SheetPlanNote, "A", "A", 120); err != nil {
		return err
	}
	if err := f.SetCellValue(SheetPlanNote, "A1", "Những điểm cần xử lý trước khi trình kế hoạch"); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetPlanNote, "A1", "A1", st.noteHead); err != nil {
		return err
	}
	if len(notes) == 0 {
		notes = []string{"Không có: mọi hồ sơ đủ điều kiện, không có đơn vị nào có hai đề án cùng nội dung."}
	}
	for i, n := range notes {
		ref := fmt.Sprintf("A%d", i+2)
		if err := f.SetCellValue(SheetPlanNote, ref, "- "+n); err != nil {
			return err
		}
		if err := f.SetCellStyle(SheetPlanNote, ref, ref, st.note); err != nil {
			return err
		}
	}
	return nil
}

func styled(style int, texts []string) []any {
	out := make([]any, len(texts))
	for i, s := range texts {
		out[i] = excelize.Cell{StyleID: style, Value: s}
	}
	return out
}

func widthOf(widths []float64, from, to int) float64 {
	s := 0.0
	for c := from; c <= to; c++ {
		s += widths[c-1]
	}
	return s
}
