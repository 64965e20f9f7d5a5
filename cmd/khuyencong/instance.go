package main

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"khuyencong/cmd/internal/instance"
	"khuyencong/ui"
)

// handOver asks the app already running on this library to come to the front and open file (if
// any); true when it answered, and this start has nothing more to do.
func handOver(instPath, file string) bool {
	if _, _, pid, err := instance.Owner(instPath); err == nil {
		allowForeground(pid) // Windows lets only the foreground process give the focus away
	} else {
		return false
	}
	return instance.Send(instPath, instance.Request{File: file}, 3*time.Second) == nil
}

// serveInstance answers later starts: the window comes to the front, files go to OpenFile.
// Without it (no loopback port), a second start finds the library locked and says so.
func serveInstance(instPath string, w *ui.App) *instance.Server {
	srv, err := instance.Listen(instPath, func(r instance.Request) {
		fyne.Do(func() {
			raiseNative(w.Window())
			if r.File != "" {
				w.OpenFile(r.File)
			} else {
				w.Raise()
			}
		})
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "khuyencong: a second start cannot reach this window:", err)
		return nil
	}
	return srv
}
