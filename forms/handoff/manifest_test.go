package handoff

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

// withManifest rewrites the manifest of a package crafted by craft with edit, keeping every other
// entry as it is.
func withManifest(t *testing.T, pkg []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == ManifestName {
			before := string(data)
			data = []byte(edit(before))
			if string(data) == before {
				t.Fatalf("the edit changed nothing in %s", before)
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestManifestReadStrictly: a manifest is read as strictly as a dossier file; each refusal names
// the line, the column and the field, and nothing is written.
func TestManifestReadStrictly(t *testing.T) {
	pdf := entry{name: "attachments/dkkd.pdf", data: []byte("%PDF giấy phép")}
	good := craft(t, []entry{dossierEntry(t, nil), pdf}, nil)
	// The untouched package imports: the refusals below come from the edits alone.
	importLeavesNoTrace(t, good)
	if _, err := Import(bytes.NewReader(good), int64(len(good)), filepath.Join(t.TempDir(), "ho-so")); err != nil {
		t.Fatalf("good package refused: %v", err)
	}
	for _, tc := range []struct {
		name  string
		edit  func(string) string
		field string // the JSON path the message must name
		want  string // part of the message
	}{
		{"duplicate key", func(m string) string {
			return strings.Replace(m, `{"format"`, `{"app_version":"khác","format"`, 1)
		}, "trường app_version", "hai lần"},
		{"duplicate key inside a file entry", func(m string) string {
			return strings.Replace(m, `"size":`, `"size":1,"size":`, 1)
		}, "trường files[0].size", "hai lần"},
		{"case-variant key", func(m string) string {
			return strings.Replace(m, `"app_version"`, `"App_Version"`, 1)
		}, "trường App_Version", "chữ hoa/thường"},
		{"unknown key", func(m string) string {
			return strings.Replace(m, `{"format"`, `{"signed_by":"ai đó","format"`, 1)
		}, "trường signed_by", "không có ở đây"},
		{"unknown key in a file entry", func(m string) string {
			return strings.Replace(m, `"sha256"`, `"mode":"0777","sha256"`, 1)
		}, "trường files[0].mode", "không có ở đây"},
		{"invalid UTF-8", func(m string) string {
			return strings.Replace(m, `"app_version":"test"`, "\"app_version\":\"te\xffst\"", 1)
		}, "trường app_version", "UTF-8"},
		{"lone surrogate", func(m string) string {
			return strings.Replace(m, `"app_version":"test"`, `"app_version":"te\ud800st"`, 1)
		}, "trường app_version", "nửa cặp UTF-16"},
		{"NUL", func(m string) string {
			return strings.Replace(m, `"app_version":"test"`, `"app_version":"te\u0000st"`, 1)
		}, "trường app_version", "NUL"},
		{"control character in a file name", func(m string) string {
			return strings.Replace(m, `"name":"attachments/dkkd.pdf"`, `"name":"attachments/dkkd\u001b.pdf"`, 1)
		}, "trường files[1].name", "U+001B"},
		{"line break", func(m string) string {
			return strings.Replace(m, `"app_version":"test"`, `"app_version":"te\nst"`, 1)
		}, "trường app_version", "xuống dòng"},
		{"wrong type", func(m string) string {
			return strings.Replace(m, `"format_version":1`, `"format_version":"1"`, 1)
		}, "trường format_version", "cần kiểu"},
		{"trailing data", func(m string) string { return m + `{}` }, "manifest.json sai định dạng", "JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pkg := withManifest(t, good, tc.edit)
			parent := t.TempDir()
			_, err := Import(bytes.NewReader(pkg), int64(len(pkg)), filepath.Join(parent, "ho-so"))
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("want a refusal, got %v", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "manifest.json sai định dạng") || !strings.Contains(msg, tc.field) || !strings.Contains(msg, tc.want) {
				t.Errorf("message %q: want %q and %q", msg, tc.field, tc.want)
			}
			var fe *forms.FileError
			if !errors.As(err, &fe) {
				t.Errorf("the cause is not a *forms.FileError: %#v", err)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("something was written: %v", entries)
			}
			if _, _, err := ReadManifest(bytes.NewReader(pkg), int64(len(pkg))); !errors.Is(err, ErrRefused) {
				t.Errorf("ReadManifest accepted it: %v", err)
			}
		})
	}
	// A package of a newer format may carry keys this version does not know: it is refused with
	// "update the application", not with the unknown key.
	newer := withManifest(t, good, func(m string) string {
		return strings.Replace(strings.Replace(m, `"format_version":1`, `"format_version":99`, 1), `{"format"`, `{"signature":"…","format"`, 1)
	})
	_, err := Import(bytes.NewReader(newer), int64(len(newer)), filepath.Join(t.TempDir(), "ho-so"))
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "cập nhật ứng dụng") {
		t.Errorf("newer format: %v", err)
	}
}
