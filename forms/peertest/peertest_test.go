package peertest

import "testing"

func TestUnderCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "false": false, "true": true, "1": true} {
		t.Setenv("CI", v)
		if got := UnderCI(); got != want {
			t.Errorf("CI=%q: UnderCI() = %v, want %v", v, got, want)
		}
	}
}

func TestNeedFindsAnInstalledCommand(t *testing.T) {
	if Need(t, "go", "go is missing", "go is missing") == "" {
		t.Error("Need returned no path for go")
	}
}
