package wintyping

import "testing"

// The message streams Windows delivers for each way an input method can send a backspace.
func TestFilter(t *testing.T) {
	const vkPacket, vkA = 0xE7, 0x41
	type m struct {
		msg uint32
		wp  uintptr
	}
	cases := []struct {
		name string
		in   []m
		want []action
	}{
		{"Backspace key: key-down then its WM_CHAR 0x08", []m{{wmKeyDown, vkBack}, {wmChar, 8}, {wmKeyUp, vkBack}}, []action{pass, pass, pass}},
		{"U+0008 as a Unicode packet", []m{{wmKeyDown, vkPacket}, {wmChar, 8}, {wmKeyUp, vkPacket}}, []action{pass, backspace, pass}},
		{"posted WM_CHAR 0x08 alone, twice", []m{{wmChar, 8}, {wmChar, 8}}, []action{backspace, backspace}},
		{"key-down VK_BACK then two characters 0x08", []m{{wmKeyDown, vkBack}, {wmChar, 8}, {wmChar, 8}}, []action{pass, pass, backspace}},
		{"letters pass", []m{{wmKeyDown, vkA}, {wmChar, 'a'}, {wmChar, 'ợ'}, {wmUniChar, 'ư'}}, []action{pass, pass, pass, pass}},
		{"other control characters never reach a field", []m{{wmChar, 0x01}, {wmChar, '\t'}, {wmChar, 0x7F}, {wmChar, 0x9B}, {wmUniChar, 0x1B}}, []action{swallow, swallow, swallow, swallow, swallow}},
		{"U+202F passes (OpenKey's prefix)", []m{{wmChar, 0x202F}}, []action{pass}},
		{"WM_UNICHAR probe passes", []m{{wmUniChar, unicodeNoChar}}, []action{pass}},
	}
	for _, c := range cases {
		var f filter
		for i, x := range c.in {
			if got := f.decide(x.msg, x.wp); got != c.want[i] {
				t.Errorf("%s: message %d (%#x %#x): got %d, want %d", c.name, i, x.msg, x.wp, got, c.want[i])
			}
		}
	}
}
