package boltstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms/atomicfile"
)

// restoreJournal is written next to the data file while RestoreBackup swaps files, so that a
// restore killed between its steps is finished or rolled back by the next Open (RecoverRestore).
// Names are base names in the data file's folder.
type restoreJournal struct {
	Backup string `json:"backup"` // the backup restored (full path, for the message)
	Temp   string `json:"temp"`   // the checked copy of the backup, renamed into place last
	Kept   string `json:"kept"`   // where the previous data file is moved; "" when there was none
}

func journalPath(dbPath string) string { return dbPath + ".khoi-phuc.json" }

// restoreStop, for tests, is called after each step of RestoreBackup; returning true stops there
// as a killed process would (no clean-up).
var restoreStop = func(step string) bool { return false }

var errStopped = errors.New("dừng giữa chừng (thử nghiệm)")

// RestoreBackup replaces the data file at dbPath with a copy of the backup, after checking the
// backup. The store must be closed: it refuses with ErrLocked while a window has the file open.
// The replaced file, damaged or not, is kept next to it under keptAs ("" when there was none).
//
// Steps: the backup is copied to a temporary file and checked; a journal names the files; the old
// data file is renamed aside; the copy is renamed into place; the journal is removed. The previous
// library stays on disk until the new one is in place, and a restore killed between two steps is
// finished or rolled back by RecoverRestore, which Open runs first.
func RestoreBackup(backup, dbPath string) (keptAs string, err error) {
	if _, err := RecoverRestore(dbPath); err != nil {
		return "", err
	}
	if err := CheckFile(backup); err != nil {
		return "", fmt.Errorf("không khôi phục từ bản sao lưu này: %w", err)
	}
	if same, _ := sameFile(backup, dbPath); same {
		return "", fmt.Errorf("bản sao lưu và tệp dữ liệu là cùng một tệp %s", dbPath)
	}
	dir := filepath.Dir(dbPath)
	if fileExists(dbPath) {
		// Probe the lock: only "timeout" means another window holds it; a damaged file is fine.
		db, err := openBolt(dbPath, &bolt.Options{Timeout: time.Second, ReadOnly: true})
		if errors.Is(err, errTimeout) {
			return "", fmt.Errorf("%w. Đóng cửa sổ đó trước khi khôi phục. (Tệp: %s)", ErrLocked, dbPath)
		}
		if db != nil {
			db.Close()
		}
		keptAs = dbPath + ".truoc-khoi-phuc-" + time.Now().Format(backupStamp)
		for i := 2; fileExists(keptAs); i++ {
			keptAs = fmt.Sprintf("%s.truoc-khoi-phuc-%s-%d", dbPath, time.Now().Format(backupStamp), i)
		}
	}
	tmpName, err := copyChecked(backup, dir)
	if err != nil {
		return "", err
	}
	j := restoreJournal{Backup: backup, Temp: filepath.Base(tmpName)}
	if keptAs != "" {
		j.Kept = filepath.Base(keptAs)
	}
	data, _ := json.Marshal(&j)
	if err := atomicfile.WriteBytes(journalPath(dbPath), 0o600, data); err != nil {
		os.Remove(tmpName)
		return "", fmt.Errorf("không ghi được nhật ký khôi phục: %w", err)
	}
	if restoreStop("journal") {
		return "", errStopped
	}
	if keptAs != "" {
		if err := os.Rename(dbPath, keptAs); err != nil {
			os.Remove(tmpName)
			os.Remove(journalPath(dbPath))
			return "", fmt.Errorf("không đổi tên được tệp cũ %s (tệp có đang mở?): %w", dbPath, err)
		}
		syncDir(dir)
	}
	if restoreStop("aside") {
		return "", errStopped
	}
	if err := os.Rename(tmpName, dbPath); err != nil {
		if keptAs != "" {
			os.Rename(keptAs, dbPath)
		}
		os.Remove(tmpName)
		os.Remove(journalPath(dbPath))
		return "", fmt.Errorf("không đặt được bản khôi phục vào %s: %w", dbPath, err)
	}
	syncDir(dir)
	if restoreStop("placed") {
		return "", errStopped
	}
	if err := os.Remove(journalPath(dbPath)); err != nil {
		return keptAs, fmt.Errorf("đã khôi phục, nhưng không xóa được nhật ký khôi phục %s: %w", journalPath(dbPath), err)
	}
	syncDir(dir)
	return keptAs, nil
}

// copyChecked copies the backup into a temporary file in dir, synced, and checks the copy.
func copyChecked(backup, dir string) (string, error) {
	src, err := os.Open(backup)
	if err != nil {
		return "", fmt.Errorf("không đọc được bản sao lưu %s: %w", backup, err)
	}
	defer src.Close()
	tmp, err := os.CreateTemp(dir, ".khoi-phuc-*.db")
	if err != nil {
		return "", fmt.Errorf("không ghi được vào thư mục %s: %w", dir, err)
	}
	name := tmp.Name()
	_, err = io.Copy(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = CheckFile(name)
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("không chép được bản sao lưu: %w", err)
	}
	return name, nil
}

// RecoverRestore finishes or rolls back a restore that was killed between its steps (a journal
// is next to the data file): if the checked copy was not yet in place and the old file was moved
// aside, the copy is put in place; if the old file was not yet moved, the copy is dropped; if the
// copy is unusable, the old file is put back. It returns what it did ("" when nothing was pending).
func RecoverRestore(dbPath string) (string, error) {
	jp := journalPath(dbPath)
	data, err := os.ReadFile(jp)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("không đọc được nhật ký khôi phục %s: %w", jp, err)
	}
	var j restoreJournal
	if err := json.Unmarshal(data, &j); err != nil || j.Temp == "" || strings.ContainsAny(j.Temp+j.Kept, `/\`) {
		return "", fmt.Errorf("nhật ký khôi phục %s không đọc được; hãy xem các tệp trong %s rồi xóa nó", jp, filepath.Dir(dbPath))
	}
	dir := filepath.Dir(dbPath)
	tmp := filepath.Join(dir, j.Temp)
	kept := ""
	if j.Kept != "" {
		kept = filepath.Join(dir, j.Kept)
	}
	var note string
	switch {
	case !fileExists(tmp) && fileExists(dbPath):
		note = "lần khôi phục trước đã xong"
	case !fileExists(tmp):
		if kept == "" || !fileExists(kept) {
			return "", fmt.Errorf("lần khôi phục trước bị ngắt và không còn tệp nào để hoàn tất (nhật ký %s)", jp)
		}
		if err := os.Rename(kept, dbPath); err != nil {
			return "", fmt.Errorf("không đặt lại được tệp cũ %s: %w", kept, err)
		}
		note = "lần khôi phục trước bị ngắt: đã đặt lại tệp dữ liệu cũ"
	case fileExists(dbPath):
		// Killed before the old file was moved aside: it is untouched.
		os.Remove(tmp)
		note = "lần khôi phục trước bị ngắt trước khi thay tệp: tệp dữ liệu giữ nguyên"
	case CheckFile(tmp) == nil:
		if err := os.Rename(tmp, dbPath); err != nil {
			return "", fmt.Errorf("không hoàn tất được lần khôi phục trước: %w", err)
		}
		note = "lần khôi phục trước bị ngắt: đã hoàn tất khôi phục từ " + j.Backup
	default:
		if kept == "" || !fileExists(kept) {
			return "", fmt.Errorf("lần khôi phục trước bị ngắt, bản chép %s hỏng và không còn tệp cũ (nhật ký %s)", tmp, jp)
		}
		if err := os.Rename(kept, dbPath); err != nil {
			return "", fmt.Errorf("không đặt lại được tệp cũ %s: %w", kept, err)
		}
		os.Remove(tmp)
		note = "lần khôi phục trước bị ngắt: bản chép hỏng, đã đặt lại tệp dữ liệu cũ"
	}
	syncDir(dir)
	if err := os.Remove(jp); err != nil {
		return note, fmt.Errorf("không xóa được nhật ký khôi phục %s: %w", jp, err)
	}
	syncDir(dir)
	return note, nil
}

// cleanTemps removes what killed runs left next to the data file: temporary backups (atomicfile),
// copies of a restore no journal refers to, and half-extracted packages in ho-so/.
func cleanTemps(dbPath string) {
	atomicfile.CleanStaleIn(BackupDir(dbPath))
	dir := filepath.Dir(dbPath)
	if !fileExists(journalPath(dbPath)) {
		atomicfile.RemoveStale(filepath.Join(dir, ".khoi-phuc-*.db"))
	}
	atomicfile.RemoveStale(filepath.Join(dir, "ho-so", ".nhap-goi-*"))
}
