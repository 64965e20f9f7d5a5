package handoff

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
)

// ImportInto imports a dossier file (.hoso.json) or a hand-off package (.zip) into a client library.
// A package's attachments are extracted into "ho-so/<name>-<time>" beside the data file (the
// library's attachment store, forms.LibraryFilesDir); a dossier file's attachments must be relative paths
// inside the dossier's folder (absolute paths, paths that leave the folder and links pointing out
// of it are refused, naming the field) and are copied into the store the same way. With
// forms.ImportAsk it fails with forms.ErrClientExists when a client with the same tax code exists.
// A refused import leaves nothing behind. A library that keeps files itself (a server library, a
// forms.AttachmentStore) takes the files in and the extracted copies are removed.
func ImportInto(s forms.Store, path string, mode forms.ImportMode, now time.Time) (app *forms.Application, clientID string, err error) {
	var extracted string
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", fmt.Errorf("không mở được tệp %s: %w", path, err)
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, "", err
		}
		// Check the whole package (and the client question) before anything is extracted.
		if _, _, err := ReadManifest(f, info.Size()); err != nil {
			return nil, "", err
		}
		stamp := now.Format("20060102-150405")
		base := safeBaseName(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), "goi")
		root := forms.LibraryFilesDir(s.Path())
		extracted = filepath.Join(root, base+"-"+stamp)
		for i := 2; exists(extracted); i++ {
			extracted = filepath.Join(root, fmt.Sprintf("%s-%s-%d", base, stamp, i))
		}
		app, err = Import(f, info.Size(), extracted)
		if err != nil {
			return nil, "", err
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", fmt.Errorf("không mở được tệp %s: %w", path, err)
		}
		app, err = forms.ReadApplication(f)
		f.Close()
		if err != nil {
			return nil, "", err
		}
		dir, err := filepath.Abs(filepath.Dir(path))
		if err != nil {
			return nil, "", err
		}
		base := safeBaseName(strings.TrimSuffix(filepath.Base(path), forms.FileExtension), "ho-so")
		extracted, err = copyDossierAttachments(app, dir, forms.LibraryFilesDir(s.Path()), base, now)
		if err != nil {
			return nil, "", err
		}
	}
	if st, ok := s.(forms.AttachmentStore); ok && extracted != "" {
		// A server library keeps the files itself: every computer gets them.
		defer os.RemoveAll(extracted)
		if err := adoptAll(st, app); err != nil {
			return nil, "", err
		}
	}
	clientID, err = s.ImportApplication(app, mode)
	if err != nil {
		if extracted != "" {
			os.RemoveAll(extracted)
		}
		return nil, "", err
	}
	return app, clientID, nil
}

// ExportFrom writes one dossier of the library to path: a hand-off package, or only the dossier file
// when path ends in .hoso.json. The file is written atomically and a revision "export" is recorded.
// A package holds only files from the library's attachment store (forms.LibraryFilesDir): an attachment
// elsewhere is refused, naming it. A server library's files are written out to the cache
// (forms.AttachmentCacheDir), checked against their SHA-256, and packed from there.
func ExportFrom(s forms.Store, appID, path, appVersion string, now time.Time) error {
	app, err := s.Application(appID)
	if err != nil {
		return err
	}
	root := forms.LibraryFilesDir(s.Path())
	packApp := app
	if st, ok := s.(forms.AttachmentStore); ok && !strings.HasSuffix(strings.ToLower(path), forms.FileExtension) {
		// Files kept on a server are written out to this computer's cache first, checked.
		root = forms.AttachmentCacheDir()
		var warnings []string
		packApp, warnings = forms.MaterialiseAttachments(st, app, root)
		if len(warnings) > 0 {
			return fmt.Errorf("không đóng gói được hồ sơ: %s", strings.Join(warnings, "; "))
		}
	}
	write := func(w io.Writer) error {
		if strings.HasSuffix(strings.ToLower(path), forms.FileExtension) {
			return forms.EncodeApplication(w, app)
		}
		return ExportWith(w, packApp, filepath.Dir(s.Path()), ExportOptions{AppVersion: appVersion, Now: now, Root: root})
	}
	if err := atomicfile.Write(path, 0o644, write); err != nil {
		return err
	}
	if _, err := s.SaveRevision(app.ID, "export"); err != nil {
		return fmt.Errorf("đã xuất %s nhưng không ghi được bản lưu: %w", path, err)
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
