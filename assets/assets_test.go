package assets

import (
	"bufio"
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"
)

// fyneAppValue returns the quoted value of key in FyneApp.toml's [Details] table.
func fyneAppValue(t *testing.T, key string) string {
	t.Helper()
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatalf("FyneApp.toml ở thư mục gốc không đọc được: %v", err)
	}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if section == "Details" && ok && strings.TrimSpace(name) == key {
			return strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	t.Fatalf("FyneApp.toml has no [Details] %s", key)
	return ""
}

// The version is written once, in FyneApp.toml; assets/VERSION (embedded into the programs and read by
// the Makefile for the release file names) must carry the same number.
func TestVersionMatchesFyneApp(t *testing.T) {
	want := fyneAppValue(t, "Version")
	if got := Version(); got != want {
		t.Fatalf("assets/VERSION is %q but FyneApp.toml says Version = %q: write the same number in both", got, want)
	}
	parts := strings.Split(want, ".")
	if len(parts) != 3 {
		t.Fatalf("version %q: want MAJOR.MINOR.PATCH (Windows version resources and MSI need numbers)", want)
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			t.Fatalf("version %q: part %q is not a number", want, p)
		}
	}
}

// The icon named by FyneApp.toml is the embedded one, a square PNG large enough for every Windows and
// Linux icon size.
func TestIconIsSquarePNG(t *testing.T) {
	if path := fyneAppValue(t, "Icon"); path != "assets/icon.png" {
		t.Fatalf("FyneApp.toml Icon = %q, want assets/icon.png (the file embedded here)", path)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon()))
	if err != nil {
		t.Fatalf("icon.png is not a PNG: %v", err)
	}
	if cfg.Width != cfg.Height || cfg.Width < 256 {
		t.Fatalf("icon.png is %d×%d, want a square of at least 256 pixels", cfg.Width, cfg.Height)
	}
}
