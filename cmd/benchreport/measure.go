package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// run is one whole-process measurement: wall-clock time from start to exit and the peak resident
// memory of the process (and of the children it waited for), as the kernel reports it.
type run struct {
	wall    time.Duration
	maxRSS  int64 // bytes
	stdout  string
	stderr  string
	exitErr error
}

// measure runs cmd to completion (at most timeout) and returns its wall time and peak memory.
func measure(timeout time.Duration, dir string, env []string, name string, args ...string) run {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := run{wall: time.Since(start), stdout: stdout.String(), stderr: stderr.String()}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
		}
	}
	if err != nil {
		r.exitErr = fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, tail(r.stderr, 3))
	}
	return r
}

// series is repeated measurements of the same thing.
type series []run

// median wall time (the lower of the two middle ones for an even count).
func (s series) median() time.Duration {
	d := make([]time.Duration, len(s))
	for i, r := range s {
		d[i] = r.wall
	}
	slices.Sort(d)
	if len(d) == 0 {
		return 0
	}
	return d[(len(d)-1)/2]
}

// fastest wall time.
func (s series) fastest() time.Duration {
	var best time.Duration
	for i, r := range s {
		if i == 0 || r.wall < best {
			best = r.wall
		}
	}
	return best
}

// peak memory over all runs.
func (s series) peak() int64 {
	var m int64
	for _, r := range s {
		m = max(m, r.maxRSS)
	}
	return m
}

// repeat measures n runs; it stops at the first failure and returns it.
func repeat(n int, f func() run) (series, error) {
	var s series
	for range n {
		r := f()
		if r.exitErr != nil {
			return s, r.exitErr
		}
		s = append(s, r)
	}
	return s, nil
}

// tail returns the last n non-empty lines of s, joined with " | ".
func tail(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
