package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
	"khuyencong/templates"
)

var fixedNow = time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)

// build makes the document model of an application, as the PDF gets it.
func build(t testing.TB, app *forms.Application, v templates.Variant) (*templates.Dossier, *forms.Report) {
	t.Helper()
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := templates.Build(app, rep, templates.Options{Variant: v, Now: fixedNow, AppVersion: "test"})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return d, rep
}

// render writes the .docx of a dossier model.
func render(t testing.TB, d *templates.Dossier, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(&buf, d, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// parts reads every part of a package.
func parts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// wellFormed parses an XML part to its end.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// needTool fails under CI=true and skips elsewhere when a peer tool is missing.
func needTool(t testing.TB, name, pkg string) string {
	t.Helper()
	msg := fmt.Sprintf("%s is not installed (apt-get install %s): the Word file was NOT checked by a real reader", name, pkg)
	return peertest.Need(t, name, msg, "SKIPPED: "+msg)
}

// toPDF converts .docx files with LibreOffice headless (a fresh profile per run) and returns the
// output directory, where each name.docx became name.pdf.
func toPDF(t testing.TB, files map[string][]byte) string {
	t.Helper()
	bin := needTool(t, "soffice", "libreoffice-writer-nogui")
	out, msg := peertest.Soffice(t, bin, files, "docx", "pdf", "")
	for name := range files {
		if _, err := os.Stat(filepath.Join(out, name+".pdf")); err != nil {
			t.Fatalf("LibreOffice did not convert %s.docx: %s", name, msg)
		}
	}
	if keep := os.Getenv("KC_DOCX_OUT"); keep != "" {
		for name, data := range files {
			_ = os.WriteFile(filepath.Join(keep, name+".docx"), data, 0o644)
			if pdf, err := os.ReadFile(filepath.Join(out, name+".pdf")); err == nil {
				_ = os.WriteFile(filepath.Join(keep, name+".lo.pdf"), pdf, 0o644)
			}
		}
	}
	return out
}

// pdfText is the text poppler extracts from a PDF, in reading order (with -layout: as laid out,
// a table's row on one line).
func pdfText(t testing.TB, path string, flags ...string) string {
	t.Helper()
	bin := needTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(bin, append(append([]string{"-enc", "UTF-8"}, flags...), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return forms.NFC(string(out))
}

// oneLine folds white space so that text wrapped over lines can be searched.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// bigBudget is the equipment sample with n budget lines.
func bigBudget(n int) *forms.Application {
	app := forms.Sample(forms.Equipment)
	app.Budget.Lines = nil
	for i := 1; i <= n; i++ {
		app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{CostType: "machinery",
			Description: fmt.Sprintf("Thiết bị phụ trợ số %d cho dây chuyền tráng bánh, inox SUS304", i), Unit: "cái",
			Quantity: forms.QuantityOf(int64(1 + i%3)), UnitPrice: forms.Money(1_250_000 + 1000*i)})
	}
	return app
}
