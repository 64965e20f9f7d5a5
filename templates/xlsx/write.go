package xlsx

import (
	"errors"
	"fmt"
	"io"
	"time"

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
