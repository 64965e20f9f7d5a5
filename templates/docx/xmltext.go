package docx

import (
	"strings"
	"unicode/utf8"

	"khuyencong/forms"
)

// esc returns s in NFC with the characters XML 1.0 forbids dropped and the rest escaped for
// element content and attribute values.
func esc(s string) string {
	s = forms.NFC(s)
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && len(s[i:]) > 0 && !validAt(s, i):
			continue // a broken byte sequence
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			continue
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// validAt reports whether the rune at byte i of s is a real U+FFFD rather than a decoding error.
func validAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return !(r == utf8.RuneError && size <= 1)
}
