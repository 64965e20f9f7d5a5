package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
	"khuyencong/templates"
)

var fixedNow = time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)

// renderApp builds and renders an application, failing the test on error, and writes the PDF
// to a temporary file (or to $KC_PDF_OUT/name.pdf when set, to look at).
func renderApp(t testing.TB, name string, app *forms.Application, v templates.Variant, opts Options) (string, Result, *forms.Report) {
	t.Helper()
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := templates.Build(app, rep, templates.Options{Variant: v, Now: fixedNow, AppVersion: "test"})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var buf bytes.Buffer
	res, err := Write(&buf, d, opts)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	dir := os.Getenv("KC_PDF_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, res, rep
}

// needTool skips the test when a command-line tool is missing; under CI (CI set to anything but ""
// or "false", as `make test` does) it fails it: CI installs poppler-utils and qpdf.
func needTool(t testing.TB, name string) {
	t.Helper()
	peertest.Need(t, name,
		fmt.Sprintf("%s is not installed, and CI must check the real PDF with it: apt-get install poppler-utils qpdf (make deps-test does)", name),
		fmt.Sprintf("%s is not installed (apt-get install poppler-utils qpdf): skipping the check of the real PDF", name))
}
