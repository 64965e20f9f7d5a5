package forms

import (
	"fmt"
	"strings"
	"testing"
)

// planTestPack is a local pack with rates and caps fixed by the test, so that every figure below is
// computed by hand, not by the code under test.
func planTestPack(t *testing.T) *RulePack {
	t.Helper()
	var base *RulePack
	for _, p := range DefaultPacks() {
		if p.Fund == FundLocal && p.Province == "" {
			base = p
		}
	}
	if base == nil {
		t.Fatal("no default local pack")
	}
	base.ID, base.Version = "local-plan-test", "1"
	set := func(prog Programme, scope, costType string, rate int64, caps ...Cap) {
		sr := base.Programmes[prog].Scopes[scope]
		if sr == nil {
			t.Fatalf("pack has no %s/%s", prog, scope)
		}
		for k := range sr.CostTypes {
			sr.CostTypes[k] = &CostRule{Eligible: false, Citation: "test"}
		}
		sr.CostTypes[costType] = &CostRule{Eligible: true, RateBP: rate, Citation: "test"}
		sr.Caps = caps
	}
	set(Equipment, "machinery", "machinery", 5000, Cap{Per: CapPerEstablishment, Amount: 300_000_000, Citation: "test"})
	set(TradeFair, "domestic", "booth-rent", 8000)
	set(CleanerProduction, "assessment", "consultancy", 5000, Cap{Per: CapPerEstablishment, Amount: 50_000_000, Citation: "test"})
	return base
}

type planCase struct {
	prog                        Programme
	qty                         int64 // whole units
	price                       Money
	extra                       *BudgetLine // an ineligible line, if any
	total, support, counterpart Money       // by hand
}

func planApp(t *testing.T, c planCase, tax string, pack *RulePack) *Application {
	t.Helper()
	app := Sample(c.prog)
	app.RulePack = pack.ID
	app.Enterprise.TaxCode = tax
	scope := map[Programme]string{Equipment: "machinery", TradeFair: "domestic", CleanerProduction: "assessment"}[c.prog]
	app.Project.Scope = scope
	ct := map[Programme]string{Equipment: "machinery", TradeFair: "booth-rent", CleanerProduction: "consultancy"}[c.prog]
	app.Budget.Lines = []BudgetLine{{CostType: ct, Description: "Dòng kiểm thử", Unit: "cái", Quantity: Quantity(c.qty * 100), UnitPrice: c.price}}
	if c.extra != nil {
		app.Budget.Lines = append(app.Budget.Lines, *c.extra)
	}
	app.Fund = Fund{Kind: FundLocal, Province: "79"}
	if app.Enterprise.Address.Province != "79" {
		app.Enterprise.Address = Address{Street: "Số 8 đường Lê Lợi", Commune: "Phường Bà Rịa", Province: "79"}
		app.Letter.Recipient = "Sở Công Thương Thành phố Hồ Chí Minh"
	}
	return app
}

func TestBuildPlanElevenDossiers(t *testing.T) {
	pack := planTestPack(t)
	packs := append(DefaultPacks(), pack)
	install := &BudgetLine{CostType: "installation", Description: "Lắp đặt", Unit: "gói", Quantity: 100, UnitPrice: 5_000_000}
	cases := []planCase{
		{Equipment, 1, 200_000_001, nil, 200_000_001, 100_000_000, 100_000_001},        // ⌊100.000.000,5⌋
		{Equipment, 2, 350_000_000, nil, 700_000_000, 300_000_000, 400_000_000},        // cap 300 M bites
		{Equipment, 3, 33_333_333, nil, 99_999_999, 49_999_999, 50_000_000},            // ⌊49.999.999,5⌋
		{Equipment, 1, 10_000_000, install, 15_000_000, 5_000_000, 10_000_000},         // installation not supported
		{TradeFair, 2, 12_345_678, nil, 24_691_356, 19_753_084, 4_938_272},             // 80 %: ⌊19.753.084,8⌋
		{TradeFair, 1, 15_000_000, nil, 15_000_000, 12_000_000, 3_000_000},             //
		{TradeFair, 1, 9_999_999, nil, 9_999_999, 7_999_999, 2_000_000},                // ⌊7.999.999,2⌋
		{CleanerProduction, 1, 80_000_001, nil, 80_000_001, 40_000_000, 40_000_001},    // ⌊40.000.000,5⌋
		{CleanerProduction, 1, 150_000_000, nil, 150_000_000, 50_000_000, 100_000_000}, // cap 50 M bites
		{CleanerProduction, 1, 30_000_000, nil, 30_000_000, 15_000_000, 15_000_000},    //
		{Equipment, 1, 60_000_000, nil, 60_000_000, 30_000_000, 30_000_000},            // same applicant as the first
	}
	var inputs []PlanInput
	want := map[string]PlanTotals{}
	var grand PlanTotals
	group := map[Programme]string{Equipment: "1", TradeFair: "2", CleanerProduction: "3"}
	for i, c := range cases {
		tax := SampleTaxCode(i * 3)
		if i == 10 {
			tax = inputs[0].App.Enterprise.TaxCode
		}
		app := planApp(t, c, tax, pack)
		// The dossier's own budget agrees with the hand figures: the plan sums what each dossier says.
		b, err := ComputeBudget(app, pack)
		if err != nil {
			t.Fatal(err)
		}
		if b.Total != c.total || b.Support != c.support || b.Counterpart != c.counterpart {
			t.Fatalf("case %d: budget %s/%s/%s, by hand %s/%s/%s", i, b.Total, b.Support, b.Counterpart, c.total, c.support, c.counterpart)
		}
		inputs = append(inputs, PlanInput{Source: fmt.Sprintf("hs-%02d", i+1), App: app})
		g := want[group[c.prog]]
		g.Total += c.total
		g.Support += c.support
		g.Counterpart += c.counterpart
		want[group[c.prog]] = g
		grand.Total += c.total
		grand.Support += c.support
		grand.Counterpart += c.counterpart
	}
	// Not in the plan: another year, another province, and one with a blocking problem.
	other := planApp(t, cases[0], SampleTaxCode(500), pack)
	other.Year = 2026
	elsewhere := planApp(t, cases[0], SampleTaxCode(510), pack)
	elsewhere.Fund.Province = "01"
	blocked := planApp(t, cases[5], SampleTaxCode(520), pack)
	blocked.Commitments.Counterpart = false
	inputs = append(inputs, PlanInput{"khac-nam", other}, PlanInput{"khac-tinh", elsewhere}, PlanInput{"loi", blocked})

	plan, err := BuildPlan(inputs, PlanOptions{Year: 2027, Province: "79", Fund: FundLocal, Packs: packs, Ceiling: 500_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Dossiers != 11 || len(plan.Items) != 11 {
		t.Fatalf("plan has %d dossiers (%d items), want 11", plan.Dossiers, len(plan.Items))
	}
	if plan.PlanTotals != grand {
		t.Errorf("grand totals %+v, want %+v", plan.PlanTotals, grand)
	}
	// Figures written out once more by hand, as a second check on the sums above.
	if grand.Total != 1_384_691_356 || grand.Support != 629_753_082 || grand.Counterpart != 754_938_274 {
		t.Errorf("hand sums drifted: %+v", grand)
	}
	if len(plan.Groups) != 5 {
		t.Fatalf("%d groups, want the 5 of the pack", len(plan.Groups))
	}
	for _, g := range plan.Groups {
		if g.PlanTotals != want[g.Group] {
			t.Errorf("group %s: %+v, want %+v", g.Group, g.PlanTotals, want[g.Group])
		}
		var sum PlanTotals
		n := 0
		for _, it := range plan.Items {
			if it.Group == g.Group {
				sum.add(it)
				n++
			}
		}
		if sum != g.PlanTotals || n != g.Dossiers {
			t.Errorf("group %s totals are not the sum of its items", g.Group)
		}
	}
	if len(plan.Excluded) != 1 || plan.Excluded[0].ID != "loi" || !strings.Contains(strings.Join(plan.Excluded[0].Reasons, " "), "đối ứng") {
		t.Errorf("excluded = %+v, want the dossier without its counterpart commitment", plan.Excluded)
	}
	if len(plan.Duplicates) != 1 || len(plan.Duplicates[0].Items) != 2 || plan.Duplicates[0].Group != "1" {
		t.Errorf("duplicates = %+v, want hs-01 and hs-11 in group 1", plan.Duplicates)
	}
	if plan.OverBy != grand.Support-500_000_000 {
		t.Errorf("over the ceiling by %s, want %s", plan.OverBy, grand.Support-500_000_000)
	}
	under, _ := BuildPlan(inputs, PlanOptions{Year: 2027, Province: "79", Fund: FundLocal, Packs: packs, Ceiling: grand.Support})
	if under.OverBy != 0 {
		t.Errorf("a plan exactly at its ceiling is %s over", under.OverBy)
	}
}

func TestPriorityLevels(t *testing.T) {
	pp, err := PriorityPackFor(2027, DefaultPriorityPacks())
	if err != nil {
		t.Fatal(err)
	}
	if pp.Year != 2023 || !strings.Contains(pp.Citation, "2023") {
		t.Fatalf("priority pack for 2027 = %s (%d), want the 2023 guidance", pp.Key(), pp.Year)
	}
	levels := map[string]string{}
	for _, p := range Programmes() {
		r := EvaluatePriority(Sample(p), pp)
		levels[string(p)] = r.Level
		for _, m := range r.Missing {
			if m.Hint == "" {
				t.Errorf("%s: priority %s not met and no hint says what would raise it", p, m.ID)
			}
		}
	}
	// The samples as they are: the cleaner-production sample attaches its assessment report.
	if levels["cleaner-production"] == "none" {
		t.Errorf("cleaner-production sample with an assessment report is not a priority: %v", levels)
	}

	eq := Sample(Equipment)
	if r := EvaluatePriority(eq, pp); r.Level != "none" || len(r.Met) != 0 {
		t.Fatalf("plain equipment sample: %+v", r)
	}
	eq.Project.Machines[0].SelfMade = true
	if r := EvaluatePriority(eq, pp); len(r.Met) != 0 {
		t.Errorf("a self-made machine without recognition counts as a priority")
	}
	eq.Project.Machines[0].Recognition = "Quyết định số 12/QĐ-SCT ngày 05/6/2026 của Sở Công Thương"
	if r := EvaluatePriority(eq, pp); r.Level != "priority" || len(r.Met) != 1 || r.Met[0].ID != "self-made-machine" {
		t.Errorf("recognised self-made machine: %+v", r)
	}
	eq.Attachments = append(eq.Attachments, Attachment{ID: "cp-assessment", Paper: true})
	if r := EvaluatePriority(eq, pp); r.Level != "high" || len(r.Met) != 2 {
		t.Errorf("two priorities met: %+v", r)
	}

	tf := Sample(TradeFair)
	tf.Project.Selection = ProductSelection{Enter: true, Level: "tinh"}
	if r := EvaluatePriority(tf, pp); r.Level != "none" {
		t.Errorf("provincial selection counted as a regional/national priority: %+v", r)
	}
	tf.Project.Selection.Level = "quoc-gia"
	if r := EvaluatePriority(tf, pp); r.Level != "priority" {
		t.Errorf("national selection: %+v", r)
	}
	cp := Sample(CleanerProduction)
	cp.Project.Scope = "pilot-model"
	if r := EvaluatePriority(cp, pp); !hasMet(r, "cp-pilot-model") {
		t.Errorf("pilot model: %+v", r)
	}
}

func hasMet(r PriorityResult, id string) bool {
	for _, m := range r.Met {
		if m.ID == id {
			return true
		}
	}
	return false
}

func TestPlanPacksRefused(t *testing.T) {
	for name, js := range map[string]string{
		"unknown criterion":      `{"id":"p","version":"1","title":"t","year":2027,"citation":"c","criteria":[{"id":"fast-lane","label":"x","programmes":["equipment"]}],"levels":[{"min":0,"level":"none","label":"Không"}]}`,
		"levels not ending at 0": `{"id":"p","version":"1","title":"t","year":2027,"citation":"c","criteria":[{"id":"cp-pilot-model","label":"x","programmes":["cleaner-production"]}],"levels":[{"min":1,"level":"p","label":"Ưu tiên"}]}`,
		"unknown key":            `{"id":"p","version":"1","title":"t","year":2027,"citation":"c","criterias":[]}`,
		"id with a slash":        `{"id":"../p","version":"1","title":"t","year":2027,"citation":"c","criteria":[{"id":"cp-pilot-model","label":"x","programmes":["cleaner-production"]}],"levels":[{"min":0,"level":"none","label":"Không"}]}`,
	} {
		if _, err := ParsePriorityPack([]byte(js)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for name, js := range map[string]string{
		"programme in two groups": `{"id":"g","version":"1","title":"t","effective_from":"2027-01-01","citation":"c","groups":[{"id":"1","label":"a","programmes":["equipment"]},{"id":"2","label":"b","programmes":["equipment"]}]}`,
		"unknown province":        `{"id":"g","version":"1","title":"t","province":"77","effective_from":"2027-01-01","citation":"c","groups":[{"id":"1","label":"a","programmes":["equipment"]}]}`,
		"no citation":             `{"id":"g","version":"1","title":"t","effective_from":"2027-01-01","citation":"","groups":[{"id":"1","label":"a","programmes":["equipment"]}]}`,
	} {
		if _, err := ParseGroupPack([]byte(js)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestGroupPackForProvince(t *testing.T) {
	own, err := ParseGroupPack([]byte(`{"id":"groups-79","version":"2027.1","title":"Kế hoạch TP.HCM","province":"79","effective_from":"2027-01-01","citation":"QĐ …","groups":[{"id":"1","label":"Máy móc","programmes":["equipment","cleaner-production","trade-fair"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	packs := append(DefaultGroupPacks(), own)
	for _, c := range []struct {
		province string
		year     int
		want     string
	}{{"79", 2027, "groups-79"}, {"79", 2026, "groups-default"}, {"01", 2027, "groups-default"}} {
		p, err := GroupPackFor(c.province, c.year, packs)
		if err != nil || p.ID != c.want {
			t.Errorf("GroupPackFor(%s, %d) = %v, %v; want %s", c.province, c.year, p, err, c.want)
		}
	}
}

func TestSamplePortfolioIsValid(t *testing.T) {
	apps := SamplePortfolio(30)
	seen := map[string]bool{}
	for i, app := range apps {
		if err := ValidateTaxCode(app.Enterprise.TaxCode); err != nil || seen[app.Enterprise.TaxCode] {
			t.Fatalf("dossier %d: tax code %s: %v (seen before: %v)", i, app.Enterprise.TaxCode, err, seen[app.Enterprise.TaxCode])
		}
		seen[app.Enterprise.TaxCode] = true
		if rep := Check(app, DefaultPacks()); rep.Blocking() {
			for _, p := range rep.Problems {
				if p.Severity == SeverityError {
					t.Errorf("dossier %d (%s): %s %s", i, app.Programme, p.Path, p.Message)
				}
			}
		}
	}
	plan, err := BuildPlan(portfolioInputs(apps), PlanOptions{Year: 2027, Province: "79", Fund: FundLocal})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Dossiers != 30 || len(plan.Excluded) != 0 || len(plan.Duplicates) != 0 {
		t.Fatalf("portfolio plan: %d dossiers, excluded %v, duplicates %v", plan.Dossiers, plan.Excluded, plan.Duplicates)
	}
	levels := map[string]int{}
	for _, it := range plan.Items {
		levels[it.Priority.Level]++
	}
	if levels["priority"] == 0 || levels["none"] == 0 {
		t.Errorf("portfolio has no variety of priority levels: %v", levels)
	}
}

func portfolioInputs(apps []*Application) []PlanInput {
	in := make([]PlanInput, len(apps))
	for i, a := range apps {
		in[i] = PlanInput{Source: fmt.Sprintf("hs-%03d", i+1), App: a}
	}
	return in
}

func BenchmarkBuildPlan1000(b *testing.B) {
	in := portfolioInputs(SamplePortfolio(1000))
	packs := DefaultPacks()
	b.ResetTimer()
	for b.Loop() {
		if _, err := BuildPlan(in, PlanOptions{Year: 2027, Province: "79", Packs: packs}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPlanPacksInEnglish: the shipped packs carry every label and hint in English too, and every
// priority met gives its reason in English (the app shows them when its interface is English).
func TestPlanPacksInEnglish(t *testing.T) {
	for _, p := range DefaultPriorityPacks() {
		for _, c := range p.Criteria {
			if c.LabelEN == "" || c.HintEN == "" {
				t.Errorf("%s: criterion %s has no English label or hint", p.Key(), c.ID)
			}
		}
		for _, l := range p.Levels {
			if l.LabelEN == "" {
				t.Errorf("%s: level %s has no English label", p.Key(), l.Level)
			}
		}
	}
	for _, g := range DefaultGroupPacks() {
		for _, gr := range g.Groups {
			if gr.LabelEN == "" {
				t.Errorf("%s: group %s has no English label", g.Key(), gr.ID)
			}
		}
	}
	pp, _ := PriorityPackFor(2027, DefaultPriorityPacks())
	app := Sample(Equipment)
	app.Project.Machines[0].SelfMade = true
	app.Project.Machines[0].Recognition = "QĐ 12/QĐ-SCT"
	app.Project.PollutionTreatment = true
	app.Attachments = append(app.Attachments, Attachment{ID: "cp-assessment", Paper: true})
	cp := Sample(CleanerProduction)
	cp.Project.Scope = "pilot-model"
	tf := Sample(TradeFair)
	tf.Project.Selection = ProductSelection{Enter: true, Level: "khu-vuc"}
	for _, a := range []*Application{app, cp, tf} {
		r := EvaluatePriority(a, pp)
		if r.LabelEN == "" || len(r.Met) == 0 {
			t.Fatalf("%s: %+v", a.Programme, r)
		}
		for _, m := range r.Met {
			reason := m.ReasonEN // the machine's name and its recognition are the user's own words
			for _, mc := range a.Project.Machines {
				reason = strings.ReplaceAll(strings.ReplaceAll(reason, mc.Name, ""), mc.Recognition, "")
			}
			if m.ReasonEN == "" || strings.ContainsAny(reason, "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ") {
				t.Errorf("%s: priority %s reason in English: %q", a.Programme, m.ID, m.ReasonEN)
			}
		}
	}
}
