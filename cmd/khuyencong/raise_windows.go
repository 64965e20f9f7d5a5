//go:build windows

package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32                  = windows.NewLazySystemDLL("user32.dll")
	procAllowSetForeground  = user32.NewProc("AllowSetForegroundWindow")
	procIsIconic            = user32.NewProc("IsIconic")
	procShowWindow          = user32.NewProc("ShowWindow")
	procSetForegroundWindow = user32.NewProc("SetForegroundWindow")
)

const swRestore = 9

// allowForeground lets the running app (process pid) take the foreground when it is asked to.
func allowForeground(pid int) {
	procAllowSetForeground.Call(uintptr(pid))
}

// raiseNative restores a minimised window and puts it in front.
func raiseNative(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		wc, ok := ctx.(driver.WindowsWindowContext)
		if !ok || wc.HWND == 0 {
			return
		}
		if r, _, _ := procIsIconic.Call(wc.HWND); r != 0 {
			procShowWindow.Call(wc.HWND, swRestore)
		}
		procSetForegroundWindow.Call(wc.HWND)
	})
}
