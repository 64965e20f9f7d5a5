package main

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// frameRun is one start of the desktop app: time from exec to the first frame with content on the
// virtual screen, and the app's resident memory at that moment.
type frameRun struct {
	toFrame time.Duration
	rss     int64
	capture time.Duration // how long one screen capture took: the resolution of toFrame
}

// firstFrames builds cmd/khuyencong (as `make build` does), starts a virtual X server and measures
// reps starts of the app on an empty data file.
func firstFrames(goCmd, work string, reps int) ([]frameRun, error) {
	for _, tool := range []string{"Xvfb", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("thiếu %s (make deps-test cài xvfb và imagemagick)", tool)
		}
	}
	bin := filepath.Join(work, "khuyencong")
	// The same tags as make build (no colour-emoji font).
	if out, err := exec.Command(goCmd, "build", "-tags", "no_emoji", "-o", bin, "./cmd/khuyencong").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./cmd/khuyencong: %w: %s", err, tail(string(out), 3))
	}
	display, stop, err := startXvfb()
	if err != nil {
		return nil, err
	}
	defer stop()
	var runs []frameRun
	for i := range reps {
		r, err := oneStart(bin, display, filepath.Join(work, fmt.Sprintf("start-%d", i)))
		if err != nil {
			return runs, err
		}
		runs = append(runs, r)
	}
	return runs, nil
}

// startXvfb starts Xvfb on a free display number and returns it with a function that stops it.
func startXvfb() (string, func(), error) {
	for n := 90; n < 110; n++ {
		socket := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if _, err := os.Stat(socket); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		display := ":" + strconv.Itoa(n)
		cmd := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			return "", nil, fmt.Errorf("không khởi động được Xvfb: %w", err)
		}
		stop := func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if _, err := os.Stat(socket); err == nil {
				return display, stop, nil
			}
		}
		stop()
		return "", nil, fmt.Errorf("màn hình ảo Xvfb %s không khởi động trong 10 s", display)
	}
	return "", nil, errors.New("no free X display between :90 and :109")
}

// oneStart starts the app with a fresh data file and polls the screen until something is drawn.
func oneStart(bin, display, dir string) (frameRun, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return frameRun{}, err
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOSO_DB="+filepath.Join(dir, "hoso.db"),
		"LANG=en_US.UTF-8", "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return frameRun{}, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Kill()
		<-exited
	}()
	var r frameRun
	for time.Since(start) < 60*time.Second {
		select {
		case err := <-exited:
			exited <- err
			return r, fmt.Errorf("the app exited before drawing (%w): %s", err, tail(stderr.String(), 3))
		default:
		}
		t0 := time.Now()
		drawn, err := screenHasContent(display)
		r.capture = max(r.capture, time.Since(t0))
		if err != nil {
			return r, err
		}
		if drawn {
			// The frame was there when this capture began, and not yet when the previous one began.
			r.toFrame = t0.Sub(start)
			r.rss = processRSS(cmd.Process.Pid)
			return r, nil
		}
	}
	return r, errors.New("nothing was drawn within 60 s")
}

// screenHasContent captures the root window and tells whether more than 1% of it differs from the
// top-left pixel (an empty Xvfb screen is one colour).
func screenHasContent(display string) (bool, error) {
	out, err := exec.Command("import", "-display", display, "-window", "root", "png:-").Output()
	if err != nil {
		return false, fmt.Errorf("import -window root: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return false, fmt.Errorf("screen capture is not a PNG: %w", err)
	}
	return differsFromCorner(img, 0.01), nil
}

// differsFromCorner reports whether more than share of the sampled pixels differ from the corner.
func differsFromCorner(img image.Image, share float64) bool {
	b := img.Bounds()
	r0, g0, b0, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	total, diff := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			total++
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 {
				diff++
			}
		}
	}
	return total > 0 && float64(diff) > share*float64(total)
}

// processRSS reads VmRSS of a running process from /proc, in bytes (0 when unknown).
func processRSS(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}
