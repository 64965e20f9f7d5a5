package wintyping

// Window messages and virtual keys the hook looks at (winuser.h).
const (
	wmKeyDown     = 0x0100
	wmKeyUp       = 0x0101
	wmChar        = 0x0102
	wmSysKeyDown  = 0x0104
	wmUniChar     = 0x0109
	vkBack        = 0x08
	unicodeNoChar = 0xFFFF
)

// action is what the hook does with one message.
type action int

const (
	pass      action = iota // hand the message to GLFW unchanged
	swallow                 // drop it: a control character that must not reach a field
	backspace               // replace it by a VK_BACK key-down and key-up
)

// filter decides, message by message, what reaches GLFW. It remembers whether the last key-down
// was VK_BACK: a WM_CHAR 0x08 right after it is the ordinary translation of the Backspace key
// (GLFW already acted on the key-down); any other WM_CHAR 0x08 is a backspace sent as a character.
type filter struct {
	backDown bool
}

func (f *filter) decide(msg uint32, wparam uintptr) action {
	switch msg {
	case wmKeyDown, wmSysKeyDown:
		f.backDown = wparam == vkBack
		return pass
	case wmChar, wmUniChar:
		if msg == wmUniChar && wparam == unicodeNoChar {
			return pass
		}
		afterKey := f.backDown
		f.backDown = false
		if wparam == 0x08 {
			if afterKey {
				return pass // GLFW drops it; the key-down already deleted
			}
			return backspace
		}
		if isControl(wparam) {
			return swallow
		}
	}
	return pass
}

// isControl reports C0 and C1 control characters and DEL (what Ctrl+Backspace types).
func isControl(c uintptr) bool {
	return c < 0x20 || (c >= 0x7F && c < 0xA0)
}
