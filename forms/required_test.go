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
