// Command typingcheck replays how Vietnamese input methods type into the Windows app, under wine and Xvfb, and checks the text.
package main

import (
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// The texts every variant must produce, in NFC.
const (
	textCoop   = "Hợp tác xã Mây tre đan Phú Vinh"
	textPerson = "Nguyễn Thị Ngọc Hường"
)

// Event kinds: what reaches the app's window.
const (
	evKey     = iota // a key event (virtual key, with Shift held for capitals)
	evUnicode        // a KEYEVENTF_UNICODE packet (down and up) carrying one UTF-16 unit
	evChar           // a WM_CHAR posted to the window
	evPaste          // the text put on the clipboard, then Shift+Insert
)

const (
	vkBack   = 0x08
	vkSpace  = 0x20
	bsPacket = 0x08 // U+0008 sent as a character
)

type event struct {
	kind  int
	vk    uint16 // evKey
	shift bool   // evKey: hold Shift
	unit  uint16 // evUnicode, evChar
	text  string // evPaste
}

// action is what one key press of the user turns into: the key itself when the input method lets
// it through, or the input method's correction (backspaces and new letters).
type action []event

// How the input method sends its backspaces.
const (
	bsKey     = "vk"      // VK_BACK key events (OpenKey, Unikey's default)
	bsUnicode = "unicode" // U+0008 as a KEYEVENTF_UNICODE packet
	bsWMChar  = "wmchar"  // WM_CHAR 0x08 posted, no key-down (everything else posted as WM_CHAR too)
)

// variant is one way of typing one text.
type variant struct {
	name      string
	method    string // "telex": shapes right after their letter, tone at the end of the word; "vni": marks after the whole word
	text      string
	upper     bool
	backspace string // bsKey, bsUnicode or bsWMChar
	prefix    bool   // OpenKey's U+202F before each correction (and one more backspace)
	paste     bool   // clipboard mode: the new letters through the clipboard and Shift+Insert
	oneCall   bool   // one SendInput per action (else one per event)
	delayMS   int    // pause between actions
}

func (v variant) want() string {
	if v.upper {
		return strings.ToUpper(v.text)
	}
	return v.text
}

// charBackspace says whether the variant sends backspaces as characters (lost without the hook).
func (v variant) charBackspace() bool { return v.backspace != bsKey }

var variants = []variant{
	{name: "telex-vk-one", method: "telex", text: textCoop, backspace: bsKey, oneCall: true},
	{name: "telex-vk-many", method: "telex", text: textPerson, backspace: bsKey},
	{name: "telex-vk-many-delay", method: "telex", text: textCoop, backspace: bsKey, delayMS: 5},
	{name: "vni-vk-one", method: "vni", text: textPerson, backspace: bsKey, oneCall: true},
	{name: "telex-vk-u202f", method: "telex", text: textCoop, backspace: bsKey, prefix: true, oneCall: true},
	{name: "vni-vk-u202f-many", method: "vni", text: textPerson, backspace: bsKey, prefix: true},
	{name: "telex-vk-upper", method: "telex", text: textCoop, upper: true, backspace: bsKey, oneCall: true},
	{name: "vni-vk-upper-u202f", method: "vni", text: textPerson, upper: true, backspace: bsKey, prefix: true},
	{name: "telex-u0008-one", method: "telex", text: textCoop, backspace: bsUnicode, oneCall: true},
	{name: "vni-u0008-many", method: "vni", text: textPerson, backspace: bsUnicode},
	{name: "telex-u0008-upper-delay", method: "telex", text: textPerson, upper: true, backspace: bsUnicode, delayMS: 5},
	{name: "vni-u0008-upper-u202f", method: "vni", text: textCoop, upper: true, backspace: bsUnicode, prefix: true, oneCall: true},
	{name: "telex-wmchar", method: "telex", text: textCoop, backspace: bsWMChar},
	{name: "vni-wmchar-upper", method: "vni", text: textPerson, upper: true, backspace: bsWMChar},
	{name: "telex-clipboard", method: "telex", text: textCoop, backspace: bsKey, paste: true},
	{name: "vni-clipboard-upper", method: "vni", text: textPerson, upper: true, backspace: bsKey, paste: true},
}

// Tone marks (one per Vietnamese word) and shape marks, as combining characters.
var toneMarks = map[rune]bool{'\u0300': true, '\u0301': true, '\u0303': true, '\u0309': true, '\u0323': true}

// states returns what the field shows after each key press while a word is typed: plain letters,
// then (Telex) each shape mark right after its letter and the tone at the end, or (VNI) every
// mark after the whole word.
func states(word, method string) []string {
	type letter struct {
		base, shaped, full string
	}
	var ls []letter
	for _, r := range word {
		full := string(r)
		d := []rune(norm.NFD.String(full))
		base, shaped := string(d[0]), string(d[0])
		for _, m := range d[1:] {
			if !toneMarks[m] {
				shaped += string(m)
			}
		}
		switch r {
		case 'đ':
			base, shaped = "d", "đ"
		case 'Đ':
			base, shaped = "D", "Đ"
		}
		ls = append(ls, letter{base, norm.NFC.String(shaped), full})
	}
	show := func(shaped []bool, n int, tone bool) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			switch {
			case tone:
				b.WriteString(ls[i].full)
			case shaped[i]:
				b.WriteString(ls[i].shaped)
			default:
				b.WriteString(ls[i].base)
			}
		}
		return b.String()
	}
	shaped := make([]bool, len(ls))
	var out []string
	add := func(s string) {
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	for i := range ls {
		add(show(shaped, i+1, false))
		if method == "telex" && ls[i].shaped != ls[i].base {
			shaped[i] = true
			add(show(shaped, i+1, false))
		}
	}
	for i := range ls {
		if ls[i].shaped != ls[i].base {
			shaped[i] = true
			add(show(shaped, len(ls), false))
		}
	}
	add(show(shaped, len(ls), true))
	return out
}

// actions turns the variant into what reaches the window, key press by key press.
func actions(v variant) []action {
	var out []action
	for i, word := range strings.Split(v.want(), " ") {
		if i > 0 {
			out = append(out, v.plain(' '))
		}
		prev := ""
		for _, s := range states(word, v.method) {
			p, n := []rune(prev), []rune(s)
			common := 0
			for common < len(p) && common < len(n) && p[common] == n[common] {
				common++
			}
			back, add := len(p)-common, string(n[common:])
			if back == 0 && len(n) == len(p)+1 && n[len(n)-1] < 0x80 {
				out = append(out, v.plain(n[len(n)-1])) // the key went through
			} else {
				out = append(out, v.correction(back, add))
			}
			prev = s
		}
	}
	return out
}

// plain is a key the input method lets through: a key event, or a posted character.
func (v variant) plain(r rune) action {
	if v.backspace == bsWMChar {
		return action{{kind: evChar, unit: uint16(r)}}
	}
	if r == ' ' {
		return action{{kind: evKey, vk: vkSpace}}
	}
	return action{{kind: evKey, vk: uint16(unicode.ToUpper(r)), shift: unicode.IsUpper(r)}}
}

// correction is the input method's answer to a key it swallowed: back backspaces, then add.
func (v variant) correction(back int, add string) action {
	var a action
	if v.prefix {
		a = append(a, v.letters("\u202F")...)
		back++
	}
	for i := 0; i < back; i++ {
		switch v.backspace {
		case bsKey:
			a = append(a, event{kind: evKey, vk: vkBack})
		case bsUnicode:
			a = append(a, event{kind: evUnicode, unit: bsPacket})
		case bsWMChar:
			a = append(a, event{kind: evChar, unit: bsPacket})
		}
	}
	if v.paste {
		return append(a, event{kind: evPaste, text: add})
	}
	return append(a, v.letters(add)...)
}

func (v variant) letters(s string) []event {
	var out []event
	for _, u := range utf16.Encode([]rune(s)) {
		if v.backspace == bsWMChar {
			out = append(out, event{kind: evChar, unit: u})
		} else {
			out = append(out, event{kind: evUnicode, unit: u})
		}
	}
	return out
}

// simulate plays the actions on a text the way a field receives them; without the hook, a
// backspace that arrives as a character is lost (GLFW drops characters below 32).
func simulate(acts []action, hooked bool) string {
	var text []rune
	del := func() {
		if len(text) > 0 {
			text = text[:len(text)-1]
		}
	}
	for _, a := range acts {
		for _, e := range a {
			switch {
			case e.kind == evKey && e.vk == vkBack:
				del()
			case e.kind == evKey:
				r := unicode.ToLower(rune(e.vk))
				if e.shift {
					r = unicode.ToUpper(r)
				}
				text = append(text, r)
			case e.kind == evPaste:
				text = append(text, []rune(e.text)...)
			case e.unit == bsPacket:
				if hooked {
					del()
				}
			default:
				text = append(text, rune(e.unit))
			}
		}
	}
	return string(text)
}
