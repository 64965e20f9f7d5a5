package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// benchResult is one line of `go test -bench` output: BenchmarkName-P  N  value unit  value unit ...
type benchResult struct {
	pkg     string
	name    string // without the -GOMAXPROCS suffix
	n       int64
	metrics map[string]float64 // by unit: ns/op, B/op, allocs/op, ms-median ...
	units   []string           // units in the order printed
}

// benchRun is the outcome of running the benchmarks of a set of packages.
type benchRun struct {
	results  []benchResult
	failures map[string]string // package → why it produced no benchmarks (build failure, test failure)
	elapsed  time.Duration
}

// find returns the result of the named benchmark (name without the -P suffix), or nil.
func (r *benchRun) find(pkgSuffix, name string) *benchResult {
	for i := range r.results {
		b := &r.results[i]
		if b.name == name && strings.HasSuffix(b.pkg, pkgSuffix) {
			return b
		}
	}
	return nil
}

// findMetric returns the named benchmark if it reports unit, else the first of its sub-benchmarks
// (name/...) that does, or nil.
func (r *benchRun) findMetric(pkgSuffix, name, unit string) *benchResult {
	if b := r.find(pkgSuffix, name); b != nil {
		if _, ok := b.metrics[unit]; ok {
			return b
		}
	}
	for i := range r.results {
		b := &r.results[i]
		if _, ok := b.metrics[unit]; ok && strings.HasPrefix(b.name, name+"/") && strings.HasSuffix(b.pkg, pkgSuffix) {
			return b
		}
	}
	return r.find(pkgSuffix, name)
}

// runGoBenchmarks runs `go test -json -run ^$ -bench . -benchmem` over the packages and parses
// the benchmark lines of each package's output.
func runGoBenchmarks(goCmd string, tags string, pkgs []string, benchtime string) (*benchRun, error) {
	args := []string{"test", "-json", "-run", "^$", "-bench", ".", "-benchmem", "-timeout", "30m"}
	if tags != "" {
		args = append(args, "-tags", tags)
	}
	if benchtime != "" {
		args = append(args, "-benchtime", benchtime)
	}
	args = append(args, pkgs...)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goCmd, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	out, err := cmd.Output()
	run := parseTestJSON(out)
	run.elapsed = time.Since(start)
	if err != nil && len(run.results) == 0 {
		return run, fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err, tail(stderr.String(), 4))
	}
	return run, nil
}

// testEvent is one line of `go test -json` (test2json) output.
type testEvent struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// parseTestJSON gathers each package's output text and parses its benchmark lines; a package that
// fails is recorded with the last lines of its output.
func parseTestJSON(data []byte) *benchRun {
	run := &benchRun{failures: map[string]string{}}
	text := map[string]*strings.Builder{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var ev testEvent
		if json.Unmarshal(sc.Bytes(), &ev) != nil || ev.Package == "" {
			continue
		}
		b, ok := text[ev.Package]
		if !ok {
			b = &strings.Builder{}
			text[ev.Package] = b
			order = append(order, ev.Package)
		}
		switch ev.Action {
		case "output", "build-output":
			b.WriteString(ev.Output)
		case "fail", "build-fail":
			if ev.Test == "" {
				run.failures[ev.Package] = "FAIL"
			}
		}
	}
	for _, pkg := range order {
		out := text[pkg].String()
		results := parseBenchText(pkg, out)
		run.results = append(run.results, results...)
		if _, failed := run.failures[pkg]; failed {
			run.failures[pkg] = tail(out, 4)
		}
	}
	return run
}

// parseBenchText parses the benchmark result lines of one package's output. The name and the
// figures may be split over two lines when the benchmark logs in between; both shapes are read.
func parseBenchText(pkg, out string) []benchResult {
	var results []benchResult
	pending := ""
	for _, line := range strings.Split(out, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if strings.HasPrefix(fields[0], "Benchmark") {
			if len(fields) == 1 {
				pending = fields[0]
				continue
			}
			if r, ok := parseBenchFields(pkg, fields[0], fields[1:]); ok {
				results = append(results, r)
			}
			pending = ""
			continue
		}
		if pending != "" {
			if r, ok := parseBenchFields(pkg, pending, fields); ok {
				results = append(results, r)
				pending = ""
			}
		}
	}
	return results
}

// parseBenchFields reads "N value unit value unit ..." for the benchmark named name.
func parseBenchFields(pkg, name string, fields []string) (benchResult, bool) {
	if len(fields) < 3 || len(fields)%2 == 0 {
		return benchResult{}, false
	}
	n, err := strconv.ParseInt(fields[0], 10, 64)
	if err != nil {
		return benchResult{}, false
	}
	r := benchResult{pkg: pkg, name: trimProcs(name), n: n, metrics: map[string]float64{}}
	for i := 1; i+1 < len(fields); i += 2 {
		v, err := strconv.ParseFloat(fields[i], 64)
		if err != nil {
			return benchResult{}, false
		}
		r.metrics[fields[i+1]] = v
		r.units = append(r.units, fields[i+1])
	}
	return r, true
}

// trimProcs removes the "-2" GOMAXPROCS suffix from a benchmark name.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}
