package forms

import (
	"strings"
	"testing"
)

// helpTexts lists every help text of a programme's wizard: steps, fields and table columns,
// Vietnamese and English, each with where it is.
func helpTexts(def *ProgrammeDef) map[string]string {
	out := map[string]string{}
	var field func(step string, f Field)
	field = func(step string, f Field) {
		out[step+"/"+f.Path] = f.Help
		out[step+"/"+f.Path+" (en)"] = f.HelpEN
		for _, c := range f.Columns {
			field(step+"/"+f.Path, c)
		}
	}
	for _, s := range def.Steps {
		out[s.ID] = s.Help
		out[s.ID+" (en)"] = s.HelpEN
		for _, f := range s.Fields {
			field(s.ID, f)
		}
	}
	return out
}

// A hint belongs to its own programme: no machines or productivity under a trade fair, no fair
// or booth under equipment or cleaner production.
func TestHintsBelongToTheirProgramme(t *testing.T) {
	foreign := map[Programme][]string{
		TradeFair:         {"máy", "thiết bị", "năng suất", "machine", "equipment", "productivity"},
		Equipment:         {"hội chợ", "triển lãm", "gian hàng", "fair", "booth"},
		CleanerProduction: {"hội chợ", "triển lãm", "gian hàng", "fair", "booth", "máy móc thiết bị tiên tiến", "bánh tráng"},
	}
	for p, words := range foreign {
		for where, help := range helpTexts(Definition(p)) {
			low := strings.ToLower(help)
			for _, w := range words {
				if strings.Contains(low, w) {
					t.Errorf("%s, %s: the help %q speaks of %q, which belongs to another programme", p, where, help, w)
				}
			}
		}
	}
	// each programme's own example stays
	for p, want := range map[Programme]string{TradeFair: "hội chợ", Equipment: "máy móc", CleanerProduction: "sản xuất sạch hơn"} {
		if h := helpTexts(Definition(p))["general/project.title"]; !strings.Contains(strings.ToLower(h), want) {
			t.Errorf("%s: the title's example %q does not speak of %q", p, h, want)
		}
	}
}
