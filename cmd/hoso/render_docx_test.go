package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderDocxAddsWordFile: hoso render --docx FILE -o DIR lists and writes the .docx beside
// the PDF and the sheet.
func TestRenderDocxAddsWordFile(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	dir := t.TempDir()
	_, sample, _ := hoso(t, "", "sample", "--programme", "cleaner-production")
	in := filepath.Join(dir, "sx.hoso.json")
	if err := os.WriteFile(in, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "ra")
	code, stdout, stderr := hoso(t, "", "render", "--docx", in, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || !strings.HasSuffix(lines[0], ".pdf") || !strings.HasSuffix(lines[1], ".xlsx") || !strings.HasSuffix(lines[2], ".docx") {
		t.Fatalf("listed %q", lines)
	}
	if st, err := os.Stat(lines[2]); err != nil || st.Size() < 5000 {
		t.Fatalf("Word file: %v", err)
	}
	if filepath.Dir(lines[2]) != filepath.Dir(lines[0]) {
		t.Error("the Word file is not beside the PDF")
	}
}
