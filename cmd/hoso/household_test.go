package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
)

// A household business (the owner's 12-digit number as its tax code, no insured workers) passes
// `hoso check` and renders; its head is "bà …" everywhere; the dossier page label is off by
// default and on with --dossier-pages, in the top margin.
func TestHouseholdDossierChecksAndRenders(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	peertest.Need(t, "pdftotext", "pdftotext is missing (apt-get install poppler-utils)", "pdftotext is not installed")
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Kind = forms.KindHousehold
	app.Enterprise.Name = "Hộ kinh doanh Bánh tráng Ngọc Hường"
	app.Enterprise.TaxCode = "077185001234"
	app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 0, 0, 0
	app.Enterprise.Representative.Title, app.Signer.Title = "Chủ hộ kinh doanh", "Chủ hộ kinh doanh"
	app.Enterprise.Representative.Gender = forms.GenderFemale
	data, err := forms.MarshalApplication(app)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "ho.hoso.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := hoso(t, "", "check", file); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, stderr)
	}
	render := func(sub string, extra ...string) string {
		out := filepath.Join(dir, sub)
		args := append([]string{"render", "--no-xlsx", "-o", out}, extra...)
		code, stdout, stderr := hoso(t, "", append(args, file)...)
		if code != 0 {
			t.Fatalf("render %v: exit %d\n%s%s", extra, code, stdout, stderr)
		}
		text, err := exec.Command("pdftotext", "-raw", strings.TrimSpace(stdout), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(text)), " ")
	}
	text := render("a")
	for _, want := range []string{"bà Nguyễn Thị Ngọc Hường", "chủ hộ kinh doanh", "đóng dấu nếu có"} {
		if !strings.Contains(text, want) {
			t.Errorf("the household dossier lacks %q", want)
		}
	}
	for _, bad := range []string{"ông/bà", "Ông/bà", "Hồ sơ: trang"} {
		if strings.Contains(text, bad) {
			t.Errorf("the household dossier prints %q", bad)
		}
	}
	if text := render("b", "--dossier-pages"); !strings.Contains(text, "Hồ sơ: trang 1/") {
		t.Error("--dossier-pages prints no dossier page label")
	}
}
