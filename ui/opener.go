package ui

import (
	"fmt"
	"os/exec"
	"runtime"
)

// SystemOpener opens and prints files with the operating system's own programs:
// "cmd /c start" and the ShellExecute print verb on Windows, open on macOS, xdg-open elsewhere.
type SystemOpener struct{}

// Open opens a file or folder with its default application.
func (SystemOpener) Open(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("không mở được %s: %w", path, err)
	}
	go cmd.Wait() //nolint:errcheck // the viewer runs on its own
	return nil
}

// Print sends a file to the default printer through the system's print verb. Where there is none
// (Linux, macOS), it opens the file in its viewer, from which the user prints.
func (o SystemOpener) Print(path string) error {
	switch runtime.GOOS {
	case "windows":
		// ShellExecute with the "print" verb, through PowerShell's Start-Process.
		cmd := exec.Command("powershell", "-NoProfile", "-WindowStyle", "Hidden", "-Command",
			"Start-Process -FilePath $args[0] -Verb Print", path)
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("không gửi được %s tới máy in: %w", path, err)
		}
		go cmd.Wait() //nolint:errcheck
		return nil
	case "darwin":
		return o.Open(path)
	default:
		if lp, err := exec.LookPath("lp"); err == nil {
			out, err := exec.Command(lp, path).CombinedOutput()
			if err == nil {
				return nil
			}
			return fmt.Errorf("máy in từ chối %s: %s", path, out)
		}
		return o.Open(path)
	}
}
