package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

// TestWhatCheckAcceptsRenders: a dossier whose answers are as long as a dossier file allows passes
// `hoso check` without a file error (exit 0 or 1, not 2) and renders (PDF and sheet); one character
// more is refused by check, render and budget import alike, with the field named (exit 2).
func TestWhatCheckAcceptsRenders(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	long := []rune(strings.Repeat("Máy tráng bánh tự động ", forms.MaxStringRunes/20))[:forms.MaxStringRunes]
	dir := t.TempDir()
	app := forms.Sample(forms.Equipment)
	for i := range app.Budget.Lines {
		app.Budget.Lines[i].Description = string(long)
		app.Budget.Lines[i].Note = string(long)
	}
	app.Enterprise.Name = string(long)
	app.Project.Title = string(long)
	path := filepath.Join(dir, "dai.hoso.json")
	data, _ := forms.MarshalApplication(app)
	os.WriteFile(path, data, 0o644)
	if code, out, stderr := hoso(t, "", "check", path); code == 2 {
		t.Fatalf("check refused the longest answers: %s%s", out, stderr)
	}
	out := filepath.Join(dir, "ra")
	if code, stdout, stderr := hoso(t, "", "render", "--draft", path, "-o", out); code != 0 {
		t.Fatalf("render of what check accepts: exit %d\n%s%s", code, stdout, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*"))
	if len(files) != 2 {
		t.Errorf("render wrote %v", files)
	}

	app.Budget.Lines[1].Description = string(long) + "x"
	data, _ = forms.MarshalApplication(app)
	os.WriteFile(path, data, 0o644)
	for _, args := range [][]string{{"check", path}, {"render", "--draft", path, "-o", filepath.Join(dir, "ra2")}, {"budget", path}} {
		code, stdout, stderr := hoso(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "budget.lines[1].description") || !strings.Contains(stderr, "quá giới hạn 30.000 ký tự") {
			t.Errorf("%s of a too-long answer: exit %d\n%s%s", args[0], code, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "ra2")); err == nil {
		if files, _ := filepath.Glob(filepath.Join(dir, "ra2", "*")); len(files) != 0 {
			t.Errorf("refused render wrote %v", files)
		}
	}
}
