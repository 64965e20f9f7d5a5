package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultPacksAreValidAndCarryTheIssueFigures(t *testing.T) {
	p := nationalPack(t)
	eq := p.Programmes[Equipment]
	check := func(scope string, bp int64, cap Money) {
		t.Helper()
		sr := eq.Scopes[scope]
		if got := sr.CostTypes["machinery"].RateBP; got != bp {
			t.Errorf("%s: rate %d, want %d", scope, got, bp)
		}
		if got := sr.Caps[0].Amount; got != cap {
			t.Errorf("%s: cap %s, want %s", scope, got, cap)
		}
		if sr.Caps[0].Unverified || sr.CostTypes["machinery"].Unverified {
			t.Errorf("%s: verified figure flagged unverified", scope)
		}
		if !strings.Contains(sr.Caps[0].Citation, "Thông tư 28/2018/TT-BTC") {
			t.Errorf("%s: citation %q", scope, sr.Caps[0].Citation)
		}
	}
	check("machinery", 5000, 300_000_000)
	check("technology-line", 5000, 450_000_000)
	check("demonstration-model", 3000, 1_000_000_000)
	if !p.Programmes[TradeFair].Scopes["domestic"].CostTypes["booth-rent"].Unverified {
		t.Error("trade-fair rates come from the expired TTLT 26/2014 and must be flagged unverified")
	}
	for _, pk := range DefaultPacks() {
		if err := ValidatePack(pk); err != nil {
			t.Errorf("%s: %v", pk.Key(), err)
		}
	}
}

func TestParsePackRefusesBadPacks(t *testing.T) {
	base, err := MarshalPack(nationalPack(t))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, from, to, want string
	}{
		{"missing rate", `"rate_bp": 5000,`, ``, "cleaner-production/assessment/consultancy: thiếu tỷ lệ hỗ trợ"},
		{"negative cap", `"amount": 300000000`, `"amount": -300000000`, "không được âm"},
		{"zero cap", `"amount": 300000000`, `"amount": 0`, "caps[0] (mức trần mỗi cơ sở): mức trần phải lớn hơn 0"},
		{"unknown cost type", `"technology-transfer": {`, `"may-bay": {`, `loại chi phí "may-bay" không tồn tại`},
		{"unknown criterion", `"id": "kind"`, `"id": "mau-sac"`, `tiêu chí "mau-sac" không tồn tại`},
		{"missing citation", `"citation": "khoản 4 Điều 8 Thông tư 28/2018/TT-BTC"`, `"citation": ""`, "thiếu căn cứ pháp lý"},
		{"unknown key", `"rate_bp": 5000`, `"rate": 5000, "rate_bp": 5000`, `cost_types.consultancy.rate: khoá "rate" không có ở đây`},
		{"rate over 100%", `"rate_bp": 5000`, `"rate_bp": 15000`, "ngoài khoảng 0–10000"},
		{"bad fund", `"fund": "national"`, `"fund": "quoc-te"`, "nguồn kinh phí"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := string(base)
			if !strings.Contains(s, c.from) {
				t.Fatalf("fixture lacks %q", c.from)
			}
			_, err := ParsePack([]byte(strings.Replace(s, c.from, c.to, 1)))
			if err == nil {
				t.Fatal("bad pack accepted")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
		})
	}
}

func TestPackForPrefersTheProvincePackInForce(t *testing.T) {
	packs := DefaultPacks()
	prov := nationalPack(t)
	prov.ID, prov.Version, prov.Fund, prov.Province = "local-79", "2026.1", FundLocal, "79"
	prov.EffectiveFrom = Date{2026, 1, 1}
	old := prov.Clone()
	old.Version, old.EffectiveFrom, old.EffectiveTo = "2025.1", Date{2025, 7, 1}, Date{2025, 12, 31}
	packs = append(packs, old, prov)

	app := Sample(Equipment)
	p, err := PackFor(app, packs)
	if err != nil || p.Key() != "local-79@2026.1" {
		t.Fatalf("got %v, %v; want local-79@2026.1", p, err)
	}
	app.Letter.Date = Date{2025, 9, 1}
	if p, _ := PackFor(app, packs); p.Key() != "local-79@2025.1" {
		t.Errorf("for a 2025 letter got %s", p.Key())
	}
	app.Fund.Province = "66"
	app.Letter.Date = Date{2027, 1, 5}
	if p, _ := PackFor(app, packs); p.ID != "local" {
		t.Errorf("province without a pack got %s, want the default local pack", p.Key())
	}
	app.Fund = Fund{Kind: FundNational, Province: "79"}
	if p, _ := PackFor(app, packs); p.ID != "national" {
		t.Errorf("national fund got %s", p.Key())
	}
	app.RulePack = "khong-co"
	if _, err := PackFor(app, packs); err == nil {
		t.Error("unknown pinned pack accepted")
	}
}

func TestLoadPacksReportsInvalidFiles(t *testing.T) {
	dir := t.TempDir()
	good := nationalPack(t)
	good.ID, good.Version = "local-66", "2026.1"
	good.Fund, good.Province = FundLocal, "66"
	data, _ := MarshalPack(good)
	os.WriteFile(filepath.Join(dir, "good.json"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"id": "x"`), 0o644)
	packs, errs := LoadPacks(dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "bad.json") {
		t.Errorf("errors %v", errs)
	}
	found := false
	for _, p := range packs {
		found = found || p.Key() == "local-66@2026.1"
	}
	if !found {
		t.Error("good pack not loaded")
	}
}
