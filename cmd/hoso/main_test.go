package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

func hoso(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSampleThenCheckPassesForEveryProgramme(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	for _, p := range forms.Programmes() {
		code, sample, stderr := hoso(t, "", "sample", "--programme", string(p))
		if code != 0 {
			t.Fatalf("sample %s: exit %d: %s", p, code, stderr)
		}
		code, out, stderr := hoso(t, sample, "check", "-")
		if code != 0 {
			t.Errorf("check %s: exit %d\n%s%s", p, code, out, stderr)
		}
		if !strings.Contains(out, "ĐỦ ĐIỀU KIỆN NỘP") {
			t.Errorf("check %s: no conclusion in\n%s", p, out)
		}
	}
}

func TestCheckWrongTaxCodeExitsOneAndNamesIt(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	_, sample, _ := hoso(t, "", "sample", "--programme", "equipment")
	bad := strings.Replace(sample, `"tax_code": "0701234567"`, `"tax_code": "0701234560"`, 1)
	if bad == sample {
		t.Fatal("fixture: tax code not found in the sample")
	}
	code, out, _ := hoso(t, bad, "check", "-")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	if !strings.Contains(out, "enterprise.tax_code") || !strings.Contains(strings.ToLower(out), "mã số thuế") || !strings.Contains(out, "chữ số kiểm tra") {
		t.Errorf("output does not name the tax code and what is wrong:\n%s", out)
	}
	code, js, _ := hoso(t, bad, "check", "--json", "-")
	var res checkOutput
	if err := json.Unmarshal([]byte(js), &res); err != nil || code != 1 || !res.Blocking {
		t.Fatalf("json: exit %d, %v\n%s", code, err, js)
	}
}

func TestCheckUnreadableFileExitsTwo(t *testing.T) {
	code, _, stderr := hoso(t, `{"format_version": "9.0"}`, "check", "-")
	if code != 2 || !strings.Contains(stderr, "phiên bản mới hơn") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	code, _, stderr = hoso(t, "", "check", filepath.Join(t.TempDir(), "khong-co.hoso.json"))
	if code != 2 || !strings.Contains(stderr, "không tìm thấy") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestNotSMEIsIneligible(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	app := forms.Sample(forms.Equipment)
	app.Enterprise.InsuredEmployees, app.Enterprise.Employees = 300, 300
	app.Enterprise.Revenue, app.Enterprise.Capital = 300_000_000_000, 150_000_000_000
	data, _ := forms.MarshalApplication(app)
	code, out, _ := hoso(t, string(data), "check", "-")
	if code != 1 || !strings.Contains(out, "KHÔNG ĐẠT\tQuy mô doanh nghiệp nhỏ và vừa") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestWords(t *testing.T) {
	cases := map[string]string{
		"1005000":       "Một triệu không trăm linh năm nghìn đồng",
		"1.234.567.890": "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
		"0":             "Không đồng",
	}
	for in, want := range cases {
		code, out, stderr := hoso(t, "", "words", in)
		if code != 0 || strings.TrimSpace(out) != want {
			t.Errorf("words %s = %q (exit %d, %s), want %q", in, out, code, stderr, want)
		}
	}
	code, out, _ := hoso(t, "", "words", "--style", "le,ngan,tu", "1001024")
	if code != 0 || strings.TrimSpace(out) != "Một triệu không trăm lẻ một ngàn không trăm hai mươi tư đồng" {
		t.Errorf("southern style: %q", out)
	}
	if code, _, stderr := hoso(t, "", "words", "-5"); code != 2 || stderr == "" {
		t.Errorf("negative amount: exit %d", code)
	}
}

func TestBudgetJSON(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	_, sample, _ := hoso(t, "", "sample", "--programme", "equipment")
	code, out, stderr := hoso(t, sample, "budget", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var b struct {
		Total, Support, Counterpart int64
		Lines                       []map[string]any
		Notes                       []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	pack, _ := forms.PackFor(app, forms.DefaultPacks())
	want, _ := forms.ComputeBudget(app, pack)
	if b.Total != int64(want.Total) || b.Support != int64(want.Support) || b.Counterpart != int64(want.Counterpart) || len(b.Lines) != 4 || len(b.Notes) == 0 {
		t.Errorf("budget json %+v", b)
	}
	code, out, _ = hoso(t, sample, "budget", "-")
	if code != 0 || !strings.Contains(out, "300.000.000") || !strings.Contains(out, "Ba trăm triệu đồng") {
		t.Errorf("table output:\n%s", out)
	}
}

func TestRulesExportEditImport(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HOSO_RULES", dir)
	out := filepath.Join(t.TempDir(), "goi.json")
	if code, _, stderr := hoso(t, "", "rules", "export", "national", "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	data, _ := os.ReadFile(out)
	edited := strings.Replace(string(data), `"id": "national"`, `"id": "local-79"`, 1)
	edited = strings.Replace(edited, `"fund": "national"`, `"fund": "local", "province": "79"`, 1)
	os.WriteFile(out, []byte(edited), 0o644)
	if code, stdout, stderr := hoso(t, "", "rules", "import", out); code != 0 {
		t.Fatalf("import: %s%s", stdout, stderr)
	}
	code, list, _ := hoso(t, "", "rules", "list")
	if code != 0 || !strings.Contains(list, "local-79@2018.2") {
		t.Errorf("list after import:\n%s", list)
	}
	broken := strings.Replace(edited, `"amount": 300000000`, `"amount": 0`, 1)
	os.WriteFile(out, []byte(broken), 0o644)
	if code, _, stderr := hoso(t, "", "rules", "import", out); code != 1 || !strings.Contains(stderr, "mức trần phải lớn hơn 0") {
		t.Errorf("broken pack: exit %d: %s", code, stderr)
	}
}

func TestHelpExplainsEachCommand(t *testing.T) {
	for _, c := range commands() {
		code, out, stderr := hoso(t, "", c.name, "-h")
		if code != 0 || !strings.Contains(out+stderr, "hoso "+c.name) {
			t.Errorf("%s -h: exit %d\n%s%s", c.name, code, out, stderr)
		}
	}
}
