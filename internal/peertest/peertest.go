// Package peertest makes a test demand a peer tool (poppler, qpdf, LibreOffice, PostgreSQL): under CI a missing one fails the test, elsewhere it skips it.
package peertest

import (
	"os"
	"os/exec"
	"testing"
)

// UnderCI reports whether the tests run under CI: CI set to anything but "" or "false" (make test
// and .ci/run set CI=true).
func UnderCI() bool {
	ci := os.Getenv("CI")
	return ci != "" && ci != "false"
}

// Missing ends a test whose peer tool is missing: it fails with ciMsg under CI and skips with
// skipMsg elsewhere.
func Missing(t testing.TB, ciMsg, skipMsg string) {
	t.Helper()
	if UnderCI() {
		t.Fatal(ciMsg)
	}
	t.Skip(skipMsg)
}

// Need returns the path of the command name, or ends the test through Missing when it is not
// installed.
func Need(t testing.TB, name, ciMsg, skipMsg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, ciMsg, skipMsg)
	}
	return path
}
