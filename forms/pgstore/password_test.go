package pgstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms/pgstore/pgtest"
)

// requirePassword makes the test cluster ask role for a password (scram-sha-256), for that role
// only, and returns the library's address as that role (without a password).
func requirePassword(t *testing.T, url, role, password string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var db, hba string
	if err := conn.QueryRow(ctx, "SELECT current_database(), current_setting('hba_file')").Scan(&db, &hba); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		"CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
		"ALTER DATABASE " + db + " OWNER TO " + role,
		"ALTER SCHEMA public OWNER TO " + role,
	} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	old, err := os.ReadFile(hba)
	if err != nil {
		t.Fatal(err)
	}
	line := "local all " + role + " scram-sha-256\n"
	if !strings.Contains(string(old), line) {
		if err := os.WriteFile(hba, append([]byte(line), old...), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.Exec(ctx, "SELECT pg_reload_conf()"); err != nil {
		t.Fatal(err)
	}
	return strings.Replace(url, "postgres://postgres@", "postgres://"+role+"@", 1)
}

// A server that asks for a password which .pgpass does not have: Open fails with ErrPassword
// (the app then asks for it), also for a wrong one; the right one opens the library.
func TestPasswordNeeded(t *testing.T) {
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "khong-co"))
	t.Setenv("PGPASSWORD", "")
	url := requirePassword(t, pgtest.DB(t), "lan_mk", "mat-khau-dung")
	for _, loc := range []string{url, url + "&password=nham-9x"} {
		_, err := Open(loc, Options{LocalDir: t.TempDir()})
		if !errors.Is(err, ErrPassword) || strings.Contains(err.Error(), "nham-9x") {
			t.Errorf("%s: %v, want ErrPassword", loc, err)
		}
	}
	s, err := Open(url+"&password=mat-khau-dung", Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}
