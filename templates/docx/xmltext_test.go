package docx

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"khuyencong/forms"
	"khuyencong/templates"
)

// FuzzEsc: whatever the text, the escaped form parses as XML content and attribute value, and
// reads back as the text in NFC without the characters XML forbids.
func FuzzEsc(f *testing.F) {
	for _, s := range []string{"", "Công ty <A&B> \"x\" 'y'", "Ngu\u031bo\u031b\u0300i", "\x00\x01\x1f\t\n", "\ufffe\uffff\xff\xfe", "a]]>b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := esc(s)
		var v struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(`<x a="`+e+`">`+e+`</x>`), &v); err != nil {
			t.Fatalf("esc(%q) = %q does not parse: %v", s, e, err)
		}
		if !utf8.ValidString(v.Text) || strings.ContainsAny(v.Text, "\x00\x01\ufffe") {
			t.Fatalf("esc(%q) kept a forbidden character: %q", s, v.Text)
		}
		if want := forms.NFC(v.Text); v.Text != want {
			t.Fatalf("esc(%q) is not NFC: %q", s, v.Text)
		}
	})
}

// TestEmptyAndUnknownBlocks: blocks without their content are skipped, an unknown kind is refused
// with a message, a dossier without documents still makes a valid file.
func TestEmptyAndUnknownBlocks(t *testing.T) {
	d := &templates.Dossier{Title: "x", Documents: []templates.Document{{ID: "a", Blocks: []templates.Block{
		{Kind: templates.KindHeading}, {Kind: templates.KindParagraph}, {Kind: templates.KindField}, {Kind: templates.KindBox},
		{Kind: templates.KindTable}, {Kind: templates.KindIssuerHeader}, {Kind: templates.KindSignature},
		{Kind: templates.KindContents}, {Kind: templates.KindImage}, {Kind: templates.KindAttachedPDF},
		{Kind: templates.KindPageBreak}, {Kind: templates.KindSpace},
	}}}}
	ps := parts(t, render(t, d, Options{}))
	if err := wellFormed(ps["word/document.xml"]); err != nil {
		t.Fatal(err)
	}
	d.Documents[0].Blocks = append(d.Documents[0].Blocks, templates.Block{Kind: "hologram"})
	if _, err := Write(&strings.Builder{}, d, Options{}); err == nil || !strings.Contains(err.Error(), "hologram") {
		t.Errorf("unknown block: %v", err)
	}
	if _, err := Write(&strings.Builder{}, nil, Options{}); err == nil {
		t.Error("no error for no dossier")
	}
	ps = parts(t, render(t, &templates.Dossier{}, Options{}))
	if err := wellFormed(ps["word/document.xml"]); err != nil {
		t.Fatal(err)
	}
}
