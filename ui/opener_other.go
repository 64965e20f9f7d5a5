//go:build !windows

package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// openWait is how long Open waits for xdg-open or open to say it failed; a handler still running
// then has started the viewer.
const openWait = 5 * time.Second

func systemOpen(path string) error {
	if _, err := os.Stat(path); err != nil {
		return errors.New("tệp hoặc thư mục không còn ở đó")
	}
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	bin, err := exec.LookPath(name)
	if err != nil {
		return fmt.Errorf("máy chưa có lệnh %s để mở tệp (cài gói xdg-utils)", name)
	}
	cmd := exec.Command(bin, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return fmt.Errorf("chưa có chương trình nào mở được loại tệp này (%s)", msg)
		}
	case <-time.After(openWait):
	}
	return nil
}

// systemPrint prints with lp when a printer is set up; false without lp or without a printer.
func systemPrint(path string) (bool, error) {
	if _, err := os.Stat(path); err != nil {
		return false, errors.New("tệp không còn ở đó")
	}
	if runtime.GOOS == "darwin" {
		return false, nil
	}
	lp, err := exec.LookPath("lp")
	if err != nil {
		return false, nil
	}
	if err := exec.Command(lp, path).Run(); err != nil {
		return false, nil // no default printer: the viewer's print dialog lets the user choose
	}
	return true, nil
}
