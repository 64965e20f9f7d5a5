package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestRenderVerifyReadsThePDFBack(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed to read the PDF back")
		}
		t.Skip("pdftotext is not installed")
	}
	t.Setenv("HOSO_RULES", t.TempDir())
	_, sample, _ := hoso(t, "", "sample", "--programme", "trade-fair")
	code, out, stderr := hoso(t, sample, "render", "--verify", "--no-xlsx", "-", "-o", t.TempDir())
	if code != 0 || !strings.Contains(stderr, "đã đọc lại") || !strings.Contains(out, ".pdf") {
		t.Errorf("exit %d\n%s%s", code, out, stderr)
	}
}
