package main

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestStates(t *testing.T) {
	if got := strings.Join(states("Hợp", "telex"), ","); got != "H,Ho,Hơ,Hơp,Hợp" {
		t.Errorf("telex Hợp: %s", got)
	}
	if got := strings.Join(states("Hường", "vni"), ","); got != "H,Hu,Huo,Huon,Huong,Hưong,Hương,Hường" {
		t.Errorf("vni Hường: %s", got)
	}
	if got := strings.Join(states("đan", "telex"), ","); got != "d,đ,đa,đan" {
		t.Errorf("telex đan: %s", got)
	}
}

// Every variant's key presses give its text with the hook, and (for backspaces sent as
// characters) the garbled text of the issue without it.
func TestVariantsProduceTheText(t *testing.T) {
	for _, v := range variants {
		acts := actions(v)
		got := strings.ReplaceAll(simulate(acts, true), "\u202F", "")
		if got != v.want() || !norm.NFC.IsNormalString(got) {
			t.Errorf("%s: simulated %q, want %q", v.name, got, v.want())
		}
		if v.charBackspace() {
			if lost := simulate(acts, false); lost == v.want() {
				t.Errorf("%s: also right without the hook: the variant does not exercise it", v.name)
			}
		}
	}
	telexCoop := variants[0]
	telexCoop.backspace = bsUnicode
	if got := simulate(actions(telexCoop), false); !strings.HasPrefix(got, "Hoơpợp") {
		t.Errorf("without the hook: %q", got)
	}
}
