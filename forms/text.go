package forms

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s normalised to Unicode NFC with surrounding white space removed.
// Every text that enters the domain (typed, pasted, imported) passes through it.
func Clean(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// NFC returns s normalised to Unicode NFC, keeping white space as it is
// (for long multi-line answers whose layout matters).
func NFC(s string) string {
	return norm.NFC.String(s)
}

func toLowerRune(r rune) []rune { return []rune(strings.ToLower(string(r))) }
