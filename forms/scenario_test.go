package forms

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// A scenario: answers in (a sample plus changes), visited steps and problems out.
type scenario struct {
	About    string            `json:"about"`
	Base     Programme         `json:"base"`
	Set      map[string]string `json:"set"`
	Steps    []string          `json:"steps"`
	Blocking bool              `json:"blocking"`
	Problems []struct {
		Severity Severity `json:"severity"`
		Path     string   `json:"path"`
		Contains string   `json:"contains"`
	} `json:"problems"`
	Absent []string          `json:"absent"`
	Kept   map[string]string `json:"kept"`
}

func TestScenarios(t *testing.T) {
	files, err := filepath.Glob("testdata/scenarios/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var sc scenario
			if err := json.Unmarshal(data, &sc); err != nil {
				t.Fatal(err)
			}
			app := Sample(sc.Base)
			if app == nil {
				t.Fatalf("unknown base %q", sc.Base)
			}
			keys := make([]string, 0, len(sc.Set))
			for k := range sc.Set {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if err := SetField(app, k, sc.Set[k]); err != nil {
					t.Fatalf("set %s: %v", k, err)
				}
			}
			rep := Check(app, DefaultPacks())
			if sc.Steps != nil {
				var got []string
				for _, s := range Definition(app.Programme).VisibleSteps(app) {
					got = append(got, s.ID)
				}
				if !slices.Equal(got, sc.Steps) {
					t.Errorf("steps %v, want %v", got, sc.Steps)
				}
			}
			if rep.Blocking() != sc.Blocking {
				t.Errorf("blocking = %v, want %v; problems:\n%s", rep.Blocking(), sc.Blocking, describe(rep.Problems))
			}
			for _, want := range sc.Problems {
				found := false
				for _, p := range rep.Problems {
					if p.Severity == want.Severity && p.Path == want.Path && strings.Contains(p.Message, want.Contains) {
						found = true
					}
				}
				if !found {
					t.Errorf("no %s at %s containing %q; problems:\n%s", want.Severity, want.Path, want.Contains, describe(rep.Problems))
				}
			}
			for _, path := range sc.Absent {
				for _, p := range rep.Problems {
					if p.Path == path {
						t.Errorf("a question that does not apply is reported: %s: %s", p.Path, p.Message)
					}
				}
				for _, m := range rep.Completeness.Missing {
					if m.Path == path {
						t.Errorf("a question that does not apply is counted as missing: %s", path)
					}
				}
			}
			for path, want := range sc.Kept {
				if got, _ := GetField(app, path); got != want {
					t.Errorf("%s = %q, want the kept answer %q", path, got, want)
				}
			}
		})
	}
}

func describe(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + string(p.Severity) + " " + p.Path + ": " + p.Message + "\n")
	}
	return b.String()
}
