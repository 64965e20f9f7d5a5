package boltstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"khuyencong/forms"
)

// ErrLocked is returned by Open when another window of the app (or a hoso command) has the file open.
var ErrLocked = errors.New("tệp dữ liệu đang được mở ở một cửa sổ khác của ứng dụng (hoặc bởi lệnh hoso). " +
	"Hãy chuyển sang cửa sổ đó, hoặc đóng nó rồi mở lại")

// ErrDamaged is matched (errors.Is) by the *DamagedError Open returns for a file that fails the
// consistency check.
var ErrDamaged = errors.New("tệp dữ liệu bị hỏng")

// ErrNewerSchema is returned by Open for a file written by a newer version of the app.
var ErrNewerSchema = errors.New("tệp dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng rồi mở lại")

// DamagedError says that the data file is damaged (or empty, or gone while backups exist); nothing
// was written to it. Backup is the newest backup that passed the check ("" when there is none), to
// offer to RestoreBackup; GoodBackups lists every backup that passed, newest first.
type DamagedError struct {
	Path        string
	Problems    []string // what the check found: the damaged records by name, or the file's structure
	Backup      string
	BackupAt    time.Time
	GoodBackups []BackupInfo
	ReadOnly    bool // the library was opened read-only (Options.ReadOnlyIfDamaged): its sound records can be read
}

func (e *DamagedError) Error() string {
	var b strings.Builder
	if e.ReadOnly {
		fmt.Fprintf(&b, "Thư viện %s bị hỏng nên chỉ được mở để đọc: xem và xuất được những hồ sơ còn tốt, nhưng không lưu được gì và không sao lưu từ tệp hỏng.", e.Path)
	} else {
		fmt.Fprintf(&b, "Tệp dữ liệu %s bị hỏng và không được mở để tránh mất thêm dữ liệu; ứng dụng không ghi gì vào tệp này.", e.Path)
	}
	if len(e.Problems) > 0 {
		n := min(len(e.Problems), 5)
		fmt.Fprintf(&b, "\nPhần bị hỏng: %s", strings.Join(e.Problems[:n], "; "))
		if len(e.Problems) > n {
			fmt.Fprintf(&b, " (và %d vấn đề khác)", len(e.Problems)-n)
		}
		b.WriteString(".")
	}
	if e.Backup != "" {
		var good []string
		for _, g := range e.GoodBackups {
			good = append(good, fmt.Sprintf("%s (%s)", filepath.Base(g.Path), g.Time.Format("15:04 02/01/2006")))
		}
		if len(good) == 0 {
			good = []string{fmt.Sprintf("%s (%s)", filepath.Base(e.Backup), e.BackupAt.Format("15:04 02/01/2006"))}
		}
		fmt.Fprintf(&b, "\nBản sao lưu tốt (đã kiểm tra): %s.", strings.Join(good, ", "))
		fmt.Fprintf(&b, "\nBản sao lưu tốt gần nhất: %s (lúc %s). Hãy khôi phục từ bản này; tệp hỏng sẽ được giữ lại bên cạnh.",
			e.Backup, e.BackupAt.Format("15:04 ngày 02/01/2006"))
		fmt.Fprintf(&b, "\nLệnh khôi phục: hoso db restore --db %q %q", e.Path, e.Backup)
	} else {
		b.WriteString("\nKhông tìm thấy bản sao lưu tốt nào trong thư mục backups: hãy giữ nguyên tệp và liên hệ người hỗ trợ.")
	}
	return b.String()
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// Options tune Open. The zero value is what the app uses.
type Options struct {
	// Timeout is how long Open waits for another window to release the file; default one second.
	Timeout time.Duration
	// Now gives the time for UpdatedAt, revisions and backup names; default time.Now.
	Now func() time.Time
	// NoAutoBackup turns off the daily backup on open (Backup still works).
	NoAutoBackup bool
	// ReadOnlyIfDamaged opens a library whose records fail their checksums read-only instead of
	// refusing it: Damage() then says what is damaged, reads of sound records work, and every write
	// (and Backup) fails with an error matching ErrDamaged. A file whose structure is damaged is
	// still refused.
	ReadOnlyIfDamaged bool
}

// Store is a forms.Store on a bbolt file. It is safe for concurrent use.
type Store struct {
	db   *bolt.DB
	path string
	opts Options

	mu    sync.Mutex
	index *summaryIndex // decoded summaries of the last transaction listed

	user   string        // who saves (SetUser, versions.go)
	damage *DamagedError // non-nil: opened read-only because records are damaged
}

// Damage is what is damaged in a library opened read-only (Options.ReadOnlyIfDamaged); nil for a
// sound library.
func (s *Store) Damage() *DamagedError { return s.damage }

// ReadOnly returns why the library takes no writes (its damage), or nil when it does; the app
// shows a read-only library with a banner and its inputs disabled (ui.ReadOnlyStore).
func (s *Store) ReadOnly() error {
	if s.damage == nil {
		return nil
	}
	return s.damage
}

// errReadOnly is returned by every write to a library opened read-only.
var errReadOnly = fmt.Errorf("%w nên chỉ được mở để đọc: không lưu được thay đổi nào. Hãy khôi phục từ bản sao lưu tốt gần nhất (hoso db check cho biết bản nào)", ErrDamaged)

// update runs fn in a write transaction, unless the library is read-only.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.damage != nil {
		return errReadOnly
	}
	return s.db.Update(fn)
}

var _ forms.Store = (*Store)(nil)

// Open opens (or creates) the data file at path: it waits at most opts.Timeout for the file's lock,
// checks the whole file before writing to it, writes the day's backup, and upgrades an older layout.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục dữ liệu %s: %w", filepath.Dir(path), err)
	}
	if _, err := RecoverRestore(path); err != nil {
		return nil, err
	}
	cleanTemps(path)
	existing := false
	switch info, err := os.Stat(path); {
	case err == nil && info.IsDir():
		return nil, fmt.Errorf("%s là một thư mục, không phải tệp dữ liệu: hãy chọn đường dẫn tới tệp .db", path)
	case err == nil:
		existing = info.Size() > 0
		if !existing && hasBackups(path) {
			// Never re-initialise a library that was emptied: its backups say it had data.
			return nil, damaged(path, []string{"tệp dữ liệu rỗng (0 byte) trong khi thư mục backups có bản sao lưu của nó"})
		}
	case errors.Is(err, fs.ErrNotExist):
		if hasBackups(path) {
			return nil, damaged(path, []string{"tệp dữ liệu không còn (bị xóa, đổi tên, hoặc một lần khôi phục bị ngắt) trong khi thư mục backups có bản sao lưu của nó; " +
				"muốn bắt đầu thư viện mới thì hãy chọn một tệp dữ liệu ở thư mục khác"})
		}
	default:
		return nil, fmt.Errorf("không đọc được tệp dữ liệu %s: %w", path, err)
	}

	version := 0
	if existing {
		v, recordProblems, err := inspect(path, opts.Timeout)
		if err != nil {
			return nil, err
		}
		if len(recordProblems) > 0 {
			de := damaged(path, recordProblems).(*DamagedError)
			if !opts.ReadOnlyIfDamaged {
				return nil, de
			}
			db, err := openBolt(path, &bolt.Options{Timeout: opts.Timeout, ReadOnly: true})
			if err != nil {
				return nil, openError(path, err)
			}
			de.ReadOnly = true
			return &Store{db: db, path: path, opts: opts, damage: de}, nil
		}
		version = v
	}

	db, err := openBolt(path, &bolt.Options{Timeout: opts.Timeout})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, opts: opts}
	if version == 0 {
		if err := db.Update(func(tx *bolt.Tx) error { return createCurrentLayout(tx, opts.Now()) }); err != nil {
			db.Close()
			return nil, fmt.Errorf("không khởi tạo được tệp dữ liệu %s: %w", path, err)
		}
		return s, nil
	}
	now := opts.Now()
	if version < SchemaVersion || (!opts.NoAutoBackup && s.backupDue(now)) {
		if _, err := s.writeBackup(now); err != nil {
			db.Close()
			return nil, fmt.Errorf("không sao lưu được dữ liệu trước khi mở (%w); hãy kiểm tra dung lượng ổ đĩa và quyền ghi thư mục %s", err, BackupDir(path))
		}
	}
	if version < SchemaVersion {
		if err := db.Update(func(tx *bolt.Tx) error { return migrate(tx, version) }); err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

// hasBackups reports whether backups/ holds any backup of the data file at path.
func hasBackups(path string) bool {
	list, _ := Backups(path)
	return len(list) > 0
}

// inspect opens the file read-only (nothing is ever written), checks it and returns its schema
// version. A damaged structure is an error; damaged records are returned as recordProblems.
func inspect(path string, timeout time.Duration) (version int, recordProblems []string, err error) {
	db, err := openBolt(path, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if err != nil {
		return 0, nil, openError(path, err)
	}
	defer db.Close()
	problems := precheck(path)
	if len(problems) == 0 {
		problems = checkDB(db, 10)
	}
	var schemaErr error
	if len(problems) == 0 {
		if err := safeView(db, func(tx *bolt.Tx) error {
			version, schemaErr = readSchemaVersion(tx)
			if schemaErr == nil && version > 0 && version <= SchemaVersion {
				schemaErr = checkBuckets(tx, version)
			}
			if schemaErr == nil && version > 0 && version <= SchemaVersion {
				recordProblems, _ = verifyRecords(tx, version, 20)
			}
			return nil
		}); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return 0, nil, damaged(path, problems)
	}
	if schemaErr != nil {
		return 0, nil, damaged(path, []string{schemaErr.Error()})
	}
	if version > SchemaVersion {
		return 0, nil, fmt.Errorf("%w (tệp %s có cấu trúc phiên bản %d, ứng dụng này đọc được đến %d)", ErrNewerSchema, path, version, SchemaVersion)
	}
	return version, recordProblems, nil
}

// openBolt opens a bbolt file, turning a panic on a garbage page into an error.
func openBolt(path string, o *bolt.Options) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("cấu trúc tệp không đọc được (%s)", technical(r))
		}
	}()
	return bolt.Open(path, 0o600, o)
}

// openError classifies an error of bolt.Open.
func openError(path string, err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) {
		return fmt.Errorf("%w. (Tệp: %s)", ErrLocked, path)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("không mở được tệp dữ liệu %s: %w; hãy kiểm tra quyền truy cập tệp", path, err)
	}
	return damaged(path, []string{err.Error()})
}

func damaged(path string, problems []string) error {
	for i, p := range problems {
		problems[i] = detail(p)
	}
	e := &DamagedError{Path: path, Problems: problems}
	e.GoodBackups = goodBackups(path)
	if len(e.GoodBackups) > 0 {
		e.Backup, e.BackupAt = e.GoodBackups[0].Path, e.GoodBackups[0].Time
	}
	return e
}

// technical turns a recovered panic value of bbolt or the runtime into a short technical detail
// for the user, without the word "panic".
func technical(r any) string {
	msg := detail(fmt.Sprint(r))
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

// detail cleans a technical detail for the user: bbolt's check reports recovered panics as
// "panic: assertion failed: …"; the user sees "lỗi cấu trúc: …".
func detail(msg string) string {
	msg = strings.ReplaceAll(msg, "panic: assertion failed: ", "lỗi cấu trúc: ")
	msg = strings.ReplaceAll(msg, "panic: ", "lỗi: ")
	return strings.ReplaceAll(msg, "panic", "lỗi")
}

// checkDB runs bbolt's consistency check in a read transaction and returns at most max problems.
func checkDB(db *bolt.DB, max int) (problems []string) {
	err := safeView(db, func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			if len(problems) < max {
				problems = append(problems, err.Error())
			}
		}
		return nil
	})
	if err != nil {
		problems = append(problems, err.Error())
	}
	return problems
}

// safeView runs fn in a read transaction, turning a bbolt panic (a garbage page), or a fault on
// the memory map, into an error.
func safeView(db *bolt.DB, fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("một trang của tệp không đọc được (%s)", technical(r))
		}
	}()
	return db.View(fn)
}

// Path is the data file's location.
func (s *Store) Path() string { return s.path }

// Close closes the data file; the Store cannot be used afterwards.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) now() time.Time { return s.opts.Now() }

var errTimeout = bolterrors.ErrTimeout
