package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	winecmd "khuyencong/cmd/internal/wine"
)

// wordsWant is what `hoso words 1005000` must print (checked by hand against the reading rules:
// "không trăm" for the empty hundreds, "linh" before a single unit).
const wordsWant = "Một triệu không trăm linh năm nghìn đồng"

// checkUnderWine runs the console hoso.exe under wine: amount in words, a sample dossier, and the
// rendering of that sample to PDF and XLSX.
func checkUnderWine(cli string, o options) []result {
	const name = "hoso.exe chạy dưới wine"
	if !o.wine {
		return []result{{name: name, skipped: "tắt bằng -wine=false"}}
	}
	wine := winecmd.Find()
	if wine == "" {
		return []result{{name: name, skipped: "chưa cài wine (apt-get install --no-install-recommends wine64; 105 MB)"}}
	}
	abs, err := filepath.Abs(cli)
	if err != nil {
		return []result{{name: name, err: err}}
	}
	w := wineRunner{wine: wine, exe: abs, prefix: filepath.Join(o.work, "wineprefix")}
	if p := os.Getenv("WINEPREFIX"); p != "" {
		w.prefix = p
	}

	var results []result
	out, err := w.run(o.work, "words", "1005000")
	if errors.Is(err, errNoProcessPrng) {
		// Go 1.24+ needs ProcessPrng from bcryptprimitives.dll, which wine 8 lacks: add a stand-in.
		if serr := w.installPrngShim(o.work); serr != nil {
			err = fmt.Errorf("%w; and the bcryptprimitives.dll stand-in failed: %w", err, serr)
		} else {
			out, err = w.run(o.work, "words", "1005000")
		}
	}
	if err == nil && strings.TrimSpace(out) != wordsWant {
		err = fmt.Errorf("printed %q, want %q", strings.TrimSpace(out), wordsWant)
	}
	results = append(results, result{name: "wine: hoso.exe words 1005000", err: err})

	sample := filepath.Join(o.work, "maymoc.hoso.json")
	out, err = w.run(o.work, "sample", "--programme", "equipment")
	if err == nil {
		if !strings.HasPrefix(strings.TrimSpace(out), "{") {
			err = fmt.Errorf("sample is not JSON: %.80q", out)
		} else {
			err = os.WriteFile(sample, []byte(out), 0o644)
		}
	}
	results = append(results, result{name: "wine: hoso.exe sample --programme equipment", err: err})
	if err != nil {
		return results
	}

	outDir := filepath.Join(o.work, "render")
	_, err = w.run(o.work, "render", "maymoc.hoso.json", "-o", "render")
	detail := ""
	if err == nil {
		detail, err = wantRendered(outDir)
	}
	if err != nil && strings.Contains(err.Error(), "không tồn tại") {
		results = append(results, result{name: "wine: hoso.exe render", skipped: "lệnh render chưa có trong hoso"})
		return results
	}
	results = append(results, result{name: "wine: hoso.exe render (PDF + XLSX)", err: err, detail: detail})
	return results
}

// errNoProcessPrng is wine failing to give the Go runtime ProcessPrng (bcryptprimitives.dll).
var errNoProcessPrng = errors.New("bcryptprimitives.dll not found: this wine is older than 9 and lacks ProcessPrng")

// wineRunner runs the Windows executable under wine in its own prefix, quietly.
type wineRunner struct {
	wine, exe, prefix string
}

func (w wineRunner) run(dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, w.wine, append([]string{w.exe}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "WINEPREFIX="+w.prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=", "DISPLAY=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if strings.Contains(stderr.String(), "bcryptprimitives.dll not found") {
			return stdout.String(), errNoProcessPrng
		}
		return stdout.String(), fmt.Errorf("wine hoso.exe %s: %w: %s", strings.Join(args, " "), err, lastLines(stderr.String(), 3))
	}
	return stdout.String(), nil
}

// installPrngShim puts the bcryptprimitives.dll stand-in into the wine prefix.
func (w wineRunner) installPrngShim(work string) error {
	return winecmd.InstallPrngShim(w.prefix, work)
}

// wantRendered checks that the render folder holds a PDF and an XLSX file that look like theirs.
func wantRendered(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var pdf, xlsx string
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".pdf":
			pdf = filepath.Join(dir, e.Name())
		case ".xlsx":
			xlsx = filepath.Join(dir, e.Name())
		}
	}
	if pdf == "" || xlsx == "" {
		return "", fmt.Errorf("render wrote %d files but not both a PDF and an XLSX", len(entries))
	}
	for file, magic := range map[string]string{pdf: "%PDF-", xlsx: "PK\x03\x04"} {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", err
		}
		if !bytes.HasPrefix(b, []byte(magic)) {
			return "", fmt.Errorf("%s does not start with %q", filepath.Base(file), magic)
		}
	}
	pi, _ := os.Stat(pdf)
	xi, _ := os.Stat(xlsx)
	return fmt.Sprintf("%s %d B, %s %d B", filepath.Base(pdf), pi.Size(), filepath.Base(xlsx), xi.Size()), nil
}
