package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

// A .hoso.json handed to the running app (from Explorer, or by a second start) lands in the
// library, and says so; the same file again asks merge or copy; a broken file is named.
func TestOpenFileImportsADossier(t *testing.T) {
	ta := newTestApp(t)
	ta.showHome()
	sample := forms.Sample(forms.TradeFair)
	data, err := forms.MarshalApplication(sample)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Phước Hưng.hoso.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ta.OpenFile(path)
	apps, _ := ta.store.Applications(forms.Query{})
	if len(apps) != 1 || apps[0].Programme != forms.TradeFair {
		t.Fatalf("library after opening the file: %+v", apps)
	}
	if got := overlayText(ta.w); !strings.Contains(got, "đã được thêm vào thư viện") {
		t.Errorf("no message after the import: %q", got)
	}
	if ta.home.selected == "" {
		t.Error("the client of the imported dossier is not selected")
	}

	ta.OpenFile(path)
	if got := overlayText(ta.w); !strings.Contains(got, "Gộp hồ sơ vào khách hàng đó") {
		t.Errorf("the same client again: %q", got)
	}

	bad := filepath.Join(t.TempDir(), "hỏng.hoso.json")
	os.WriteFile(bad, []byte("{\"format_version\": "), 0o644)
	ta.OpenFile(bad)
	if !strings.Contains(ta.lastError, "Không mở được tệp hồ sơ") {
		t.Errorf("broken file: %q", ta.lastError)
	}
	ta.OpenFile(filepath.Join(t.TempDir(), "ảnh.png"))
	if !strings.Contains(ta.lastError, "không phải tệp hồ sơ") {
		t.Errorf("a PNG: %q", ta.lastError)
	}
}
