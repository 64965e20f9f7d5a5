//go:build !windows

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	winecmd "khuyencong/cmd/internal/wine"
)

// On Linux, typingcheck runs its Windows build (the replayer) under wine, inside the X server of
// xvfb-run: once against the app with its typing hook (every variant must type the right text),
// once without the hook (every variant that sends backspaces as characters must come out wrong,
// which shows the check can fail).
func main() {
	exe := flag.String("exe", "dist/windows/HosoKhuyenCong.exe", "the GUI exe to check")
	replayer := flag.String("replayer", "", "typingcheck.exe (this program built for Windows)")
	prefix := flag.String("prefix", "", "wine prefix (default: WINEPREFIX, else dist/.work/wineprefix)")
	flag.Parse()
	if err := run(*exe, *replayer, *prefix); err != nil {
		fmt.Fprintln(os.Stderr, "windows-typing-check:", err)
		os.Exit(1)
	}
}

func run(exe, replayer, prefix string) error {
	if os.Getenv("DISPLAY") == "" {
		return fmt.Errorf("no DISPLAY: run under xvfb-run -a")
	}
	wine := winecmd.Find()
	if wine == "" {
		return fmt.Errorf("wine is not installed (make deps-wine)")
	}
	if prefix == "" {
		prefix = os.Getenv("WINEPREFIX")
	}
	if prefix == "" {
		prefix = "dist/.work/wineprefix"
	}
	var err error
	for _, p := range []*string{&exe, &replayer, &prefix} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	for _, f := range []string{exe, replayer} {
		if _, err := os.Stat(f); err != nil {
			return err
		}
	}
	work := filepath.Join(filepath.Dir(replayer))
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=")
	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	if _, err := os.Stat(dll); err != nil {
		// A new prefix first, then Go's ProcessPrng for wine 8.
		if out, err := command(2*time.Minute, env, wine, "wineboot", "-i"); err != nil {
			return fmt.Errorf("wineboot: %v: %s", err, out)
		}
		if err := winecmd.InstallPrngShim(prefix, work); err != nil {
			return err
		}
	}
	fmt.Println("== Với bộ lọc gõ (mọi cách gõ phải ra đúng chữ)")
	if _, err := stream(4*time.Minute, env, wine, replayer, "-app", winecmd.WindowsPath(exe)); err != nil {
		return fmt.Errorf("with the hook: %v", err)
	}
	fmt.Println("== Không có bộ lọc (phím xóa gửi dạng ký tự phải ra sai: kiểm tra biết thất bại)")
	out, err := stream(3*time.Minute, env, wine, replayer, "-app", winecmd.WindowsPath(exe), "-nohook")
	if err == nil {
		return fmt.Errorf("without the hook every variant typed the right text: the check cannot see the fault")
	}
	if !strings.Contains(out, "\nSai: ") || strings.Contains(out, "ĐÚNG ") {
		return fmt.Errorf("without the hook: %v (expected every character-backspace variant to come out wrong)", err)
	}
	wineserver := filepath.Join(filepath.Dir(wine), "wineserver")
	command(30*time.Second, env, wineserver, "-k")
	fmt.Println("windows-typing-check: đạt")
	return nil
}

// stream runs a command, copying its output to stdout, and returns the output.
func stream(timeout time.Duration, env []string, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	var buf bytes.Buffer
	cmd.Stdout = io.MultiWriter(os.Stdout, &buf)
	cmd.Stderr = os.Stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("timed out after %s", timeout)
	}
	return buf.String(), err
}

func command(timeout time.Duration, env []string, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}
