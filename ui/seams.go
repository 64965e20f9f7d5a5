package ui

import (
	"context"
	"time"

	"khuyencong/forms"
)

// Variants of an export.
const (
	VariantFinal = "final" // the dossier to sign and submit
	VariantDraft = "draft" // watermarked BẢN NHÁP, while blocking problems remain
	VariantBlank = "blank" // the forms without answers, to fill in by hand
)

// ExportRequest is one request to write the PDF dossier and the Excel sheet of an application.
type ExportRequest struct {
	App       *forms.Application // a copy the exporter may keep
	Report    *forms.Report      // forms.Check of App
	Dir       string             // the folder to write into
	Variant   string             // VariantFinal, VariantDraft or VariantBlank
	FontPath  string             // a .ttf the user picked in settings; "" for the automatic font chain
	WordStyle forms.WordStyle    // the style of amounts in words
	DOCX      bool               // also write the editable Word file beside the PDF
	// DossierPages prints the dossier-wide page count in the top margin (a setting, off by default).
	DossierPages bool
}

// ExportResult says what an export wrote.
type ExportResult struct {
	PDFPath  string
	XLSXPath string
	DOCXPath string   // the editable Word file, when asked for
	Warnings []string // in Vietnamese, e.g. an attachment that could not be merged
	Font     string   // the name of the font the PDF used
	// ReadBack is what reading the final PDF's text back found; nil when it was not read back (a
	// draft, or no PDF text reader on this computer).
	ReadBack *ReadBack
}

// ReadBack is the outcome of reading a final PDF back: whether the applicant's name and tax code,
// the total, the support, the counterpart and their amounts in words in the letter, the đề án and
// the budget table say what the data says.
type ReadBack struct {
	Mismatches []string // in Vietnamese, one per thing the PDF does not say as computed; none: all match
}

// Exporter writes the PDF dossier and the Excel sheet. It runs off the UI goroutine and reports
// progress from 0 to 1; it stops with ctx.Err() when the context is cancelled.
type Exporter interface {
	Export(ctx context.Context, req ExportRequest, progress func(float64)) (ExportResult, error)
}

// Opener hands files and folders to the operating system.
type Opener interface {
	Open(path string) error  // open a file or folder with its default application
	Print(path string) error // print a file with the system's print verb (or open it to print)
}

// Packager exports and imports hand-off packages (data, PDF, XLSX and attachments with checksums).
type Packager interface {
	Export(appID, path string) error
	// Import stores the package's dossier; with forms.ImportAsk it fails with forms.ErrClientExists
	// when the client is already in the library. It returns the client's ID.
	Import(path string, mode forms.ImportMode) (clientID string, err error)
}

// BackupInfo is one backup of the data file.
type BackupInfo struct {
	Path string
	At   time.Time
	Size int64
}

// Backups lists and restores backups of the data file.
type Backups interface {
	List() ([]BackupInfo, error) // newest first
	// Restore replaces the data with a backup; the app must be restarted afterwards.
	Restore(path string) error
}

// Deps are what the app is handed by its main package.
type Deps struct {
	Store    forms.Store
	Exporter Exporter // nil: generation explains that it is not available
	Opener   Opener   // nil: SystemOpener
	Packager Packager // nil: hand-off packages are not offered
	// ExportPlan writes a khuyến công plan's PDF and workbook into dir and returns their paths;
	// nil: the plan screen explains that export is not available.
	ExportPlan func(p *forms.Plan, dir string, draft bool) ([]string, error)
	Backups    Backups // nil: only "back up now" is offered
	RulesDir   string  // where imported rule packs are kept
	// Packs returns the rule packs in force (embedded and imported); nil: forms.LoadPacks(RulesDir).
	Packs func() []*forms.RulePack
	// FontInUse names the font the PDF would use with the given font file ("" = automatic); optional.
	FontInUse func(fontPath string) string
	Version   string
	// Go runs background work; nil: a goroutine. Tests run it inline.
	Go func(func())
	// Now gives the time; nil: time.Now.
	Now func() time.Time
	// AdoptAttachment copies a file the user picked into the library's attachment store and
	// returns the copy's path and SHA-256 (the dossier then refers to the copy); nil: the file is
	// referred to where it is.
	AdoptAttachment func(path string) (stored, sha256 string, err error)
	// Shared tests and chooses a shared library on a server; nil: the settings show the user name only.
	Shared SharedLibraries
	// AttachmentPath gives a file on this computer with an attachment's content (a server
	// library's files are written out to the cache, checked); nil: the attachment's File.
	AttachmentPath func(a forms.Attachment) (string, error)
}
