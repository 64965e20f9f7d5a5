package boltstore

import (
	"bytes"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

func TestSecondOpenIsLocked(t *testing.T) {
	s := openTest(t)
	_, err := Open(s.Path(), Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	if !strings.Contains(err.Error(), "đang được mở ở một cửa sổ khác") || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("message: %s", err)
	}
	// The first store still works.
	newClient(t, s, "Công ty vẫn ghi được", "")
}

// writeLibrary creates a data file with a little data, then opens it on the next day so that the
// day's backup is written; it returns the path and that backup.
func writeLibrary(t *testing.T) (path string, backup BackupInfo) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "hoso.db")
	s, err := Open(path, Options{Now: testClock(day0)})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, s, "Hợp tác xã Dệt thổ cẩm Buôn Đôn", "1803456786")
	for range 3 {
		newApp(t, s, c, forms.CleanerProduction, 2027)
	}
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("a new file got a backup: %v", bs)
	}
	s, err = Open(path, Options{Now: testClock(day0.AddDate(0, 0, 1))})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	bs, _ := Backups(path)
	if len(bs) != 1 {
		t.Fatalf("backups after the second day's open: %v", bs)
	}
	return path, bs[0]
}

// leafPages lists the pages of the file that hold keys and values.
func leafPages(t *testing.T, path string) []int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []int
	db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				return nil
			}
			if info.Type == "leaf" {
				out = append(out, id)
			}
		}
	})
	if len(out) == 0 {
		t.Fatal("no leaf page found")
	}
	return out
}

func TestDamagedFileIsReportedNotTouched(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(page []byte)
	}{
		{"page header flipped", func(page []byte) {
			for i := 8; i < 12; i++ { // flags and count
				page[i] ^= 0xA5
			}
		}},
		{"page full of garbage", func(page []byte) { rand.Read(page) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, backup := writeLibrary(t)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pageSize := os.Getpagesize()
			leaf := leafPages(t, path)[0]
			tc.damage(data[leaf*pageSize : (leaf+1)*pageSize])
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}

			_, err = Open(path, Options{Now: testClock(day0.AddDate(0, 0, 2))})
			var de *DamagedError
			if !errors.Is(err, ErrDamaged) || !errors.As(err, &de) {
				t.Fatalf("open of a damaged file: %v", err)
			}
			if de.Backup != backup.Path {
				t.Errorf("offered backup %q, want %q", de.Backup, backup.Path)
			}
			if !strings.Contains(err.Error(), "bị hỏng") || !strings.Contains(err.Error(), backup.Path) {
				t.Errorf("message: %s", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, data) {
				t.Error("the damaged file was modified by Open")
			}
			if bs, _ := Backups(path); len(bs) != 1 {
				t.Errorf("a backup was made of the damaged file: %v", bs)
			}

			// The app offers the backup: restoring keeps the damaged file aside and opens again.
			kept, err := RestoreBackup(de.Backup, path)
			if err != nil {
				t.Fatal(err)
			}
			keptData, _ := os.ReadFile(kept)
			if !bytes.Equal(keptData, data) {
				t.Errorf("damaged file not kept as it was at %s", kept)
			}
			s, err := Open(path, Options{Now: testClock(day0.AddDate(0, 0, 2))})
			if err != nil {
				t.Fatal(err)
			}
			defer closeAndCheck(t, s)
			if sums, _ := s.Applications(forms.Query{}); len(sums) != 3 {
				t.Errorf("restored library has %d dossiers, want 3", len(sums))
			}
		})
	}
}

func TestGarbageFilesAreDamaged(t *testing.T) {
	random := make([]byte, 5*4096)
	rand.Read(random)
	for name, data := range map[string][]byte{
		"random":    random,
		"zeros":     make([]byte, 3*4096),
		"text":      []byte("đây không phải tệp dữ liệu\n"),
		"truncated": nil, // filled below
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "hoso.db")
			if name == "truncated" {
				good, _ := writeLibrary(t)
				full, _ := os.ReadFile(good)
				data = full[:len(full)/3]
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path, Options{})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("open: %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Error("file modified")
			}
		})
	}
}

func TestBackupOncePerDayKeepsSevenDays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hoso.db")
	for day := range 10 {
		for range 2 { // two opens a day: one backup
			s, err := Open(path, Options{Now: testClock(day0.AddDate(0, 0, day))})
			if err != nil {
				t.Fatal(err)
			}
			newClient(t, s, "Khách ngày "+day0.AddDate(0, 0, day).Format("02/01"), "")
			s.Close()
		}
	}
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	// Day 0 created the file (nothing to back up); days 1..9 made one each; the newest 7 stay.
	if len(bs) != KeepBackupDays {
		t.Fatalf("%d backups, want %d: %v", len(bs), KeepBackupDays, bs)
	}
	for i, b := range bs {
		wantDay := day0.AddDate(0, 0, 9-i).Format("20060102")
		if b.Time.Format("20060102") != wantDay {
			t.Errorf("backup %d is of %s, want %s", i, b.Time.Format("20060102"), wantDay)
		}
		if err := CheckFile(b.Path); err != nil {
			t.Error(err)
		}
	}

	// An on-demand backup on the same day adds a file and keeps the same seven days.
	s, err := Open(path, Options{Now: testClock(day0.AddDate(0, 0, 9).Add(3 * time.Hour))})
	if err != nil {
		t.Fatal(err)
	}
	defer closeAndCheck(t, s)
	p, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	bs, _ = Backups(path)
	if len(bs) != KeepBackupDays+1 || bs[0].Path != p {
		t.Errorf("after an on-demand backup: %v", bs)
	}
	leftovers, _ := filepath.Glob(filepath.Join(BackupDir(path), ".tmp-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// The backup holds the data of the moment: the newest client is in it.
	b, err := Open(p, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := b.Clients(forms.Query{Text: "Khách ngày " + day0.AddDate(0, 0, 9).Format("02/01")})
	b.Close()
	if len(cs) != 2 {
		t.Errorf("backup lacks the day's clients: %v", clientNames(cs))
	}
}

func TestRestoreBackupRefusals(t *testing.T) {
	path, backup := writeLibrary(t)
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if _, err := RestoreBackup(backup.Path, path); !errors.Is(err, ErrLocked) {
		t.Errorf("restore over an open library: %v", err)
	}
	closeAndCheck(t, s)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the data file")
	}

	bad := filepath.Join(t.TempDir(), "hong.db")
	os.WriteFile(bad, []byte("không phải bản sao lưu"), 0o600)
	if _, err := RestoreBackup(bad, path); err == nil || !strings.Contains(err.Error(), "không khôi phục") {
		t.Errorf("restore from a bad backup: %v", err)
	}
	if _, err := RestoreBackup(path, path); err == nil {
		t.Error("restore of a file onto itself accepted")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the data file")
	}
	// Onto a missing file: nothing to keep aside.
	fresh := filepath.Join(t.TempDir(), "moi.db")
	kept, err := RestoreBackup(backup.Path, fresh)
	if err != nil || kept != "" {
		t.Errorf("restore to a new place: %q %v", kept, err)
	}
	if err := CheckFile(fresh); err != nil {
		t.Error(err)
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvPath, filepath.Join(dir, "rieng", "khach.db"))
	p, err := DefaultPath()
	if err != nil || p != filepath.Join(dir, "rieng", "khach.db") {
		t.Errorf("with %s: %q %v", EnvPath, p, err)
	}
	if info, err := os.Stat(filepath.Join(dir, "rieng")); err != nil || !info.IsDir() {
		t.Errorf("folder not created: %v", err)
	}
	if runtime.GOOS != "linux" {
		return
	}
	t.Setenv(EnvPath, "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "cfg"))
	p, err = DefaultPath()
	if want := filepath.Join(dir, "cfg", "HosoKhuyenCong", "hoso.db"); err != nil || p != want {
		t.Errorf("default: %q %v, want %q", p, err, want)
	}
	if _, err := os.Stat(filepath.Dir(p)); err != nil {
		t.Errorf("folder not created: %v", err)
	}
}

func TestCheckReport(t *testing.T) {
	s := openTest(t)
	c := newClient(t, s, "Công ty A", "0101010101")
	app := newApp(t, s, c, forms.Equipment, 2027)
	s.SaveRevision(app.ID, "render")
	s.SaveRevision(app.ID, "render")
	s.DeleteApplication(app.ID)
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Clients != 1 || r.Applications != 1 || r.Revisions != 2 || r.InTrash != 1 || r.SchemaVersion != SchemaVersion {
		t.Errorf("report %+v", r)
	}
	// A record broken behind the store's back is reported.
	s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSummaries).Put([]byte("mo-coi"), []byte(`{"id":"mo-coi"}`))
	})
	r, _ = s.Check()
	if r.OK() || !strings.Contains(strings.Join(r.Problems, "\n"), "mo-coi") {
		t.Errorf("orphan summary not reported: %+v", r.Problems)
	}
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSummaries).Delete([]byte("mo-coi")) })
}

// Random damage anywhere in the file never crashes the process: Open either reports ErrDamaged
// or opens a file whose structure is sound (a flipped byte inside a value is seen when reading it).
func TestRandomDamageNeverCrashes(t *testing.T) {
	path, _ := writeLibrary(t)
	good, _ := os.ReadFile(path)
	dir := t.TempDir()
	rounds := 400
	if testing.Short() {
		rounds = 50
	}
	var damaged, opened int
	for round := range rounds {
		data := bytes.Clone(good)
		var b [16]byte
		rand.Read(b[:])
		pageSize := os.Getpagesize()
		for i := range 1 + int(b[0]%8) {
			pos := int(le.Uint32(b[4:])+uint32(i)*uint32(b[1])*997) % len(data)
			if round%2 == 0 { // aim at the structure: page headers and element tables
				page := pos / pageSize
				pos = page*pageSize + int(b[2+i%2]+uint8(i)*13)%160
			}
			data[pos] ^= b[8+i%8] | 1
		}
		p := filepath.Join(dir, "r.db")
		os.Remove(p)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(p, Options{NoAutoBackup: true})
		if err != nil {
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNewerSchema) {
				t.Errorf("round %d: unexpected error kind: %v", round, err)
			}
			if strings.Contains(strings.ToLower(err.Error()), "panic") {
				t.Errorf("round %d: the word panic shown to the user: %v", round, err)
			}
			damaged++
			continue
		}
		opened++
		s.Applications(forms.Query{})
		s.Clients(forms.Query{})
		if r, err := s.Check(); err == nil && strings.Contains(strings.ToLower(strings.Join(r.Problems, " ")), "panic") {
			t.Errorf("round %d: the word panic in the check report: %v", round, r.Problems)
		}
		s.Close()
	}
	t.Logf("%d rounds: %d reported damaged, %d opened", rounds, damaged, opened)
}
