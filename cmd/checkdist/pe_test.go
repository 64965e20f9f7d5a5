package main

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// block encodes one VS_VERSIONINFO node as the Windows resource compiler lays it out.
func block(key string, value []byte, textChars int, children ...[]byte) []byte {
	var b []byte
	b = binary.LittleEndian.AppendUint16(b, 0) // length, patched below
	valueLen := len(value)
	wType := uint16(0)
	if textChars >= 0 {
		valueLen, wType = textChars, 1
	}
	b = binary.LittleEndian.AppendUint16(b, uint16(valueLen))
	b = binary.LittleEndian.AppendUint16(b, wType)
	for _, u := range utf16.Encode([]rune(key + "\x00")) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	b = append(b, value...)
	for _, c := range children {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		b = append(b, c...)
	}
	binary.LittleEndian.PutUint16(b, uint16(len(b)))
	return b
}

func text(key, val string) []byte {
	var v []byte
	units := utf16.Encode([]rune(val + "\x00"))
	for _, u := range units {
		v = binary.LittleEndian.AppendUint16(v, u)
	}
	return block(key, v, len(units))
}

func TestVersionStrings(t *testing.T) {
	fixed := make([]byte, 52) // VS_FIXEDFILEINFO, content irrelevant here
	res := block("VS_VERSION_INFO", fixed, -1,
		block("StringFileInfo", nil, -1,
			block("042A04B0", nil, -1,
				text("FileVersion", "0.1.0"),
				text("ProductName", "Hồ sơ Khuyến công"),
			)),
		block("VarFileInfo", nil, -1, block("Translation", []byte{0x2a, 0x04, 0xb0, 0x04}, -1)),
	)
	got, err := versionStrings(res)
	if err != nil {
		t.Fatal(err)
	}
	if got["FileVersion"] != "0.1.0" || got["ProductName"] != "Hồ sơ Khuyến công" {
		t.Fatalf("versionStrings = %q", got)
	}
	if _, err := versionStrings(res[:40]); err == nil {
		t.Fatal("a truncated version resource was accepted")
	}
	if _, err := versionStrings(block("SOMETHING", nil, -1)); err == nil {
		t.Fatal("a block not named VS_VERSION_INFO was accepted")
	}
}

// buildWindowsExe cross-compiles a tiny console program (no cgo: about a second on a warm cache).
func buildWindowsExe(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a Windows executable")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() { println(\"xin chào\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module tiny\n\ngo 1.21\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "tiny.exe")
	cmd := exec.Command("go", "build", "-o", exe, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-buildvcs=false")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

func TestPlainConsoleExe(t *testing.T) {
	exe := buildWindowsExe(t)
	facts, err := readExe(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := want64(facts); err != nil {
		t.Errorf("want64: %v", err)
	}
	if err := wantSubsystem(facts, subsystemConsole); err != nil {
		t.Errorf("console: %v", err)
	}
	if err := wantSystemDLLs(facts); err != nil {
		t.Errorf("system DLLs: %v", err)
	}
	if len(facts.imports) == 0 || !strings.EqualFold(facts.imports[0], "kernel32.dll") {
		t.Errorf("imports = %q, want kernel32.dll first (every Go program loads it)", facts.imports)
	}
	// What a release check must catch on such a program: no icon, no version, no manifest, not GUI.
	if err := wantSubsystem(facts, subsystemGUI); err == nil {
		t.Error("a console program passed as GUI")
	}
	if err := wantIcon(facts); err == nil {
		t.Error("a program without resources passed the icon check")
	}
	if err := wantVersion(facts, options{version: "0.1.0", name: "x"}, "tiny.exe"); err == nil {
		t.Error("a program without version information passed the version check")
	}
	if err := wantDPIManifest(facts); err == nil {
		t.Error("a program without manifest passed the manifest check")
	}
	signed, err := hasSignature(exe)
	if err != nil || signed {
		t.Errorf("hasSignature = %v, %v; want false, nil", signed, err)
	}
}

func TestNotAnExe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.exe")
	if err := os.WriteFile(path, []byte("MZ but nothing else"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readExe(path); err == nil || !strings.Contains(err.Error(), "not a Windows executable") {
		t.Fatalf("readExe on garbage: %v", err)
	}
}

func TestMinGWRuntimeRejected(t *testing.T) {
	f := &exeFacts{imports: []string{"KERNEL32.dll", "libwinpthread-1.dll"}}
	if err := wantSystemDLLs(f); err == nil {
		t.Fatal("an exe needing libwinpthread-1.dll passed")
	}
}
