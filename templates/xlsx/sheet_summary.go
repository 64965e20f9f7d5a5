package xlsx

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// writeSummarySheet writes the funding split per cost type, as formulas on the budget sheet.
func (b *builder) writeSummarySheet() error {
	f, sh, st := b.f, SheetSummary, b.st
	fit := true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := pageSetup(f, sh, "portrait"); err != nil {
		return err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	widths := []float64{6, 40, 18, 18, 9, 18, 9}
	for c := len(widths); c >= 1; c-- { // descending: see writeBudgetSheet
		if err := sw.SetColWidth(c, c, widths[c-1]); err != nil {
			return err
		}
	}
	full := 0.0
	for _, w := range widths {
		full += w
	}
	merged := func(row int, v any, style int, h float64) error {
		vals := make([]any, len(widths))
		vals[0] = excelize.Cell{StyleID: style, Value: v}
		for i := 1; i < len(vals); i++ {
			vals[i] = excelize.Cell{StyleID: style}
		}
		if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		return sw.MergeCell(cell(1, row), cell(len(widths), row))
	}
	if err := merged(1, "TỔNG HỢP NGUỒN KINH PHÍ THỰC HIỆN ĐỀ ÁN", st.title, 24); err != nil {
		return err
	}
	title := forms.Clean(b.app.Project.Title)
	if err := merged(2, title, st.subtitle, boldTextHeight(title, full)); err != nil {
		return err
	}
	unit := unitLine(b.app)
	if err := merged(3, labelled(unit.label, unit.value, sizeBody), st.info, textHeight(unit.label+": "+unit.value, full, lineHeight)); err != nil {
		return err
	}
	if err := merged(4, "Đơn vị tính: đồng", st.infoRight, lineHeight); err != nil {
		return err
	}
	head := []string{"STT", "Nội dung chi", "Tổng kinh phí", "Kinh phí khuyến công hỗ trợ", "Tỷ lệ hỗ trợ", "Kinh phí đối ứng", "Tỷ lệ đối ứng"}
	vals := make([]any, len(head))
	for i, h := range head {
		vals[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A5", vals, excelize.RowOpts{Height: 3 * lineHeight}); err != nil {
		return err
	}
	ratio := func(part, whole forms.Money) float64 {
		if whole == 0 {
			return 0
		}
		return float64(part) / float64(whole)
	}
	row := 6
	for gi, g := range b.res.Groups {
		br := b.groupRow[gi]
		r := strconv.Itoa(row)
		vals := []any{
			excelize.Cell{StyleID: st.lineNumber, Value: g.Numeral},
			excelize.Cell{StyleID: st.groupText, Value: g.Label},
			excelize.Cell{StyleID: st.lineMoney, Value: int64(g.Total), Formula: abs(SheetBudget, colTotal, br)},
			excelize.Cell{StyleID: st.lineMoney, Value: int64(g.Support), Formula: abs(SheetBudget, colSupport, br)},
			excelize.Cell{StyleID: st.percent, Value: ratio(g.Support, g.Total), Formula: "IF(C" + r + "=0,0,D" + r + "/C" + r + ")"},
			excelize.Cell{StyleID: st.lineMoney, Value: int64(g.Counterpart), Formula: abs(SheetBudget, colCounterpart, br)},
			excelize.Cell{StyleID: st.percent, Value: ratio(g.Counterpart, g.Total), Formula: "IF(C" + r + "=0,0,F" + r + "/C" + r + ")"},
		}
		if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: boldTextHeight(g.Label, widths[1])}); err != nil {
			return err
		}
		row++
	}
	r := strconv.Itoa(row)
	vals = []any{
		excelize.Cell{StyleID: st.totalBlank},
		excelize.Cell{StyleID: st.totalText, Value: "TỔNG CỘNG"},
		excelize.Cell{StyleID: st.totalMoney, Value: int64(b.res.Total), Formula: NameTotal},
		excelize.Cell{StyleID: st.totalMoney, Value: int64(b.res.Support), Formula: NameSupport},
		excelize.Cell{StyleID: st.percentBold, Value: ratio(b.res.Support, b.res.Total), Formula: "IF(C" + r + "=0,0,D" + r + "/C" + r + ")"},
		excelize.Cell{StyleID: st.totalMoney, Value: int64(b.res.Counterpart), Formula: NameCounterpart},
		excelize.Cell{StyleID: st.percentBold, Value: ratio(b.res.Counterpart, b.res.Total), Formula: "IF(C" + r + "=0,0,F" + r + "/C" + r + ")"},
	}
	if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: lineHeight + 4}); err != nil {
		return err
	}
	return sw.Flush()
}

// unitLine names the establishment in the sheets' head: "Cơ sở thực hiện" when it carries out the
// project itself; "Đơn vị thụ hưởng" with the implementing unit when another unit does (TT 36/2013
// Art. 5).
func unitLine(app *forms.Application) struct{ label, value string } {
	name := forms.Clean(app.Enterprise.Name)
	if impl := forms.Clean(app.Project.ImplementingUnit); impl != "" {
		return struct{ label, value string }{"Đơn vị thụ hưởng", name + " (đơn vị thực hiện: " + impl + ")"}
	}
	return struct{ label, value string }{"Cơ sở thực hiện", name}
}
