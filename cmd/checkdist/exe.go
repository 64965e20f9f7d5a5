package main

import (
	"debug/pe"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// checkGUIExe checks the desktop app: 64-bit, GUI subsystem, icon, version, DPI-aware manifest and
// no DLL that Windows does not ship.
func checkGUIExe(path string, o options) []result {
	name := filepath.Base(path)
	facts, err := readExe(path)
	if err != nil {
		return []result{{name: name, err: err}}
	}
	return []result{
		{name: name + ": PE32+ x86-64", err: want64(facts)},
		{name: name + ": giao diện đồ họa (GUI subsystem)", err: wantSubsystem(facts, subsystemGUI)},
		{name: name + ": biểu tượng (RT_GROUP_ICON)", err: wantIcon(facts), detail: fmt.Sprintf("%d ảnh", facts.counts[rtIcon])},
		{name: name + ": thông tin phiên bản", err: wantVersion(facts, o, name)},
		{name: name + ": manifest có DPI awareness", err: wantDPIManifest(facts)},
		{name: name + ": chỉ dùng DLL của Windows", err: wantSystemDLLs(facts), detail: strings.Join(facts.imports, " ")},
	}
}

// checkCLIExe checks the command line: 64-bit, console subsystem, version.
func checkCLIExe(path string, o options) []result {
	name := filepath.Base(path)
	facts, err := readExe(path)
	if err != nil {
		return []result{{name: name, err: err}}
	}
	return []result{
		{name: name + ": PE32+ x86-64", err: want64(facts)},
		{name: name + ": dòng lệnh (console subsystem)", err: wantSubsystem(facts, subsystemConsole)},
		{name: name + ": thông tin phiên bản", err: wantVersion(facts, o, name)},
	}
}

func want64(f *exeFacts) error {
	if !f.pe32plus || f.machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine 0x%x, PE32+ %v: want a 64-bit x86-64 (AMD64) executable; build with GOARCH=amd64", f.machine, f.pe32plus)
	}
	return nil
}

func wantSubsystem(f *exeFacts, want uint16) error {
	if f.subsystem != want {
		names := map[uint16]string{subsystemGUI: "GUI (-ldflags -H=windowsgui)", subsystemConsole: "console"}
		return fmt.Errorf("subsystem %d, want %s", f.subsystem, names[want])
	}
	return nil
}

func wantIcon(f *exeFacts) error {
	if f.counts[rtGroupIcon] == 0 {
		return fmt.Errorf("no icon resource: the .syso made by go-winres was not linked in")
	}
	if f.counts[rtIcon] < 4 {
		return fmt.Errorf("the icon has %d images, want at least 4 sizes (16 to 256 pixels)", f.counts[rtIcon])
	}
	return nil
}

func wantVersion(f *exeFacts, o options, exe string) error {
	res, ok := f.resources[rtVersion]
	if !ok {
		return fmt.Errorf("no version resource (RT_VERSION)")
	}
	strs, err := versionStrings(res)
	if err != nil {
		return err
	}
	for _, key := range []string{"FileVersion", "ProductVersion"} {
		if strs[key] != o.version {
			return fmt.Errorf("%s is %q, want %q (FyneApp.toml Version)", key, strs[key], o.version)
		}
	}
	if strs["ProductName"] != o.name {
		return fmt.Errorf("ProductName is %q, want %q", strs["ProductName"], o.name)
	}
	if strs["OriginalFilename"] != exe {
		return fmt.Errorf("OriginalFilename is %q, want %q", strs["OriginalFilename"], exe)
	}
	return nil
}

func wantDPIManifest(f *exeFacts) error {
	m, ok := f.resources[rtManifest]
	if !ok {
		return fmt.Errorf("no application manifest (RT_MANIFEST)")
	}
	text := string(m)
	if !strings.Contains(text, "PerMonitorV2") && !strings.Contains(text, "<dpiAware") {
		return fmt.Errorf("the manifest declares no DPI awareness: text is blurred on scaled screens")
	}
	if strings.Contains(text, "requireAdministrator") {
		return fmt.Errorf("the manifest asks for administrator rights")
	}
	return nil
}

// wantSystemDLLs fails when the program needs a MinGW runtime DLL (libgcc, libwinpthread ...), which
// a user's Windows does not have: the exe would not start.
func wantSystemDLLs(f *exeFacts) error {
	for _, dll := range f.imports {
		lower := strings.ToLower(dll)
		if strings.HasPrefix(lower, "lib") || strings.Contains(lower, "mingw") {
			return fmt.Errorf("imports %s, which Windows does not ship: link it statically", dll)
		}
	}
	return nil
}

// checkSignatures reports whether the files carry Authenticode signatures and, when they do,
// verifies them with osslsigncode.
func checkSignatures(paths []string, o options) []result {
	var out []result
	for _, path := range paths {
		name := filepath.Base(path) + ": chữ ký số"
		if _, err := os.Stat(path); err != nil {
			out = append(out, result{name: name, err: err})
			continue
		}
		signed, err := hasSignature(path)
		if err != nil {
			out = append(out, result{name: name, err: err})
			continue
		}
		switch {
		case !signed && o.wantSigned:
			out = append(out, result{name: name, err: fmt.Errorf("not signed although signing was asked for (SIGN_CERT)")})
		case !signed:
			out = append(out, result{name: name, skipped: "chưa ký (đặt SIGN_CERT và SIGN_PASSWORD để ký)"})
		default:
			detail, err := verifySignature(path, o.caFile)
			out = append(out, result{name: name, err: err, detail: detail})
		}
	}
	return out
}

// hasSignature tells whether an exe has a certificate table, or an MSI a DigitalSignature stream.
func hasSignature(path string) (bool, error) {
	if strings.EqualFold(filepath.Ext(path), ".msi") {
		out, err := exec.Command("msiinfo", "streams", path).Output()
		if err != nil {
			return false, fmt.Errorf("msiinfo streams: %w (install msitools)", err)
		}
		return strings.Contains(string(out), "DigitalSignature"), nil
	}
	facts, err := readExe(path)
	if err != nil {
		return false, err
	}
	return facts.signed, nil
}

func verifySignature(path, caFile string) (string, error) {
	args := []string{"verify", "-in", path}
	if caFile != "" {
		args = append(args, "-CAfile", caFile)
	}
	out, err := exec.Command("osslsigncode", args...).CombinedOutput()
	text := string(out)
	if err != nil || !strings.Contains(text, "Signature verification: ok") {
		return "", fmt.Errorf("osslsigncode verify failed: %s", lastLines(text, 4))
	}
	subject := ""
	for _, line := range strings.Split(text, "\n") {
		if s, ok := strings.CutPrefix(strings.TrimSpace(line), "Subject:"); ok && subject == "" {
			subject = strings.TrimSpace(s)
		}
	}
	return "osslsigncode verify: ok, " + subject, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
