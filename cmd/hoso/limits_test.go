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

// TestDBImportRefusesLooseFiles: `hoso db import` of a file with an unknown programme or status, a
// duplicate key or a NUL refuses it with the field named and exit 2, and stores nothing.
func TestDBImportRefusesLooseFiles(t *testing.T) {
	good, _ := forms.MarshalApplication(forms.Sample(forms.Equipment))
	for name, c := range map[string]struct{ from, to, want string }{
		"unknown programme": {`"programme": "equipment"`, `"programme": "may-moc"`, "trường programme"},
		"unknown status":    {`"status": "draft"`, `"status": "xong"`, "trường status"},
		"duplicate key":     {`"unit_price": 215500000`, `"unit_price": 1, "unit_price": 215500000`, "budget.lines[0].unit_price"},
		"NUL":               {`"title": "Giám đốc"`, `"title": "Giám\u0000đốc"`, "NUL"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "a.hoso.json")
			bad := strings.Replace(string(good), c.from, c.to, 1)
			if bad == string(good) {
				t.Fatalf("sample lacks %s", c.from)
			}
			os.WriteFile(file, []byte(bad), 0o644)
			db := filepath.Join(dir, "hoso.db")
			code, out, stderr := hosoDB(t, db, "import", file)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d\n%s%s", code, out, stderr)
			}
			if code, out, _ := hosoDB(t, db, "list"); code == 0 && strings.Contains(out, "0701234567") {
				t.Errorf("refused file stored:\n%s", out)
			}
		})
	}
}
