package main

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
	"khuyencong/templates"
	"khuyencong/templates/export"
	"khuyencong/ui"
)

// TestFinalExportIsReadBack: the app's exporter reads a final PDF back with pdftotext and finds
// it matches the data; a draft is not read back.
func TestFinalExportIsReadBack(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		peertest.Missing(t, "pdftotext (poppler-utils) is needed: "+err.Error(), err.Error())
	}
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())
	if rep.Blocking() {
		t.Fatal("fixture: the sample has blocking problems")
	}
	req := ui.ExportRequest{App: app, Report: rep, Dir: t.TempDir(), Variant: ui.VariantFinal}
	res, err := exporter{}.Export(context.Background(), req, func(float64) {})
	if err != nil {
		t.Fatal(err)
	}
	if res.ReadBack == nil {
		t.Fatalf("a final export was not read back (warnings %v)", res.Warnings)
	}
	if len(res.ReadBack.Mismatches) > 0 {
		t.Errorf("the sample's PDF does not read back as computed: %v", res.ReadBack.Mismatches)
	}

	// The read-back compares the paper with the computed budget: a support 1 đồng off is caught.
	er, err := export.Write(context.Background(), app, rep, t.TempDir(), export.Options{Variant: templates.Final, SkipXLSX: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	other := *rep.Budget
	other.Support++
	other.Counterpart--
	bad := *rep
	bad.Budget = &other
	rb, warnings := readBack(context.Background(), er, ui.ExportRequest{App: app, Report: &bad}, nil)
	if rb == nil || len(rb.Mismatches) == 0 || len(warnings) > 0 {
		t.Errorf("a support 1 đồng off was not caught: %+v %v", rb, warnings)
	} else if !strings.HasPrefix(rb.Mismatches[0], "Công văn: ") {
		t.Errorf("the mismatch does not name the document: %q", rb.Mismatches[0])
	}

	req.Report, req.Variant, req.Dir = rep, ui.VariantDraft, t.TempDir()
	res, err = exporter{}.Export(context.Background(), req, func(float64) {})
	if err != nil {
		t.Fatal(err)
	}
	if res.ReadBack != nil {
		t.Error("a draft was read back")
	}
}
