package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// TestReviewShowsOverridingPack: with a pack imported by `hoso rules import --override` in the
// rules folder, the review of a dossier that uses it lists the warning that the budget follows a
// pack standing in for a shipped one.
func TestReviewShowsOverridingPack(t *testing.T) {
	ta := newTestApp(t)
	var national *forms.RulePack
	for _, p := range forms.DefaultPacks() {
		if p.ID == "national" {
			national = p
		}
	}
	national.Version, national.EffectiveFrom = "2099.1", forms.DateOf(national.EffectiveFrom.Time().AddDate(1, 0, 0))
	if err := forms.CheckImport(national, true); err != nil {
		t.Fatal(err)
	}
	data, _ := forms.MarshalPack(national)
	if err := os.WriteFile(filepath.Join(ta.deps.RulesDir, "national@2099.1.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	ta.reloadPacks()
	w := openNewDossier(t, ta, forms.Equipment)
	w.app.Fund = forms.Fund{Kind: forms.FundNational}
	w.app.Letter.Date = forms.DateOf(national.EffectiveFrom.Time().AddDate(1, 0, 0))
	w.changed("fund")
	w.showStep(len(w.steps))
	if key := w.review.report.Pack.Key(); key != "national@2099.1" {
		t.Fatalf("review uses %s", key)
	}
	found := false
	for _, p := range w.review.problems {
		found = found || (p.Severity == forms.SeverityWarning && strings.Contains(p.Message, "--override"))
	}
	if !found {
		t.Fatal("the review does not list the override warning")
	}
	shown := false
	walkLabels(w.review.problemsCard(), func(l *widget.Label) {
		shown = shown || strings.Contains(l.Text, "national@2099.1") && strings.Contains(l.Text, "--override")
	})
	if !shown {
		t.Error("no label of the review's problems says the pack overrides a shipped one")
	}
}

// walkLabels calls f for every label inside o (containers and cards).
func walkLabels(o fyne.CanvasObject, f func(*widget.Label)) {
	switch v := o.(type) {
	case *widget.Label:
		f(v)
	case *widget.Card:
		if v.Content != nil {
			walkLabels(v.Content, f)
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			walkLabels(c, f)
		}
	}
}
