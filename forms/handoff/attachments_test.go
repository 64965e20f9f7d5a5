package handoff

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
)

func library(t *testing.T) *boltstore.Store {
	t.Helper()
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "lib", "hoso.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dossierFile writes a sample dossier with the given attachment paths into a new folder.
func dossierFile(t *testing.T, files ...string) string {
	t.Helper()
	app := forms.Sample(forms.Equipment)
	app.Attachments = nil
	for i, f := range files {
		app.Attachments = append(app.Attachments, forms.Attachment{ID: []string{"registration", "quotations", "specifications"}[i], File: f})
	}
	data, err := forms.MarshalApplication(app)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ho-so"+forms.FileExtension)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Finding 5: attachment paths that are absolute or leave the dossier's folder are refused at
// import with the field named, and nothing is stored.
func TestImportRefusesAttachmentsOutsideTheDossier(t *testing.T) {
	for _, bad := range []string{"/etc/passwd", "../../../../home/user/.bashrc", `..\..\Windows\win.ini`, "giay/../../x.pdf"} {
		t.Run(bad, func(t *testing.T) {
			s := library(t)
			path := dossierFile(t, bad)
			_, _, err := ImportInto(s, path, forms.ImportAsk, fixedNow)
			if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "attachments[0].file") {
				t.Fatalf("import with attachment %q: %v", bad, err)
			}
			if sums, _ := s.Applications(forms.Query{}); len(sums) != 0 {
				t.Errorf("a refused dossier was stored: %v", sums)
			}
		})
	}
}

// A link inside the dossier's folder that points outside it is refused too.
func TestImportRefusesLinkOutOfTheDossier(t *testing.T) {
	s := library(t)
	path := dossierFile(t, "giay-phep.pdf")
	if err := os.Symlink("/etc/passwd", filepath.Join(filepath.Dir(path), "giay-phep.pdf")); err != nil {
		t.Skip("no symbolic links here")
	}
	if _, _, err := ImportInto(s, path, forms.ImportAsk, fixedNow); !errors.Is(err, ErrRefused) {
		t.Fatalf("import of a link out of the folder: %v", err)
	}
}

// Files inside the dossier's folder are copied into the library's own attachment store; the
// export packs them from there.
func TestImportCopiesAttachmentsIntoTheLibrary(t *testing.T) {
	s := library(t)
	path := dossierFile(t, "giay to/dkkd.pdf")
	src := filepath.Join(filepath.Dir(path), "giay to", "dkkd.pdf")
	os.MkdirAll(filepath.Dir(src), 0o755)
	os.WriteFile(src, []byte("%PDF-1.4 đăng ký kinh doanh"), 0o644)
	app, _, err := ImportInto(s, path, forms.ImportAsk, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	stored := app.Attachments[0].File
	if !forms.PathWithin(stored, forms.LibraryFilesDir(s.Path())) {
		t.Fatalf("attachment kept at %s, outside the library's store %s", stored, forms.LibraryFilesDir(s.Path()))
	}
	os.Remove(src) // the original may go: the library has its copy
	out := filepath.Join(t.TempDir(), "goi.zip")
	if err := ExportFrom(s, app.ID, out, "1.0", fixedNow); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		found = found || f.Name == AttachmentsDir+"/dkkd.pdf"
	}
	if !found {
		t.Error("the attachment is not in the package")
	}
}

// A dossier already in the library whose attachment points outside the library's store (written
// before this rule, or by hand) is not packed: the export refuses and names the attachment.
func TestExportPacksOnlyLibraryFiles(t *testing.T) {
	for _, bad := range []string{"/etc/passwd", "../../../../home/user/.bashrc"} {
		t.Run(bad, func(t *testing.T) {
			s := library(t)
			c := &forms.Client{Enterprise: forms.Sample(forms.Equipment).Enterprise}
			if err := s.SaveClient(c); err != nil {
				t.Fatal(err)
			}
			app := forms.Sample(forms.Equipment)
			app.ClientID = c.ID
			app.Attachments = []forms.Attachment{{ID: "registration", File: bad}}
			if err := s.SaveApplication(app); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "goi.zip")
			err := ExportFrom(s, app.ID, out, "1.0", fixedNow)
			if err == nil || !strings.Contains(err.Error(), "kho tệp đính kèm") {
				t.Fatalf("export of %q: %v", bad, err)
			}
			if data, err := os.ReadFile(out); err == nil && bytes.Contains(data, []byte("root:")) {
				t.Error("/etc/passwd packed")
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a package was written")
			}
		})
	}
}
