// Command benchreport measures the project's performance and writes docs/performance.md.
//
// It takes the Go benchmarks, `hoso render` of each programme's sample as a whole process (time and
// peak memory), how render time grows with the number of budget lines, the store's save and list
// figures, the desktop app's start to first frame under Xvfb, and LibreOffice converting the same
// budget sheet for comparison. A figure that cannot be taken is written as "không đo được: <why>".
// `make bench` runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"khuyencong/forms"
)

// options are the command-line settings.
type options struct {
	out       string
	reps      int
	goCmd     string
	pkgs      []string
	tags      string
	benchtime string
	skip      map[string]bool
	scale     []int
}

// report holds every measurement taken in one run.
type report struct {
	machine    machine
	bench      *benchRun
	benchErr   error
	samples    []renderFigures
	scaled     []renderFigures
	lo         series // LibreOffice with a profile already set up
	loErr      error
	loFresh    series // LibreOffice with a new profile each run
	loFreshErr error
	frames     []frameRun
	framesErr  error
	opts       options
	sampleXLSX string // the equipment sample's sheet, the input of the LibreOffice comparison
}

func main() {
	var o options
	var pkgs, skip, scale string
	flag.StringVar(&o.out, "o", "docs/performance.md", "Markdown file to write")
	flag.IntVar(&o.reps, "reps", 5, "runs of each whole-process measurement (the median is reported)")
	flag.StringVar(&o.goCmd, "go", "go", "go command")
	flag.StringVar(&pkgs, "pkgs", "./forms/... ./templates/... ./ui/...", "packages whose benchmarks run")
	flag.StringVar(&o.tags, "tags", "ci", "build tags for the benchmarks (the same as make test, for a warm cache)")
	flag.StringVar(&o.benchtime, "benchtime", "", "go test -benchtime (default 1s)")
	flag.StringVar(&skip, "skip", "", "parts to leave out, comma-separated: gobench,render,scale,libreoffice,start")
	flag.StringVar(&scale, "lines", "10,100,1000,5000", "budget line counts of the growth measurement")
	flag.Parse()
	o.pkgs = strings.Fields(pkgs)
	o.skip = map[string]bool{}
	for _, s := range strings.Split(skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.skip[s] = true
		}
	}
	for _, s := range strings.Split(scale, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err == nil && n > 0 {
			o.scale = append(o.scale, n)
		}
	}
	if o.reps < 1 {
		o.reps = 1
	}

	work, err := os.MkdirTemp("", "benchreport-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)

	r := &report{opts: o, machine: describeMachine(o.goCmd)}
	r.measureAll(work)
	text := r.markdown()
	if err := writeAtomically(o.out, []byte(text)); err != nil {
		fail(err)
	}
	fmt.Print(text)
	fmt.Fprintf(os.Stderr, "\nĐã ghi %s\n", o.out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchreport:", err)
	os.Exit(1)
}

func (r *report) step(msg string) { fmt.Fprintln(os.Stderr, "benchreport:", msg) }

// measureAll takes every measurement that is not skipped; failures are kept for the report.
func (r *report) measureAll(work string) {
	o := r.opts
	hoso := filepath.Join(work, "hoso")
	hosoErr := buildHoso(o.goCmd, hoso)
	rend := renderer{hoso: hoso, work: work, reps: o.reps}

	if !o.skip["render"] {
		for _, p := range forms.Programmes() {
			r.step("hoso render " + string(p))
			f := renderFigures{label: string(p), err: hosoErr}
			if hosoErr == nil {
				file, err := writeSample(work, p)
				if err != nil {
					f.err = err
				} else {
					f = rend.render(string(p), file, len(forms.Sample(p).Budget.Lines))
				}
			}
			r.samples = append(r.samples, f)
			if p == forms.Equipment && f.err == nil {
				r.sampleXLSX = findOutput(work, "out-equipment", ".xlsx")
			}
		}
	}
	if !o.skip["scale"] {
		for _, n := range o.scale {
			r.step(fmt.Sprintf("hoso render, %d dòng dự toán", n))
			f := renderFigures{label: fmt.Sprintf("%d dòng", n), lines: n, err: hosoErr}
			if hosoErr == nil {
				file, err := writeScaled(work, n)
				if err != nil {
					f.err = err
				} else {
					reps := o.reps
					if n >= 1000 {
						reps = min(reps, 3)
					}
					f = renderer{hoso: hoso, work: work, reps: reps}.render(fmt.Sprintf("%d dòng", n), file, n)
				}
			}
			r.scaled = append(r.scaled, f)
		}
	}
	if !o.skip["libreoffice"] {
		r.step("LibreOffice --convert-to pdf")
		r.lo, r.loErr = libreOfficeToPDF(work, r.sampleXLSX, min(o.reps, 3), false)
		r.loFresh, r.loFreshErr = libreOfficeToPDF(work, r.sampleXLSX, min(o.reps, 3), true)
	}
	if !o.skip["start"] {
		r.step("khởi động ứng dụng dưới Xvfb")
		r.frames, r.framesErr = firstFrames(o.goCmd, work, min(o.reps, 5))
	}
	if !o.skip["gobench"] {
		r.step("go test -bench " + strings.Join(o.pkgs, " "))
		r.bench, r.benchErr = runGoBenchmarks(o.goCmd, o.tags, o.pkgs, o.benchtime)
	}
}

// findOutput returns the first file with the extension in work/dir, or "".
func findOutput(work, dir, ext string) string {
	entries, err := os.ReadDir(filepath.Join(work, dir))
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ext {
			return filepath.Join(work, dir, e.Name())
		}
	}
	return ""
}

// writeAtomically writes data to path through a temporary file in the same folder and a rename.
func writeAtomically(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
