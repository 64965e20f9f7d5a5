package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hoso render says which font the PDF used, and that Times New Roman was not found when so.
func TestRenderStatesTheFont(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	t.Setenv("HOSO_FONT", "")
	dir := t.TempDir()
	_, sample, _ := hoso(t, "", "sample", "--programme", "equipment")
	in := filepath.Join(dir, "mau.hoso.json")
	if err := os.WriteFile(in, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := hoso(t, "", "render", "--no-xlsx", "-o", filepath.Join(dir, "out"), in)
	if code != 0 {
		t.Fatalf("render: exit %d: %s", code, stderr)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), ".pdf") {
		t.Errorf("stdout should hold only the file paths: %q", out)
	}
	if !strings.Contains(stderr, "hoso render: phông chữ PDF: ") {
		t.Fatalf("no font line in stderr: %q", stderr)
	}
	if strings.Count(stderr, "phông chữ PDF") != 1 {
		t.Errorf("the font is named more than once: %q", stderr)
	}
}

func TestFontNote(t *testing.T) {
	cases := []struct{ name, picked, want, not string }{
		{"Times New Roman", "", "phông chữ PDF: Times New Roman", "không tìm thấy"},
		{"Liberation Serif", "", "không tìm thấy Times New Roman", "không chân"},
		{"Noto Sans (Fyne)", "", "phông không chân", "cùng cỡ"},
		{"DejaVu Serif", "/x/DejaVuSerif.ttf", "theo --font", "không tìm thấy"},
	}
	for _, c := range cases {
		got := fontNote(c.name, c.picked)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("fontNote(%q, %q) = %q", c.name, c.picked, got)
		}
	}
}
