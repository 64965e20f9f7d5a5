package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// localPack is the national pack turned into province 79's own pack, as a user would import it.
func localPack(t *testing.T) *RulePack {
	t.Helper()
	p := nationalPack(t)
	p.ID, p.Version, p.Fund, p.Province = "local-79", "2026.1", FundLocal, "79"
	return p
}

func TestPackIDsAndVersionsValidated(t *testing.T) {
	cases := []struct {
		name   string
		change func(*RulePack)
		want   string
	}{
		{"slash in id", func(p *RulePack) { p.ID = "local/79" }, `mã gói (id) "local/79" không hợp lệ`},
		{"dot-dot in id", func(p *RulePack) { p.ID = "../../x" }, `mã gói (id) "../../x" không hợp lệ`},
		{"capital letters", func(p *RulePack) { p.ID = "Local-79" }, `"Local-79" không hợp lệ`},
		{"id too long", func(p *RulePack) { p.ID = "local-79-" + strings.Repeat("a", 40) }, "tối đa 40 ký tự"},
		{"province mismatch", func(p *RulePack) { p.Province = "01" }, `mã gói "local-79" chỉ tỉnh có mã 79 nhưng mã tỉnh (province) là "01"`},
		{"local id on the national fund", func(p *RulePack) { p.Fund, p.Province = FundNational, "" }, `nguồn kinh phí (fund) là "national"`},
		{"slash in version", func(p *RulePack) { p.Version = "2026/1" }, `phiên bản (version) "2026/1" không hợp lệ`},
		{"dot-dot in version", func(p *RulePack) { p.Version = "2026..1" }, `phiên bản (version) "2026..1" không hợp lệ`},
		{"no version", func(p *RulePack) { p.Version = "" }, "thiếu phiên bản"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := localPack(t)
			c.change(p)
			data, _ := MarshalPack(p)
			_, err := ParsePack(data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
	for _, ok := range []string{"local-79", "local-79-2026", "tinh-79"} {
		p := localPack(t)
		p.ID = ok
		if err := ValidatePack(p); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
}

func TestPackDuplicateKeysRefused(t *testing.T) {
	base, _ := MarshalPack(localPack(t))
	s := string(base)
	cases := []struct{ name, from, to, want string }{
		{"duplicate rate", `"rate_bp": 5000`, `"rate_bp": 9000, "rate_bp": 5000`, "rate_bp"},
		{"duplicate cost type", `"machinery": {`, `"machinery": {"eligible": true, "rate_bp": 10000, "citation": "x"}, "machinery": {`, "cost_types.machinery: khoá \"machinery\" xuất hiện hai lần"},
		{"case-variant key", `"rate_bp": 5000`, `"Rate_BP": 5000`, "chữ hoa/thường"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(s, c.from) {
				t.Fatalf("pack lacks %s", c.from)
			}
			_, err := ParsePack([]byte(strings.Replace(s, c.from, c.to, 1)))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

// TestRefusalsNameTheEntry: a refused cap says which cap (its kind and cost type) and a refused
// value decoded by its own type (a negative amount) says where it is.
func TestRefusalsNameTheEntry(t *testing.T) {
	p := localPack(t)
	sr := p.Programmes[Equipment].Scopes["machinery"]
	sr.Caps = append(sr.Caps, Cap{Per: CapPerCostType, CostType: "machinery", Amount: 0, Citation: "x"})
	err := ValidatePack(p)
	if err == nil || !strings.Contains(err.Error(), `equipment/machinery/caps[1] (mức trần loại chi phí "machinery"): mức trần phải lớn hơn 0`) {
		t.Errorf("cost-type cap: %v", err)
	}
	data, _ := MarshalPack(localPack(t))
	bad := strings.Replace(string(data), `"amount": 300000000`, `"amount": -300000000`, 1)
	_, err = ParsePack([]byte(bad))
	if err == nil || !strings.Contains(err.Error(), "programmes.equipment.scopes.machinery.caps[0].amount") {
		t.Errorf("negative amount: %v", err)
	}
}

// TestImportedPackCannotReplaceShipped: a pack calling itself national@2099.1 (or any national
// pack, or a local pack without a province) is refused at import and not loaded from the rules
// folder, unless imported with --override; then every check, budget and draft says so.
func TestImportedPackCannotReplaceShipped(t *testing.T) {
	fake := nationalPack(t)
	fake.Version = "2099.1"
	fake.EffectiveFrom = Date{2020, 1, 1}
	fake.Programmes[Equipment].Scopes["machinery"].CostTypes["machinery"].RateBP = 10000
	for name, p := range map[string]*RulePack{
		"shipped id":         fake,
		"national fund":      func() *RulePack { q := fake.Clone(); q.ID = "quoc-gia-moi"; return q }(),
		"local, no province": func() *RulePack { q := localPack(t); q.ID, q.Province = "dia-phuong", ""; return q }(),
	} {
		if err := CheckImport(p.Clone(), false); err == nil || !strings.Contains(err.Error(), "--override") {
			t.Errorf("%s: import without --override: %v", name, err)
		}
	}
	if err := CheckImport(localPack(t), false); err != nil {
		t.Errorf("a province's own pack refused: %v", err)
	}

	app := Sample(Equipment)
	app.Fund = Fund{Kind: FundNational}
	dir := t.TempDir()
	data, _ := MarshalPack(fake)
	os.WriteFile(filepath.Join(dir, "national@2099.1.json"), data, 0o644)
	packs, errs := LoadPacks(dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "national@2099.1.json") {
		t.Errorf("loading a pack dropped in without --override: %v", errs)
	}
	if p, _ := PackFor(app, packs); p.Key() != nationalPack(t).Key() {
		t.Errorf("the dropped-in pack replaced the shipped rates: %s, want %s", p.Key(), nationalPack(t).Key())
	}

	over := fake.Clone()
	if err := CheckImport(over, true); err != nil || !over.Override {
		t.Fatalf("--override: %v, override %v", err, over.Override)
	}
	data, _ = MarshalPack(over)
	os.WriteFile(filepath.Join(dir, "national@2099.1.json"), data, 0o644)
	packs, errs = LoadPacks(dir)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	rep := Check(app, packs)
	if rep.Pack.Key() != "national@2099.1" {
		t.Fatalf("override pack not chosen: %s", rep.Pack.Key())
	}
	warned := false
	for _, p := range rep.Problems {
		warned = warned || (p.Severity == SeverityWarning && p.Path == "rule_pack" && strings.Contains(p.Message, "--override"))
	}
	if !warned {
		t.Errorf("check does not warn about the override: %+v", rep.Problems)
	}
	noted := false
	for _, n := range rep.Budget.Notes {
		noted = noted || (n.Kind == "override" && strings.Contains(n.Message, "national@2099.1"))
	}
	if !noted {
		t.Errorf("budget does not note the override: %+v", rep.Budget.Notes)
	}
	// A shipped pack's computation says nothing of the kind.
	for _, n := range Check(app, DefaultPacks()).Budget.Notes {
		if n.Kind == "override" {
			t.Error("shipped pack noted as override")
		}
	}
}

// FuzzParsePack: no input makes ParsePack panic, and a pack it accepts is written and read back
// to the same pack.
func FuzzParsePack(f *testing.F) {
	for _, p := range DefaultPacks() {
		data, _ := MarshalPack(p)
		f.Add(data)
	}
	f.Add([]byte(`{"id": "local-79", "id": "x"}`))
	f.Add([]byte(`{"id": "a\ud800"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePack(data)
		if err != nil {
			return
		}
		out, err := MarshalPack(p)
		if err != nil {
			t.Fatalf("accepted pack cannot be written: %v", err)
		}
		back, err := ParsePack(out)
		if err != nil {
			t.Fatalf("written pack cannot be read back: %v", err)
		}
		again, _ := MarshalPack(back)
		if string(again) != string(out) {
			t.Fatal("round trip changed the pack")
		}
	})
}
