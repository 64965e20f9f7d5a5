package forms

import (
	"strings"
	"testing"
)

func TestSamplesHaveNoBlockingProblems(t *testing.T) {
	for _, p := range Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := Sample(p)
			rep := Check(app, DefaultPacks())
			for _, pr := range rep.Problems {
				if pr.Severity == SeverityError {
					t.Errorf("%s: %s", pr.Path, pr.Message)
				}
			}
			if rep.Budget == nil {
				t.Fatal("no budget")
			}
			if rep.Completeness.Percent != 100 {
				t.Errorf("completeness %d%%, missing %v", rep.Completeness.Percent, rep.Completeness.Missing)
			}
			b := rep.Budget
			if b.Support+b.Counterpart != b.Total {
				t.Errorf("support %s + counterpart %s != total %s", b.Support, b.Counterpart, b.Total)
			}
		})
	}
}

func TestSampleUsesVietnameseDiacritics(t *testing.T) {
	data, err := MarshalApplication(Sample(Equipment))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Phước Hưng") {
		t.Error("sample lacks the enterprise name")
	}
}
