// Package library opens the client library wherever it lives: a bbolt file or a PostgreSQL server.
//
// A bbolt file on this computer is the default (nothing to install); a shared library lives on a
// PostgreSQL server.
package library

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/pgstore"
)

// Env is the environment variable naming the library: a file path or a PostgreSQL connection string.
const Env = boltstore.EnvPath

// kvKey recognises a libpq key=value connection string ("host=srv dbname=hoso user=lan").
var kvKey = regexp.MustCompile(`^\s*(host|hostaddr|dbname|user|port|service|sslmode|application_name)\s*=`)

// IsServer reports whether loc names a PostgreSQL library (a postgres:// or postgresql:// URL, or
// a key=value string) rather than a file.
func IsServer(loc string) bool {
	l := strings.ToLower(strings.TrimSpace(loc))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") || kvKey.MatchString(l)
}

// Resolve picks the library: the --db value when given, else $HOSO_DB, else the bbolt file in
// the user's data folder. A file path is made absolute.
func Resolve(flagValue string) (string, error) {
	loc := strings.TrimSpace(flagValue)
	if loc == "" {
		loc = strings.TrimSpace(os.Getenv(Env))
	}
	if IsServer(loc) {
		return loc, nil
	}
	if loc == "" {
		return boltstore.DefaultPath()
	}
	return filepath.Abs(loc)
}

// Open opens the library at loc (see Resolve) for user (who saves: recorded with every save).
func Open(loc, user string) (forms.Store, error) {
	if IsServer(loc) {
		return pgstore.Open(loc, pgstore.Options{User: user})
	}
	s, err := boltstore.Open(loc, boltstore.Options{})
	if err != nil {
		return nil, err
	}
	s.SetUser(user)
	return s, nil
}

// Describe names a library for people, never with its password.
func Describe(loc string) string {
	if !IsServer(loc) {
		return loc
	}
	cfg, err := pgx.ParseConfig(loc)
	if err != nil {
		clean, _ := SplitPassword(loc)
		return clean
	}
	return pgstore.Describe(cfg)
}

var kvPassword = regexp.MustCompile(`\s*\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`)

// SplitPassword takes the password out of a connection string: what may be written to the
// settings file, and the password (empty when there was none).
func SplitPassword(loc string) (clean, password string) {
	if !IsServer(loc) {
		return loc, ""
	}
	l := strings.ToLower(strings.TrimSpace(loc))
	if strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") {
		u, err := url.Parse(strings.TrimSpace(loc))
		if err != nil {
			return "", "" // unparsable: write nothing of it
		}
		q := u.Query()
		if p := q.Get("password"); p != "" {
			password = p
			q.Del("password")
			u.RawQuery = q.Encode()
		}
		if u.User != nil {
			if p, ok := u.User.Password(); ok {
				password = p
				u.User = url.User(u.User.Username())
			}
		}
		return u.String(), password
	}
	if m := kvPassword.FindStringSubmatch(loc); m != nil {
		password = strings.Trim(m[1], "'")
		password = strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(password)
		loc = strings.TrimSpace(kvPassword.ReplaceAllString(loc, ""))
	}
	return loc, password
}

// PgpassPath is the password file libpq and pgx read: $PGPASSFILE, else ~/.pgpass
// (%APPDATA%\postgresql\pgpass.conf on Windows).
func PgpassPath() (string, error) {
	if p := os.Getenv("PGPASSFILE"); p != "" {
		return p, nil
	}
	if runtime.GOOS == "windows" {
		return filepath.Join(os.Getenv("APPDATA"), "postgresql", "pgpass.conf"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".pgpass"), nil
}

// SavePassword remembers the password of the library at loc in the password file (readable by
// the user only), replacing an older line for the same host, port, database and user. The
// settings file then keeps the connection string without it.
func SavePassword(loc, password string) (string, error) {
	clean, _ := SplitPassword(loc)
	cfg, err := pgx.ParseConfig(clean)
	if err != nil {
		return "", fmt.Errorf("chuỗi kết nối không hợp lệ: %v", err)
	}
	if password == "" {
		return "", errors.New("chưa có mật khẩu để lưu")
	}
	path, err := PgpassPath()
	if err != nil {
		return "", err
	}
	esc := strings.NewReplacer(`\`, `\\`, `:`, `\:`)
	prefix := strings.Join([]string{esc.Replace(cfg.Host), fmt.Sprint(cfg.Port), esc.Replace(cfg.Database), esc.Replace(cfg.User)}, ":") + ":"
	var lines []string
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if !strings.HasPrefix(sc.Text(), prefix) {
				lines = append(lines, sc.Text())
			}
		}
		f.Close()
	}
	lines = append(lines, prefix+esc.Replace(password))
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", err
	}
	err = atomicfile.Write(path, 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
		return err
	})
	return path, err
}
