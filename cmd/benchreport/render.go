package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"khuyencong/forms"
)

// renderFigures is `hoso render` of one dossier measured as a whole process.
type renderFigures struct {
	label   string
	lines   int // budget lines in the dossier
	runs    series
	pdf     int64 // size of the PDF written
	xlsx    int64 // size of the XLSX written
	pages   int   // pages of the PDF (pdfinfo), 0 if unknown
	variant string
	err     error
}

// renderer runs a built hoso binary on dossier files in a work folder.
type renderer struct {
	hoso string // path of the hoso binary
	work string
	reps int
}

// buildHoso builds cmd/hoso without cgo, as `make build` does.
func buildHoso(goCmd, out string) error {
	cmd := exec.Command(goCmd, "build", "-o", out, "./cmd/hoso")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/hoso: %w: %s", err, tail(string(b), 4))
	}
	return nil
}

// render measures `hoso render FILE -o DIR` reps times. A final render refused because the dossier
// still has blocking problems is retried as a draft, and the figures say so.
func (r renderer) render(label, file string, lines int) renderFigures {
	f := renderFigures{label: label, lines: lines, variant: "chính thức"}
	out := filepath.Join(r.work, "out-"+strings.ReplaceAll(label, " ", "-"))
	args := []string{"render", file, "-o", out}
	first := measure(10*time.Minute, r.work, nil, r.hoso, args...)
	if first.exitErr != nil && strings.Contains(first.stderr, "--draft") {
		args = []string{"render", "--draft", file, "-o", out}
		f.variant = "nháp (--draft)"
		first = measure(10*time.Minute, r.work, nil, r.hoso, args...)
	}
	if first.exitErr != nil {
		f.err = first.exitErr
		return f
	}
	f.runs = series{first}
	more, err := repeat(r.reps-1, func() run { return measure(10*time.Minute, r.work, nil, r.hoso, args...) })
	f.runs = append(f.runs, more...)
	if err != nil {
		f.err = err
		return f
	}
	for _, p := range strings.Fields(first.stdout) {
		info, err := os.Stat(p)
		if err != nil {
			info, err = os.Stat(filepath.Join(r.work, p))
		}
		if err != nil {
			continue
		}
		switch filepath.Ext(p) {
		case ".pdf":
			f.pdf = info.Size()
			f.pages = pdfPages(filepath.Join(r.work, p), p)
		case ".xlsx":
			f.xlsx = info.Size()
		}
	}
	if f.pdf == 0 {
		f.err = fmt.Errorf("hoso render printed no PDF path: %q", tail(first.stdout, 2))
	}
	return f
}

// pdfPages counts the pages with pdfinfo (poppler-utils); 0 when it cannot.
func pdfPages(paths ...string) int {
	for _, p := range paths {
		out, err := exec.Command("pdfinfo", p).Output()
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "Pages:"); ok {
				n, _ := strconv.Atoi(strings.TrimSpace(v))
				return n
			}
		}
	}
	return 0
}

// writeSample writes the programme's sample dossier to dir and returns the file's path.
func writeSample(dir string, p forms.Programme) (string, error) {
	return writeDossier(filepath.Join(dir, string(p)+".hoso.json"), forms.Sample(p))
}

// writeScaled writes the equipment sample with its budget grown to n lines: the sample's lines
// repeated in order, each copy numbered so no two descriptions are equal.
func writeScaled(dir string, n int) (string, error) {
	app := forms.Sample(forms.Equipment)
	base := app.Budget.Lines
	if len(base) == 0 {
		return "", errors.New("forms.Sample(forms.Equipment) has no budget lines to replicate")
	}
	lines := make([]forms.BudgetLine, n)
	for i := range lines {
		l := base[i%len(base)]
		if i >= len(base) {
			l.Description = fmt.Sprintf("%s (lô %d)", l.Description, i/len(base)+1)
		}
		lines[i] = l
	}
	app.Budget.Lines = lines
	return writeDossier(filepath.Join(dir, fmt.Sprintf("equipment-%d-lines.hoso.json", n)), app)
}

func writeDossier(path string, app *forms.Application) (string, error) {
	var buf bytes.Buffer
	if err := forms.EncodeApplication(&buf, app); err != nil {
		return "", err
	}
	return path, os.WriteFile(path, buf.Bytes(), 0o644)
}
