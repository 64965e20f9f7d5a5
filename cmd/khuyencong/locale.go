package main

import (
	"os"
	"strings"
)

// fixLocale gives Fyne a locale it can parse when the environment has none or only "C"/"POSIX"
// (a service, a bare container): the app speaks Vietnamese first, so Vietnamese is what the later
// locale lookups (the font fallback's language, date formats) get. Fyne's lang package reads the
// locale once in its own init, before main: with LANG=C.UTF-8 it still prints "Error parsing user
// locale C" once, which no code of the app can precede; with LANG unset or "C" nothing is printed.
func fixLocale() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if !posixLocale(v) {
			return // the first set variable wins, and it is a real locale
		}
		if k != "LANG" {
			os.Unsetenv(k)
		}
	}
	os.Setenv("LANG", "vi_VN.UTF-8")
}

// posixLocale reports whether v names the C / POSIX locale, with or without an encoding.
func posixLocale(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}
