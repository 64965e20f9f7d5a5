//go:build !windows

package wintyping

import "fyne.io/fyne/v2"

// Install does nothing outside Windows: X11, Wayland and macOS input methods edit through the
// platform's own text input, which GLFW handles.
func Install(w fyne.Window) {}
