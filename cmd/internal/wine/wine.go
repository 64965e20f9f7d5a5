// Package wine runs the project's Windows programs under wine for the release checks.
//
// It finds wine and gives wine 8 the bcryptprimitives.dll that Go 1.24+ programs need.
package wine

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Find returns the wine command, or "" when wine is not installed. Debian's wine64 package
// installs /usr/lib/wine/wine64 without a command in PATH.
func Find() string {
	for _, candidate := range []string{"wine64", "wine", "/usr/lib/wine/wine64"} {
		if p, err := exec.LookPath(candidate); err == nil {
			return p
		}
	}
	return ""
}

// prngShim is a stand-in for Windows' bcryptprimitives.dll (ProcessPrng over RtlGenRandom), for
// running Go programs under wine 8 only; it is never shipped.
const prngShim = `#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(data, n)) return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
`

// InstallPrngShim compiles the stand-in with mingw-w64 into the prefix's system32, where the Go
// runtime looks for bcryptprimitives.dll; work is a scratch folder for the C source.
func InstallPrngShim(prefix, work string) error {
	src := filepath.Join(work, "bcryptprimitives.c")
	if err := os.WriteFile(src, []byte(prngShim), 0o644); err != nil {
		return err
	}
	dir := filepath.Join(prefix, "drive_c", "windows", "system32")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", filepath.Join(dir, "bcryptprimitives.dll"), src, "-ladvapi32").CombinedOutput()
	if err != nil {
		return fmt.Errorf("x86_64-w64-mingw32-gcc: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// WindowsPath turns an absolute Linux path into the path a Windows program under wine sees
// (drive Z: is the Linux root).
func WindowsPath(abs string) string {
	return `Z:` + strings.ReplaceAll(abs, "/", `\`)
}
