package main

import (
	"image"
	"image/color"
	"testing"
	"time"
)

func TestParseBenchText(t *testing.T) {
	out := "goos: linux\ngoarch: amd64\npkg: khuyencong/forms/boltstore\n" +
		"BenchmarkSaveApplication-2   \t    3000\t    412345 ns/op\t         0.3500 ms-median\t         1.200 ms-p99\t   12345 B/op\t     101 allocs/op\n" +
		// A benchmark that logs: the name and the figures arrive on separate lines.
		"BenchmarkApplications10k/all-2\n    fill.go:12: filled 10000\n      50\t  2000000 ns/op\t 3.5 MB-file\n" +
		"BenchmarkBroken-2 \t --- FAIL\nPASS\nok  \tkhuyencong/forms/boltstore\t3.2s\n"
	got := parseBenchText("khuyencong/forms/boltstore", out)
	if len(got) != 2 {
		t.Fatalf("parsed %d results, want 2: %+v", len(got), got)
	}
	save := got[0]
	if save.name != "BenchmarkSaveApplication" || save.n != 3000 || save.metrics["ns/op"] != 412345 ||
		save.metrics["ms-p99"] != 1.2 || save.metrics["allocs/op"] != 101 {
		t.Errorf("first result = %+v", save)
	}
	list := got[1]
	if list.name != "BenchmarkApplications10k/all" || list.n != 50 || list.metrics["MB-file"] != 3.5 {
		t.Errorf("second result = %+v", list)
	}
	run := &benchRun{results: got}
	if run.find("boltstore", "BenchmarkSaveApplication") == nil || run.find("pdf", "BenchmarkSaveApplication") != nil {
		t.Error("find does not match on package suffix and name")
	}
	if b := run.findMetric("boltstore", "BenchmarkApplications10k", "MB-file"); b == nil || b.name != "BenchmarkApplications10k/all" {
		t.Errorf("findMetric did not look into the sub-benchmarks: %+v", b)
	}
}

func TestParseTestJSONKeepsFailures(t *testing.T) {
	data := []byte(`{"Action":"output","Package":"khuyencong/templates/pdf","Output":"BenchmarkSample-2   \t"}
{"Action":"output","Package":"khuyencong/templates/pdf","Output":"      40\t  30000000 ns/op\n"}
{"Action":"pass","Package":"khuyencong/templates/pdf"}
{"Action":"build-output","Package":"khuyencong/ui","Output":"ui/x.go:3:1: syntax error\n"}
{"Action":"fail","Package":"khuyencong/ui"}
`)
	run := parseTestJSON(data)
	if len(run.results) != 1 || run.results[0].name != "BenchmarkSample" || run.results[0].metrics["ns/op"] != 3e7 {
		t.Fatalf("results = %+v", run.results)
	}
	if why := run.failures["khuyencong/ui"]; why == "" || why == "FAIL" {
		t.Fatalf("the ui failure lost its reason: %q", why)
	}
}

func TestTrimProcs(t *testing.T) {
	for in, want := range map[string]string{
		"BenchmarkX-2":         "BenchmarkX",
		"BenchmarkX/sub-case":  "BenchmarkX/sub-case",
		"BenchmarkX/n=10-16":   "BenchmarkX/n=10",
		"BenchmarkNoSuffix":    "BenchmarkNoSuffix",
		"BenchmarkDash-branch": "BenchmarkDash-branch",
	} {
		if got := trimProcs(in); got != want {
			t.Errorf("trimProcs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVietnameseNumbers(t *testing.T) {
	cases := []struct {
		x    float64
		dec  int
		want string
	}{
		{1234567, 0, "1.234.567"},
		{1234.5, 1, "1.234,5"},
		{0.35, 2, "0,35"},
		{999, 0, "999"},
		{-1500, 0, "-1.500"},
	}
	for _, c := range cases {
		if got := number(c.x, c.dec); got != c.want {
			t.Errorf("number(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
	if got := duration(1500 * time.Microsecond); got != "1,50 ms" {
		t.Errorf("duration(1,5 ms) = %q", got)
	}
	if got := duration(12 * time.Second); got != "12,0 s" {
		t.Errorf("duration(12 s) = %q", got)
	}
}

func TestDiffersFromCorner(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 100, 100))
	if differsFromCorner(img, 0.01) {
		t.Fatal("an empty screen counted as drawn")
	}
	for y := 20; y < 60; y++ {
		for x := 20; x < 80; x++ {
			img.Set(x, y, color.RGBA{240, 240, 240, 255})
		}
	}
	if !differsFromCorner(img, 0.01) {
		t.Fatal("a window on the screen was not seen")
	}
}

func TestSeries(t *testing.T) {
	s := series{{wall: 30 * time.Millisecond, maxRSS: 10}, {wall: 10 * time.Millisecond, maxRSS: 30}, {wall: 20 * time.Millisecond, maxRSS: 20}}
	if s.median() != 20*time.Millisecond || s.fastest() != 10*time.Millisecond || s.peak() != 30 {
		t.Fatalf("median %v fastest %v peak %d", s.median(), s.fastest(), s.peak())
	}
}
