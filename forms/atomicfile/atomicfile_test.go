package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesOnlyWhenComplete(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ho-so.pdf")
	if err := WriteBytes(path, 0o644, []byte("bản cũ")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o600)
	boom := errors.New("hết chỗ")
	err := Write(path, 0o644, func(w io.Writer) error {
		w.Write([]byte("bản mới dở dang"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "bản cũ" {
		t.Errorf("a failed write changed the file: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed write left %d files", len(entries))
	}
	if err := WriteBytes(path, 0o644, []byte("bản mới")); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "bản mới" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q with mode %v; want the new content with the old mode 0600", got, fi.Mode().Perm())
	}
}

func TestWriteNewFileGetsPerm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "du-toan.xlsx")
	if err := WriteBytes(path, 0o644, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
}
