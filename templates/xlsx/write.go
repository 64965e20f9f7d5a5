package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// Options are the choices of a sheet that do not come from the dossier.
type Options struct {
	WordStyle  forms.WordStyle // how amounts are read in words
	Now        time.Time       // when the sheet is made: the date line and the file's metadata; zero leaves them blank
	AppVersion string          // written in the metadata and the hidden sheet
	// Draft keeps the remarks meant for the preparer (rule pack, unverified flags, rounding
	// method); the final sheet leaves them out (forms.OfficialNotes).
	Draft bool
}

// Row heights in points.
const (
	lineHeight     = 16.5 // one line of 12 pt text
	smallLineHight = 15.0 // one line of 11 pt text
)

// Write writes the budget sheet of app as an .xlsx workbook. rep is forms.Check(app, packs): every
// figure comes from rep.Budget; the sheet's formulas reproduce them when a spreadsheet recalculates,
// and the formula cells carry the computed figures as cached values for viewers that do not.
func Write(w io.Writer, app *forms.Application, rep *forms.Report, opts Options) error {
	if app == nil {
		return errors.New("không có hồ sơ để lập bảng dự toán")
	}
	if rep == nil || rep.Budget == nil {
		return errors.New("chưa tính được dự toán: hãy kiểm tra hồ sơ (forms.Check) trước khi lập bảng Excel")
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{app: app, rep: rep, res: rep.Budget, opts: opts, f: f}
	if err := b.build(); err != nil {
		return fmt.Errorf("lập bảng dự toán Excel: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("ghi bảng dự toán Excel: %w", err)
	}
	return nil
}

// builder writes one workbook.
type builder struct {
	app  *forms.Application
	rep  *forms.Report
	res  *forms.BudgetResult
	opts Options
	f    *excelize.File
	st   *styles

	// The plan of the budget sheet, decided before any row is written (the stream writer
	// writes rows in order, and everything attached to a row must be set before).
	headerRow, firstRow, totalRow int
	groupRow                      []int // row of each group, as res.Groups
	lineRow                       []int // row of each line, as res.Lines
	checks                        []check
	lastRow                       int // the last row written (the signer's name), set by writeFooterBlock
}

// check is a line of the "Kiểm tra" block: a label and a formula giving "Đúng ..." or a warning.
type check struct {
	label   string
	formula string
	cached  string
}

func (b *builder) build() error {
	f := b.f
	var err error
	if err = f.SetDefaultFont(fontFamily); err != nil {
		return err
	}
	if b.st, err = newStyles(f); err != nil {
		return err
	}
	if err = f.SetSheetName("Sheet1", SheetBudget); err != nil {
		return err
	}
	if _, err = f.NewSheet(SheetSummary); err != nil {
		return err
	}
	if _, err = f.NewSheet(SheetMachine); err != nil {
		return err
	}
	b.plan()
	// Everything that walks every worksheet (hiding a sheet, the active sheet) comes before the
	// stream writers: afterwards excelize would parse the streamed sheets back, for nothing.
	if err = b.writeMachineSheet(); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err = b.prepareBudgetSheet(); err != nil {
		return err
	}
	if err = b.writeBudgetSheet(); err != nil {
		return err
	}
	if err = b.writeSummarySheet(); err != nil {
		return err
	}
	if err = b.defineNames(); err != nil {
		return err
	}
	full := true
	if err = f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return b.setDocProps()
}

// plan decides the row of every part of the budget sheet.
func (b *builder) plan() {
	b.headerRow = 10
	b.firstRow = b.headerRow + 2
	row := b.firstRow
	b.groupRow = make([]int, len(b.res.Groups))
	b.lineRow = make([]int, len(b.res.Lines))
	for gi, g := range b.res.Groups {
		b.groupRow[gi] = row
		row++
		for _, li := range g.Lines {
			if li >= 0 && li < len(b.lineRow) {
				b.lineRow[li] = row
				row++
			}
		}
	}
	b.totalRow = row
	b.checks = b.planChecks()
}

// lastTableRow is the last row of lines and groups (the row above the total).
func (b *builder) lastTableRow() int { return b.totalRow - 1 }

// scopeRules returns the pack's rules for the budget's scope, or nil.
func (b *builder) scopeRules() *forms.ScopeRules {
	if b.rep.Pack == nil {
		return nil
	}
	pr := b.rep.Pack.Programmes[b.app.Programme]
	if pr == nil {
		return nil
	}
	return pr.Scopes[b.res.Scope]
}

// groupByCostType returns the index of the group of a cost type, or -1.
func (b *builder) groupByCostType(ct string) int {
	for i, g := range b.res.Groups {
		if g.CostType == ct {
			return i
		}
	}
	return -1
}

// planChecks lists the checks written under the table: one per cap of the scope, then the per-line
// checks and the check that the amounts in words still match the figures.
func (b *builder) planChecks() []check {
	var out []check
	support := NameSupport
	ok := func(v forms.Money, limit forms.Money) string {
		if v <= limit {
			return "Đúng mức trần"
		}
		return ""
	}
	if sr := b.scopeRules(); sr != nil {
		for _, c := range sr.Caps {
			limit := fmt.Sprintf("%d", int64(c.Amount))
			cite := b.citeSuffix(c.Citation, c.Unverified)
			over := fmt.Sprintf("Vượt mức trần: tổng hỗ trợ lớn hơn %s đồng", c.Amount)
			switch c.Per {
			case forms.CapPerCostType:
				gi := b.groupByCostType(c.CostType)
				if gi < 0 {
					continue
				}
				g := b.res.Groups[gi]
				ref := cell(colSupport, b.groupRow[gi])
				over = fmt.Sprintf("Vượt mức trần: hỗ trợ nhóm %s lớn hơn %s đồng", g.Numeral, c.Amount)
				out = append(out, check{
					label:   fmt.Sprintf("Trần hỗ trợ nhóm %s (%s): %s đồng%s", g.Numeral, g.Label, c.Amount, cite),
					formula: fmt.Sprintf(`IF(%s<=%s,"Đúng mức trần","%s")`, ref, limit, over),
					cached:  orText(ok(g.Support, c.Amount), over),
				})
			case forms.CapPerYear:
				prior := b.app.Project.PriorSupportThisYear
				out = append(out, check{
					label: fmt.Sprintf("Trần hỗ trợ một cơ sở trong năm: %s đồng, đã nhận trong năm %s đồng%s",
						c.Amount, prior, cite),
					formula: fmt.Sprintf(`IF(%s<=%s-%d,"Đúng mức trần","Vượt mức trần: tổng hỗ trợ cộng số đã nhận trong năm lớn hơn %s đồng")`,
						support, limit, int64(prior), c.Amount),
					cached: orText(ok(b.res.Support+prior, c.Amount),
						fmt.Sprintf("Vượt mức trần: tổng hỗ trợ cộng số đã nhận trong năm lớn hơn %s đồng", c.Amount)),
				})
			default:
				what := "đề án"
				if c.Per == forms.CapPerEstablishment {
					what = "một cơ sở"
				}
				out = append(out, check{
					label:   fmt.Sprintf("Trần hỗ trợ %s: %s đồng%s", what, c.Amount, cite),
					formula: fmt.Sprintf(`IF(%s<=%s,"Đúng mức trần","%s")`, support, limit, over),
					cached:  orText(ok(b.res.Support, c.Amount), over),
				})
			}
		}
	}
	first, last := b.firstRow, b.lastTableRow()
	if last < first {
		last = first
	}
	sum := func(c int) string { return fmt.Sprintf("SUM($%s$%d:$%s$%d)", col(c), first, col(c), last) }
	var overTotal, overRate int
	for _, l := range b.res.Lines {
		overTotal += oneIf(l.Support > l.Total)
		overRate += oneIf(exceedsRate(l))
	}
	out = append(out,
		check{
			label:   "Hỗ trợ của từng dòng không lớn hơn thành tiền của dòng",
			formula: fmt.Sprintf(`IF(%s=0,"Đúng","Sai: có "&%s&" dòng hỗ trợ lớn hơn thành tiền")`, sum(colOverTotal), sum(colOverTotal)),
			cached:  orText(map[bool]string{true: "Đúng"}[overTotal == 0], fmt.Sprintf("Sai: có %d dòng hỗ trợ lớn hơn thành tiền", overTotal)),
		},
		check{
			label:   "Hỗ trợ của từng dòng không vượt tỷ lệ hỗ trợ nhân thành tiền",
			formula: fmt.Sprintf(`IF(%s=0,"Đúng","Sai: có "&%s&" dòng hỗ trợ vượt tỷ lệ")`, sum(colOverRate), sum(colOverRate)),
			cached:  orText(map[bool]string{true: "Đúng"}[overRate == 0], fmt.Sprintf("Sai: có %d dòng hỗ trợ vượt tỷ lệ", overRate)),
		},
		check{
			label: "Số tiền bằng chữ khớp với số liệu của bảng",
			formula: fmt.Sprintf(`IF(AND(%s=%d,%s=%d,%s=%d),"Đúng","Số liệu đã sửa sau khi lập bảng: số tiền bằng chữ chưa cập nhật, hãy lập lại bảng bằng ứng dụng")`,
				NameTotal, int64(b.res.Total), NameSupport, int64(b.res.Support), NameCounterpart, int64(b.res.Counterpart)),
			cached: "Đúng",
		},
	)
	return out
}

// exceedsRate reports whether a line's support is above floor(total × rate / 10000), exactly as the
// sheet's check column tests it. It predicts the check's cached value; it is never shown as a figure.
func exceedsRate(l forms.LineResult) bool {
	limit := new(big.Int).Mul(big.NewInt(int64(l.Total)), big.NewInt(l.RateBP))
	limit.Quo(limit, big.NewInt(10000))
	return big.NewInt(int64(l.Support)).Cmp(limit) > 0
}

func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orText(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

// citeSuffix is " (citation)", with the unverified flag in a draft; a final sheet prints only
// what official paper may (forms.OfficialText).
func (b *builder) citeSuffix(citation string, unverified bool) string {
	if !b.opts.Draft {
		citation, unverified = officialOrEmpty(citation), false
	}
	s := ""
	if citation != "" {
		s = " (" + citation + ")"
	}
	if unverified {
		s += " [chưa xác minh]"
	}
	return s
}

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

// pageSetup prints a sheet on A4, one page wide, with ND 30 margins and the page number in the footer.
func pageSetup(f *excelize.File, sh, orientation string) error {
	size, one, zero := 9, 1, 0 // 9 = A4
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	// Inches: top/bottom 20 mm, left 30 mm (binding side, ND 30), right 15 mm.
	top, bottom, left, right, header, footer := 0.79, 0.79, 1.18, 0.59, 0.3, 0.3
	centre := true
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &left, Right: &right,
		Header: &header, Footer: &footer, Horizontally: &centre}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: `&C&"Times New Roman,Regular"&10Trang &P/&N`})
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
	return float64(lines)*perLine + 1.5
}

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
		{"Cơ sở thực hiện", forms.Clean(app.Enterprise.Name)},
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
	checkHead := "KIỂM TRA (tự tính lại khi sửa bảng)"
	if !b.opts.Draft { // notes to the preparer: the final sheet leaves them out
		wn, checkHead = "", "KIỂM TRA"
	}
	if err := mergedRow(sw, row, wn, st.wordsNote, textHeight(wn, full, smallLineHight)); err != nil {
		return err
	}

	// Checks.
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

	// Notes: the rates of each group, the notes of the computation, and what column (7) is.
	row = b.notesRow()
	if err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.noteHead, Value: "GHI CHÚ"}}, excelize.RowOpts{Height: lineHeight}); err != nil {
		return err
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
			return err
		}
		row++
	}

	// Signatures.
	row++
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
	signerTitle := strings.ToUpper(forms.Clean(b.app.Signer.Title))
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
	if b.app.Enterprise.Kind == forms.KindHousehold { // a household business may have no seal
		seal = b.app.Enterprise.Kind.SignatureNote()
	}
	hint[colSupport-1] = excelize.Cell{StyleID: st.signItalic, Value: seal}
	hint[0] = excelize.Cell{StyleID: st.signItalic, Value: "(Ký, ghi rõ họ tên)"}
	hint[colQuantity-1] = excelize.Cell{StyleID: st.signItalic, Value: "(Ký, ghi rõ họ tên)"}
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
	name := forms.Clean(b.app.Enterprise.Name)
	if err := merged(3, labelled("Cơ sở thực hiện", name, sizeBody), st.info, textHeight("Cơ sở thực hiện: "+name, full, lineHeight)); err != nil {
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

// Keys of the hidden sheet, one per row: key in column A, value in column B.
const (
	keyFormat      = "dinh_dang"
	keyProgramme   = "chuong_trinh"
	keyDossierID   = "ma_ho_so"
	keyTaxCode     = "ma_so_thue"
	keyYear        = "nam"
	keyPackID      = "bo_quy_tac"
	keyPackVersion = "phien_ban_quy_tac"
	keyMadeAt      = "lap_luc"
	keyAppVersion  = "phien_ban_ung_dung"
	keyLines       = "so_dong"
	keyTotal       = "tong_thanh_tien"
	keySupport     = "tong_ho_tro"
	keyCounterpart = "tong_doi_ung"
)

// writeMachineSheet writes the hidden sheet read back by Read. The format version is its B1.
func (b *builder) writeMachineSheet() error {
	f, sh := b.f, SheetMachine
	made := ""
	if !b.opts.Now.IsZero() {
		made = b.opts.Now.Format(time.RFC3339)
	}
	rows := [][2]any{
		{keyFormat, FormatVersion},
		{keyProgramme, string(b.app.Programme)},
		{keyDossierID, b.app.ID},
		{keyTaxCode, forms.Clean(b.app.Enterprise.TaxCode)},
		{keyYear, b.app.Year},
		{keyPackID, b.res.PackID},
		{keyPackVersion, b.res.PackVersion},
		{keyMadeAt, made},
		{keyAppVersion, b.opts.AppVersion},
		{keyLines, len(b.res.Lines)},
		{keyTotal, int64(b.res.Total)},
		{keySupport, int64(b.res.Support)},
		{keyCounterpart, int64(b.res.Counterpart)},
	}
	for i, kv := range rows {
		if err := f.SetCellValue(sh, cell(1, i+1), kv[0]); err != nil {
			return err
		}
		// Text values are written as text even when they look like numbers (a tax code keeps its zeros).
		if s, ok := kv[1].(string); ok {
			if err := f.SetCellStr(sh, cell(2, i+1), s); err != nil {
				return err
			}
			continue
		}
		if err := f.SetCellValue(sh, cell(2, i+1), kv[1]); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "B", 24); err != nil {
		return err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true}); err != nil {
		return err
	}
	return f.SetSheetVisible(sh, false)
}

func (b *builder) defineNames() error {
	f := b.f
	names := []excelize.DefinedName{
		{Name: NameTotal, RefersTo: abs(SheetBudget, colTotal, b.totalRow), Comment: "Tổng thành tiền của dự toán"},
		{Name: NameSupport, RefersTo: abs(SheetBudget, colSupport, b.totalRow), Comment: "Tổng kinh phí khuyến công hỗ trợ"},
		{Name: NameCounterpart, RefersTo: abs(SheetBudget, colCounterpart, b.totalRow), Comment: "Tổng kinh phí đối ứng"},
		{Name: NameVersion, RefersTo: fmt.Sprintf("'%s'!$B$1", SheetMachine), Comment: "Phiên bản định dạng bảng dự toán của Hồ sơ Khuyến công"},
		{Name: "_xlnm.Print_Titles", Scope: SheetBudget, RefersTo: fmt.Sprintf("'%s'!$%d:$%d", SheetBudget, b.headerRow, b.headerRow+1)},
		{Name: "_xlnm.Print_Area", Scope: SheetBudget, RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", SheetBudget, col(lastVisibleCol), b.lastRow)},
		{Name: "_xlnm.Print_Titles", Scope: SheetSummary, RefersTo: fmt.Sprintf("'%s'!$5:$5", SheetSummary)},
	}
	for i := range names {
		if err := f.SetDefinedName(&names[i]); err != nil {
			return fmt.Errorf("tên %s: %w", names[i].Name, err)
		}
	}
	return nil
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

func (b *builder) setDocProps() error {
	created := ""
	if !b.opts.Now.IsZero() {
		created = b.opts.Now.UTC().Format(time.RFC3339)
	}
	creator := "Hồ sơ Khuyến công"
	if b.opts.AppVersion != "" {
		creator += " " + b.opts.AppVersion
	}
	return b.f.SetDocProps(&excelize.DocProperties{
		Title:          "Dự toán kinh phí — " + forms.Clean(b.app.Project.Title),
		Subject:        forms.Clean(b.app.Enterprise.Name),
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        created,
		Modified:       created,
		Language:       "vi-VN",
		Category:       "Hồ sơ khuyến công",
	})
}
