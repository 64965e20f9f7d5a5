// Package assets holds the files bundled into the programs: the app icon and the version number.
package assets

import (
	_ "embed"
	"strings"
)

//go:embed icon.png
var icon []byte

//go:embed VERSION
var version string

// Icon returns the application icon as PNG bytes (512×512).
func Icon() []byte { return icon }

// Version is the program's version, the same as FyneApp.toml's [Details] Version.
func Version() string { return strings.TrimSpace(version) }
