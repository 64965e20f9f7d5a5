package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
	"khuyencong/templates/xlsx"
)

// TestBudgetImportDryRunThenYes renders a sheet, raises a price in it, and imports it: without
// --yes the dossier file is untouched; with --yes it holds the new price and the printed totals
// are ComputeBudget's.
func TestBudgetImportDryRunThenYes(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	dir := t.TempDir()
	app := forms.Sample(forms.TradeFair)
	dossier := filepath.Join(dir, "hoichơ.hoso.json")
	data, err := forms.MarshalApplication(app)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dossier, data, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := forms.Check(app, forms.DefaultPacks())
	sheet := filepath.Join(dir, "dutoan.xlsx")
	if err := renderXLSX(app, rep, sheet); err != nil {
		t.Fatal(err)
	}
	// The accountant raises the booth rent (line 0) to 30.000.000 a booth.
	f, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	row := 0
	rows, _ := f.GetRows(xlsx.SheetBudget)
	for r, cells := range rows {
		if len(cells) >= 11 && cells[9] == "dong" && cells[10] == "0" {
			row = r + 1
		}
	}
	if row == 0 {
		t.Fatal("line 0 not found in the sheet")
	}
	if err := f.SetCellInt(xlsx.SheetBudget, "E"+itoa(row), 30_000_000); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, out, stderr := hoso(t, "", "budget", "import", sheet, "--into", dossier)
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "(ô E13) \"Thuê gian hàng tiêu chuẩn 9 m²\": đơn giá 26.400.000 → 30.000.000 đồng") || !strings.Contains(out, "--yes") {
		t.Errorf("dry run output:\n%s", out)
	}
	if now, _ := os.ReadFile(dossier); !bytes.Equal(now, data) {
		t.Fatal("the dry run changed the dossier file")
	}

	code, out, stderr = hoso(t, "", "budget", "import", sheet, "--into", dossier, "--yes")
	if code != 0 {
		t.Fatalf("--yes: exit %d\n%s%s", code, out, stderr)
	}
	got, err := readDossier(dossier)
	if err != nil {
		t.Fatal(err)
	}
	if got.Budget.Lines[0].UnitPrice != 30_000_000 {
		t.Fatalf("price after import %s", got.Budget.Lines[0].UnitPrice)
	}
	pack, _ := forms.PackFor(got, forms.DefaultPacks())
	want, err := forms.ComputeBudget(got, pack)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []forms.Money{want.Total, want.Support, want.Counterpart} {
		if !strings.Contains(out, m.String()+" đồng") {
			t.Errorf("output lacks %s:\n%s", m, out)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// Importing the same sheet again finds nothing to do.
	code, out, _ = hoso(t, "", "budget", "import", sheet, "--into", dossier)
	if code != 0 || !strings.Contains(out, "không có gì để nhập") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
}

// TestBudgetImportRefusesBrokenSheet: a text price is refused, the cell named, the dossier untouched.
func TestBudgetImportRefusesBrokenSheet(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	dir := t.TempDir()
	app := forms.Sample(forms.Equipment)
	dossier := filepath.Join(dir, "maymoc.hoso.json")
	data, _ := forms.MarshalApplication(app)
	if err := os.WriteFile(dossier, data, 0o644); err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(dir, "dutoan.xlsx")
	if err := renderXLSX(app, forms.Check(app, forms.DefaultPacks()), sheet); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(xlsx.SheetBudget, "E13", "abc"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, stderr := hoso(t, "", "budget", "import", sheet, "--into", dossier, "--yes")
	if code != 1 || !strings.Contains(stderr, `ô E13: đơn giá "abc" không phải là số`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if now, _ := os.ReadFile(dossier); !bytes.Equal(now, data) {
		t.Error("a refused import changed the dossier file")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBudgetImportNeverWritesAnUnreadableDossier puts into the sheet a description the dossier
// file may not hold (longer than forms.MaxStringRunes, or with a line break): budget import refuses
// it with exit 2, names the field, and leaves the dossier file as it was.
func TestBudgetImportNeverWritesAnUnreadableDossier(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	for name, desc := range map[string]string{
		"too long":   strings.Repeat("a", forms.MaxStringRunes+1000),
		"line break": "Thuê gian hàng\ntiêu chuẩn",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			app := forms.Sample(forms.TradeFair)
			dossier := filepath.Join(dir, "hoicho.hoso.json")
			data, _ := forms.MarshalApplication(app)
			if err := os.WriteFile(dossier, data, 0o644); err != nil {
				t.Fatal(err)
			}
			sheet := filepath.Join(dir, "dutoan.xlsx")
			if err := renderXLSX(app, forms.Check(app, forms.DefaultPacks()), sheet); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(sheet)
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows(xlsx.SheetBudget)
			row := 0
			for r, cells := range rows {
				if len(cells) >= 11 && cells[9] == "dong" && cells[10] == "0" {
					row = r + 1
				}
			}
			if err := f.SetCellStr(xlsx.SheetBudget, "B"+itoa(row), desc); err != nil {
				t.Fatal(err)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			code, out, stderr := hoso(t, "", "budget", "import", sheet, "--into", dossier, "--yes")
			if code != 2 || !strings.Contains(stderr, "budget.lines[0].description") || !strings.Contains(stderr, "chưa ghi gì") {
				t.Errorf("exit %d\n%s%s", code, out, stderr)
			}
			if now, _ := os.ReadFile(dossier); !bytes.Equal(now, data) {
				t.Error("the refused import changed the dossier file")
			}
			if _, err := readDossier(dossier); err != nil {
				t.Errorf("dossier unreadable after import: %v", err)
			}
		})
	}
}
