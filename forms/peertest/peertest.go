// Package peertest gives tests the peer tools (poppler, qpdf, LibreOffice, PostgreSQL): a missing one fails the test under CI and skips it elsewhere.
package peertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
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

// Soffice converts files (name → content, written as name.ext) with LibreOffice at bin, headless,
// in one run with a fresh profile (so no state is carried between conversions) and the filter
// given to --convert-to. When registry is not empty it is the profile's
// registrymodifications.xcu. It returns the output folder and what LibreOffice printed; a failed
// run fails the test.
func Soffice(t testing.TB, bin string, files map[string][]byte, ext, filter, registry string) (out string, printed []byte) {
	t.Helper()
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if registry != "" {
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(registry), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + profile, "--convert-to", filter, "--outdir", out}
	for name, data := range files {
		p := filepath.Join(in, name+"."+ext)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	printed, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, printed)
	}
	return out, printed
}
