package xlsx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

var keepDir = flag.String("keep", "", "write the generated workbooks to this directory, to look at them")

// testNow is the fixed generation time of the sheets in tests.
var testNow = time.Date(2027, 1, 6, 9, 0, 0, 0, time.UTC)

// build returns the report and the workbook bytes of app.
func build(t testing.TB, app *forms.Application) (*forms.Report, []byte) {
	t.Helper()
	rep := forms.Check(app, forms.DefaultPacks())
	if rep.Budget == nil {
		t.Fatalf("forms.Check gave no budget for %s: %+v", app.Programme, rep.Problems)
	}
	var buf bytes.Buffer
	if err := Write(&buf, app, rep, Options{Now: testNow, AppVersion: "test"}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if *keepDir != "" {
		name := filepath.Join(*keepDir, string(app.Programme)+".xlsx")
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rep, buf.Bytes()
}

func TestWriteSamples(t *testing.T) {
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			build(t, forms.Sample(p))
		})
	}
}

// TestSheetMatchesBudget reopens each sample's workbook and compares every figure, format, formula
// and name with forms.ComputeBudget's result, then evaluates the formulas in process.
func TestSheetMatchesBudget(t *testing.T) {
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := forms.Sample(p)
			rep, data := build(t, app)
			checkSheet(t, app, rep, open(t, data), true)
		})
	}
}

// TestBigBudgetMatches checks the 300-line budget the same way, with the in-process formula engine
// too. The product of a two-decimal quantity and a whole price is rounded to two decimals before it
// is floored, so a binary product such as 0,29 × 100 = 28,999999999999996 gives the exact 29 in every
// engine (excelize, LibreOffice, Excel). LibreOffice checks these figures in TestLibreOfficeAgrees.
func TestBigBudgetMatches(t *testing.T) {
	app := bigApp(300)
	rep, data := build(t, app)
	checkSheet(t, app, rep, open(t, data), true)
}

func checkSheet(t *testing.T, app *forms.Application, rep *forms.Report, f *excelize.File, calc bool) {
	t.Helper()
	res := rep.Budget
	sh := SheetBudget
	lay := findLayout(t, f)
	raw := func(ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	formula := func(ref string) string {
		t.Helper()
		v, err := f.GetCellFormula(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	numFmt := func(ref string) string {
		t.Helper()
		id, err := f.GetCellStyle(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil {
			return fmt.Sprintf("builtin %d", st.NumFmt)
		}
		return *st.CustomNumFmt
	}
	locked := func(ref string) bool {
		t.Helper()
		id, _ := f.GetCellStyle(sh, ref)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	calcMoney := func(ref string) forms.Money {
		t.Helper()
		v, err := f.CalcCellValue(sh, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("CalcCellValue %s: %v", ref, err)
		}
		return money(t, "calc "+ref, v)
	}

	if got := len(lay.line); got != len(app.Budget.Lines) {
		t.Fatalf("sheet has %d line rows, dossier %d lines", got, len(app.Budget.Lines))
	}
	for _, l := range res.Lines {
		r := lay.line[l.Index]
		where := fmt.Sprintf("line %d (row %d)", l.Index, r)
		if got := raw(cell(colDescription, r)); got != l.Description {
			t.Errorf("%s: description %q, want %q", where, got, l.Description)
		}
		if got := raw(cell(colUnit, r)); got != l.Unit {
			t.Errorf("%s: unit %q, want %q", where, got, l.Unit)
		}
		if got := raw(cell(colNumber, r)); got != strconv.Itoa(l.Number) {
			t.Errorf("%s: STT %q, want %d", where, got, l.Number)
		}
		if got := raw(cell(colQuantity, r)); got != l.Quantity.Decimal() {
			t.Errorf("%s: quantity %q, want %s", where, got, l.Quantity.Decimal())
		}
		if got := money(t, where, raw(cell(colUnitPrice, r))); got != l.UnitPrice {
			t.Errorf("%s: unit price %s, want %s", where, got, l.UnitPrice)
		}
		if got, want := formula(cell(colTotal, r)), fmt.Sprintf("ROUNDDOWN(ROUND(D%d*E%d,2),0)", r, r); got != want {
			t.Errorf("%s: Thành tiền formula %q, want %q", where, got, want)
		}
		if got, want := formula(cell(colCounterpart, r)), fmt.Sprintf("F%d-G%d", r, r); got != want {
			t.Errorf("%s: Đối ứng formula %q, want %q", where, got, want)
		}
		if got := formula(cell(colSupport, r)); got != "" {
			t.Errorf("%s: support must be a value, has formula %q", where, got)
		}
		for c, want := range map[int]forms.Money{colTotal: l.Total, colSupport: l.Support, colCounterpart: l.Counterpart} {
			if got := money(t, where, raw(cell(c, r))); got != want {
				t.Errorf("%s: cached %s = %s, want %s", where, cell(c, r), got, want)
			}
		}
		if calc {
			if got := calcMoney(cell(colTotal, r)); got != l.Total {
				t.Errorf("%s: excelize computes Thành tiền %s, budget %s", where, got, l.Total)
			}
			if got := calcMoney(cell(colCounterpart, r)); got != l.Counterpart {
				t.Errorf("%s: excelize computes Đối ứng %s, budget %s", where, got, l.Counterpart)
			}
		}
		if got := numFmt(cell(colQuantity, r)); got != fmtQuantity {
			t.Errorf("%s: quantity format %q", where, got)
		}
		for _, c := range []int{colUnitPrice, colTotal, colSupport, colCounterpart} {
			if got := numFmt(cell(c, r)); got != fmtMoney {
				t.Errorf("%s: %s format %q, want %q", where, cell(c, r), got, fmtMoney)
			}
		}
		for _, c := range []int{colDescription, colUnit, colQuantity, colUnitPrice, colNote} {
			if locked(cell(c, r)) {
				t.Errorf("%s: input cell %s is locked", where, cell(c, r))
			}
		}
		for _, c := range []int{colNumber, colTotal, colSupport, colCounterpart, colKind} {
			if !locked(cell(c, r)) {
				t.Errorf("%s: computed cell %s is not locked", where, cell(c, r))
			}
		}
	}
	for _, g := range res.Groups {
		r, ok := lay.group[g.CostType]
		if !ok {
			t.Fatalf("no row for group %s", g.CostType)
		}
		if got := raw(cell(colNumber, r)); got != g.Numeral {
			t.Errorf("group %s: numeral %q, want %q", g.CostType, got, g.Numeral)
		}
		for c, want := range map[int]forms.Money{colTotal: g.Total, colSupport: g.Support, colCounterpart: g.Counterpart} {
			ref := cell(c, r)
			if !strings.HasPrefix(formula(ref), "SUM(") {
				t.Errorf("group %s: %s is not a SUM formula: %q", g.CostType, ref, formula(ref))
			}
			if got := money(t, ref, raw(ref)); got != want {
				t.Errorf("group %s: cached %s = %s, want %s", g.CostType, ref, got, want)
			}
			if calc {
				if got := calcMoney(ref); got != want {
					t.Errorf("group %s: excelize computes %s = %s, want %s", g.CostType, ref, got, want)
				}
			}
		}
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Name+"@"+dn.Scope] = dn.RefersTo
	}
	for name, want := range map[string]forms.Money{NameTotal: res.Total, NameSupport: res.Support, NameCounterpart: res.Counterpart} {
		ref, ok := names[name+"@Workbook"]
		if !ok {
			t.Fatalf("defined name %s missing; names: %v", name, names)
		}
		_, cellRef, _ := strings.Cut(strings.ReplaceAll(ref, "$", ""), "!")
		if got := money(t, name, raw(cellRef)); got != want {
			t.Errorf("%s (%s) cached %s, want %s", name, ref, got, want)
		}
		if r, _ := strconv.Atoi(strings.TrimLeft(cellRef, "ABCDEFGHI")); r != lay.total {
			t.Errorf("%s refers to %s, total row is %d", name, ref, lay.total)
		}
		if calc {
			if got := calcMoney(cellRef); got != want {
				t.Errorf("excelize computes %s = %s, want %s", name, got, want)
			}
		}
	}
	if _, ok := names["_xlnm.Print_Titles@"+SheetBudget]; !ok {
		t.Errorf("no print titles on %s: %v", SheetBudget, names)
	}
	if area := names["_xlnm.Print_Area@"+SheetBudget]; !strings.HasSuffix(area, fmt.Sprintf("$I$%d", len(rows0(t, f)))) {
		t.Errorf("print area %q does not end at the last row %d (the signer)", area, len(rows0(t, f)))
	}
	if got := names[NameVersion+"@Workbook"]; got == "" {
		t.Errorf("no defined name %s", NameVersion)
	}

	// Amounts in words, from the computed totals.
	var all []string
	rows, _ := f.GetRows(sh)
	for _, row := range rows {
		all = append(all, strings.Join(row, "|"))
	}
	text := strings.Join(all, "\n")
	for _, m := range []forms.Money{res.Total, res.Support, res.Counterpart} {
		if w := forms.AmountInWords(m, forms.WordStyle{}); !strings.Contains(text, w) {
			t.Errorf("amount in words %q of %s not on the sheet", w, m)
		}
	}
	for _, want := range []string{app.Enterprise.Name, app.Enterprise.TaxCode, forms.OfficialCitation(rep.Pack.Citation)} {
		if !strings.Contains(text, want) {
			t.Errorf("header block lacks %q", want)
		}
	}

	// Checks: every check formula reads "Đúng..." on an unedited sheet, in the cached value and
	// when excelize evaluates it.
	checks := 0
	for r := lay.total + 1; r <= len(rows); r++ {
		ref := cell(colSupport, r)
		fm := formula(ref)
		if !strings.HasPrefix(fm, "IF(") {
			continue
		}
		checks++
		if got := raw(ref); !strings.HasPrefix(got, "Đúng") {
			t.Errorf("check %s cached %q", ref, got)
		}
		if calc {
			got, err := f.CalcCellValue(sh, ref)
			if err != nil || !strings.HasPrefix(got, "Đúng") {
				t.Errorf("check %s (%s) evaluates to %q, %v", ref, fm, got, err)
			}
		}
	}
	if checks < 3 {
		t.Errorf("found %d check formulas, want at least 3", checks)
	}

	// Print setup, protection, validation, hidden parts.
	pl, err := f.GetPageLayout(sh)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("page layout %+v: want A4 (9), one page wide", pl)
	}
	dvs, err := f.GetDataValidations(sh)
	if err != nil {
		t.Fatal(err)
	}
	var dvQty, dvPrice bool
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, "D") && dv.Type == "decimal" && dv.Error != nil && strings.Contains(*dv.Error, "Số lượng") {
			dvQty = true
		}
		if strings.HasPrefix(dv.Sqref, "E") && dv.Type == "whole" && dv.Error != nil && strings.Contains(*dv.Error, "Đơn giá") {
			dvPrice = true
		}
	}
	if !dvQty || !dvPrice {
		t.Errorf("data validation for quantity %v, unit price %v", dvQty, dvPrice)
	}
	if vis, _ := f.GetSheetVisible(SheetMachine); vis {
		t.Errorf("sheet %s is visible", SheetMachine)
	}
	for _, c := range []string{"J", "K", "L", "M"} {
		if vis, _ := f.GetColVisible(sh, c); vis {
			t.Errorf("anchor column %s is visible", c)
		}
	}
	comments, _ := f.GetComments(sh)
	if len(comments) < len(res.Groups) {
		t.Errorf("%d comments, want at least one per group (%d)", len(comments), len(res.Groups))
	}

	// The summary sheet refers to the budget sheet.
	sum, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	last := len(sum)
	for c, want := range map[int]forms.Money{3: res.Total, 4: res.Support, 6: res.Counterpart} {
		ref := cell(c, last)
		fm, _ := f.GetCellFormula(SheetSummary, ref)
		if fm == "" {
			t.Errorf("summary %s is not a formula", ref)
		}
		if !calc {
			continue
		}
		v, err := f.CalcCellValue(SheetSummary, ref, excelize.Options{RawCellValue: true})
		if err != nil || money(t, ref, v) != want {
			t.Errorf("summary %s = %q (%v), want %s", ref, v, err, want)
		}
	}
}

// TestWriteBig writes the 300- and 1.000-line sheets for a look (go test -run TestWriteBig -keep DIR).
func TestWriteBig(t *testing.T) {
	if *keepDir == "" {
		t.Skip("only with -keep DIR")
	}
	for _, n := range []int{300, 1000} {
		var buf bytes.Buffer
		app := bigApp(n)
		if err := Write(&buf, app, forms.Check(app, forms.DefaultPacks()), Options{Now: testNow}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*keepDir, fmt.Sprintf("big%d.xlsx", n)), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func rows0(t *testing.T, f *excelize.File) [][]string {
	t.Helper()
	rows, err := f.GetRows(SheetBudget)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestWriteWithoutBudgetFails(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	var buf bytes.Buffer
	if err := Write(&buf, app, &forms.Report{}, Options{}); err == nil || !strings.Contains(err.Error(), "chưa tính được dự toán") {
		t.Errorf("Write without a budget: %v", err)
	}
}

// TestColumnsInAscendingOrder: Excel repairs a sheet whose <col> elements are out of order or
// overlap, and would greet the accountant with a repair prompt.
func TestColumnsInAscendingOrder(t *testing.T) {
	_, data := build(t, forms.Sample(forms.Equipment))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	colRE := regexp.MustCompile(`<col min="(\d+)" max="(\d+)"`)
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(rc)
		rc.Close()
		prev := 0
		for _, m := range colRE.FindAllStringSubmatch(string(xml), -1) {
			lo, _ := strconv.Atoi(m[1])
			hi, _ := strconv.Atoi(m[2])
			if lo <= prev || hi < lo {
				t.Errorf("%s: <col min=%d max=%d> after max=%d: not ascending", zf.Name, lo, hi, prev)
			}
			prev = hi
		}
	}
	if sheets != 3 {
		t.Errorf("%d worksheets, want 3", sheets)
	}
}
