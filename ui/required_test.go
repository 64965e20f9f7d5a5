package ui

import (
	"strings"
	"testing"

	"khuyencong/forms"
)

// questionShown is the label the form shows for a question.
func questionShown(t *testing.T, ff *fieldForm, path string) string {
	t.Helper()
	for _, r := range ff.rows {
		if r.field.Path == path && r.label != nil {
			return r.label.Text
		}
	}
	t.Fatalf("no question %s on the screen", path)
	return ""
}

// The size figures (and the sector, which only sets the size class) are starred only where they are required: for an enterprise, not for a
// household business or a cooperative. The star follows the legal form as it is changed, in the
// client profile and in the wizard.
func TestRequiredStarFollowsTheLegalForm(t *testing.T) {
	ta := newTestApp(t)
	c := ta.seedClient(t, forms.Equipment) // an enterprise
	ta.showProfile(c)
	p := ta.profile
	sizePaths := []string{"enterprise.insured_employees", "enterprise.revenue", "enterprise.capital", "enterprise.sector"}
	check := func(ff *fieldForm, kind string, starred bool) {
		t.Helper()
		for _, path := range sizePaths {
			if got := strings.HasSuffix(questionShown(t, ff, path), " *"); got != starred {
				t.Errorf("%s: %s shows %q; starred %v, want %v", kind, path, questionShown(t, ff, path), got, starred)
			}
		}
		if !strings.HasSuffix(questionShown(t, ff, "enterprise.name"), " *") {
			t.Errorf("%s: the name lost its star", kind)
		}
	}
	check(p.form, "doanh nghiệp", true)
	kind := selectAt(t, p.form.inputs, "enterprise.kind")
	kind.SetSelected(forms.KindHousehold.Label())
	check(p.form, "hộ kinh doanh", false)
	kind.SetSelected(forms.KindCooperative.Label())
	check(p.form, "hợp tác xã", false)
	kind.SetSelected(forms.KindEnterprise.Label())
	check(p.form, "doanh nghiệp again", true)

	// a household's dossier, on the wizard's applicant step
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Kind = forms.KindHousehold
	app.ClientID = c.ID
	if err := ta.store.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	ta.openDossier(app.ID)
	w := ta.wizard
	w.showStep(stepIndex(t, w, "enterprise"))
	check(w.form, "hộ kinh doanh (wizard)", false)
}
