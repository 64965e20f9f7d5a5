package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importedLibrary imports the samples into a new library, takes a backup, and returns its path.
func importedLibrary(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "hoso.db")
	if code, _, stderr := hosoDB(t, db, append([]string{"import"}, dossierFiles(t)...)...); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	if code, _, stderr := hosoDB(t, db, "backup"); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	return db
}

// Finding 1: "db check" finds a record changed on disk (still valid JSON), names it, and says how
// to restore; reading commands still work read-only, writing commands are refused.
func TestDBCheckFindsChangedRecord(t *testing.T) {
	db := importedLibrary(t)
	data, _ := os.ReadFile(db)
	// Every copy of the text (bbolt keeps old copies of pages until they are reused): the live
	// record is among them. Same length, still valid JSON.
	changed := bytes.ReplaceAll(data, []byte("Phước Hưng"), []byte("Phước Hưnh"))
	if bytes.Equal(changed, data) {
		t.Fatal("no text to change in the library")
	}
	if err := os.WriteFile(db, changed, 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	code, out, stderr := hosoDB(t, db, "check")
	all := out + stderr
	if code != 1 || !strings.Contains(all, "mã kiểm tra không khớp") || !strings.Contains(all, "hoso db restore") {
		t.Errorf("check of a changed record: exit %d\n%s", code, all)
	}
	if strings.Contains(strings.ToLower(all), "panic") {
		t.Errorf("the word panic shown: %s", all)
	}
	if code, _, stderr := hosoDB(t, db, "delete", "whatever"); code == 0 || !strings.Contains(stderr, "bị hỏng") {
		t.Errorf("delete in a damaged library: exit %d: %s", code, stderr)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the damaged library was written to")
	}
}

// Finding 2: a library truncated to 0 bytes is not "tốt" and not "0 hồ sơ" while backups exist.
func TestDBEmptyLibraryWithBackupsIsRefused(t *testing.T) {
	db := importedLibrary(t)
	if err := os.Truncate(db, 0); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"check"}, {"list"}} {
		code, out, stderr := hosoDB(t, db, cmd...)
		if code == 0 || strings.Contains(out, "0 hồ sơ") || !strings.Contains(stderr, "hoso db restore") {
			t.Errorf("%v on a 0-byte library: exit %d\n%s%s", cmd, code, out, stderr)
		}
	}
	if info, _ := os.Stat(db); info.Size() != 0 {
		t.Errorf("the 0-byte library was re-initialised (%d bytes)", info.Size())
	}
}

// Finding 9: a failed "db import" creates no library file.
func TestDBFailedImportCreatesNoLibrary(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hoso.db")
	bad := filepath.Join(dir, "hong.hoso.json")
	os.WriteFile(bad, []byte(`{"format_version": 1, "programme": `), 0o644)
	code, _, _ := hosoDB(t, db, "import", bad, filepath.Join(dir, "khong-co.hoso.json"))
	if code == 0 {
		t.Error("import of broken files succeeded")
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a failed import created the library file")
	}
}
