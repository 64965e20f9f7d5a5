package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// The main screens rendered as markup, compared with the goldens in testdata/. A change writes
// testdata/failed/NAME: look at it, and move it into testdata/ when the change is intended.
func TestScreenGoldens(t *testing.T) {
	ta := newTestApp(t)
	c := ta.seedClient(t, forms.Equipment)
	sample := forms.Sample(forms.Equipment)
	sample.ClientID = c.ID
	if err := ta.store.SaveApplication(sample); err != nil {
		t.Fatal(err)
	}
	ta.home.reload()
	ta.home.clientList.Select(0)
	ta.home.dossierList.Select(0)
	test.AssertRendersToMarkup(t, "home.xml", ta.w.Canvas())

	ta.showProfile(c)
	test.AssertRendersToMarkup(t, "profile.xml", ta.w.Canvas())

	ta.openDossier(sample.ID)
	w := ta.wizard
	test.AssertRendersToMarkup(t, "wizard_general.xml", ta.w.Canvas())

	w.showStep(stepIndex(t, w, "budget"))
	test.AssertRendersToMarkup(t, "budget.xml", ta.w.Canvas())

	w.showStep(len(w.steps))
	test.AssertRendersToMarkup(t, "review.xml", ta.w.Canvas())

	ta.showSettings()
	test.AssertRendersToMarkup(t, "settings.xml", ta.w.Canvas())
}
