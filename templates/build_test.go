package templates

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"khuyencong/forms"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedNow is the creation time of every dossier built in tests.
var fixedNow = time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)

func buildSample(t testing.TB, p forms.Programme, v Variant) (*forms.Application, *forms.Report, *Dossier) {
	t.Helper()
	app := forms.Sample(p)
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := Build(app, rep, Options{Variant: v, Now: fixedNow, AppVersion: "test"})
	if err != nil {
		t.Fatalf("Build(%s, %s): %v", p, v, err)
	}
	return app, rep, d
}

// TestGoldens compares the model of each programme's sample with testdata/<programme>.golden.json.
// Run with -update to rewrite them, and review the diff like code.
func TestGoldens(t *testing.T) {
	for _, p := range forms.Programmes() {
		for _, v := range []Variant{Final, Blank} {
			t.Run(string(p)+"-"+string(v), func(t *testing.T) {
				_, _, d := buildSample(t, p, v)
				got, err := json.MarshalIndent(d, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				name := string(p) + ".golden.json"
				if v != Final {
					name = string(p) + "-" + string(v) + ".golden.json"
				}
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./templates -run TestGoldens -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("the model of %s differs from %s; run with -update and review the diff", p, path)
				}
			})
		}
	}
}
