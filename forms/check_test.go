package forms

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
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

// TestSamplesUseEveryDiacritic checks that the samples, which feed the PDF and screen tests, contain
// every Vietnamese tone mark and letter modifier, and the letter đ.
func TestSamplesUseEveryDiacritic(t *testing.T) {
	var all strings.Builder
	for _, p := range Programmes() {
		data, err := MarshalApplication(Sample(p))
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	decomposed := norm.NFD.String(all.String())
	marks := map[rune]string{
		'\u0300': "huyền", '\u0301': "sắc", '\u0309': "hỏi", '\u0303': "ngã", '\u0323': "nặng",
		'\u0306': "breve (ă)", '\u0302': "circumflex (â ê ô)", '\u031B': "horn (ơ ư)",
	}
	for r, name := range marks {
		if !strings.ContainsRune(decomposed, r) {
			t.Errorf("samples lack the %s mark", name)
		}
	}
	for _, letter := range []string{"đ", "Đ", "ă", "â", "ê", "ô", "ơ", "ư"} {
		if !strings.Contains(all.String(), letter) {
			t.Errorf("samples lack %q", letter)
		}
	}
}
