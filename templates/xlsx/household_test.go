package xlsx

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
)

// householdApp is the equipment sample as a household business (12-digit number, no insured
// workers); its signer's own title is left as typed by a user who wrote something else.
func householdApp() *forms.Application {
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Kind = forms.KindHousehold
	app.Enterprise.Name = "Hộ kinh doanh Bánh tráng Ba Hưng"
	app.Enterprise.TaxCode = "079083001234"
	app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 0, 0, 0
	app.Signer.Title = "Chủ hộ"
	return app
}

// checkHouseholdSigners fails when a household's sheet text has a preparer or an accountant, or
// lacks the head's title and the "seal if any" note; an enterprise keeps all three signers.
func checkHouseholdSigners(t *testing.T, where, household, enterprise string) {
	t.Helper()
	for _, bad := range []string{"NGƯỜI LẬP BIỂU", "KẾ TOÁN", "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên, đóng dấu)"} {
		if strings.Contains(household, bad) {
			t.Errorf("%s: the household's sheet prints %q", where, bad)
		}
	}
	for _, want := range []string{"CHỦ HỘ KINH DOANH", "(Ký, ghi rõ họ tên, đóng dấu nếu có)"} {
		if !strings.Contains(household, want) {
			t.Errorf("%s: the household's sheet lacks %q", where, want)
		}
	}
	for _, want := range []string{"NGƯỜI LẬP BIỂU", "KẾ TOÁN"} {
		if !strings.Contains(enterprise, want) {
			t.Errorf("%s: the enterprise's sheet lost %q", where, want)
		}
	}
}

// A household business has no accountant: its head signs the sheet alone, as "CHỦ HỘ KINH
// DOANH", seal if any. Read with excelize, and as LibreOffice prints it (PDF read by pdftotext).
func TestHouseholdSheetSignedByItsHeadAlone(t *testing.T) {
	_, hh := build(t, householdApp())
	_, ent := build(t, forms.Sample(forms.Equipment))
	checkHouseholdSigners(t, "cells", sheetText(t, hh), sheetText(t, ent))

	peertest.Need(t, "pdftotext", "pdftotext is not installed (apt-get install poppler-utils)",
		"pdftotext is not installed: the printed sheet was not read")
	out := convert(t, map[string][]byte{"household": hh, "enterprise": ent}, "pdf")
	printed := func(name string) string {
		b, err := exec.Command("pdftotext", "-raw", filepath.Join(out, name+".pdf"), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		return string(b)
	}
	checkHouseholdSigners(t, "printed by LibreOffice", printed("household"), printed("enterprise"))
}

// When another unit implements the project, the sheets call the establishment the beneficiary
// and name the implementing unit; otherwise it is the "Cơ sở thực hiện".
func TestSheetNamesTheImplementingUnit(t *testing.T) {
	app := forms.Sample(forms.CleanerProduction)
	_, data := build(t, app)
	if text := sheetText(t, data); !strings.Contains(text, "Cơ sở thực hiện: "+forms.Clean(app.Enterprise.Name)) || strings.Contains(text, "Đơn vị thụ hưởng") {
		t.Error("the establishment carrying out its own project is not the Cơ sở thực hiện")
	}
	app.Project.ImplementingUnit = "Công ty TNHH Tư vấn Môi trường Xanh"
	_, data = build(t, app)
	text := sheetText(t, data)
	want := "Đơn vị thụ hưởng: " + forms.Clean(app.Enterprise.Name) + " (đơn vị thực hiện: Công ty TNHH Tư vấn Môi trường Xanh)"
	if n := strings.Count(text, want); n != 2 {
		t.Errorf("%q is printed %d times, want on both sheets", want, n)
	}
	if strings.Contains(text, "Cơ sở thực hiện") {
		t.Error("the beneficiary is called the Cơ sở thực hiện although another unit implements the project")
	}
}
