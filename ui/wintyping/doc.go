// Package wintyping makes Vietnamese input methods type correctly into Fyne windows on Windows.
//
// Unikey, EVKey and OpenKey correct a word by sending N backspaces and the new letters. Some of
// them send the backspace as a character (U+0008: a KEYEVENTF_UNICODE packet, or a WM_CHAR 0x08
// with no VK_BACK key-down before it). GLFW, under Fyne, drops every character below 32, so such a
// backspace is lost and "Hợp" arrives as "Hopơpợp". Install subclasses the window procedure of a
// Fyne window and turns such a lone character backspace into the Backspace key (a VK_BACK
// key-down and key-up handed to GLFW's own procedure), and keeps every other control character
// away from the fields. Elsewhere than on Windows, Install does nothing.
package wintyping
