//go:build !windows

package main

import "fyne.io/fyne/v2"

// allowForeground is Windows' permission to take the focus; other systems need none.
func allowForeground(int) {}

// raiseNative does nothing beyond ui.App.Raise (Show and RequestFocus) outside Windows.
func raiseNative(fyne.Window) {}
