package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"unicode/utf8"
)

// checkZip checks the portable zip: one top folder named after the version holding the two
// executables (the same bytes as next to it) and DOC-TRUOC.txt in UTF-8 with a BOM, for Notepad.
func checkZip(zipPath string, exes []string, o options) []result {
	name := filepath.Base(zipPath)
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return []result{{name: name, err: fmt.Errorf("cannot open: %w (run make windows)", err)}}
	}
	defer zr.Close()
	top := fmt.Sprintf("HosoKhuyenCong-%s", o.version)
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	var results []result
	for _, exe := range exes {
		entry := path.Join(top, filepath.Base(exe))
		results = append(results, result{name: name + ": " + entry, err: zipEntryEquals(files[entry], entry, exe)})
	}
	readme := path.Join(top, "DOC-TRUOC.txt")
	results = append(results, result{name: name + ": " + readme, err: wantReadme(files[readme], readme, o.version)})
	return results
}

func zipEntryEquals(f *zip.File, entry, exe string) error {
	if f == nil {
		return fmt.Errorf("%s is not in the zip", entry)
	}
	got, err := readZipEntry(f)
	if err != nil {
		return err
	}
	want, err := os.ReadFile(exe)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%s differs from %s", entry, exe)
	}
	return nil
}

func wantReadme(f *zip.File, entry, version string) error {
	if f == nil {
		return fmt.Errorf("%s is not in the zip", entry)
	}
	text, err := readZipEntry(f)
	if err != nil {
		return err
	}
	body, ok := bytes.CutPrefix(text, []byte("\xef\xbb\xbf"))
	if !ok {
		return fmt.Errorf("%s has no UTF-8 byte-order mark: older Notepad would show mojibake", entry)
	}
	if !utf8.Valid(body) {
		return fmt.Errorf("%s is not valid UTF-8", entry)
	}
	if !bytes.Contains(body, []byte("\r\n")) {
		return fmt.Errorf("%s has Unix line ends; want CRLF for Windows", entry)
	}
	if !bytes.Contains(body, []byte(version)) || bytes.Contains(body, []byte("@VERSION@")) {
		return fmt.Errorf("%s does not name version %s", entry, version)
	}
	return nil
}

func readZipEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
