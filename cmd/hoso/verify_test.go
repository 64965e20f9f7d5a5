package main

import (
	"khuyencong/forms/peertest"
	"strings"
	"testing"
)

func TestRenderVerifyReadsThePDFBack(t *testing.T) {
	peertest.Need(t, "pdftotext", "pdftotext (poppler-utils) is needed to read the PDF back", "pdftotext is not installed")
	t.Setenv("HOSO_RULES", t.TempDir())
	_, sample, _ := hoso(t, "", "sample", "--programme", "trade-fair")
	code, out, stderr := hoso(t, sample, "render", "--verify", "--no-xlsx", "-", "-o", t.TempDir())
	if code != 0 || !strings.Contains(stderr, "đã đọc lại") || !strings.Contains(out, ".pdf") {
		t.Errorf("exit %d\n%s%s", code, out, stderr)
	}
}
