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
// A package's attachments are extracted into "ho-so/<name>-<time>" beside the data file; a dossier
// file's relative attachment paths are made absolute so they stay reachable. With forms.ImportAsk it
// fails with forms.ErrClientExists when a client with the same tax code exists, and writes nothing.
func ImportInto(s forms.Store, path string, mode forms.ImportMode, now time.Time) (app *forms.Application, clientID string, err error) {
	var extracted string
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", fmt.Errorf("không mở được tệp %s: %v", path, err)
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
		root := filepath.Join(filepath.Dir(s.Path()), "ho-so")
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
			return nil, "", fmt.Errorf("không mở được tệp %s: %v", path, err)
		}
		app, err = forms.ReadApplication(f)
		f.Close()
		if err != nil {
			return nil, "", err
		}
		for i, a := range app.Attachments {
			if a.File != "" && !filepath.IsAbs(a.File) {
				if abs, err := filepath.Abs(filepath.Join(filepath.Dir(path), filepath.FromSlash(a.File))); err == nil {
					app.Attachments[i].File = abs
				}
			}
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
func ExportFrom(s forms.Store, appID, path, appVersion string, now time.Time) error {
	app, err := s.Application(appID)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		if strings.HasSuffix(strings.ToLower(path), forms.FileExtension) {
			return forms.EncodeApplication(w, app)
		}
		return ExportWith(w, app, filepath.Dir(s.Path()), ExportOptions{AppVersion: appVersion, Now: now})
	}
	if err := atomicfile.Write(path, 0o644, write); err != nil {
		return err
	}
	if _, err := s.SaveRevision(app.ID, "export"); err != nil {
		return fmt.Errorf("đã xuất %s nhưng không ghi được bản lưu: %v", path, err)
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
