package pgstore

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/pgstore/pgtest"
)

func sample(t *testing.T, s *Store) (*forms.Client, *forms.Application) {
	t.Helper()
	c := &forms.Client{Enterprise: forms.Enterprise{Name: "Hợp tác xã Nông nghiệp Tân Phú", TaxCode: "0312345678"}}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	app.ClientID = c.ID
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRevision(app.ID, "render"); err != nil {
		t.Fatal(err)
	}
	return c, app
}

// A record changed behind the store's back is refused on read and reported by Check.
func TestIntegrity(t *testing.T) {
	s := openTest(t)
	c, app := sample(t, s)
	if r, err := s.Check(); err != nil || !r.OK() || r.Clients != 1 || r.Applications != 1 || r.Revisions != 1 {
		t.Fatalf("check of a good library: %+v, %v", r, err)
	}
	ctx := context.Background()
	for _, tc := range []struct{ table, id string }{
		{"applications", app.ID},
		{"clients", c.ID},
		{"revisions", app.ID},
	} {
		key := "id"
		if tc.table == "revisions" {
			key = "app_id"
		}
		// Still valid JSON with the right columns: only the SHA-256 tells.
		_, err := s.pool.Exec(ctx, "UPDATE "+tc.table+" SET data = replace(replace(data, 'Tân Phú', 'Tân Phố'), '\"unit\":\"', '\"unit\":\"x') WHERE "+key+" = $1", tc.id)
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Application(app.ID); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("reading a changed dossier: %v", err)
	}
	if _, err := s.Client(c.ID); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("reading a changed client: %v", err)
	}
	if _, err := s.Revision(app.ID, 1); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("reading a changed revision: %v", err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 3 {
		t.Errorf("check found %d problems, want 3: %q", len(r.Problems), r.Problems)
	}
}

// Migrations: a new library gets every one, once, even when several programs open it at once; a
// newer library is refused.
func TestMigrations(t *testing.T) {
	url := pgtest.DB(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(url, Options{LocalDir: t.TempDir()})
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("parallel open of a new library: %v", err)
		}
	}
	s, err := Open(url, Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersionOf(); err != nil || v != SchemaVersion {
		t.Errorf("schema version %d (%v), want %d", v, err, SchemaVersion)
	}
	var rows int
	s.pool.QueryRow(context.Background(), "SELECT count(*) FROM schema_version").Scan(&rows)
	if rows != 1 {
		t.Errorf("schema_version has %d rows", rows)
	}
	if _, err := s.pool.Exec(context.Background(), "UPDATE schema_version SET version = 99"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(url, Options{LocalDir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "mới hơn") {
		t.Errorf("opening a newer library: %v", err)
	}
}

// An older library is migrated step by step: version 1 gains the change notification, then the
// table of attached files.
func TestMigrateFromVersion1(t *testing.T) {
	url := pgtest.DB(t)
	s, err := Open(url, Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = s.pool.Exec(ctx, `DROP TRIGGER clients_notify ON clients; DROP TRIGGER applications_notify ON applications;
		DROP FUNCTION hoso_notify(); DROP TABLE blobs; UPDATE schema_version SET version = 1`)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(url, Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	s.pool.QueryRow(ctx, "SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%_notify'").Scan(&n)
	var blobs bool
	s.pool.QueryRow(ctx, "SELECT to_regclass('blobs') IS NOT NULL").Scan(&blobs)
	if v, _ := s.SchemaVersionOf(); v != SchemaVersion || n != 2 || !blobs {
		t.Errorf("after migrating from 1: version %d, %d triggers", v, n)
	}
}

// Passwords never appear in what the store says about itself.
func TestDescribeHidesPassword(t *testing.T) {
	_, err := Open("postgres://lan:bi-mat-123@127.0.0.1:1/thuvien?connect_timeout=2", Options{LocalDir: t.TempDir()})
	if err == nil {
		t.Fatal("connected to port 1")
	}
	if strings.Contains(err.Error(), "bi-mat-123") || !strings.Contains(err.Error(), "postgres://lan@127.0.0.1:1/thuvien") {
		t.Errorf("error: %v", err)
	}
	_, err = Open("host=x password=bi-mat-123 port=abc", Options{LocalDir: t.TempDir()})
	if err == nil || strings.Contains(err.Error(), "bi-mat-123") {
		t.Errorf("bad conninfo: %v", err)
	}
}

// Two app sessions (two stores, two connections, two users) edit the same dossier: the second
// save is refused as a conflict and its text is kept as a revision.
func TestTwoSessionsConflict(t *testing.T) {
	url := pgtest.DB(t)
	open := func(user string) *Store {
		s, err := Open(url, Options{LocalDir: t.TempDir(), User: user})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	lanStore, minhStore := open("Nguyễn Thị Lan"), open("Trần Văn Minh")
	_, app := sample(t, lanStore)
	lan, vLan, err := lanStore.ApplicationAt(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	minh, vMinh, err := minhStore.ApplicationAt(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	lan.Enterprise.Phone = "0243 111 222"
	saved, err := lanStore.SaveApplicationAt(lan, vLan.Number)
	if err != nil {
		t.Fatal(err)
	}
	minh.Enterprise.Phone = "0243 999 888"
	_, err = minhStore.SaveApplicationAt(minh, vMinh.Number)
	var conflict *forms.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("Minh's save: %v, want a conflict", err)
	}
	want := "Hồ sơ này vừa được Nguyễn Thị Lan sửa lúc " + saved.At.Local().Format("15:04")
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q", err)
	}
	kept, err := lanStore.Revision(app.ID, conflict.Kept.ID)
	if err != nil || kept.Enterprise.Phone != "0243 999 888" {
		t.Errorf("Minh's text as seen from Lan's session: %v, %v", kept, err)
	}
	if got, _ := minhStore.Application(app.ID); got.Enterprise.Phone != "0243 111 222" {
		t.Errorf("stored phone %q, want Lan's", got.Enterprise.Phone)
	}
}

// Another session's saves are announced to a watcher (LISTEN/NOTIFY).
func TestWatch(t *testing.T) {
	url := pgtest.DB(t)
	s, err := Open(url, Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(url, Options{LocalDir: t.TempDir(), User: "Nguyễn Thị Lan"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx, cancel := context.WithCancel(context.Background())
	ids := make(chan string, 100)
	done := make(chan struct{})
	go func() {
		s.Watch(ctx, func(id string) { ids <- id })
		close(done)
	}()
	time.Sleep(300 * time.Millisecond) // LISTEN in place
	c, app := sample(t, other)
	want := map[string]bool{c.ID: false, app.ID: false}
	deadline := time.After(10 * time.Second)
	for !want[c.ID] || !want[app.ID] {
		select {
		case id := <-ids:
			if _, ok := want[id]; ok {
				want[id] = true
			}
		case <-deadline:
			t.Fatalf("notifications not received: %v", want)
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Error("Watch did not return after its context ended")
	}
}

// An import that merges into a client whose record was changed behind the store's back is refused.
func TestImportRefusesDamagedClient(t *testing.T) {
	s := openTest(t)
	c, _ := sample(t, s)
	if _, err := s.pool.Exec(context.Background(), "UPDATE clients SET data = replace(data, 'Tân Phú', 'Tân Phố') WHERE id = $1", c.ID); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	app.Enterprise.TaxCode = c.Enterprise.TaxCode
	if _, err := s.ImportApplication(app, forms.ImportMerge); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("merge into a damaged client: %v", err)
	}
}
