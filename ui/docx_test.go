package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// TestDocxChoiceIsAskedForAndRemembered ticks "Word (.docx) để chỉnh sửa" on the generate step:
// the export asks for the Word file, the choice survives into a new screen and the settings.
func TestDocxChoiceIsAskedForAndRemembered(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(len(w.steps))
	if w.review.docx == nil || w.review.docx.Checked {
		t.Fatal("the generate step has no unticked Word choice")
	}
	w.generateInto(t.TempDir(), VariantDraft)
	if ta.exporter.requests[0].DOCX {
		t.Error("Word asked for while the box is unticked")
	}
	test.Tap(w.review.docx)
	if !ta.prefs.Bool(prefDOCX) {
		t.Error("the choice is not remembered")
	}
	w.generateInto(t.TempDir(), VariantDraft)
	if !ta.exporter.requests[1].DOCX {
		t.Error("the export was not asked for the Word file")
	}
	if !ta.docxCheck().Checked {
		t.Error("a new generate step (and the settings) forgot the choice")
	}
}
