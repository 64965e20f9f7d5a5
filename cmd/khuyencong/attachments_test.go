package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/peertest"
	"khuyencong/forms/pgstore"
	"khuyencong/forms/pgstore/pgtest"
	"khuyencong/ui"
)

// pdfPages counts a PDF's pages with poppler's pdfinfo.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	peertest.Need(t, "pdfinfo", "pdfinfo (poppler-utils) is missing", "pdfinfo (poppler-utils) is missing")
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count", path)
	return 0
}

// A file attached in a shared library is adopted into the server's table (the picked original
// can go), and the app's export writes it out to the cache and merges it into the PDF: one page
// more than without it, no warning. Opening it gives a cached file with the same content.
func TestSharedLibraryAttachmentInPDF(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", t.TempDir())
	store, err := pgstore.Open(pgtest.DB(t), pgstore.Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	d := deps(store, store.Path())

	img := image.NewRGBA(image.Rect(0, 0, 300, 400))
	for x := 0; x < 300; x++ {
		img.Set(x, x, color.RGBA{200, 0, 0, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	picked := filepath.Join(t.TempDir(), "bao-gia.png")
	if err := os.WriteFile(picked, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	file, sum, err := d.AdoptAttachment(picked)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(picked)
	if _, _, ok := forms.BlobOf(file); !ok {
		t.Fatalf("adopted into %q, not the server", file)
	}

	app := forms.Sample(forms.Equipment)
	app.Attachments = nil
	export := func(app *forms.Application) (ui.ExportResult, int) {
		dir := t.TempDir()
		res, err := d.Exporter.Export(context.Background(), ui.ExportRequest{App: app, Report: forms.Check(app, forms.DefaultPacks()), Dir: dir, Variant: ui.VariantDraft}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res, pdfPages(t, res.PDFPath)
	}
	_, without := export(app)
	with := *app
	with.Attachments = []forms.Attachment{{ID: "quotation", File: file, SHA256: sum}}
	res, pages := export(&with)
	if pages != without+1 {
		t.Errorf("PDF with the server's file has %d pages, without %d", pages, without)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "bao-gia.png") {
			t.Errorf("warning about the attachment: %s", w)
		}
	}
	path, err := d.AttachmentPath(with.Attachments[0])
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, buf.Bytes()) || !strings.HasPrefix(path, cache) {
		t.Errorf("opened %s (%d bytes), want the cached copy", path, len(got))
	}
	// A cached copy changed on this computer is written again from the server.
	os.WriteFile(path, []byte("khác"), 0o644)
	if _, pages := export(&with); pages != without+1 {
		t.Errorf("after the cached copy changed: %d pages", pages)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, buf.Bytes()) {
		t.Error("the changed cached copy was used")
	}
}
