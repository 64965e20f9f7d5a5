// Package childtest runs the test binary again as a child process running one test, so that a test can kill it mid-work.
package childtest

import (
	"bufio"
	"os"
	"os/exec"
	"testing"
)

// Start runs the test binary again with only the test named test (count 1), env added to its
// environment and its standard error passed through. It returns the running command and the
// child's standard output line by line; the channel is closed when the output ends.
func Start(t testing.TB, test string, env ...string) (*exec.Cmd, <-chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return cmd, lines
}
