package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
)

// TestRulesImportOverride: `hoso rules import` refuses a pack that calls itself national@2099.1
// (exit 1, writes nothing); with --override it is imported, and `hoso check` and `hoso budget` of a
// national dossier say that the budget follows an overriding pack.
func TestRulesImportOverride(t *testing.T) {
	rules := t.TempDir()
	t.Setenv("HOSO_RULES", rules)
	dir := t.TempDir()
	pack := filepath.Join(dir, "goi.json")
	if code, _, stderr := hoso(t, "", "rules", "export", "national", "-o", pack); code != 0 {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(pack)
	edited := regexp.MustCompile(`"version": "[^"]*"`).ReplaceAllString(string(data), `"version": "2099.1"`)
	edited = strings.Replace(edited, `"effective_from": "2018-05-11"`, `"effective_from": "2020-01-01"`, 1)
	os.WriteFile(pack, []byte(edited), 0o644)

	code, out, stderr := hoso(t, "", "rules", "import", pack)
	if code != 1 || !strings.Contains(stderr, `mã gói "national" là mã của gói có sẵn`) || !strings.Contains(stderr, "--override") {
		t.Fatalf("import without --override: exit %d\n%s%s", code, out, stderr)
	}
	if entries, _ := os.ReadDir(rules); len(entries) != 0 {
		t.Fatalf("refused import wrote %d files", len(entries))
	}

	if code, out, stderr := hoso(t, "", "rules", "import", "--override", pack); code != 0 || !strings.Contains(out, "Lưu ý") {
		t.Fatalf("import --override: exit %d\n%s%s", code, out, stderr)
	}
	app := forms.Sample(forms.Equipment)
	app.Fund = forms.Fund{Kind: forms.FundNational}
	app.Letter.Date = forms.DateOf(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	dossier := filepath.Join(dir, "a.hoso.json")
	b, _ := forms.MarshalApplication(app)
	os.WriteFile(dossier, b, 0o644)
	_, out, _ = hoso(t, "", "check", dossier)
	if !strings.Contains(out, "national@2099.1") || !strings.Contains(out, "--override") {
		t.Errorf("check does not say the pack overrides a shipped one:\n%s", out)
	}
	_, out, _ = hoso(t, "", "budget", dossier)
	if !strings.Contains(out, "--override") {
		t.Errorf("budget does not say the pack overrides a shipped one:\n%s", out)
	}
}
