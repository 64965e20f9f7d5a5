//go:build !windows

package nativedialog

import "errors"

// Supported reports whether the system's dialogs are available (Windows only).
func Supported() bool { return false }

// Show is not available outside Windows.
func Show(Request) (string, error) { return "", errors.New("no native dialogs on this system") }

// Documents is the user's Documents folder, "" when unknown (Windows only).
func Documents() string { return "" }
