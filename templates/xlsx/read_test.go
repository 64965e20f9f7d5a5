package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// modify opens a written sheet, lets change edit it with excelize and returns the saved bytes and
// the layout found before the edit.
func modify(t *testing.T, data []byte, change func(f *excelize.File, lay layout)) []byte {
	t.Helper()
	f := open(t, data)
	change(f, findLayout(t, f))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mustRead(t *testing.T, data []byte) *Imported {
	t.Helper()
	imp, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return imp
}

func TestReadUnchangedHasNoDiff(t *testing.T) {
	apps := map[string]*forms.Application{"big300": bigApp(300)}
	for _, p := range forms.Programmes() {
		apps[string(p)] = forms.Sample(p)
	}
	for name, app := range apps {
		t.Run(name, func(t *testing.T) {
			_, data := build(t, app)
			imp := mustRead(t, data)
			if len(imp.Lines) != len(app.Budget.Lines) {
				t.Fatalf("read %d lines, dossier has %d", len(imp.Lines), len(app.Budget.Lines))
			}
			if ch := Diff(app, imp); len(ch) != 0 {
				t.Fatalf("unchanged sheet gives %d changes, first: %s", len(ch), ch[0])
			}
			if err := imp.Matches(app); err != nil {
				t.Errorf("Matches: %v", err)
			}
			if imp.FormatVersion != FormatVersion || imp.Programme != app.Programme || !imp.MadeAt.Equal(testNow) {
				t.Errorf("identity %+v", imp)
			}
		})
	}
}

// TestPriceChangeRoundTrip changes one price in the sheet: the diff is exactly that change, and
// applying it then recomputing gives the budget of a dossier edited by hand the same way.
func TestPriceChangeRoundTrip(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	rep, data := build(t, app)
	target := rep.Budget.Lines[0].Index
	newPrice := app.Budget.Lines[target].UnitPrice - 15_000_000
	edited := modify(t, data, func(f *excelize.File, lay layout) {
		if err := f.SetCellInt(SheetBudget, cell(colUnitPrice, lay.line[target]), int64(newPrice)); err != nil {
			t.Fatal(err)
		}
	})
	changes := Diff(app, mustRead(t, edited))
	if len(changes) != 1 {
		t.Fatalf("want 1 change, got %d: %v", len(changes), changes)
	}
	c := changes[0]
	if c.Kind != Changed || c.Index != target || c.Field != FieldUnitPrice ||
		c.Old != app.Budget.Lines[target].UnitPrice.String() || c.New != newPrice.String() {
		t.Fatalf("change %+v", c)
	}
	if s := c.String(); !strings.Contains(s, "đơn giá") || !strings.Contains(s, newPrice.String()) {
		t.Errorf("change text %q", s)
	}

	Apply(app, changes)
	byHand := forms.Sample(forms.Equipment)
	byHand.Budget.Lines[target].UnitPrice = newPrice
	if !reflect.DeepEqual(app.Budget.Lines, byHand.Budget.Lines) {
		t.Fatalf("applied lines differ from the hand edit:\n%+v\n%+v", app.Budget.Lines, byHand.Budget.Lines)
	}
	pack, err := forms.PackFor(app, forms.DefaultPacks())
	if err != nil {
		t.Fatal(err)
	}
	got, err := forms.ComputeBudget(app, pack)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := forms.ComputeBudget(byHand, pack)
	if got.Total != want.Total || got.Support != want.Support || got.Counterpart != want.Counterpart {
		t.Errorf("recomputed %s/%s/%s, want %s/%s/%s", got.Total, got.Support, got.Counterpart, want.Total, want.Support, want.Counterpart)
	}
	if got.Total != rep.Budget.Total-forms.Money(int64(app.Budget.Lines[target].Quantity)/100)*15_000_000 {
		t.Errorf("total %s did not drop by quantity × 15.000.000 from %s", got.Total, rep.Budget.Total)
	}
}

// TestAddRemoveEditRoundTrip removes a line, inserts one in a group, copies a row and edits the
// text fields and a fractional quantity; Diff and Apply give the expected dossier.
func TestAddRemoveEditRoundTrip(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	rep, data := build(t, app)
	first := rep.Budget.Groups[0]
	keep := rep.Budget.Lines[first.Lines[0]].Index // first line of group I
	drop := rep.Budget.Lines[first.Lines[1]].Index // second line of group I
	edited := modify(t, data, func(f *excelize.File, lay layout) {
		sh := SheetBudget
		r := lay.line[keep]
		must(t, f.SetCellStr(sh, cell(colDescription, r), "Máy tráng bánh tự động, model mới"))
		must(t, f.SetCellStr(sh, cell(colUnit, r), "bộ"))
		must(t, f.SetCellFloat(sh, cell(colQuantity, r), 1.25, -1, 64))
		must(t, f.SetCellStr(sh, cell(colNote, r), "Báo giá số 200/BG"))
		// Remove the second line of group I and add a new line in its place.
		must(t, f.RemoveRow(sh, lay.line[drop]))
		must(t, f.InsertRows(sh, lay.line[drop], 1))
		nr := lay.line[drop]
		must(t, f.SetCellStr(sh, cell(colDescription, nr), "Băng tải inox làm nguội bánh"))
		must(t, f.SetCellStr(sh, cell(colUnit, nr), "cái"))
		must(t, f.SetCellInt(sh, cell(colQuantity, nr), 3))
		must(t, f.SetCellInt(sh, cell(colUnitPrice, nr), 7_500_000))
		must(t, f.SetCellFormula(sh, cell(colTotal, nr), totalFormula(nr)))
	})
	imp := mustRead(t, edited)
	changes := Diff(app, imp)
	var got []string
	for _, c := range changes {
		got = append(got, string(c.Kind)+":"+string(c.Field))
	}
	want := []string{"changed:description", "changed:unit", "changed:quantity", "changed:note", "added:", "removed:"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changes %v, want %v\n%v", got, want, changes)
	}
	for _, c := range changes {
		if c.Kind == Added && (c.Line.CostType != first.CostType || c.After != keep) {
			t.Errorf("added line %+v: want cost type %s after line %d", c, first.CostType, keep)
		}
		if c.Kind == Removed && c.Index != drop {
			t.Errorf("removed %d, want %d", c.Index, drop)
		}
	}
	// The expected dossier, built by hand from the original lines.
	orig := forms.Sample(forms.Equipment).Budget.Lines
	var exp []forms.BudgetLine
	for i, l := range orig {
		switch i {
		case keep:
			l.Description, l.Unit, l.Quantity, l.Note = "Máy tráng bánh tự động, model mới", "bộ", 125, "Báo giá số 200/BG"
			exp = append(exp, l, forms.BudgetLine{CostType: first.CostType, Description: "Băng tải inox làm nguội bánh",
				Unit: "cái", Quantity: forms.QuantityOf(3), UnitPrice: 7_500_000})
		case drop:
		default:
			exp = append(exp, l)
		}
	}
	Apply(app, changes)
	if !reflect.DeepEqual(app.Budget.Lines, exp) {
		t.Fatalf("after apply:\n%+v\nwant\n%+v", app.Budget.Lines, exp)
	}
	// A second round trip of the applied dossier is clean.
	_, again := build(t, app)
	if ch := Diff(app, mustRead(t, again)); len(ch) != 0 {
		t.Errorf("after apply, a fresh sheet differs: %v", ch)
	}
}

func TestCopiedRowIsAnAddedLine(t *testing.T) {
	app := forms.Sample(forms.TradeFair)
	rep, data := build(t, app)
	src := rep.Budget.Lines[0].Index
	edited := modify(t, data, func(f *excelize.File, lay layout) {
		must(t, f.DuplicateRow(SheetBudget, lay.line[src]))
	})
	changes := Diff(app, mustRead(t, edited))
	if len(changes) != 1 || changes[0].Kind != Added || changes[0].After != src ||
		changes[0].Line.Description != app.Budget.Lines[src].Description {
		t.Fatalf("changes %v", changes)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestBrokenSheetsAreRefused breaks the sheet one way at a time: each is refused with a message
// naming the cell, and nothing is returned.
func TestBrokenSheetsAreRefused(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	rep, data := build(t, app)
	idx := rep.Budget.Lines[0].Index
	var row int
	cases := []struct {
		name  string
		edit  func(f *excelize.File, lay layout)
		cell  func(lay layout) string
		words string
	}{
		{"header changed", func(f *excelize.File, lay layout) {
			must(t, f.SetCellStr(SheetBudget, cell(colQuantity, lay.header), "SL"))
		}, func(lay layout) string { return cell(colQuantity, lay.header) }, `tiêu đề cột phải là "Số lượng", gặp "SL"`},
		{"column inserted", func(f *excelize.File, lay layout) {
			must(t, f.InsertCols(SheetBudget, "D", 1))
		}, func(lay layout) string { return cell(colQuantity, lay.header) }, `tiêu đề cột phải là "Số lượng", gặp ""`},
		{"columns swapped", func(f *excelize.File, lay layout) {
			must(t, f.SetCellStr(SheetBudget, cell(colQuantity, lay.header), "Đơn giá"))
			must(t, f.SetCellStr(SheetBudget, cell(colUnitPrice, lay.header), "Số lượng"))
		}, func(lay layout) string { return cell(colUnitPrice, lay.header) }, `phải là "Đơn giá", gặp "Số lượng"`},
		{"text in price", func(f *excelize.File, lay layout) {
			row = lay.line[idx]
			must(t, f.SetCellStr(SheetBudget, cell(colUnitPrice, lay.line[idx]), "abc"))
		}, func(lay layout) string { return cell(colUnitPrice, lay.line[idx]) }, `đơn giá "abc" không phải là số`},
		{"text in quantity", func(f *excelize.File, lay layout) {
			must(t, f.SetCellStr(SheetBudget, cell(colQuantity, lay.line[idx]), "hai"))
		}, func(lay layout) string { return cell(colQuantity, lay.line[idx]) }, `số lượng "hai" không phải là số`},
		{"formula replaced by a number", func(f *excelize.File, lay layout) {
			must(t, f.SetCellInt(SheetBudget, cell(colTotal, lay.line[idx]), 123))
		}, func(lay layout) string { return cell(colTotal, lay.line[idx]) }, "không được gõ đè số (123)"},
		{"formula changed", func(f *excelize.File, lay layout) {
			must(t, f.SetCellFormula(SheetBudget, cell(colTotal, lay.line[idx]), "D1*2"))
		}, func(lay layout) string { return cell(colTotal, lay.line[idx]) }, "gặp =D1*2"},
		{"negative price", func(f *excelize.File, lay layout) {
			must(t, f.SetCellInt(SheetBudget, cell(colUnitPrice, lay.line[idx]), -5000))
		}, func(lay layout) string { return cell(colUnitPrice, lay.line[idx]) }, "đơn giá -5.000 không được âm"},
		{"fractional price", func(f *excelize.File, lay layout) {
			must(t, f.SetCellFloat(SheetBudget, cell(colUnitPrice, lay.line[idx]), 1000.5, -1, 64))
		}, func(lay layout) string { return cell(colUnitPrice, lay.line[idx]) }, "đơn giá 1.000,5 có phần lẻ"},
		{"three decimals", func(f *excelize.File, lay layout) {
			must(t, f.SetCellFloat(SheetBudget, cell(colQuantity, lay.line[idx]), 1.255, -1, 64))
		}, func(lay layout) string { return cell(colQuantity, lay.line[idx]) }, "quá 2 chữ số thập phân"},
		{"negative quantity", func(f *excelize.File, lay layout) {
			must(t, f.SetCellInt(SheetBudget, cell(colQuantity, lay.line[idx]), -1))
		}, func(lay layout) string { return cell(colQuantity, lay.line[idx]) }, "không được âm"},
		{"empty price", func(f *excelize.File, lay layout) {
			must(t, f.SetCellValue(SheetBudget, cell(colUnitPrice, lay.line[idx]), nil))
		}, func(lay layout) string { return cell(colUnitPrice, lay.line[idx]) }, "đơn giá chưa nhập"},
		{"empty description", func(f *excelize.File, lay layout) {
			must(t, f.SetCellStr(SheetBudget, cell(colDescription, lay.line[idx]), "  "))
		}, func(lay layout) string { return cell(colDescription, lay.line[idx]) }, "nội dung chi đang trống"},
		{"total row deleted", func(f *excelize.File, lay layout) {
			must(t, f.RemoveRow(SheetBudget, lay.total))
		}, func(lay layout) string { return "J" }, "TỔNG CỘNG"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var lay layout
			broken := modify(t, data, func(f *excelize.File, l layout) { lay = l; tc.edit(f, l) })
			imp, err := Read(bytes.NewReader(broken))
			if err == nil {
				t.Fatalf("broken sheet accepted: %d lines", len(imp.Lines))
			}
			if imp != nil {
				t.Errorf("a refused sheet still returned lines")
			}
			var se *SheetError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SheetError", err, err)
			}
			ref := tc.cell(lay)
			if !strings.Contains(err.Error(), "ô "+ref) || !strings.Contains(err.Error(), tc.words) {
				t.Errorf("error does not name cell %s with %q:\n%v", ref, tc.words, err)
			}
		})
	}
	_ = row
}

// TestAllErrorsTogether breaks three cells: all three are reported at once.
func TestAllErrorsTogether(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	rep, data := build(t, app)
	a, b := rep.Budget.Lines[0].Index, rep.Budget.Lines[1].Index
	var refs []string
	broken := modify(t, data, func(f *excelize.File, lay layout) {
		refs = []string{cell(colUnitPrice, lay.line[a]), cell(colQuantity, lay.line[b]), cell(colTotal, lay.line[b])}
		must(t, f.SetCellStr(SheetBudget, refs[0], "abc"))
		must(t, f.SetCellInt(SheetBudget, refs[1], -2))
		must(t, f.SetCellInt(SheetBudget, refs[2], 5))
	})
	_, err := Read(bytes.NewReader(broken))
	var se *SheetError
	if !errors.As(err, &se) || len(se.Cells) != 3 {
		t.Fatalf("want 3 cell errors, got %v", err)
	}
	for i, ref := range refs {
		if se.Cells[i].Cell != ref {
			t.Errorf("error %d names %s, want %s", i, se.Cells[i].Cell, ref)
		}
	}
}

func TestReadRefusesOtherFiles(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(bytes.NewReader(buf.Bytes())); err == nil || !strings.Contains(err.Error(), "không phải bảng dự toán") {
		t.Errorf("plain workbook: %v", err)
	}
	if _, err := Read(strings.NewReader("không phải xlsx")); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("not a zip: %v", err)
	}
}

func TestMatches(t *testing.T) {
	_, data := build(t, forms.Sample(forms.Equipment))
	imp := mustRead(t, data)
	other := forms.Sample(forms.TradeFair)
	if err := imp.Matches(other); err == nil {
		t.Error("a sheet of another programme matches")
	}
	sameProgramme := forms.Sample(forms.Equipment)
	sameProgramme.Enterprise.TaxCode = "0309876543"
	if err := imp.Matches(sameProgramme); err == nil || !strings.Contains(err.Error(), "mã số thuế") {
		t.Errorf("another enterprise: %v", err)
	}
}

// TestEmptyBudgetRoundTrip: a dossier without budget lines still gives a sheet that reads back.
func TestEmptyBudgetRoundTrip(t *testing.T) {
	app := forms.Sample(forms.CleanerProduction)
	app.Budget.Lines = nil
	_, data := build(t, app)
	imp := mustRead(t, data)
	if len(imp.Lines) != 0 || len(Diff(app, imp)) != 0 {
		t.Errorf("empty budget read back as %+v", imp.Lines)
	}
}
