package export

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
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

// Finding 4: a re-export that cannot write the sheet leaves the earlier PDF and sheet exactly as
// they were, and says which file failed and why, in Vietnamese.
func TestFailedReexportKeepsEarlierFiles(t *testing.T) {
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())

	t.Run("sheet path is a folder", func(t *testing.T) {
		dir := t.TempDir()
		res, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow, SkipXLSX: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		pdfBefore, _ := os.ReadFile(res.PDFPath)
		sheet := strings.TrimSuffix(res.PDFPath, ".pdf") + ".xlsx"
		if err := os.Mkdir(sheet, 0o755); err != nil {
			t.Fatal(err)
		}
		later := fixedNow.Add(time.Hour) // a different creation time: different bytes
		_, err = Write(context.Background(), app, rep, dir, Options{Now: later}, nil)
		if err == nil || !strings.Contains(err.Error(), filepath.Base(sheet)) || !strings.Contains(err.Error(), "không ghi được") {
			t.Fatalf("sheet path is a folder: %v", err)
		}
		pdfAfter, err := os.ReadFile(res.PDFPath)
		if err != nil || !bytes.Equal(pdfBefore, pdfAfter) {
			t.Errorf("the earlier PDF changed or is gone (%v)", err)
		}
		assertNoTemps(t, dir)
	})

	t.Run("sheet cannot be replaced", func(t *testing.T) {
		dir := t.TempDir()
		res, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow}, nil)
		if err != nil {
			t.Fatal(err)
		}
		pdfBefore, _ := os.ReadFile(res.PDFPath)
		sheetBefore, _ := os.ReadFile(res.XLSXPath)
		// The sheet is held (as Excel holds an open file on Windows): moving it fails.
		commitHook = func(path string) error {
			if strings.HasSuffix(path, ".xlsx") {
				return &os.PathError{Op: "rename", Path: path, Err: fs.ErrPermission}
			}
			return nil
		}
		defer func() { commitHook = nil }()
		_, err = Write(context.Background(), app, rep, dir, Options{Now: fixedNow.Add(time.Hour)}, nil)
		if err == nil || !strings.Contains(err.Error(), filepath.Base(res.XLSXPath)) || !strings.Contains(err.Error(), "đang mở trong Excel") {
			t.Fatalf("held sheet: %v", err)
		}
		pdfAfter, _ := os.ReadFile(res.PDFPath)
		sheetAfter, _ := os.ReadFile(res.XLSXPath)
		if !bytes.Equal(pdfBefore, pdfAfter) || !bytes.Equal(sheetBefore, sheetAfter) {
			t.Error("the earlier files changed")
		}
		assertNoTemps(t, dir)
	})
}

// Temporary files a killed export left are removed by the next export.
func TestKilledExportTempsAreCleaned(t *testing.T) {
	dir := t.TempDir()
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())
	base := BaseName(app, templates.Final)
	var stale []string
	for _, name := range []string{"." + base + ".pdf.123.tmp", "." + base + ".xlsx.456.tmp"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("half"), 0o644)
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
		stale = append(stale, p)
	}
	if _, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow}, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range stale {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("stale temporary file left: %s", p)
		}
	}
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// A received dossier file rendered with AttachmentsInsideBaseDir cannot pull a file from outside
// its folder into the PDF; a file inside is merged.
func TestOutsideAttachmentsNotMerged(t *testing.T) {
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())
	elsewhere := t.TempDir()
	first, err := Write(context.Background(), app, rep, elsewhere, Options{Variant: templates.Draft, Now: fixedNow, SkipXLSX: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dossierDir := t.TempDir()
	inside := filepath.Join(dossierDir, "giay-to.pdf")
	data, _ := os.ReadFile(first.PDFPath)
	os.WriteFile(inside, data, 0o644)
	pages := func(file string, onlyInside bool) (int, []string) {
		t.Helper()
		a := *app
		a.Attachments = []forms.Attachment{{ID: "registration", File: file}}
		res, err := Write(context.Background(), &a, forms.Check(&a, forms.DefaultPacks()), t.TempDir(),
			Options{Variant: templates.Draft, Now: fixedNow, SkipXLSX: true, BaseDir: dossierDir, AttachmentsInsideBaseDir: onlyInside}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res.Pages, res.Warnings
	}
	withInside, _ := pages("giay-to.pdf", true)
	withOutside, warnings := pages(first.PDFPath, true)
	withOutsideAllowed, _ := pages(first.PDFPath, false)
	if withInside <= withOutside || withOutsideAllowed != withInside {
		t.Errorf("pages: inside %d, outside refused %d, outside allowed %d", withInside, withOutside, withOutsideAllowed)
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "attachments[0].file") {
		t.Errorf("no warning naming the field: %v", warnings)
	}
	if n, w := pages("../../../../"+strings.TrimPrefix(first.PDFPath, "/"), true); n != withOutside || len(w) == 0 {
		t.Errorf("escaping path: %d pages, warnings %v", n, w)
	}
}
