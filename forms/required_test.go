package forms

import "testing"

// The size figures and the sector (used only for the ND 80/2021 size class) are required from an
// enterprise, not from a cooperative, a cooperative group or a household business: neither
// validation nor completeness asks them.
func TestSizeFieldsRequiredOnlyForEnterprises(t *testing.T) {
	size := map[string]bool{"enterprise.insured_employees": true, "enterprise.revenue": true, "enterprise.capital": true, "enterprise.sector": true}
	for _, k := range EnterpriseKinds() {
		app := Sample(TradeFair)
		app.Enterprise.Kind = k
		app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital, app.Enterprise.Sector = 0, 0, 0, ""
		asked := map[string]bool{}
		for _, m := range CheckCompleteness(app).Missing {
			asked[m.Path] = asked[m.Path] || size[m.Path]
		}
		for _, p := range Validate(app) {
			asked[p.Path] = asked[p.Path] || size[p.Path]
		}
		for path := range size {
			if want := k == KindEnterprise; asked[path] != want {
				t.Errorf("%s: %s asked %v, want %v", k, path, asked[path], want)
			}
		}
		for _, f := range EnterpriseFields() {
			if size[f.Path] && f.RequiredFor(app) != (k == KindEnterprise) {
				t.Errorf("%s: %s RequiredFor = %v", k, f.Path, f.RequiredFor(app))
			}
		}
	}
}

// The plan names the unit that carries out each project: the establishment, or the unit named.
func TestPlanNamesTheImplementingUnit(t *testing.T) {
	const centre = "Trung tâm Khuyến công Thành phố Hồ Chí Minh"
	apps := SamplePortfolio(3)
	apps[1].Project.ImplementingUnit = centre
	in := portfolioInputs(apps)
	want := map[string]string{in[0].Source: Clean(apps[0].Enterprise.Name), in[1].Source: centre, in[2].Source: Clean(apps[2].Enterprise.Name)}
	plan, err := BuildPlan(in, PlanOptions{Year: 2027, Province: "79", Fund: FundLocal})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Items) != 3 {
		t.Fatalf("%d items in the plan, want 3", len(plan.Items))
	}
	for _, it := range plan.Items {
		if it.ImplementingUnit != want[it.ID] {
			t.Errorf("%s: implementing unit %q, want %q", it.ID, it.ImplementingUnit, want[it.ID])
		}
	}
}
