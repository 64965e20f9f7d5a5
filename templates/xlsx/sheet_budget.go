package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// prepareBudgetSheet sets everything of the budget sheet that the stream writer takes from the
// worksheet as it is when the stream starts: page setup, protection, validation, conditional
// formats and comments.
func (b *builder) prepareBudgetSheet() error {
	f, sh := b.f, SheetBudget
	fit := true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := pageSetup(f, sh, "landscape"); err != nil {
		return err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, InsertRows: true, DeleteRows: true,
	}); err != nil {
		return err
	}
	if len(b.res.Lines) > 0 {
		if err := b.addValidation(); err != nil {
			return err
		}
	}
	first, last := b.firstRow, b.lastTableRow()
	if last >= first {
		qty := fmt.Sprintf("%s:%s", cell(colQuantity, first), cell(colQuantity, last))
		whole := b.st.dxfWholeQty
		if err := f.SetConditionalFormat(sh, qty, []excelize.ConditionalFormatOptions{{
			Type: "formula", Format: &whole,
			Criteria: fmt.Sprintf("AND(ISNUMBER(%s),%s=INT(%s))", cell(colQuantity, first), cell(colQuantity, first), cell(colQuantity, first)),
		}}); err != nil {
			return err
		}
		// A support greater than the line's total shows in red.
		sup := fmt.Sprintf("%s:%s", cell(colSupport, first), cell(colSupport, last))
		bad := b.st.dxfBad
		if err := f.SetConditionalFormat(sh, sup, []excelize.ConditionalFormatOptions{{
			Type: "formula", Format: &bad,
			Criteria: fmt.Sprintf("%s>%s", cell(colSupport, first), cell(colTotal, first)),
		}}); err != nil {
			return err
		}
	}
	if len(b.checks) > 0 {
		firstCheck := b.checkRow(0)
		rng := fmt.Sprintf("%s:%s", cell(colSupport, firstCheck), cell(colSupport, firstCheck+len(b.checks)-1))
		bad, good := b.st.dxfBad, b.st.dxfGood
		top := cell(colSupport, firstCheck)
		if err := f.SetConditionalFormat(sh, rng, []excelize.ConditionalFormatOptions{
			{Type: "formula", Format: &bad, Criteria: fmt.Sprintf(`LEFT(%s,4)<>"Đúng"`, top)},
			{Type: "formula", Format: &good, Criteria: fmt.Sprintf(`LEFT(%s,4)="Đúng"`, top)},
		}); err != nil {
			return err
		}
	}
	return b.addComments()
}

func (b *builder) addValidation() error {
	f, sh := b.f, SheetBudget
	first, last := b.firstRow, b.lastTableRow()
	qty := excelize.NewDataValidation(true)
	qty.Sqref = fmt.Sprintf("%s:%s", cell(colQuantity, first), cell(colQuantity, last))
	if err := qty.SetRange(0, 1000000, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	qty.SetError(excelize.DataValidationErrorStyleStop, "Số lượng không hợp lệ",
		"Số lượng phải là một số không âm (tối đa 2 chữ số thập phân), ví dụ 2 hoặc 1,5. Hãy nhập lại.")
	qty.SetInput("Số lượng", "Nhập số lượng (số không âm, tối đa 2 chữ số thập phân). Thành tiền tự tính lại.")
	if err := f.AddDataValidation(sh, qty); err != nil {
		return err
	}
	price := excelize.NewDataValidation(true)
	price.Sqref = fmt.Sprintf("%s:%s", cell(colUnitPrice, first), cell(colUnitPrice, last))
	if err := price.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
		return err
	}
	price.Formula2 = ""
	price.SetError(excelize.DataValidationErrorStyleStop, "Đơn giá không hợp lệ",
		"Đơn giá phải là số nguyên đồng không âm, không có phần thập phân, ví dụ 1500000. Hãy nhập lại.")
	price.SetInput("Đơn giá (đồng)", "Nhập đơn giá bằng số nguyên đồng, ví dụ 1500000. Thành tiền tự tính lại.")
	if err := f.AddDataValidation(sh, price); err != nil {
		return err
	}
	text := excelize.NewDataValidation(true)
	text.Sqref = fmt.Sprintf("%s:%s %s:%s %s:%s",
		cell(colDescription, first), cell(colDescription, last), cell(colUnit, first), cell(colUnit, last),
		cell(colNote, first), cell(colNote, last))
	text.SetInput("Được sửa", "Cột Nội dung chi, ĐVT, Số lượng, Đơn giá, Ghi chú được sửa; các cột khác tự tính. Sửa xong, nhập lại vào ứng dụng để tính lại mức hỗ trợ.")
	return f.AddDataValidation(sh, text)
}

// addComments puts the rate and caps of each group, and the notes about a single line, in cell
// comments on the support column.
func (b *builder) addComments() error {
	sr := b.scopeRules()
	for gi, g := range b.res.Groups {
		var parts []string
		parts = append(parts, fmt.Sprintf("Tỷ lệ hỗ trợ: %s thành tiền.", forms.PercentBP(g.RateBP)))
		if sr != nil {
			if cr := sr.CostTypes[g.CostType]; cr != nil {
				if !cr.Eligible {
					parts = []string{"Loại chi phí này không được hỗ trợ."}
				}
				if cr.CapPerLine > 0 {
					parts = append(parts, fmt.Sprintf("Trần mỗi dòng: %s đồng.", cr.CapPerLine))
				}
				if cr.Citation != "" {
					cit, flag := cr.Citation, ""
					if !b.opts.Draft {
						cit = officialOrEmpty(cit)
					} else if cr.Unverified {
						flag = " [chưa xác minh]"
					}
					if cit != "" {
						parts = append(parts, "Căn cứ: "+cit+flag+".")
					}
				}
			}
			for _, c := range sr.Caps {
				if c.Per == forms.CapPerCostType && c.CostType == g.CostType {
					parts = append(parts, fmt.Sprintf("Trần của nhóm: %s đồng%s.", c.Amount, b.citeSuffix(c.Citation, c.Unverified)))
				}
			}
		}
		if err := b.comment(cell(colSupport, b.groupRow[gi]), strings.Join(parts, " ")); err != nil {
			return err
		}
	}
	byLine := map[int][]string{} // notes by 1-based index of the dossier line
	for _, n := range b.notes() {
		if n.Line > 0 {
			byLine[n.Line] = append(byLine[n.Line], noteText(n))
		}
	}
	for li, l := range b.res.Lines {
		msgs := byLine[l.Index+1]
		if len(msgs) == 0 {
			continue
		}
		if err := b.comment(cell(colSupport, b.lineRow[li]), strings.Join(msgs, "\n")); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) comment(ref, text string) error {
	return b.f.AddComment(SheetBudget, excelize.Comment{
		Author: "Hồ sơ Khuyến công", Cell: ref, Width: 300, Height: 120,
		Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Family: fontFamily, Size: 10}}},
	})
}

// writeBudgetSheet streams the rows of the budget sheet.
func (b *builder) writeBudgetSheet() error {
	sw, err := b.f.NewStreamWriter(SheetBudget)
	if err != nil {
		return err
	}
	// excelize puts each new column range first, and Excel wants <col> elements in ascending
	// order (else it "repairs" the file): set them from the last column to the first.
	if err := sw.SetColWidth(colKind, lastCol, 12); err != nil {
		return err
	}
	if err := sw.SetColVisible(colKind, lastCol, false); err != nil {
		return err
	}
	for c := len(colWidths); c >= 1; c-- {
		if err := sw.SetColWidth(c, c, colWidths[c-1]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: b.firstRow - 1, TopLeftCell: cell(1, b.firstRow), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cell(colDescription, b.firstRow), ActiveCell: cell(colDescription, b.firstRow), Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	if err := b.writeHeaderBlock(sw); err != nil {
		return err
	}
	if err := b.writeTable(sw); err != nil {
		return err
	}
	if err := b.writeFooterBlock(sw); err != nil {
		return err
	}
	return sw.Flush()
}

// mergedRow writes one value merged across columns A to I.
func mergedRow(sw *excelize.StreamWriter, row int, value any, style int, height float64) error {
	vals := make([]any, lastVisibleCol)
	vals[0] = excelize.Cell{StyleID: style, Value: value}
	for i := 1; i < lastVisibleCol; i++ {
		vals[i] = excelize.Cell{StyleID: style}
	}
	if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: height}); err != nil {
		return err
	}
	return sw.MergeCell(cell(1, row), cell(lastVisibleCol, row))
}

// labelled is a rich text "Label: value" with a bold label.
func labelled(label, value string, size float64) []excelize.RichTextRun {
	return []excelize.RichTextRun{
		{Text: label + ": ", Font: &excelize.Font{Family: fontFamily, Size: size, Bold: true}},
		{Text: value, Font: &excelize.Font{Family: fontFamily, Size: size}},
	}
}

// textHeight estimates the height of text wrapped in a column width (in characters of the default
// font) at a line height: 12 pt text (lineHeight) fits about 1,05 characters per unit of width, and
// 11 pt text about 1,2; a little is kept in reserve for bold text.
func textHeight(text string, width float64, perLine float64) float64 {
	return wrappedHeight(text, width, perLine, false)
}

// boldTextHeight is textHeight for bold 12 pt text, about 0,92 characters per unit of width.
func boldTextHeight(text string, width float64) float64 {
	return wrappedHeight(text, width, lineHeight, true)
}

func wrappedHeight(text string, width float64, perLine float64, bold bool) float64 {
	chars := width * 1.05
	switch {
	case bold:
		chars = width * 0.92
	case perLine < lineHeight:
		chars = width * 1.2
	}
	chars -= 2 // cell padding
	if chars < 4 {
		chars = 4
	}
	lines := 0
	for _, part := range strings.Split(text, "\n") {
		n := int(math.Ceil(float64(utf8.RuneCountInString(part)) / chars))
		if n < 1 {
			n = 1
		}
		lines += n
	}
	return math.Min(float64(lines)*perLine+1.5, maxRowHeight)
}

// maxRowHeight is the tallest row Excel allows, in points; a longer text is cut off on screen
// (the cell keeps all of it).
const maxRowHeight = 409

func sumWidths(from, to int) float64 {
	w := 0.0
	for c := from; c <= to; c++ {
		w += colWidths[c-1]
	}
	return w
}

func (b *builder) writeHeaderBlock(sw *excelize.StreamWriter) error {
	app, res := b.app, b.res
	full := sumWidths(1, lastVisibleCol)
	if err := mergedRow(sw, 1, "DỰ TOÁN KINH PHÍ THỰC HIỆN ĐỀ ÁN KHUYẾN CÔNG NĂM "+strconv.Itoa(app.Year), b.st.title, 24); err != nil {
		return err
	}
	title := forms.Clean(app.Project.Title)
	if err := mergedRow(sw, 2, title, b.st.subtitle, boldTextHeight(title, full)); err != nil {
		return err
	}
	programme := app.ProgrammeLabel()
	if def := forms.Definition(app.Programme); def != nil {
		for _, s := range def.Scopes {
			if s.Value == res.Scope && s.Label != "" {
				programme += " — " + s.Label
			}
		}
	}
	fund := app.Fund.Label()
	pack := fmt.Sprintf("%s (mã %s, phiên bản %s)", res.PackTitle, res.PackID, res.PackVersion)
	citation := ""
	if b.rep.Pack != nil {
		citation = b.rep.Pack.Citation
	}
	packRow := struct{ label, value string }{"Bộ quy tắc", pack}
	if !b.opts.Draft { // the rule pack is the preparer's business; the final sheet names the project
		packRow = struct{ label, value string }{"Đề án", forms.Clean(app.Project.Title)}
		citation = forms.OfficialCitation(citation)
	}
	info := []struct{ label, value string }{
		unitLine(app),
		{"Mã số thuế", forms.Clean(app.Enterprise.TaxCode)},
		{"Chương trình", programme},
		{"Nguồn kinh phí", fmt.Sprintf("%s — năm %d", fund, app.Year)},
		packRow,
		{"Căn cứ", citation},
	}
	for i, in := range info {
		h := textHeight(in.label+": "+in.value, full, lineHeight)
		if err := mergedRow(sw, 3+i, labelled(in.label, in.value, sizeBody), b.st.info, h); err != nil {
			return err
		}
	}
	if err := mergedRow(sw, 9, "Đơn vị tính: đồng", b.st.infoRight, lineHeight); err != nil {
		return err
	}
	// Header row, with the hidden anchor headers.
	vals := make([]any, lastCol)
	for i, h := range headers {
		st := b.st.header
		if i >= lastVisibleCol {
			st = b.st.anchor
		}
		vals[i] = excelize.Cell{StyleID: st, Value: h}
	}
	if err := sw.SetRow(cell(1, b.headerRow), vals, excelize.RowOpts{Height: 3*lineHeight + 2}); err != nil {
		return err
	}
	nums := make([]any, lastVisibleCol)
	for i, n := range columnNumbers {
		nums[i] = excelize.Cell{StyleID: b.st.colNumber, Value: n}
	}
	return sw.SetRow(cell(1, b.headerRow+1), nums, excelize.RowOpts{Height: smallLineHight + 1})
}

func (b *builder) writeTable(sw *excelize.StreamWriter) error {
	st := b.st
	for gi, g := range b.res.Groups {
		row := b.groupRow[gi]
		first, last := row+1, row+len(g.Lines)
		sum := func(c int, cached forms.Money) excelize.Cell {
			if len(g.Lines) == 0 {
				return excelize.Cell{StyleID: st.groupMoney, Value: int64(cached)}
			}
			return excelize.Cell{StyleID: st.groupMoney, Value: int64(cached),
				Formula: fmt.Sprintf("SUM(%s:%s)", cell(c, first), cell(c, last))}
		}
		vals := []any{
			excelize.Cell{StyleID: st.groupNumber, Value: g.Numeral},
			excelize.Cell{StyleID: st.groupText, Value: g.Label},
			excelize.Cell{StyleID: st.groupText},
			excelize.Cell{StyleID: st.groupText},
			excelize.Cell{StyleID: st.groupText},
			sum(colTotal, g.Total),
			sum(colSupport, g.Support),
			sum(colCounterpart, g.Counterpart),
			excelize.Cell{StyleID: st.groupText},
			excelize.Cell{StyleID: st.anchor, Value: kindGroup},
			nil,
			excelize.Cell{StyleID: st.anchor, Value: g.CostType},
			excelize.Cell{StyleID: st.anchor, Value: g.RateBP},
		}
		if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: boldTextHeight(g.Label, colWidths[colDescription-1])}); err != nil {
			return err
		}
		for _, li := range g.Lines {
			if li < 0 || li >= len(b.res.Lines) {
				continue
			}
			if err := b.writeLine(sw, b.res.Lines[li], b.lineRow[li]); err != nil {
				return err
			}
		}
	}
	// Total row.
	sumGroups := func(c int) string {
		if len(b.groupRow) == 0 {
			return "0"
		}
		refs := make([]string, len(b.groupRow))
		for i, r := range b.groupRow {
			refs[i] = cell(c, r)
		}
		return "SUM(" + strings.Join(refs, ",") + ")"
	}
	vals := []any{
		excelize.Cell{StyleID: st.totalBlank},
		excelize.Cell{StyleID: st.totalText, Value: "TỔNG CỘNG"},
		excelize.Cell{StyleID: st.totalBlank},
		excelize.Cell{StyleID: st.totalBlank},
		excelize.Cell{StyleID: st.totalBlank},
		excelize.Cell{StyleID: st.totalMoney, Value: int64(b.res.Total), Formula: sumGroups(colTotal)},
		excelize.Cell{StyleID: st.totalMoney, Value: int64(b.res.Support), Formula: sumGroups(colSupport)},
		excelize.Cell{StyleID: st.totalMoney, Value: int64(b.res.Counterpart), Formula: sumGroups(colCounterpart)},
		excelize.Cell{StyleID: st.totalBlank},
		excelize.Cell{StyleID: st.anchor, Value: kindTotal},
	}
	return sw.SetRow(cell(1, b.totalRow), vals, excelize.RowOpts{Height: lineHeight + 4})
}

func (b *builder) writeLine(sw *excelize.StreamWriter, l forms.LineResult, row int) error {
	st := b.st
	desc, unit, note := forms.Clean(l.Description), forms.Clean(l.Unit), forms.Clean(l.Note)
	h := math.Max(textHeight(desc, colWidths[colDescription-1], lineHeight), textHeight(note, colWidths[colNote-1], smallLineHight))
	h = math.Max(h, textHeight(unit, colWidths[colUnit-1], lineHeight))
	vals := []any{
		excelize.Cell{StyleID: st.lineNumber, Value: l.Number},
		excelize.Cell{StyleID: st.lineText, Value: desc},
		excelize.Cell{StyleID: st.lineUnit, Value: unit},
		excelize.Cell{StyleID: st.lineQty, Value: quantityValue(l.Quantity)},
		excelize.Cell{StyleID: st.lineMoneyIn, Value: int64(l.UnitPrice)},
		excelize.Cell{StyleID: st.lineMoney, Value: int64(l.Total), Formula: totalFormula(row)},
		excelize.Cell{StyleID: st.lineMoney, Value: int64(l.Support)},
		excelize.Cell{StyleID: st.lineMoney, Value: int64(l.Counterpart), Formula: counterpartFormula(row)},
		excelize.Cell{StyleID: st.lineNote, Value: note},
		excelize.Cell{StyleID: st.anchor, Value: kindLine},
		excelize.Cell{StyleID: st.anchor, Value: l.Index},
		excelize.Cell{StyleID: st.anchor, Value: l.CostType},
		excelize.Cell{StyleID: st.anchor, Value: l.RateBP},
		excelize.Cell{StyleID: st.anchor, Value: oneIf(l.Support > l.Total), Formula: overTotalFormula(row)},
		excelize.Cell{StyleID: st.anchor, Value: oneIf(exceedsRate(l)), Formula: overRateFormula(row)},
	}
	return sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: h})
}

// quantityValue is the quantity as the number a spreadsheet holds (hundredths → decimal).
func quantityValue(q forms.Quantity) any {
	if q%100 == 0 {
		return int64(q / 100)
	}
	v, _ := strconv.ParseFloat(q.Decimal(), 64)
	return v
}

// The rows below the table, relative to the total row.
func (b *builder) wordsRow() int { return b.totalRow + 2 }
func (b *builder) checkHeadRow() int {
	return b.wordsRow() + 4 + 1
}
func (b *builder) checkRow(i int) int { return b.checkHeadRow() + 1 + i }
func (b *builder) notesRow() int      { return b.checkRow(len(b.checks)) + 1 }

func (b *builder) writeFooterBlock(sw *excelize.StreamWriter) error {
	if err := b.writeWords(sw); err != nil {
		return err
	}
	if err := b.writeChecks(sw); err != nil {
		return err
	}
	row, err := b.writeNotes(sw)
	if err != nil {
		return err
	}
	return b.writeSignatures(sw, row+1)
}

// writeWords writes the three amounts in words and the line saying when they were computed.
func (b *builder) writeWords(sw *excelize.StreamWriter) error {
	st, res := b.st, b.res
	full := sumWidths(1, lastVisibleCol)
	words := []struct {
		label string
		m     forms.Money
	}{
		{"Tổng kinh phí (bằng chữ)", res.Total},
		{"Kinh phí khuyến công hỗ trợ (bằng chữ)", res.Support},
		{"Kinh phí đối ứng của cơ sở (bằng chữ)", res.Counterpart},
	}
	row := b.wordsRow()
	for _, w := range words {
		text := forms.AmountInWords(w.m, b.opts.WordStyle) + "."
		run := []excelize.RichTextRun{
			{Text: w.label + ": ", Font: &excelize.Font{Family: fontFamily, Size: sizeBody, Bold: true}},
			{Text: text, Font: &excelize.Font{Family: fontFamily, Size: sizeBody, Italic: true}},
		}
		if err := mergedRow(sw, row, run, st.words, textHeight(w.label+": "+text, full, lineHeight)); err != nil {
			return err
		}
		row++
	}
	made := "khi lập bảng"
	if !b.opts.Now.IsZero() {
		made = "khi lập bảng ngày " + forms.DateOf(b.opts.Now).String()
	}
	wn := "Số tiền bằng chữ ghi theo số liệu " + made + "; nếu sửa số lượng hoặc đơn giá, hãy nhập lại bảng vào ứng dụng để tính lại mức hỗ trợ và số tiền bằng chữ."
	if !b.opts.Draft { // a note to the preparer: the final sheet leaves it out
		wn = ""
	}
	return mergedRow(sw, row, wn, st.wordsNote, textHeight(wn, full, smallLineHight))
}

// writeChecks writes the checks under the table, each a formula the spreadsheet recomputes.
func (b *builder) writeChecks(sw *excelize.StreamWriter) error {
	st := b.st
	checkHead := "KIỂM TRA (tự tính lại khi sửa bảng)"
	if !b.opts.Draft { // the preparer's hint stays off the final sheet
		checkHead = "KIỂM TRA"
	}
	if err := sw.SetRow(cell(1, b.checkHeadRow()), []any{excelize.Cell{StyleID: st.noteHead, Value: checkHead}},
		excelize.RowOpts{Height: lineHeight}); err != nil {
		return err
	}
	for i, c := range b.checks {
		r := b.checkRow(i)
		vals := make([]any, lastVisibleCol)
		vals[0] = excelize.Cell{StyleID: st.checkLabel, Value: c.label}
		for k := 1; k < colSupport-1; k++ {
			vals[k] = excelize.Cell{StyleID: st.checkLabel}
		}
		vals[colSupport-1] = excelize.Cell{StyleID: st.checkValue, Value: c.cached, Formula: c.formula}
		vals[colCounterpart-1] = excelize.Cell{StyleID: st.checkValue}
		vals[colNote-1] = excelize.Cell{StyleID: st.checkValue}
		h := math.Max(textHeight(c.label, sumWidths(1, colTotal), smallLineHight), textHeight(c.cached, sumWidths(colSupport, colNote), smallLineHight))
		if err := sw.SetRow(cell(1, r), vals, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		if err := sw.MergeCell(cell(1, r), cell(colTotal, r)); err != nil {
			return err
		}
		if err := sw.MergeCell(cell(colSupport, r), cell(colNote, r)); err != nil {
			return err
		}
	}
	return nil
}

// writeNotes writes the notes: what column (7) is, the rates of each group and the notes of the
// computation. It returns the row after the last note.
func (b *builder) writeNotes(sw *excelize.StreamWriter) (int, error) {
	st := b.st
	full := sumWidths(1, lastVisibleCol)
	row := b.notesRow()
	if err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.noteHead, Value: "GHI CHÚ"}}, excelize.RowOpts{Height: lineHeight}); err != nil {
		return 0, err
	}
	row++
	var notes []string
	if b.opts.Draft { // a note to the preparer, not to the officer
		notes = append(notes, "Cột (7) là mức hỗ trợ do ứng dụng Hồ sơ Khuyến công tính theo bộ quy tắc khi lập bảng (tỷ lệ và mức trần ghi trong chú thích của ô); cột (6) và (8) là công thức, tự tính lại khi sửa số lượng, đơn giá.")
	}
	notes = append(notes, b.printedNotes()...)
	for _, n := range notes {
		text := "- " + n
		if err := mergedRow(sw, row, text, st.note, textHeight(text, full, smallLineHight)); err != nil {
			return 0, err
		}
		row++
	}
	return row, nil
}

// writeSignatures writes the place and date line, the three signers' titles and the signer's name,
// from row on.
func (b *builder) writeSignatures(sw *excelize.StreamWriter, row int) error {
	st := b.st
	place := ""
	if p, ok := forms.ProvinceByCode(b.app.Enterprise.Address.Province); ok {
		place = p.PlaceName()
	}
	var date forms.Date
	if !b.opts.Now.IsZero() {
		date = forms.DateOf(b.opts.Now)
	}
	if err := sw.SetRow(cell(colSupport, row), []any{excelize.Cell{StyleID: st.signItalic, Value: forms.PlaceDateLine(place, date)}},
		excelize.RowOpts{Height: 2 * lineHeight}); err != nil {
		return err
	}
	if err := sw.MergeCell(cell(colSupport, row), cell(colNote, row)); err != nil {
		return err
	}
	row++
	signerTitle := strings.ToUpper(b.app.SignerTitle())
	if signerTitle == "" {
		signerTitle = "THỦ TRƯỞNG ĐƠN VỊ"
	}
	titleHeight := lineHeight
	if tm := b.app.Enterprise.Kind.SignatureAuthority(); tm != "" { // "TM. HỢP TÁC XÃ" above the title
		signerTitle, titleHeight = tm+"\n"+signerTitle, 2*lineHeight
	}
	titles := []struct {
		from, to int
		text     string
	}{{colNumber, colUnit, "NGƯỜI LẬP BIỂU"}, {colQuantity, colTotal, "KẾ TOÁN"}, {colSupport, colNote, signerTitle}}
	household := b.app.Enterprise.Kind == forms.KindHousehold
	if household { // the head of a household business signs alone: no preparer, no accountant
		titles = titles[2:]
	}
	vals := make([]any, lastVisibleCol)
	for _, t := range titles {
		vals[t.from-1] = excelize.Cell{StyleID: st.signTitle, Value: t.text}
	}
	if err := sw.SetRow(cell(1, row), vals, excelize.RowOpts{Height: titleHeight}); err != nil {
		return err
	}
	for _, t := range titles {
		if err := sw.MergeCell(cell(t.from, row), cell(t.to, row)); err != nil {
			return err
		}
	}
	row++
	hint := make([]any, lastVisibleCol)
	seal := "(Ký, ghi rõ họ tên, đóng dấu)"
	if household { // a household business may have no seal
		seal = b.app.Enterprise.Kind.SignatureNote()
	}
	hint[colSupport-1] = excelize.Cell{StyleID: st.signItalic, Value: seal}
	if !household {
		hint[0] = excelize.Cell{StyleID: st.signItalic, Value: "(Ký, ghi rõ họ tên)"}
		hint[colQuantity-1] = excelize.Cell{StyleID: st.signItalic, Value: "(Ký, ghi rõ họ tên)"}
	}
	if err := sw.SetRow(cell(1, row), hint, excelize.RowOpts{Height: lineHeight}); err != nil {
		return err
	}
	for _, t := range titles {
		if err := sw.MergeCell(cell(t.from, row), cell(t.to, row)); err != nil {
			return err
		}
	}
	row += 4
	b.lastRow = row
	if err := sw.SetRow(cell(colSupport, row), []any{excelize.Cell{StyleID: st.signName, Value: forms.Clean(b.app.Signer.Name)}},
		excelize.RowOpts{Height: lineHeight}); err != nil {
		return err
	}
	return sw.MergeCell(cell(colSupport, row), cell(colNote, row))
}

// maxLineNotes is the most notes about single lines printed under the table; beyond it they are
// summed up in one line, and each stays in the comment of its support cell.
const maxLineNotes = 10

// printedNotes are the notes of the computation printed under the table.
func (b *builder) printedNotes() []string {
	var lineNotes, general []string
	for _, n := range b.notes() {
		if n.Line > 0 {
			lineNotes = append(lineNotes, noteText(n))
		} else {
			general = append(general, noteText(n))
		}
	}
	if len(lineNotes) > maxLineNotes {
		lineNotes = []string{fmt.Sprintf("%d dòng có ghi chú riêng (loại chi phí không được hỗ trợ, hoặc vượt mức trần mỗi dòng): xem chú thích trong ô cột (7) của từng dòng.", len(lineNotes))}
	}
	return append(lineNotes, general...)
}

// notes are the computation's notes the sheet prints: all of them in a draft, the official ones
// in the final sheet.
func (b *builder) notes() []forms.BudgetNote {
	if b.opts.Draft {
		return b.res.Notes
	}
	return forms.OfficialNotes(b.res.Notes)
}

// officialOrEmpty is citation without the preparer's remarks, or "" when it is only a remark.
func officialOrEmpty(citation string) string {
	if t, ok := forms.OfficialText(citation); ok {
		return t
	}
	return ""
}

// noteText is a note of the computation as printed: its message already names its legal basis.
func noteText(n forms.BudgetNote) string {
	s := strings.TrimSuffix(n.Message, ".") + "."
	if n.Unverified {
		s += " [Mức này chưa được xác minh với văn bản gốc.]"
	}
	return s
}
