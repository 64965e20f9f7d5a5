package docx

import (
	"strings"

	"khuyencong/forms"
)

// esc returns s with broken UTF-8 and the characters XML 1.0 forbids dropped, then in NFC (in this
// order: a dropped byte between a letter and its accent must not leave them uncomposed), escaped
// for element content and attribute values.
func esc(s string) string {
	s = forms.NFC(strings.Map(xmlChar, strings.ToValidUTF8(s, "")))
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar keeps the characters XML 1.0 allows (tab, line breaks, everything from U+0020 but the
// surrogates and U+FFFE, U+FFFF) and drops the rest.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return r
	case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return -1
	}
	return r
}
