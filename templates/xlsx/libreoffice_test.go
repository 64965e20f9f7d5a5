package xlsx

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
)

// recalcProfile makes LibreOffice recalculate every formula on load (OOXMLRecalcMode and
// ODFRecalcMode 0 = always); without it LibreOffice would export the cached values as they are.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// csvFilter exports every sheet as UTF-8 CSV with raw (unformatted) numbers.
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// soffice returns LibreOffice's path, or skips the test loudly when it is not installed; under
// CI (CI set to anything but "" or "false", as `make test` does) a missing LibreOffice fails it.
func soffice(t *testing.T) string {
	t.Helper()
	return peertest.Need(t, "soffice",
		"LibreOffice (soffice) is not installed, and CI must check the sheet's formulas with it: "+
			"apt-get install -y --no-install-recommends libreoffice-calc-nogui (make deps-test does)",
		"SKIPPED: LibreOffice (soffice) is not installed, so the sheet's formulas were NOT checked by a real "+
			"spreadsheet engine. Install it (apt-get install -y --no-install-recommends libreoffice-calc-nogui); CI does.")
}

// convert runs LibreOffice once (a fresh profile that recalculates on load) on workbooks and
// returns the output directory.
func convert(t *testing.T, books map[string][]byte, filter string) string {
	t.Helper()
	out, _ := peertest.Soffice(t, soffice(t), books, "xlsx", filter, recalcProfile)
	return out
}

// recalcAll recalculates workbooks in LibreOffice and returns, for each workbook name, its sheets
// as CSV grids keyed by sheet name.
func recalcAll(t *testing.T, books map[string][]byte) map[string]map[string][][]string {
	t.Helper()
	out := convert(t, books, csvFilter)
	result := map[string]map[string][][]string{}
	for name := range books {
		result[name] = map[string][][]string{}
		for _, sheet := range []string{SheetBudget, SheetSummary} {
			p := filepath.Join(out, name+"-"+sheet+".csv")
			data, err := os.ReadFile(p)
			if err != nil {
				entries, _ := os.ReadDir(out)
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Fatalf("LibreOffice wrote no %s (files: %v)", p, names)
			}
			r := csv.NewReader(bytes.NewReader(data))
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			result[name][sheet] = rows
		}
	}
	return result
}

// compareRecalculated checks LibreOffice's figures against a budget: line totals and counterparts,
// group and grand totals, the summary sheet, and that every check reads "Đúng".
func compareRecalculated(t *testing.T, name string, sheets map[string][][]string, res *forms.BudgetResult) {
	t.Helper()
	rows := sheets[SheetBudget]
	lay := layoutOf(t, rows)
	get := func(r, c int) string {
		if r-1 < len(rows) && c-1 < len(rows[r-1]) {
			return rows[r-1][c-1]
		}
		return ""
	}
	bad := 0
	for _, l := range res.Lines {
		r := lay.line[l.Index]
		for c, want := range map[int]forms.Money{colTotal: l.Total, colSupport: l.Support, colCounterpart: l.Counterpart} {
			if got := money(t, name, get(r, c)); got != want {
				bad++
				if bad < 20 {
					t.Errorf("%s: LibreOffice %s = %s, budget %s (quantity %s × %s)", name, cell(c, r), got, want, l.Quantity.Decimal(), l.UnitPrice)
				}
			}
		}
	}
	for _, g := range res.Groups {
		r := lay.group[g.CostType]
		for c, want := range map[int]forms.Money{colTotal: g.Total, colSupport: g.Support, colCounterpart: g.Counterpart} {
			if got := money(t, name, get(r, c)); got != want {
				t.Errorf("%s: LibreOffice group %s %s = %s, budget %s", name, g.Numeral, cell(c, r), got, want)
			}
		}
	}
	for c, want := range map[int]forms.Money{colTotal: res.Total, colSupport: res.Support, colCounterpart: res.Counterpart} {
		if got := money(t, name, get(lay.total, c)); got != want {
			t.Errorf("%s: LibreOffice total %s = %s, budget %s", name, cell(c, lay.total), got, want)
		}
	}
	sum := sheets[SheetSummary]
	last := sum[len(sum)-1]
	for c, want := range map[int]forms.Money{3: res.Total, 4: res.Support, 6: res.Counterpart} {
		if got := money(t, name, last[c-1]); got != want {
			t.Errorf("%s: LibreOffice summary column %d = %s, budget %s", name, c, got, want)
		}
	}
	for _, msg := range checkTexts(rows, lay) {
		if !strings.HasPrefix(msg, "Đúng") {
			t.Errorf("%s: LibreOffice check reads %q", name, msg)
		}
	}
}

// checkTexts returns the results of the checks under the table.
func checkTexts(rows [][]string, lay layout) []string {
	var out []string
	for r := lay.total + 1; r <= len(rows); r++ {
		row := rows[r-1]
		if len(row) >= colSupport && len(row[0]) > 0 && (strings.HasPrefix(row[colSupport-1], "Đúng") ||
			strings.HasPrefix(row[colSupport-1], "Sai") || strings.HasPrefix(row[colSupport-1], "Vượt") ||
			strings.HasPrefix(row[colSupport-1], "Số liệu")) {
			out = append(out, row[colSupport-1])
		}
	}
	return out
}

// TestLibreOfficeAgrees recalculates each sample's sheet and a 300-line budget in LibreOffice and
// compares every figure with forms.ComputeBudget, to the đồng.
func TestLibreOfficeAgrees(t *testing.T) {
	soffice(t)
	books := map[string][]byte{}
	results := map[string]*forms.BudgetResult{}
	for _, p := range forms.Programmes() {
		rep, data := build(t, forms.Sample(p))
		books[string(p)] = data
		results[string(p)] = rep.Budget
	}
	rep, data := build(t, bigApp(300))
	books["big300"] = data
	results["big300"] = rep.Budget
	got := recalcAll(t, books)
	for name, res := range results {
		t.Run(name, func(t *testing.T) { compareRecalculated(t, name, got[name], res) })
	}
}

// TestLibreOfficeAfterEdit changes prices in the sheet with excelize (leaving stale cached values)
// and checks LibreOffice's recalculated totals against forms.ComputeBudget of the edited dossier; a
// price cut below the support must turn the checks red.
func TestLibreOfficeAfterEdit(t *testing.T) {
	soffice(t)
	app := forms.Sample(forms.Equipment)
	rep, data := build(t, app)
	res := rep.Budget

	// Edit 1: a dearer machine.
	raised := forms.Sample(forms.Equipment)
	raised.Budget.Lines[0].UnitPrice += 1_234_567
	raisedBook := edit(t, data, 0, raised.Budget.Lines[0].UnitPrice)

	// Edit 2: the line with the most support now costs 1 đồng a unit.
	most := 0
	for i, l := range res.Lines {
		if l.Support > res.Lines[most].Support {
			most = i
		}
	}
	cut := forms.Sample(forms.Equipment)
	cut.Budget.Lines[res.Lines[most].Index].UnitPrice = 1
	cutBook := edit(t, data, res.Lines[most].Index, 1)

	got := recalcAll(t, map[string][]byte{"raised": raisedBook, "cut": cutBook})
	for name, edited := range map[string]*forms.Application{"raised": raised, "cut": cut} {
		pack, err := forms.PackFor(edited, forms.DefaultPacks())
		if err != nil {
			t.Fatal(err)
		}
		want, err := forms.ComputeBudget(edited, pack)
		if err != nil {
			t.Fatal(err)
		}
		rows := got[name][SheetBudget]
		lay := layoutOf(t, rows)
		total := rows[lay.total-1]
		// Thành tiền follows the edit; the support column keeps the figures of the sheet as made
		// (the dossier recomputes support on import), so Đối ứng = new total − old support.
		if g := money(t, name, total[colTotal-1]); g != want.Total {
			t.Errorf("%s: LibreOffice TongThanhTien %s, ComputeBudget of the edited dossier %s", name, g, want.Total)
		}
		if g := money(t, name, total[colSupport-1]); g != res.Support {
			t.Errorf("%s: LibreOffice TongHoTro %s, want the support as made %s", name, g, res.Support)
		}
		if g := money(t, name, total[colCounterpart-1]); g != want.Total-res.Support {
			t.Errorf("%s: LibreOffice TongDoiUng %s, want %s − %s", name, g, want.Total, res.Support)
		}
		for _, l := range want.Lines {
			if g := money(t, name, rows[lay.line[l.Index]-1][colTotal-1]); g != l.Total {
				t.Errorf("%s: line %d Thành tiền %s, budget %s", name, l.Index, g, l.Total)
			}
		}
		checks := strings.Join(checkTexts(rows, lay), " | ")
		if !strings.Contains(checks, "Số liệu đã sửa") {
			t.Errorf("%s: the words check does not flag the edit: %s", name, checks)
		}
		wantRed := name == "cut"
		if red := strings.Contains(checks, "Sai: có 1 dòng hỗ trợ lớn hơn thành tiền"); red != wantRed {
			t.Errorf("%s: per-line check red = %v, want %v: %s", name, red, wantRed, checks)
		}
	}
}

// edit sets the unit price of the line with the given index, through excelize.
func edit(t *testing.T, data []byte, index int, price forms.Money) []byte {
	t.Helper()
	f := open(t, data)
	lay := findLayout(t, f)
	r, ok := lay.line[index]
	if !ok {
		t.Fatalf("no row for line %d", index)
	}
	if err := f.SetCellInt(SheetBudget, cell(colUnitPrice, r), int64(price)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadAfterLibreOfficeSave saves the sheet through LibreOffice (shared strings, its own formula
// and style writing) and reads it back: no change is seen.
func TestReadAfterLibreOfficeSave(t *testing.T) {
	soffice(t)
	app := forms.Sample(forms.CleanerProduction)
	_, data := build(t, app)
	out := convert(t, map[string][]byte{"book": data}, "xlsx:Calc MS Excel 2007 XML")
	saved, err := os.ReadFile(filepath.Join(out, "book.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Read(bytes.NewReader(saved))
	if err != nil {
		t.Fatalf("Read of LibreOffice's copy: %v", err)
	}
	if ch := Diff(app, imp); len(ch) != 0 {
		t.Errorf("LibreOffice's copy differs: %v", ch)
	}
}
