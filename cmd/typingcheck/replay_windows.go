//go:build windows

package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	kernel32             = windows.NewLazySystemDLL("kernel32.dll")
	procSendInput        = user32.NewProc("SendInput")
	procPostMessageW     = user32.NewProc("PostMessageW")
	procFindWindowW      = user32.NewProc("FindWindowW")
	procSetForeground    = user32.NewProc("SetForegroundWindow")
	procOpenClipboard    = user32.NewProc("OpenClipboard")
	procCloseClipboard   = user32.NewProc("CloseClipboard")
	procEmptyClipboard   = user32.NewProc("EmptyClipboard")
	procGetClipboardData = user32.NewProc("GetClipboardData")
	procSetClipboardData = user32.NewProc("SetClipboardData")
	procOpenClipboardWin = user32.NewProc("GetOpenClipboardWindow")
	procGlobalAlloc      = kernel32.NewProc("GlobalAlloc")
	procGlobalLock       = kernel32.NewProc("GlobalLock")
	procGlobalUnlock     = kernel32.NewProc("GlobalUnlock")
)

const (
	inputKeyboard     = 1
	keyeventfExtended = 0x0001
	keyeventfKeyUp    = 0x0002
	keyeventfUnicode  = 0x0004
	wmChar            = 0x0102
	cfUnicodeText     = 13
	gmemMoveable      = 0x0002
	vkShift           = 0x10
	vkControl         = 0x11
	vkInsert          = 0x2D
	windowTitle       = "Kiểm tra gõ tiếng Việt" // cmd/khuyencong's test window
	sentinel          = "\u2400typingcheck\u2400"
	readbackTimeout   = 5 * time.Second
	settleAfterTyping = 300 * time.Millisecond
	// pasteSettle is the pause before changing the clipboard and after Shift+Insert: the app must
	// have read the clipboard before it changes again (input methods pause the same way).
	pasteSettle = 250 * time.Millisecond
)

// input is user32's INPUT for a keyboard event on 64-bit Windows (40 bytes).
type input struct {
	typ       uint32
	_         uint32
	vk        uint16
	scan      uint16
	flags     uint32
	time      uint32
	_         uint32
	extraInfo uint64
	_         [8]byte
}

func key(vk uint16, up bool) input {
	in := input{typ: inputKeyboard, vk: vk}
	if up {
		in.flags = keyeventfKeyUp
	}
	return in
}

// insertKey is the Insert key of the editing block: an extended key (scan code E0 52), as a real
// keyboard sends it; without the flag, GLFW reads scan code 52 as the keypad's 0.
func insertKey(up bool) input {
	in := key(vkInsert, up)
	in.scan = 0x52
	in.flags |= keyeventfExtended
	return in
}

func unicodeUnit(u uint16, up bool) input {
	in := input{typ: inputKeyboard, scan: u, flags: keyeventfUnicode}
	if up {
		in.flags |= keyeventfKeyUp
	}
	return in
}

func sendInput(ins []input) error {
	if len(ins) == 0 {
		return nil
	}
	n, _, err := procSendInput.Call(uintptr(len(ins)), uintptr(unsafe.Pointer(&ins[0])), unsafe.Sizeof(ins[0]))
	if int(n) != len(ins) {
		return fmt.Errorf("SendInput sent %d of %d events: %v", n, len(ins), err)
	}
	return nil
}

// chord presses the modifier, taps the key, releases the modifier.
func chord(mod, vk uint16) error {
	return sendInput([]input{key(mod, false), key(vk, false), key(vk, true), key(mod, true)})
}

func setClipboard(s string) error {
	if r, _, err := procOpenClipboard.Call(0); r == 0 {
		return fmt.Errorf("OpenClipboard: %v", err)
	}
	defer procCloseClipboard.Call()
	procEmptyClipboard.Call()
	u := windows.StringToUTF16(s)
	h, _, err := procGlobalAlloc.Call(gmemMoveable, uintptr(len(u)*2))
	if h == 0 {
		return fmt.Errorf("GlobalAlloc: %v", err)
	}
	p, _, _ := procGlobalLock.Call(h)
	copy(unsafe.Slice((*uint16)(memory(p)), len(u)), u)
	procGlobalUnlock.Call(h)
	if r, _, err := procSetClipboardData.Call(cfUnicodeText, h); r == 0 {
		return fmt.Errorf("SetClipboardData: %v", err)
	}
	return nil
}

// memory turns the address GlobalLock returns into a pointer (the memory is not Go's).
func memory(p uintptr) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&p))
}

// clipboardIdle waits (up to 1 s) until no window holds the clipboard open: under wine, its
// clipboard manager opens it to hand a new content to X.
func clipboardIdle() {
	for i := 0; i < 20; i++ {
		if w, _, _ := procOpenClipboardWin.Call(); w == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func getClipboard() (string, error) {
	if r, _, err := procOpenClipboard.Call(0); r == 0 {
		return "", fmt.Errorf("OpenClipboard: %v", err)
	}
	defer procCloseClipboard.Call()
	h, _, err := procGetClipboardData.Call(cfUnicodeText)
	if h == 0 {
		return "", fmt.Errorf("GetClipboardData: %v", err)
	}
	p, _, _ := procGlobalLock.Call(h)
	defer procGlobalUnlock.Call(h)
	return windows.UTF16PtrToString((*uint16)(memory(p))), nil
}

// app is the running HosoKhuyenCong.exe in its typing-check mode.
type app struct {
	hwnd uintptr
}

// readField selects all and copies, then reads the clipboard (a sentinel first, so a copy that did
// not happen is seen). An empty field copies nothing: the sentinel then means "". A slow app (a
// busy machine) gets three tries of 5 s each.
func (a *app) readField(wantEmpty bool) (string, error) {
	wait, tries := readbackTimeout, 3
	if wantEmpty {
		wait, tries = 500*time.Millisecond, 1
	}
	var last error
	for try := 0; try < tries; try++ {
		if err := retry(setClipboard, sentinel); err != nil {
			return "", err
		}
		if err := chord(vkControl, 'A'); err != nil {
			return "", err
		}
		if err := chord(vkControl, 'C'); err != nil {
			return "", err
		}
		deadline := time.Now().Add(wait)
		for time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			s, err := getClipboard()
			if err == nil && s != sentinel {
				return s, nil
			}
			last = err
		}
	}
	if wantEmpty {
		return "", nil
	}
	return "", fmt.Errorf("Ctrl+A, Ctrl+C copied nothing in %d tries of %s (is the field focused?) %v", tries, wait, last)
}

// retry calls f until the clipboard is free (the app may hold it open for a moment), up to 2 s.
func retry(f func(string) error, s string) error {
	var err error
	for i := 0; i < 40; i++ {
		if err = f(s); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}

func (a *app) clear() error {
	if err := chord(vkControl, 'A'); err != nil {
		return err
	}
	return sendInput([]input{key(vkBack, false), key(vkBack, true)})
}

// focus types a probe letter until it comes back through the clipboard: the window has the
// keyboard focus and the field its focus.
func (a *app) focus() error {
	var last error
	for i := 0; i < 20; i++ {
		procSetForeground.Call(a.hwnd)
		time.Sleep(200 * time.Millisecond)
		if err := a.clear(); err != nil {
			return err
		}
		if err := sendInput([]input{key('Q', false), key('Q', true)}); err != nil {
			return err
		}
		got, err := a.readField(false)
		if err == nil && got == "q" {
			return a.clear()
		}
		last = fmt.Errorf("probe: read %q, %v", got, err)
		time.Sleep(500 * time.Millisecond)
	}
	return fmt.Errorf("the field never took the keyboard focus: %v", last)
}

// play sends a variant's actions the way its input method would.
func (a *app) play(v variant) error {
	for _, act := range actions(v) {
		var batch []input
		flush := func() error {
			err := sendInput(batch)
			batch = batch[:0]
			return err
		}
		add := func(ins ...input) error {
			if v.oneCall {
				batch = append(batch, ins...)
				return nil
			}
			return sendInput(ins)
		}
		for _, e := range act {
			var err error
			switch e.kind {
			case evKey:
				if e.shift {
					err = add(key(vkShift, false), key(e.vk, false), key(e.vk, true), key(vkShift, true))
				} else {
					err = add(key(e.vk, false), key(e.vk, true))
				}
			case evUnicode:
				err = add(unicodeUnit(e.unit, false), unicodeUnit(e.unit, true))
			case evChar:
				if r, _, perr := procPostMessageW.Call(a.hwnd, wmChar, uintptr(e.unit), 1); r == 0 {
					err = fmt.Errorf("PostMessageW: %v", perr)
				}
			case evPaste:
				if err = flush(); err == nil {
					// The app reads the clipboard when it handles Shift+Insert: let it finish
					// the keys before, and this paste before the next one.
					time.Sleep(pasteSettle)
					if err = retry(setClipboard, e.text); err == nil {
						// wine's clipboard manager opens the clipboard a moment after it changes
						// (to hand it to X): let it start, then wait until it is done.
						time.Sleep(pasteSettle)
						clipboardIdle()
						err = sendInput([]input{key(vkShift, false), insertKey(false), insertKey(true), key(vkShift, true)})
						time.Sleep(pasteSettle)
					}
				}
			}
			if err != nil {
				return err
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if v.delayMS > 0 {
			time.Sleep(time.Duration(v.delayMS) * time.Millisecond)
		}
	}
	return nil
}

// replay starts the app, types every selected variant and reads back the field. It reports one
// line per variant and returns the names of the variants whose text came back wrong.
func replay(exe string, nohook bool, only func(variant) bool) (failed []string, err error) {
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "HOSO_TYPING_CHECK=1")
	if nohook {
		cmd.Env = append(cmd.Env, "HOSO_TYPING_CHECK_NOHOOK=1")
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %v", exe, err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	title, _ := windows.UTF16PtrFromString(windowTitle)
	a := &app{}
	start := time.Now()
	for a.hwnd == 0 {
		if time.Since(start) > 90*time.Second {
			return nil, fmt.Errorf("no window %q after 90 s", windowTitle)
		}
		time.Sleep(100 * time.Millisecond)
		a.hwnd, _, _ = procFindWindowW.Call(0, uintptr(unsafe.Pointer(title)))
	}
	fmt.Printf("cửa sổ sau %.1f s\n", time.Since(start).Seconds())
	if err := a.focus(); err != nil {
		return nil, err
	}
	for _, v := range variants {
		if !only(v) {
			continue
		}
		t0 := time.Now()
		// The clipboard variants depend on wine's clipboard, which now and then hands an empty
		// content to a paste on a busy machine: they get two more tries, shown in the output.
		tries := 1
		if v.paste {
			tries = 3
		}
		var got string
		for try := 1; try <= tries; try++ {
			if err := a.clear(); err != nil {
				return failed, err
			}
			if got, _ = a.readField(true); got != "" {
				return failed, fmt.Errorf("%s: the field still holds %q after Ctrl+A, Backspace", v.name, got)
			}
			if err := a.play(v); err != nil {
				return failed, fmt.Errorf("%s: %v", v.name, err)
			}
			time.Sleep(settleAfterTyping)
			var err error
			if got, err = a.readField(false); err != nil {
				return failed, fmt.Errorf("%s: %v", v.name, err)
			}
			if got == v.want() || try == tries {
				break
			}
			fmt.Printf("      %-26s lần %d ra %q: thử lại\n", v.name, try, got)
		}
		status := "ĐÚNG"
		if got != v.want() {
			status = "SAI"
			failed = append(failed, v.name)
		}
		fmt.Printf("%-5s %-26s %5.1f s  %q", status, v.name, time.Since(t0).Seconds(), got)
		if got != v.want() {
			fmt.Printf(" (cần %q)", v.want())
		}
		fmt.Println()
	}
	return failed, nil
}

func main() {
	exe, nohook, only := parseFlags()
	failed, err := replay(exe, nohook, only)
	if err != nil {
		fmt.Println("LỖI:", err)
		os.Exit(2)
	}
	if len(failed) > 0 {
		fmt.Println("Sai:", strings.Join(failed, ", "))
		os.Exit(1)
	}
	fmt.Println("Tất cả đều đúng.")
}
