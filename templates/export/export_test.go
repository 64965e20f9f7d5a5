package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/templates"
)

var fixedNow = time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)

func TestWriteBothFilesSideBySide(t *testing.T) {
	dir := t.TempDir()
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())
	var last float64
	res, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow}, func(f float64) {
		if f < last {
			t.Errorf("progress went back from %v to %v", last, f)
		}
		last = f
	})
	if err != nil {
		t.Fatal(err)
	}
	if base := forms.DossierFileName(app, ""); filepath.Base(res.PDFPath) != base+".pdf" || filepath.Base(res.XLSXPath) != base+".xlsx" || !strings.HasPrefix(base, "Hồ sơ khuyến công 2027 - ") {
		t.Errorf("names %s %s", res.PDFPath, res.XLSXPath)
	}
	if last != 1 {
		t.Errorf("progress ended at %v", last)
	}
	for _, p := range []string{res.PDFPath, res.XLSXPath} {
		data, err := os.ReadFile(p)
		if err != nil || len(data) < 1000 {
			t.Errorf("%s: %v, %d bytes", p, err, len(data))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want the two files and no temporary file", len(entries))
	}
}

func TestFinalRefusedWhileProblemsRemainButDraftWorks(t *testing.T) {
	dir := t.TempDir()
	app := forms.Sample(forms.Equipment)
	app.Enterprise.TaxCode = "0100233480"
	rep := forms.Check(app, forms.DefaultPacks())
	_, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow}, nil)
	var blocked *BlockedError
	if !errors.As(err, &blocked) || !strings.Contains(err.Error(), "mã số thuế") {
		t.Fatalf("final with a bad tax code: %v", err)
	}
	res, err := Write(context.Background(), app, rep, dir, Options{Variant: templates.Draft, Now: fixedNow}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(res.PDFPath, " - bản nháp.pdf") {
		t.Errorf("draft name %s", res.PDFPath)
	}
}

func TestCancelLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	app := forms.Sample(forms.CleanerProduction)
	rep := forms.Check(app, forms.DefaultPacks())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, app, rep, dir, Options{Now: fixedNow}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled write: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("cancelled write left %d files", len(entries))
	}
}
