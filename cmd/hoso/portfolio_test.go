package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

// portfolioFiles writes the clean samples plus two defective dossiers (one in a sub-folder) and
// returns the folder.
func portfolioFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, app *forms.Application) {
		data, err := forms.MarshalApplication(app)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range forms.Programmes() {
		write(string(p)+".hoso.json", forms.Sample(p))
	}
	old := forms.Sample(forms.TradeFair)
	old.Letter.Recipient = "Sở Công Thương tỉnh Bình Dương"
	write("2027/gom.hoso.json", old)
	copied := forms.Sample(forms.Equipment)
	copied.Enterprise.Name, copied.Enterprise.ShortName = "Công ty TNHH Cơ khí Hải Long", "Hải Long"
	copied.Enterprise.TaxCode = "0101245486"
	write("2027/hai-long.hoso.json", copied) // the title still names Phước Hưng: a copied dossier
	if err := os.WriteFile(filepath.Join(dir, "ghi-chu.txt"), []byte("không phải hồ sơ"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCheckPortfolioPrintsOneLinePerFinding(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	dir := portfolioFiles(t)
	code, out, stderr := hoso(t, "", "check", "--portfolio", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (two dossiers have errors)\n%s%s", code, out, stderr)
	}
	var recipient, foreign bool
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "2027/gom.hoso.json") && strings.Contains(line, " recipient ") &&
			strings.Contains(line, "Công ty Cổ phần Gốm sứ Mỹ nghệ Lái Thiêu Xưa") && strings.Contains(line, "letter.recipient") {
			recipient = true
		}
		if strings.Contains(line, "2027/hai-long.hoso.json") && strings.Contains(line, " foreign-name ") &&
			strings.Contains(line, "Công ty TNHH Cơ khí Hải Long") && strings.Contains(line, "project.title") && strings.Contains(line, "Phước Hưng") {
			foreign = true
		}
		for _, p := range forms.Programmes() {
			if strings.Contains(line, " "+string(p)+".hoso.json ") && strings.Contains(line, "LỖI") {
				t.Errorf("a clean sample has an error: %s", line)
			}
		}
	}
	if !recipient || !foreign {
		t.Errorf("recipient line %v, foreign-name line %v in\n%s", recipient, foreign, out)
	}
	if !strings.Contains(stderr, "5 hồ sơ") {
		t.Errorf("summary: %s", stderr)
	}

	code, js, _ := hoso(t, "", "check", "--portfolio", dir, "--json")
	var fs []portfolioFinding
	if err := json.Unmarshal([]byte(js), &fs); err != nil || code != 1 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, js)
	}
	for _, f := range fs {
		if f.Code == "" || f.Client == "" || f.Dossier == "" || f.Path == "" && f.Code != forms.CodeUnverified {
			t.Errorf("incomplete finding %+v", f)
		}
	}
}

func TestCheckPortfolioOfALibrary(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	dir := portfolioFiles(t)
	db := filepath.Join(t.TempDir(), "hoso.db")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.hoso.json"))
	top, _ := filepath.Glob(filepath.Join(dir, "*.hoso.json"))
	if code, out, stderr := hosoDB(t, db, append([]string{"import", "--merge"}, append(top, files...)...)...); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr := hoso(t, "", "check", "--db", db)
	if code != 1 || !strings.Contains(out, "recipient") || !strings.Contains(out, "foreign-name") || !strings.Contains(stderr, "5 hồ sơ") {
		t.Errorf("exit %d\n%s%s", code, out, stderr)
	}
	if code, _, stderr := hoso(t, "", "check", "--db", filepath.Join(t.TempDir(), "khong", "co.db")); code != 2 {
		t.Errorf("missing library: exit %d: %s", code, stderr)
	}
	if code, _, _ := hoso(t, "", "check", "--portfolio", filepath.Join(t.TempDir(), "khong-co")); code != 2 {
		t.Errorf("missing folder: exit %d", code)
	}
}

func TestCheckJSONCarriesACodeOnEveryProblem(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	app := forms.Sample(forms.Equipment)
	app.Enterprise.TaxCode = "0701234560"
	app.Letter.Recipient = "Sở Công Thương tỉnh Bà Rịa - Vũng Tàu"
	app.Enterprise.Phone = ""
	data, _ := forms.MarshalApplication(app)
	code, js, _ := hoso(t, string(data), "check", "--json", "-")
	var res struct {
		Problems []map[string]any `json:"problems"`
	}
	if err := json.Unmarshal([]byte(js), &res); err != nil || code != 1 {
		t.Fatalf("exit %d, %v\n%s", code, err, js)
	}
	codes := map[string]bool{}
	for _, p := range res.Problems {
		c, ok := p["code"].(string)
		if !ok || c == "" {
			t.Errorf("problem without code: %v", p)
		}
		codes[c] = true
	}
	for _, want := range []string{forms.CodeTaxCode, forms.CodeRecipient, forms.CodeRequired} {
		if !codes[want] {
			t.Errorf("no %s in %v", want, codes)
		}
	}
}
