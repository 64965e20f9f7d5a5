//go:build windows

package wintyping

import (
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32                = windows.NewLazySystemDLL("user32.dll")
	procSetWindowLongPtrW = user32.NewProc("SetWindowLongPtrW")
	procCallWindowProcW   = user32.NewProc("CallWindowProcW")
)

// gwlpWndProc is GWLP_WNDPROC, the index of the window procedure for SetWindowLongPtrW.
const gwlpWndProc = ^uintptr(3) // -4

// backspaceScan is the keyboard scan code of Backspace (set 1), which GLFW maps to its key.
const backspaceScan = 0x0E

// hooked holds, per subclassed window, GLFW's own procedure and the filter's state. The window
// procedure runs on the thread that created the window (Fyne's main thread); the lock only guards
// the map against Install running at the same time.
var (
	mu     sync.Mutex
	hooked = map[uintptr]*subclass{}
	// proc is the one callback for every window: syscall.NewCallback slots are limited.
	proc = syscall.NewCallback(wndProc)
)

type subclass struct {
	orig uintptr
	f    filter
}

// Install subclasses the window procedure of w once its native window exists (Fyne creates it when
// the window is first shown, so Install may be called before ShowAndRun). It gives up silently
// after 30 s: the app still works, only character backspaces stay lost.
func Install(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	go func() {
		for i := 0; i < 600; i++ {
			done := false
			fyne.DoAndWait(func() {
				nw.RunNative(func(ctx any) {
					wc, ok := ctx.(driver.WindowsWindowContext)
					if !ok || wc.HWND == 0 {
						return
					}
					done = true
					subclassWindow(wc.HWND)
				})
			})
			if done {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
}

func subclassWindow(hwnd uintptr) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := hooked[hwnd]; ok {
		return
	}
	s := &subclass{}
	hooked[hwnd] = s
	orig, _, _ := procSetWindowLongPtrW.Call(hwnd, gwlpWndProc, proc)
	if orig == 0 {
		delete(hooked, hwnd)
		return
	}
	s.orig = orig
}

func wndProc(hwnd, msg, wparam, lparam uintptr) uintptr {
	mu.Lock()
	s := hooked[hwnd]
	mu.Unlock()
	if s == nil || s.orig == 0 {
		return 0
	}
	switch s.f.decide(uint32(msg), wparam) {
	case swallow:
		return 0
	case backspace:
		// What the Backspace key itself would send: a key-down (repeat count 1, scan code) and a
		// key-up (previous state down, transition up), through GLFW's procedure, in order.
		down := uintptr(1 | backspaceScan<<16)
		up := down | 1<<30 | 1<<31
		callOrig(s.orig, hwnd, wmKeyDown, vkBack, down)
		callOrig(s.orig, hwnd, wmKeyUp, vkBack, up)
		return 0
	}
	return callOrig(s.orig, hwnd, msg, wparam, lparam)
}

func callOrig(orig, hwnd, msg, wparam, lparam uintptr) uintptr {
	r, _, _ := procCallWindowProcW.Call(orig, hwnd, msg, wparam, lparam)
	return r
}
