package ui

import (
	"context"
	"path/filepath"
	"strings"
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
	if g := w.gen; g.openDOCX != nil {
		t.Error("an \"Open Word file\" button although the exporter wrote none")
	}
	if !ta.docxCheck().Checked {
		t.Error("a new generate step (and the settings) forgot the choice")
	}

	// an exporter that wrote the Word file: the result names it and opens it
	ta.deps.Exporter = wordExporter{ta.exporter}
	w.generateInto(t.TempDir(), VariantDraft)
	g := w.gen
	if g.openDOCX == nil || !strings.Contains(g.summary.Text, "Word: ") {
		t.Fatalf("the result does not offer the Word file: %q", g.summary.Text)
	}
	test.Tap(g.openDOCX)
	if n := len(ta.opener.opened); n == 0 || !strings.HasSuffix(ta.opener.opened[n-1], ".docx") {
		t.Errorf("opened %v", ta.opener.opened)
	}
}

// wordExporter is the fake exporter, reporting a Word file when asked for one.
type wordExporter struct{ *fakeExporter }

func (e wordExporter) Export(ctx context.Context, req ExportRequest, progress func(float64)) (ExportResult, error) {
	res, err := e.fakeExporter.Export(ctx, req, progress)
	if err == nil && req.DOCX {
		res.DOCXPath = filepath.Join(req.Dir, "hoso.docx")
	}
	return res, err
}
