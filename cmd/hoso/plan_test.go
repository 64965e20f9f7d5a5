package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
)

// writePortfolio writes n sample dossiers as files and returns their paths.
func writePortfolio(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, app := range forms.SamplePortfolio(n) {
		data, err := forms.MarshalApplication(app)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("hs-%02d.hoso.json", i+1))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func needPoppler(t *testing.T) {
	t.Helper()
	peertest.Need(t, "pdftotext", "pdftotext (poppler-utils) is missing: CI must install it",
		"SKIPPED: pdftotext (poppler-utils) is not installed")
}

// TestPlanFromFiles: the plan's totals equal the sums of `hoso budget --json` of each dossier (an
// independent path through the program), and the PDF holds every item and the totals in figures
// and in words.
func TestPlanFromFiles(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	paths := writePortfolio(t, 11)
	var want forms.PlanTotals
	for _, p := range paths {
		code, out, stderr := hoso(t, "", "budget", "--json", p)
		if code != 0 {
			t.Fatalf("budget %s: exit %d %s", p, code, stderr)
		}
		var b struct {
			Total, Support, Counterpart forms.Money
		}
		if err := json.Unmarshal([]byte(out), &b); err != nil {
			t.Fatalf("budget --json: %v\n%s", err, out)
		}
		want.Total += b.Total
		want.Support += b.Support
		want.Counterpart += b.Counterpart
	}
	outDir := t.TempDir()
	args := append([]string{"plan", "--year", "2027", "--province", "79", "--fund", "local", "-o", outDir, "--json"}, paths...)
	code, out, stderr := hoso(t, "", args...)
	if code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	var got planJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("plan --json: %v\n%s", err, out)
	}
	if got.Dossiers != 11 || got.Total != want.Total || got.Support != want.Support || got.Counterpart != want.Counterpart {
		t.Fatalf("plan: %d dossiers %s/%s/%s; the dossiers' budgets add up to %s/%s/%s",
			got.Dossiers, got.Total, got.Support, got.Counterpart, want.Total, want.Support, want.Counterpart)
	}
	var groups forms.PlanTotals
	for _, g := range got.Groups {
		groups.Total += g.Total
		groups.Support += g.Support
		groups.Counterpart += g.Counterpart
	}
	if groups != want {
		t.Errorf("groups add up to %+v, want %+v", groups, want)
	}
	if len(got.Files) != 2 {
		t.Fatalf("files written: %v", got.Files)
	}

	needPoppler(t)
	raw, err := exec.Command("pdftotext", got.Files[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	for _, it := range got.Items {
		tax := ""
		for _, p := range paths {
			if strings.HasSuffix(it.ID, filepath.Base(p)) {
				app, _ := readDossier(p)
				tax = app.Enterprise.TaxCode
			}
		}
		if tax == "" || !strings.Contains(text, tax) || !strings.Contains(text, it.Support.String()) {
			t.Errorf("item %s (MST %s, support %s) not in the PDF", it.ID, tax, it.Support)
		}
	}
	for _, m := range []forms.Money{got.Total, got.Support, got.Counterpart} {
		words := forms.AmountInWords(m, forms.WordStyle{})
		if !strings.Contains(text, m.String()+" đồng (Bằng chữ: "+words+")") {
			t.Errorf("the PDF does not give %s with its words %q", m, words)
		}
	}
	for _, s := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIỂU TỔNG HỢP ĐỀ ÁN KHUYẾN CÔNG ĐỊA PHƯƠNG NĂM 2027", "Thành phố Hồ Chí Minh", "2677/QĐ-UBND"} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF lacks %q", s)
		}
	}
	if strings.Contains(text, "GHI CHÚ CHO NGƯỜI LẬP") {
		t.Error("the final plan carries the notes for whoever assembles it")
	}
}

func TestPlanRefusesBadInput(t *testing.T) {
	paths := writePortfolio(t, 1)
	for _, args := range [][]string{
		{"plan", "-o", t.TempDir(), paths[0]},                                           // no year
		{"plan", "--year", "2027", "--province", "77", "-o", t.TempDir(), paths[0]},     // Bà Rịa - Vũng Tàu no longer exists
		{"plan", "--year", "2027", "--fund", "provincial", "-o", t.TempDir(), paths[0]}, // unknown fund
		{"plan", "--year", "2027", paths[0]},                                            // no output
		{"plan", "--year", "2027", "--ceiling", "1,5", "--json", paths[0]},              // not a sum of money
	} {
		code, _, stderr := hoso(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "hoso plan:") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

func TestPlanFromLibraryExcludesBlockedAndFlagsTwice(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	paths := writePortfolio(t, 4)
	db := filepath.Join(t.TempDir(), "thu-vien.db")
	// The fourth dossier is the first establishment's second equipment dossier; one more lacks its
	// counterpart commitment.
	apps := forms.SamplePortfolio(4)
	twice := apps[0]
	twice.Project.Title += " (giai đoạn 2)"
	blocked := forms.SamplePortfolio(5)[4]
	blocked.Commitments.Counterpart = false
	for i, app := range []*forms.Application{twice, blocked} {
		data, _ := forms.MarshalApplication(app)
		p := filepath.Join(t.TempDir(), fmt.Sprintf("x%d.hoso.json", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	args := append([]string{"db", "import", "--db", db, "--merge"}, paths...)
	if code, _, stderr := hoso(t, "", args...); code != 0 {
		t.Fatalf("db import: exit %d %s", code, stderr)
	}
	code, out, stderr := hoso(t, "", "plan", "--year", "2027", "--db", db, "--json", "--ceiling", "100.000.000")
	if code != 0 {
		t.Fatalf("plan --db: exit %d %s", code, stderr)
	}
	var got planJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Dossiers != 5 || len(got.Excluded) != 1 || len(got.Duplicates) != 1 {
		t.Fatalf("plan over the library: %d dossiers, excluded %+v, duplicates %+v", got.Dossiers, got.Excluded, got.Duplicates)
	}
	if got.OverBy != got.Support-100_000_000 {
		t.Errorf("over the ceiling by %s, want %s", got.OverBy, got.Support-100_000_000)
	}
	if !strings.Contains(stderr, "cần cắt giảm") || !strings.Contains(stderr, "Chưa đưa vào kế hoạch") {
		t.Errorf("stderr does not tell what to settle:\n%s", stderr)
	}
}
