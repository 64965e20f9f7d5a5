package boltstore

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms/atomicfile"
)

// KeepBackupDays is how many days of backups are kept: the backups of the newest KeepBackupDays
// days that have any.
const KeepBackupDays = 7

const backupStamp = "20060102-150405"

// BackupInfo is one backup file.
type BackupInfo struct {
	Path string
	Time time.Time // when it was made (from its name, local time)
	Size int64
	// Verdict is the recorded result of the check made when the backup was written ("" when none
	// was recorded: a backup of an older version of the app): "tốt", or what was wrong.
	Verdict string
}

// verdictSuffix names the file next to a backup that records the result of its check.
const verdictSuffix = ".kiem-tra"

// BackupDir is the folder that holds the backups of the data file at dbPath: backups/ next to it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// backupPrefix is the name every backup of dbPath starts with: "hoso-" for hoso.db.
func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// Backups lists the backups of the data file at dbPath, newest first.
func Backups(dbPath string) ([]BackupInfo, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("không đọc được thư mục sao lưu %s: %w", dir, err)
	}
	prefix := backupPrefix(dbPath)
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
		if len(stamp) < len(backupStamp) {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, stamp[:len(backupStamp)], time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		p := filepath.Join(dir, name)
		verdict, _ := os.ReadFile(p + verdictSuffix)
		out = append(out, BackupInfo{Path: p, Time: t, Size: info.Size(), Verdict: strings.TrimSpace(string(verdict))})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return backupSeq(out[i].Path) > backupSeq(out[j].Path) // hoso-…-2.db was written after hoso-….db
	})
	return out, nil
}

// backupSeq is N of a backup named "<prefix><stamp>-N.db" (a second backup in the same second), else 1.
func backupSeq(path string) int {
	name := strings.TrimSuffix(filepath.Base(path), ".db")
	if i := strings.LastIndexByte(name, '-'); i >= 0 && len(name)-i <= 4 {
		if n, err := strconv.Atoi(name[i+1:]); err == nil {
			return n
		}
	}
	return 1
}

// Backup writes a backup of the whole library now (a consistent snapshot taken in a read
// transaction, written to a temporary file and renamed into place) and returns its path.
// Backups older than the newest KeepBackupDays days are removed.
// A backup is checked (CheckFile) right after it is written and the verdict is recorded next to
// it; a backup that fails is removed. A library opened read-only because it is damaged is never
// backed up.
func (s *Store) Backup() (string, error) {
	if s.damage != nil {
		return "", fmt.Errorf("không sao lưu từ một thư viện bị hỏng (bản sao lưu sẽ mang theo chỗ hỏng): %w", errReadOnly)
	}
	return s.writeBackup(s.now())
}

func (s *Store) writeBackup(at time.Time) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("không tạo được thư mục sao lưu %s: %w", dir, err)
	}
	base := backupPrefix(s.path) + at.In(time.Local).Format(backupStamp)
	final := filepath.Join(dir, base+".db")
	for i := 2; fileExists(final); i++ {
		final = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, i))
	}
	err := writeAtomically(final, func(w io.Writer) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", fmt.Errorf("không ghi được bản sao lưu %s: %w", final, err)
	}
	if err := CheckFile(final); err != nil {
		os.Remove(final)
		return "", fmt.Errorf("bản sao lưu vừa ghi không qua kiểm tra nên đã bị bỏ: %w", err)
	}
	if err := atomicfile.WriteBytes(final+verdictSuffix, 0o600, []byte("tốt "+at.Format(time.RFC3339)+"\n")); err != nil {
		return "", fmt.Errorf("không ghi được kết quả kiểm tra bản sao lưu %s: %w", final, err)
	}
	if err := rotateBackups(s.path); err != nil {
		return final, err
	}
	return final, nil
}

// backupDue reports whether no backup was made on at's day.
func (s *Store) backupDue(at time.Time) bool {
	list, err := Backups(s.path)
	if err != nil {
		return true
	}
	day := at.In(time.Local).Format("20060102")
	for _, b := range list {
		if b.Time.Format("20060102") == day {
			return false
		}
	}
	return true
}

// rotateBackups removes the backups of days older than the newest KeepBackupDays days that have one.
func rotateBackups(dbPath string) error {
	list, err := Backups(dbPath)
	if err != nil {
		return err
	}
	days := map[string]bool{}
	for _, b := range list { // newest first
		day := b.Time.Format("20060102")
		if !days[day] && len(days) >= KeepBackupDays {
			if err := os.Remove(b.Path); err != nil {
				return fmt.Errorf("không xóa được bản sao lưu cũ %s: %w", b.Path, err)
			}
			os.Remove(b.Path + verdictSuffix)
			continue
		}
		days[day] = true
	}
	return nil
}

// goodBackups lists the backups of dbPath that pass CheckFile now, newest first (a backup that was
// good when written may have been damaged since: each is checked again).
func goodBackups(dbPath string) []BackupInfo {
	list, _ := Backups(dbPath)
	var out []BackupInfo
	for _, b := range list {
		if CheckFile(b.Path) == nil {
			out = append(out, b)
		}
	}
	return out
}

// CheckFile opens a data or backup file read-only and checks it: bbolt's consistency check and a
// schema this app can read. Nothing is written.
func CheckFile(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("không đọc được tệp %s: %w", path, err)
	}
	if !info.Mode().IsRegular() || info.Size() == 0 {
		return fmt.Errorf("%s không phải tệp dữ liệu (rỗng hoặc không phải tệp thường)", path)
	}
	db, err := openBolt(path, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		if errors.Is(err, errTimeout) {
			return fmt.Errorf("%w. (Tệp: %s)", ErrLocked, path)
		}
		return fmt.Errorf("tệp %s bị hỏng hoặc không phải tệp dữ liệu của ứng dụng: %s", path, detail(err.Error()))
	}
	defer db.Close()
	problems := precheck(path)
	if len(problems) == 0 {
		problems = checkDB(db, 5)
	}
	if len(problems) > 0 {
		return fmt.Errorf("tệp %s bị hỏng: %s", path, detail(strings.Join(problems, "; ")))
	}
	var version int
	var records []string
	if err := safeView(db, func(tx *bolt.Tx) (err error) {
		version, err = readSchemaVersion(tx)
		if err == nil && version > 0 && version <= SchemaVersion {
			if err = checkBuckets(tx, version); err == nil {
				records, _ = verifyRecords(tx, version, 5)
			}
		}
		return err
	}); err != nil {
		return fmt.Errorf("tệp %s: %w", path, err)
	}
	if version == 0 {
		return fmt.Errorf("tệp %s không chứa dữ liệu của ứng dụng", path)
	}
	if version > SchemaVersion {
		return fmt.Errorf("%w (tệp %s)", ErrNewerSchema, path)
	}
	if len(records) > 0 {
		return fmt.Errorf("tệp %s có bản ghi hỏng: %s", path, strings.Join(records, "; "))
	}
	return nil
}

// writeAtomically writes a file through a temporary file in the same folder, synced and renamed.
func writeAtomically(path string, write func(w io.Writer) error) error {
	return atomicfile.Write(path, 0o600, write)
}

// syncDir flushes a folder's entry list so a rename survives a power cut (no-op where unsupported).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}
