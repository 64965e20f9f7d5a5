package main

import (
	"os"
	"testing"
)

func TestFixLocale(t *testing.T) {
	for _, tc := range []struct {
		env      map[string]string
		wantLang string
	}{
		{map[string]string{}, "vi_VN.UTF-8"},
		{map[string]string{"LANG": "C"}, "vi_VN.UTF-8"},
		{map[string]string{"LANG": "C.UTF-8"}, "vi_VN.UTF-8"},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "en_GB.UTF-8"}, "en_GB.UTF-8"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, "en_GB.UTF-8"},
	} {
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(k, tc.env[k])
			if tc.env[k] == "" {
				os.Unsetenv(k)
			}
		}
		fixLocale()
		if got := os.Getenv("LANG"); got != tc.wantLang {
			t.Errorf("%v: LANG %q, want %q", tc.env, got, tc.wantLang)
		}
		if posixLocale(os.Getenv("LC_ALL")) {
			t.Errorf("%v: LC_ALL left at %q", tc.env, os.Getenv("LC_ALL"))
		}
	}
}
