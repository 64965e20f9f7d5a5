package export

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"khuyencong/forms"
)

// TestWordFileBesidePDF writes the .docx beside the PDF and the sheet, under the same name.
func TestWordFileBesidePDF(t *testing.T) {
	dir := t.TempDir()
	app := forms.Sample(forms.Equipment)
	rep := forms.Check(app, forms.DefaultPacks())
	res, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow, DOCX: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSuffix(res.DOCXPath, ".docx") != strings.TrimSuffix(res.PDFPath, ".pdf") {
		t.Errorf("Word file %s is not named as the PDF %s", res.DOCXPath, res.PDFPath)
	}
	z, err := zip.OpenReader(res.DOCXPath)
	if err != nil {
		t.Fatalf("the Word file is not a package: %v", err)
	}
	defer z.Close()
	var doc string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			doc = string(b)
		}
	}
	if !strings.Contains(doc, forms.Clean(app.Enterprise.Name)) || !strings.Contains(doc, rep.Budget.Total.String()) {
		t.Error("the Word file lacks the enterprise or the total")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("folder holds %d entries, want PDF, sheet and Word file", len(entries))
	}
	res, err = Write(context.Background(), app, rep, t.TempDir(), Options{Now: fixedNow}, nil)
	if err != nil || res.DOCXPath != "" {
		t.Errorf("a Word file without asking: %q %v", res.DOCXPath, err)
	}
}
