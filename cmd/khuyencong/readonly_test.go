package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/ui"
)

// A real library with one record changed on disk, opened the way main opens it: the app's window
// shows the read-only banner, and building and flushing the window writes nothing to the file.
func TestDamagedLibraryOpensReadOnlyWithBanner(t *testing.T) {
	const marker = "Máy sấy MARKERRO"
	path := filepath.Join(t.TempDir(), "hoso.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	app.Budget.Lines[0].Description = marker
	if _, err := s.ImportApplication(app, forms.ImportMerge); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportApplication(forms.Sample(forms.TradeFair), forms.ImportMerge); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Flip the last letter of every copy of the marker: still valid JSON, a different text.
	n := 0
	for i := 0; ; n++ {
		j := bytes.Index(data[i:], []byte(marker))
		if j < 0 {
			break
		}
		i += j + len(marker)
		data[i-1] ^= 1
	}
	if n == 0 {
		t.Fatal("marker not in the file")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	store, err := boltstore.Open(path, boltstore.Options{ReadOnlyIfDamaged: true})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if store.ReadOnly() == nil {
		t.Fatal("the damaged library is not read-only")
	}
	fa := test.NewTempApp(t)
	w := ui.New(fa, deps(store, path))
	w.Window().Resize(fyne.NewSize(1100, 760))
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(x.Content)
		}
	}
	walk(w.Window().Content())
	if all := strings.Join(texts, "\n"); !strings.Contains(all, "chỉ để đọc vì bị hỏng") {
		t.Errorf("no read-only banner:\n%s", all)
	}
	if err := w.Flush(); err != nil {
		t.Errorf("flush: %v", err)
	}
	if dir := os.Getenv("HOSO_LOOK"); dir != "" {
		f, _ := os.Create(filepath.Join(dir, "readonly-real.png"))
		png.Encode(f, w.Window().Canvas().Capture())
		f.Close()
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the damaged library was written to")
	}
}
