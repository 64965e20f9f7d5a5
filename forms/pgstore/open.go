package pgstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"khuyencong/forms"
)

// Options tune Open. The zero value is right for the app.
type Options struct {
	// Now gives the time of saves and revisions; default time.Now.
	Now func() time.Time
	// LocalDir is the folder on this computer for what cannot live on the server (the files of
	// imported packages); default: HosoKhuyenCong in the user's configuration folder.
	LocalDir string
	// User names who saves from this session (see SetUser).
	User string
	// ConnectTimeout bounds the first connection; default 10 seconds.
	ConnectTimeout time.Duration
}

// Store is a forms.Store on PostgreSQL. It is safe for concurrent use, also by several programs.
type Store struct {
	pool  *pgxpool.Pool
	desc  string
	user0 string // the server's user name (for messages)
	opts  Options

	mu   sync.Mutex
	user string
	keys map[string][]byte // collation keys of client names (Applications)
}

var _ forms.Store = (*Store)(nil)

// migrationLock is the advisory lock key held while the schema is checked and migrated.
const migrationLock = 0x686f736f // "hoso"

// Open connects to the library at conninfo (a postgres:// URL or key=value string, as libpq
// takes; a password comes from the URL, PGPASSWORD or the .pgpass file), creates or migrates its
// tables and returns the store. A library of a newer program is refused.
func Open(conninfo string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = 10 * time.Second
	}
	if opts.LocalDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			dir = os.TempDir()
		}
		opts.LocalDir = filepath.Join(dir, "HosoKhuyenCong")
	}
	cfg, err := pgxpool.ParseConfig(conninfo)
	if err != nil {
		return nil, fmt.Errorf("chuỗi kết nối PostgreSQL không hợp lệ (%v): dùng dạng postgres://người_dùng@máy_chủ:5432/tên_thư_viện hoặc host=… dbname=… user=…", redactErr(err))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = opts.ConnectTimeout
	}
	s := &Store{desc: Describe(cfg.ConnConfig), opts: opts, user: forms.Clean(opts.User), user0: cfg.ConnConfig.User}
	ctx, cancel := context.WithTimeout(context.Background(), opts.ConnectTimeout+30*time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, s.connectError(err)
	}
	s.pool = pool
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// ErrPassword is matched (errors.Is) by Open's error when the server wants a password it was not
// given (none in the address, PGPASSWORD or .pgpass) or refuses the one given: the app asks.
var ErrPassword = errors.New("máy chủ cần mật khẩu")

type passwordError struct{ msg string }

func (e *passwordError) Error() string        { return e.msg }
func (e *passwordError) Is(target error) bool { return target == ErrPassword }

// Describe names a server library for people: postgres://user@host:port/db, never the password.
func Describe(c *pgx.ConnConfig) string {
	host := c.Host
	if strings.HasPrefix(host, "/") {
		host = "socket " + host
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", c.User, host, c.Port, c.Database)
}

// redactErr keeps a parse error's message but never a password that might be in it.
func redactErr(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "password="); i >= 0 {
		msg = msg[:i] + "password=…"
	}
	return msg
}

func (s *Store) connectError(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "28P01" {
		return &passwordError{fmt.Sprintf("máy chủ %s cần mật khẩu của người dùng %s (không có, hoặc sai): hãy nhập mật khẩu, hoặc ghi nó vào tệp .pgpass", s.desc, s.user0)}
	}
	if errors.As(err, &pgErr) && pgErr.Code == "3D000" {
		return fmt.Errorf("máy chủ %s chưa có cơ sở dữ liệu này: nhờ người quản trị tạo (createdb) rồi thử lại", s.desc)
	}
	return fmt.Errorf("không kết nối được thư viện trên máy chủ %s (%v): hãy kiểm tra địa chỉ, cổng, mạng và mật khẩu", s.desc, redactErr(err))
}

// migrate creates or upgrades the tables, one migration per transaction, under an advisory lock.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return s.connectError(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLock); err != nil {
		return s.connectError(err)
	}
	defer conn.Exec(context.Background(), "SELECT pg_advisory_unlock($1)", migrationLock)
	_, err = conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);
		INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)`)
	if err != nil {
		return fmt.Errorf("không tạo được bảng schema_version trên %s: %v (người dùng cần quyền CREATE trong cơ sở dữ liệu)", s.desc, err)
	}
	var version int
	if err := conn.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&version); err != nil {
		return err
	}
	if version > SchemaVersion {
		return fmt.Errorf("thư viện %s có cấu trúc phiên bản %d, mới hơn chương trình này (%d): hãy cập nhật ứng dụng", s.desc, version, SchemaVersion)
	}
	for ; version < SchemaVersion; version++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[version]); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "UPDATE schema_version SET version = $1", version+1)
			return err
		})
		if err != nil {
			return fmt.Errorf("không nâng cấu trúc thư viện %s lên phiên bản %d: %v", s.desc, version+1, err)
		}
	}
	return nil
}

// SchemaVersionOf reads the library's schema version.
func (s *Store) SchemaVersionOf() (int, error) {
	var v int
	err := s.pool.QueryRow(context.Background(), "SELECT version FROM schema_version").Scan(&v)
	return v, err
}

// SetUser names who saves from now on (revisions and dossiers record it).
func (s *Store) SetUser(name string) {
	s.mu.Lock()
	s.user = forms.Clean(name)
	s.mu.Unlock()
}

func (s *Store) currentUser() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user
}

// Path is a place on this computer for the library's local files (imported packages' attachments
// go into "ho-so" beside it); the data itself is on the server (Describe).
func (s *Store) Path() string { return filepath.Join(s.opts.LocalDir, "postgres") }

// String names the library: postgres://user@host:port/db.
func (s *Store) String() string { return s.desc }

// Backup is the server's job: a PostgreSQL library is backed up with pg_dump on the server, or
// copied to a bbolt file with "hoso db copy".
func (s *Store) Backup() (string, error) {
	return "", fmt.Errorf("thư viện %s nằm trên máy chủ: việc sao lưu do máy chủ làm (pg_dump); để có một bản trên máy này hãy dùng \"hoso db copy --from %s --to tệp.db\"", s.desc, s.desc)
}

// Close disconnects.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// now is the store's clock, to the microsecond (what the server keeps).
func (s *Store) now() time.Time { return s.opts.Now().Truncate(time.Microsecond) }

// tx runs fn in one transaction, retried when the server reports a serialization failure or a deadlock.
func (s *Store) tx(fn func(ctx context.Context, tx pgx.Tx) error) error {
	ctx := context.Background()
	for attempt := 0; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(ctx, tx) })
		var pgErr *pgconn.PgError
		if attempt < 5 && errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01" || pgErr.Code == "23505") {
			time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
			continue
		}
		return err
	}
}
