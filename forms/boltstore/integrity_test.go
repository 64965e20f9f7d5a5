package boltstore

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

// libraryWithMarker makes a library with one dossier whose budget line holds marker, a backup,
// and closes it. It returns the file's path.
func libraryWithMarker(t *testing.T, marker string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hoso.db")
	s, err := Open(path, Options{Now: testClock(day0)})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, s, "Công ty TNHH Phước Hưng", "0301234567")
	app := forms.Sample(forms.Equipment)
	app.ClientID = c.ID
	app.Budget.Lines[0].Description = marker
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// changeOneByte flips the last letter of the first occurrence of marker in the file: the record
// stays valid JSON, only its text changes.
func changeOneByte(t *testing.T, path, marker string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Every copy (bbolt keeps old copies of pages until they are reused): the live record is
	// among them. The last letter's lowest bit flips: still valid JSON text.
	changed := bytes.Clone(data)
	for i, n := 0, 0; ; n++ {
		j := bytes.Index(changed[i:], []byte(marker))
		if j < 0 {
			if n == 0 {
				t.Fatalf("marker %q not in the file", marker)
			}
			break
		}
		i += j + len(marker)
		changed[i-1] ^= 0x01
	}
	data = changed
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Finding 1: a record changed on disk (still valid JSON) is detected by the check, by Open and on
// read; the library opens read-only, nothing is written to it, no backup is taken from it.
func TestChangedRecordIsDetected(t *testing.T) {
	const marker = "Máy ép thủy lực MARKERQZ"
	path := libraryWithMarker(t, marker)
	changeOneByte(t, path, marker)
	before, _ := os.ReadFile(path)
	backupsBefore, _ := Backups(path)

	if err := CheckFile(path); err == nil {
		t.Error("CheckFile passed a changed record")
	}
	_, err := Open(path, Options{Now: testClock(day0.AddDate(0, 0, 1))})
	var de *DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("Open of a changed record: %v", err)
	}
	if de.Backup == "" {
		t.Errorf("no good backup offered: %v", de)
	}
	if msg := de.Error(); strings.Contains(strings.ToLower(msg), "panic") || !strings.Contains(msg, "hoso db restore") {
		t.Errorf("message: %s", msg)
	}

	// Read-only: the good parts can be read, writes are refused, the file does not change.
	s, err := Open(path, Options{Now: testClock(day0.AddDate(0, 0, 2)), ReadOnlyIfDamaged: true})
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	if s.Damage() == nil {
		t.Fatal("Damage() is nil for a damaged library")
	}
	// The app asks ReadOnly (ui.ReadOnlyStore) to show its banner and disable editing.
	if err := s.ReadOnly(); !errors.As(err, &de) {
		t.Errorf("ReadOnly of a damaged library: %v", err)
	}
	if sound, err := Open(filepath.Join(t.TempDir(), "hoso.db"), Options{ReadOnlyIfDamaged: true}); err != nil {
		t.Fatal(err)
	} else {
		if err := sound.ReadOnly(); err != nil {
			t.Errorf("ReadOnly of a sound library: %v", err)
		}
		sound.Close()
	}
	sums, err := s.Applications(forms.Query{})
	if err != nil || len(sums) != 1 {
		t.Fatalf("list in read-only mode: %v %v", sums, err)
	}
	if _, err := s.Application(sums[0].ID); !errors.Is(err, ErrDamaged) {
		t.Errorf("reading the changed dossier: %v", err)
	}
	c := &forms.Client{Enterprise: forms.Enterprise{Name: "Mới"}}
	if err := s.SaveClient(c); !errors.Is(err, ErrDamaged) {
		t.Errorf("save in read-only mode: %v", err)
	}
	if _, err := s.Backup(); err == nil {
		t.Error("backup of a damaged library")
	}
	r, err := s.Check()
	if err != nil || r.OK() {
		t.Errorf("Check of a damaged library: %v %+v", err, r)
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}
	if backupsAfter, _ := Backups(path); len(backupsAfter) != len(backupsBefore) {
		t.Errorf("backups taken from a damaged library: %d → %d", len(backupsBefore), len(backupsAfter))
	}
}

// Finding 1, statistically: any one-byte change inside a record's text is caught.
func TestEveryOneByteChangeIsCaught(t *testing.T) {
	const marker = "Dây chuyền sấy MARKERABCDEFGH"
	path := libraryWithMarker(t, marker)
	orig, _ := os.ReadFile(path)
	var at []int // every copy of the marker (old page copies too)
	for i := 0; ; {
		j := bytes.Index(orig[i:], []byte(marker))
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + len(marker)
	}
	for k := range len(marker) {
		data := bytes.Clone(orig)
		for _, i := range at {
			data[i+k] ^= 0x01
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := CheckFile(path); err == nil {
			t.Errorf("change of byte %d of the record not caught", k)
		}
	}
}

// Finding 2: a library truncated to 0 bytes, with backups present, is never re-initialised.
func TestEmptyFileWithBackupsIsNotReinitialised(t *testing.T) {
	path := libraryWithMarker(t, "MARKER")
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	var de *DamagedError
	if !errors.As(err, &de) || de.Backup == "" {
		t.Fatalf("0-byte library with backups: %v", err)
	}
	if info, _ := os.Stat(path); info.Size() != 0 {
		t.Errorf("the 0-byte file was written: %d bytes", info.Size())
	}
	if err := CheckFile(path); err == nil {
		t.Error("CheckFile passed a 0-byte library")
	}
}

// Finding 3: a library that is gone while backups exist (a restore killed between its steps, or
// a lost file) is not silently replaced by an empty one.
func TestMissingFileWithBackupsIsNotReinitialised(t *testing.T) {
	path := libraryWithMarker(t, "MARKER")
	if err := os.Rename(path, path+".truoc-khoi-phuc-20270104-080000"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	var de *DamagedError
	if !errors.As(err, &de) || de.Backup == "" {
		t.Fatalf("missing library with backups: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("an empty library was created")
	}
}

// Finding 3: a restore stopped after each of its steps (as a killed process would stop) is
// finished or rolled back by the next Open; the library is never lost or silently emptied.
func TestInterruptedRestoreIsRecovered(t *testing.T) {
	for _, step := range []string{"journal", "aside", "placed"} {
		t.Run(step, func(t *testing.T) {
			path := libraryWithMarker(t, "MARKER")
			backups, _ := Backups(path)
			// A later save, so the library and the backup differ.
			s, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			newClient(t, s, "Hợp tác xã Sau Sao Lưu", "")
			s.Close()
			restoreStop = func(at string) bool { return at == step }
			_, err = RestoreBackup(backups[0].Path, path)
			restoreStop = func(string) bool { return false }
			if !errors.Is(err, errStopped) {
				t.Fatalf("restore not stopped at %s: %v", step, err)
			}
			s, err = Open(path, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatalf("open after a restore stopped at %s: %v", step, err)
			}
			cs, _ := s.Clients(forms.Query{})
			s.Close()
			// Stopped before the old file was moved: the old library (2 clients); after: the backup (1).
			want := 1
			if step == "journal" {
				want = 2
			}
			if len(cs) != want {
				t.Errorf("after a restore stopped at %s: %d clients, want %d", step, len(cs), want)
			}
			if _, err := os.Stat(journalPath(path)); err == nil {
				t.Error("journal left behind")
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".khoi-phuc-*"))
			if len(left) > 0 {
				t.Errorf("temporary copies left: %v", left)
			}
		})
	}
}

// Two backups in the same second: the second one ("-2") is the newer.
func TestBackupsSameSecondOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hoso.db")
	dir := BackupDir(path)
	os.MkdirAll(dir, 0o700)
	for _, n := range []string{"hoso-20270104-083000.db", "hoso-20270104-083000-2.db", "hoso-20270104-083000-3.db", "hoso-20270103-083000.db"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o600)
	}
	list, _ := Backups(path)
	var names []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path))
	}
	if strings.Join(names, " ") != "hoso-20270104-083000-3.db hoso-20270104-083000-2.db hoso-20270104-083000.db hoso-20270103-083000.db" {
		t.Errorf("order: %v", names)
	}
}

// Backups are checked before they are called good: each written backup has its verdict recorded,
// and a backup damaged since is never the one offered.
func TestDamagedBackupIsNotOffered(t *testing.T) {
	const marker = "Lò sấy MARKERBK"
	path := libraryWithMarker(t, marker) // one backup
	s, err := Open(path, Options{NoAutoBackup: true, Now: testClock(day0.AddDate(0, 0, 1))})
	if err != nil {
		t.Fatal(err)
	}
	newer, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	list, _ := Backups(path)
	if len(list) != 2 || list[0].Path != newer {
		t.Fatalf("backups: %+v", list)
	}
	for _, b := range list {
		if !strings.HasPrefix(b.Verdict, "tốt") {
			t.Errorf("no recorded verdict for %s: %q", b.Path, b.Verdict)
		}
	}
	changeOneByte(t, newer, marker) // the newest backup rots
	changeOneByte(t, path, marker)  // and the library too
	_, err = Open(path, Options{})
	var de *DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("open: %v", err)
	}
	if de.Backup != list[1].Path || len(de.GoodBackups) != 1 {
		t.Errorf("offered %s (good: %v), want the older, sound backup %s", de.Backup, de.GoodBackups, list[1].Path)
	}
}
