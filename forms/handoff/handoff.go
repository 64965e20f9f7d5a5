// Package handoff writes and reads hand-off packages: one zip holding a dossier, its attachments and a manifest of their SHA-256 checksums.
//
// A package holds:
//
//	manifest.json          format, versions, creation time, and each file's size and SHA-256
//	dossier.hoso.json      the dossier; its attachments' paths read "attachments/NAME"
//	attachments/NAME ...   the attached files
//	NAME ...               optional documents at the top level (the PDF, the budget sheet)
//
// Import refuses, before writing anything, a package that could harm the computer or whose
// content does not match its manifest.
package handoff

import (
	"errors"
	"runtime/debug"
	"time"
)

// Names inside a package.
const (
	ManifestName   = "manifest.json"
	DossierName    = "dossier.hoso.json"
	AttachmentsDir = "attachments"
	FormatName     = "hoso-handoff"
)

// FormatVersion is the package format this code writes; Import refuses a newer one.
const FormatVersion = 1

// Limits of a package accepted by Import (and produced by Export).
const (
	MaxFiles         = 500       // entries in the zip, folders included
	MaxTotalBytes    = 200 << 20 // uncompressed bytes of all files
	maxManifestBytes = 1 << 20
)

// ErrRefused is matched (errors.Is) by every refusal of Import: the package is unsafe or does not
// match its manifest, and nothing was written.
var ErrRefused = errors.New("gói hồ sơ bị từ chối")

// Manifest is manifest.json.
type Manifest struct {
	Format        string         `json:"format"`
	FormatVersion int            `json:"format_version"`
	AppVersion    string         `json:"app_version"`
	CreatedAt     time.Time      `json:"created_at"`
	Files         []ManifestFile `json:"files"`
}

// ManifestFile is one file of the package, as listed in the manifest.
type ManifestFile struct {
	Name   string `json:"name"` // slash-separated path inside the package
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // lower-case hex
}

// File is an extra document placed at the top level of a package (e.g. the rendered PDF).
type File struct {
	Name string
	Data []byte
}

// defaultAppVersion is the version of the running program, from its build information.
func defaultAppVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
