package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
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

// Temporary files a killed run left (older than StaleAge) are removed by the next write of the
// same file; an earlier file a killed CommitAll had moved aside is put back.
func TestStaleTempsCleaned(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "du-toan [1].xlsx")
	old := time.Now().Add(-2 * StaleAge)
	stale := filepath.Join(dir, ".du-toan [1].xlsx.111.tmp")
	fresh := filepath.Join(dir, ".du-toan [1].xlsx.222.tmp")
	aside := filepath.Join(dir, ".du-toan [1].xlsx.333.tmp"+asideSuffix)
	for _, p := range []string{stale, fresh, aside} {
		os.WriteFile(p, []byte(p), 0o600)
	}
	os.Chtimes(stale, old, old)
	CleanStale(target)
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (a write in progress) was removed")
	}
	if got, _ := os.ReadFile(target); string(got) != aside {
		t.Errorf("the earlier file moved aside was not put back: %q", got)
	}
}

// CommitAll replaces all or none.
func TestCommitAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.xlsx")
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(b, []byte("old b"), 0o644)
	pa, err := Prepare(a, 0o644, func(w io.Writer) error { _, err := w.Write([]byte("new a")); return err })
	if err != nil {
		t.Fatal(err)
	}
	pb, err := Prepare(b, 0o644, func(w io.Writer) error { _, err := w.Write([]byte("new b")); return err })
	if err != nil {
		t.Fatal(err)
	}
	failB := func(o, n string) error {
		if n == b {
			return os.ErrPermission
		}
		return os.Rename(o, n)
	}
	err = CommitAll(failB, pa, pb)
	var ce *CommitError
	if !errors.As(err, &ce) || ce.Path != b {
		t.Fatalf("commit: %v", err)
	}
	if ga, _ := os.ReadFile(a); string(ga) != "old a" {
		t.Errorf("a = %q after a failed commit", ga)
	}
	if gb, _ := os.ReadFile(b); string(gb) != "old b" {
		t.Errorf("b = %q after a failed commit", gb)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d entries left, want 2", len(entries))
	}
}

// A CommitAll killed after any of its renames is rolled back by the next CleanStale of either
// file: both earlier files come back exactly, no new file stays beside an earlier one.
func TestKilledCommitRolledBack(t *testing.T) {
	for kill := 0; kill < 4; kill++ { // renames done before the kill: 2 moves aside, then 2 placements
		dir := t.TempDir()
		a, b := filepath.Join(dir, "ho-so.pdf"), filepath.Join(dir, "du-toan.xlsx")
		os.WriteFile(a, []byte("PDF cũ"), 0o644)
		os.WriteFile(b, []byte("bảng cũ"), 0o644)
		pa, _ := Prepare(a, 0o644, func(w io.Writer) error { _, err := w.Write([]byte("PDF mới")); return err })
		pb, _ := Prepare(b, 0o644, func(w io.Writer) error { _, err := w.Write([]byte("bảng mới")); return err })
		n := 0
		killAt := func(o, nw string) error {
			n++
			if n > kill {
				return errKilled
			}
			return os.Rename(o, nw)
		}
		if err := CommitAll(killAt, pa, pb); err != errKilled {
			t.Fatalf("kill after rename %d: %v", kill, err)
		}
		CleanStale(b) // the next run writes one of the two
		ga, _ := os.ReadFile(a)
		gb, _ := os.ReadFile(b)
		if string(ga) != "PDF cũ" || string(gb) != "bảng cũ" {
			t.Errorf("kill after rename %d: %q, %q after recovery", kill, ga, gb)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 2 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("kill after rename %d: left %v", kill, names)
		}
	}
}
