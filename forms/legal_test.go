package forms

import (
	"strings"
	"testing"
)

// The corrections of the rule packs against the legal texts (domain.md §9). Each test fails on the
// value the packs held before (national@2018.1, local@2025.1).

func TestPacksMovedOnFromTheUncorrectedVersions(t *testing.T) {
	for _, p := range DefaultPacks() {
		if p.Key() == "national@2018.1" || p.Key() == "local@2025.1" {
			t.Errorf("%s still carries the uncorrected version", p.Key())
		}
	}
}

func TestFairAbroadDoesNotSupportAirfare(t *testing.T) {
	for _, p := range DefaultPacks() {
		ab := p.Programmes[TradeFair].Scopes["abroad"]
		tr := ab.CostTypes["travel"]
		if tr == nil || tr.Eligible || tr.RateBP != 0 {
			t.Errorf("%s: travel of a fair abroad is supported: %+v", p.Key(), tr)
		}
		if !strings.Contains(tr.Citation, "khoản 6 Điều 8 Thông tư 28/2018/TT-BTC") || !strings.Contains(tr.Citation, "khảo sát") {
			t.Errorf("%s: travel citation %q", p.Key(), tr.Citation)
		}
		for _, ct := range []string{"booth-rent", "booth-build", "publicity"} {
			c := ab.CostTypes[ct]
			if !c.Eligible || c.RateBP != 10000 || !strings.HasPrefix(c.Citation, "khoản 6 Điều 8 Thông tư 28/2018/TT-BTC") {
				t.Errorf("%s: abroad %s = %+v, want 100%% under k6 Đ8 TT 28/2018", p.Key(), ct, c)
			}
			if strings.Contains(c.Citation, "26/2014") {
				t.Errorf("%s: abroad %s still cites the expired TTLT 26/2014", p.Key(), ct)
			}
		}
	}
	app := budgetApp(TradeFair, "abroad", line("booth-rent", QuantityOf(1), 60_000_000), line("travel", QuantityOf(3), 21_500_000))
	b, err := ComputeBudget(app, nationalPack(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Support != 60_000_000 {
		t.Errorf("support %s, want 60.000.000 (the booth only)", b.Support)
	}
}

func TestCleanerProductionPilotModelIs30PercentOfTheWholeCostCapped500Million(t *testing.T) {
	for _, p := range DefaultPacks() {
		sr := p.Programmes[CleanerProduction].Scopes["pilot-model"]
		for _, ct := range []string{"consultancy", "equipment"} {
			c := sr.CostTypes[ct]
			if !c.Eligible || c.RateBP != 3000 {
				t.Errorf("%s: pilot model %s rate %d, want 3000", p.Key(), ct, c.RateBP)
			}
			if strings.Contains(c.Citation, "221/2012") || !strings.Contains(c.Citation, "28/2018/TT-BTC") {
				t.Errorf("%s: pilot model %s citation %q, want TT 28/2018", p.Key(), ct, c.Citation)
			}
		}
		if len(sr.Caps) != 1 || sr.Caps[0].Per != CapPerProject || sr.Caps[0].Amount != 500_000_000 || !strings.Contains(sr.Caps[0].Citation, "28/2018/TT-BTC") {
			t.Errorf("%s: pilot model caps %+v", p.Key(), sr.Caps)
		}
	}
	app := budgetApp(CleanerProduction, "pilot-model", line("consultancy", QuantityOf(1), 100_000_000), line("equipment", QuantityOf(1), 900_000_000))
	b, err := ComputeBudget(app, nationalPack(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Support != 300_000_000 {
		t.Errorf("support %s, want 300.000.000 (30%% of 1.000.000.000)", b.Support)
	}
	app = budgetApp(CleanerProduction, "pilot-model", line("equipment", QuantityOf(1), 2_000_000_000))
	if b, _ = ComputeBudget(app, nationalPack(t)); b.Support != 500_000_000 {
		t.Errorf("support %s, want the 500.000.000 cap", b.Support)
	}
}

func TestOrganisedFairBoothConstructionIsFlagged(t *testing.T) {
	for _, p := range DefaultPacks() {
		c := p.Programmes[TradeFair].Scopes["domestic-organised"].CostTypes["booth-build"]
		if !c.Unverified || !strings.Contains(c.Citation, "chưa đối chiếu") || !strings.Contains(c.Citation, "điểm d khoản 2 Điều 6") {
			t.Errorf("%s: booth construction of an organised fair: %+v", p.Key(), c)
		}
	}
}

func TestEfficientEstablishmentDemonstrationModel(t *testing.T) {
	if !hasChoice(Definition(Equipment).Scopes, "efficient-model") {
		t.Fatal("the equipment programme lacks the efficient-establishment model")
	}
	for _, p := range DefaultPacks() {
		sr := p.Programmes[Equipment].Scopes["efficient-model"]
		if sr == nil {
			t.Fatalf("%s: no efficient-model scope", p.Key())
		}
		if sr.CostTypes["machinery"].RateBP != 3000 || len(sr.Caps) != 1 || sr.Caps[0].Amount != 100_000_000 {
			t.Errorf("%s: efficient model %+v", p.Key(), sr)
		}
	}
	app := budgetApp(Equipment, "efficient-model", line("machinery", QuantityOf(1), 500_000_000))
	b, err := ComputeBudget(app, nationalPack(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Support != 100_000_000 {
		t.Errorf("support %s, want the 100.000.000 cap", b.Support)
	}
}

func TestCriterionCitations(t *testing.T) {
	for _, p := range DefaultPacks() {
		for _, c := range p.Programmes[Equipment].Criteria {
			if c.ID == "new-equipment" {
				if !strings.HasPrefix(c.Citation, "điểm b khoản 4 Điều 4 Thông tư 46/2012/TT-BCT") || strings.Contains(c.Citation, "nay là") {
					t.Errorf("%s: new-equipment cites %q", p.Key(), c.Citation)
				}
				if !strings.Contains(c.Citation, "sửa đổi, bổ sung bởi Thông tư 20/2017/TT-BCT") {
					t.Errorf("%s: TT 20/2017 amends TT 46/2012: %q", p.Key(), c.Citation)
				}
			}
		}
		if !strings.Contains(p.Citation, "64/2024/TT-BTC") || !strings.Contains(p.Citation, "28/3/2018") {
			t.Errorf("%s: pack citation %q lacks TT 28/2018's date or its amendment TT 64/2024", p.Key(), p.Citation)
		}
	}
	n := nationalPack(t)
	for _, c := range n.Programmes[TradeFair].Criteria {
		if c.ID == "sme" && !strings.Contains(c.Citation, "Điều 3 Thông tư 46/2012/TT-BCT") {
			t.Errorf("sme criterion cites %q", c.Citation)
		}
	}
}

func TestCooperativesAndHouseholdsPassTheSizeTest(t *testing.T) {
	pack := nationalPack(t)
	for _, k := range []EnterpriseKind{KindCooperative, KindCoopGroup, KindHousehold} {
		app := Sample(Equipment)
		app.Enterprise.Kind = k
		// a large cooperative: above the medium thresholds of ND 80/2021
		app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 450, 600*billion, 300*billion
		class, why := app.Enterprise.Size()
		if class.IsSME() || strings.Contains(class.Label(), "Doanh nghiệp") || strings.Contains(why, "Doanh nghiệp siêu nhỏ") {
			t.Errorf("%s: size %s (%s): %s", k, class, class.Label(), why)
		}
		for _, r := range Evaluate(app, pack) {
			if r.ID == "sme" && r.Status != CriterionMet {
				t.Errorf("%s: sme criterion %s: %s", k, r.Status, r.Reason)
			}
		}
		app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 0, 0, 0
		for _, p := range Validate(app) {
			if strings.HasPrefix(p.Path, "enterprise.insured_employees") || p.Path == "enterprise.revenue" || p.Path == "enterprise.capital" {
				t.Errorf("%s: %s", k, p.Message)
			}
		}
	}
	app := Sample(Equipment)
	app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 450, 600*billion, 300*billion
	for _, r := range Evaluate(app, pack) {
		if r.ID == "sme" && r.Status != CriterionFailed {
			t.Errorf("a large enterprise passes the sme criterion: %s", r.Reason)
		}
	}
	app.Enterprise.InsuredEmployees = 0
	app.Enterprise.Revenue = 0
	found := false
	for _, p := range Validate(app) {
		found = found || p.Path == "enterprise.insured_employees"
	}
	if !found {
		t.Error("an enterprise without insured employees is not asked for them")
	}
}

func TestGenderAgainstTheCitizenNumber(t *testing.T) {
	app := Sample(Equipment) // Nguyễn Thị Ngọc Hường, 077185001234: 4th digit 1, a woman
	app.Enterprise.Representative.Gender = GenderMale
	warned := false
	for _, p := range Validate(app) {
		warned = warned || p.Path == "enterprise.representative.gender"
	}
	if !warned {
		t.Error("a man's honorific on a woman's citizen number is not warned")
	}
	app.Enterprise.Representative.Gender = GenderFemale
	for _, p := range Validate(app) {
		if p.Path == "enterprise.representative.gender" {
			t.Errorf("warned: %s", p.Message)
		}
	}
}
