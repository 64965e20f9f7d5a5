package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// readBackExporter is the fake exporter, reporting what reading the final PDF back found.
type readBackExporter struct {
	*fakeExporter
	rb *ReadBack
}

func (e readBackExporter) Export(ctx context.Context, req ExportRequest, progress func(float64)) (ExportResult, error) {
	res, err := e.fakeExporter.Export(ctx, req, progress)
	if err == nil && req.Variant == VariantFinal {
		res.ReadBack = e.rb
	}
	return res, err
}

// TestResultShowsTheReadBack: after a final export the result dialog says that the PDF was read
// back and matched, or shows each mismatch as an error; without a read-back it says nothing.
func TestResultShowsTheReadBack(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	id := w.app.ID
	*w.app = *forms.Sample(forms.Equipment)
	w.app.ID = id

	mismatch := "Công văn: không thấy kinh phí hỗ trợ \"434.500.000 đồng\""
	ta.deps.Exporter = readBackExporter{ta.exporter, &ReadBack{Mismatches: []string{mismatch}}}
	w.generateInto(t.TempDir(), VariantFinal)
	g := w.gen
	if g.err != nil || g.readBack == nil {
		t.Fatalf("no read-back shown (err %v)", g.err)
	}
	if !strings.Contains(g.readBack.Text, mismatch) || !strings.Contains(g.readBack.Text, "không khớp") || g.readBack.Importance != widget.DangerImportance {
		t.Errorf("the mismatch is not shown as an error: %q (importance %v)", g.readBack.Text, g.readBack.Importance)
	}
	if !hasText(labelTexts(g.resultContent), mismatch) {
		t.Error("the mismatch is not in the result dialog")
	}

	ta.deps.Exporter = readBackExporter{ta.exporter, &ReadBack{}}
	w.generateInto(t.TempDir(), VariantFinal)
	if g := w.gen; g.readBack == nil || !strings.HasPrefix(g.readBack.Text, "Đã đọc lại PDF: tên, mã số thuế, tổng kinh phí, hỗ trợ, đối ứng và số tiền bằng chữ khớp") {
		t.Errorf("the match is not said: %+v", g.readBack)
	}

	// No read-back (no pdftotext, as on Windows): nothing is said about it.
	ta.deps.Exporter = readBackExporter{ta.exporter, nil}
	w.generateInto(t.TempDir(), VariantFinal)
	if g := w.gen; g.readBack != nil || hasText(labelTexts(g.resultContent), "đọc lại") {
		t.Error("a read-back note without a read-back")
	}

	// In English the sentence around the mismatches is English.
	lang = langEN
	defer func() { lang = langVI }()
	ta.deps.Exporter = readBackExporter{ta.exporter, &ReadBack{Mismatches: []string{mismatch}}}
	w.generateInto(t.TempDir(), VariantFinal)
	if g := w.gen; g.readBack == nil || !strings.HasPrefix(g.readBack.Text, "Reading the PDF back found 1 place(s)") {
		t.Errorf("English read-back: %+v", g.readBack)
	}
}
