package boltstore

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// oldFile describes the content written in an older layout.
type oldFile struct {
	path                string
	clientA, clientB    forms.Client
	appA1, appA2, appB1 forms.Application
	deletedAt           time.Time // appA2 is in the v1 trash bucket
	revisionOfA1        []byte
}

// writeOldLayout creates a data file of schema version `version` (1 or 2) the way that version
// wrote it: bucket by bucket, with bbolt directly.
func writeOldLayout(t *testing.T, version int) *oldFile {
	t.Helper()
	f := &oldFile{path: filepath.Join(t.TempDir(), "hoso.db")}
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	f.clientA = forms.Client{ID: "c0000000000000a1", Enterprise: forms.Sample(forms.Equipment).Enterprise, CreatedAt: at, UpdatedAt: at}
	f.clientB = forms.Client{ID: "c0000000000000b2", Enterprise: forms.Sample(forms.TradeFair).Enterprise, CreatedAt: at, UpdatedAt: at}
	mk := func(id string, c forms.Client, p forms.Programme, year int) forms.Application {
		app := *forms.Sample(p)
		app.ID, app.ClientID, app.Year, app.Enterprise = id, c.ID, year, c.Enterprise
		return app
	}
	f.appA1 = mk("a000000000000001", f.clientA, forms.Equipment, 2026)
	f.appA2 = mk("a000000000000002", f.clientA, forms.CleanerProduction, 2027)
	f.appB1 = mk("b000000000000001", f.clientB, forms.TradeFair, 2027)
	f.deletedAt = at.Add(time.Hour)

	db, err := bolt.Open(f.path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		put := func(bucket string, key []byte, v any) {
			b, err := tx.CreateBucketIfNotExists([]byte(bucket))
			if err != nil {
				t.Fatal(err)
			}
			data, ok := v.([]byte)
			if !ok {
				data = mustJSON(v)
			}
			if err := b.Put(key, data); err != nil {
				t.Fatal(err)
			}
		}
		put("meta", []byte("schema_version"), []byte(strconv.Itoa(version)))
		put("meta", []byte("created_at"), []byte(at.Format(time.RFC3339)))
		for _, c := range []forms.Client{f.clientA, f.clientB} {
			put("clients", []byte(c.ID), c)
		}
		for _, a := range []forms.Application{f.appA1, f.appA2, f.appB1} {
			put("applications", []byte(a.ID), a)
		}
		put("trash", []byte(f.appA2.ID), []byte(f.deletedAt.Format(time.RFC3339Nano)))
		rev := map[string]any{"at": at, "reason": "render", "changes": []string{"Bản lưu đầu tiên"}, "application": f.appA1}
		f.revisionOfA1 = mustJSON(rev)
		revs, err := tx.CreateBucketIfNotExists([]byte("revisions"))
		if err != nil {
			return err
		}
		ra, err := revs.CreateBucket([]byte(f.appA1.ID))
		if err != nil {
			return err
		}
		if _, err := ra.NextSequence(); err != nil {
			return err
		}
		if err := ra.Put(revKey(1), f.revisionOfA1); err != nil {
			return err
		}
		if version >= 2 {
			for _, c := range []forms.Client{f.clientA, f.clientB} {
				put("tax_codes", []byte(c.Enterprise.TaxCode+"\x00"+c.ID), []byte{})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// checkMigrated verifies a file written by writeOldLayout after Open upgraded it.
func checkMigrated(t *testing.T, f *oldFile, from int) {
	t.Helper()
	s, err := Open(f.path, Options{Now: testClock(day0)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeAndCheck(t, s) })

	err = s.db.View(func(tx *bolt.Tx) error {
		v, err := readSchemaVersion(tx)
		if v != SchemaVersion || err != nil {
			t.Errorf("schema version after migration: %d %v", v, err)
		}
		if tx.Bucket(bucketTrashV1) != nil {
			t.Error("the v1 trash bucket is still there")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// v2's index: clients by tax code.
	byTax, err := s.ClientsByTaxCode(f.clientB.Enterprise.TaxCode)
	if err != nil || len(byTax) != 1 || byTax[0].ID != f.clientB.ID {
		t.Errorf("clients by tax code: %v %v", clientNames(byTax), err)
	}
	// v3's summaries, with the v1 trash folded in.
	live, err := s.Applications(forms.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(live); !slices.Contains(got, f.appA1.ID) || !slices.Contains(got, f.appB1.ID) || len(got) != 2 {
		t.Errorf("live dossiers after migration: %v", got)
	}
	bin, _ := s.Applications(forms.Query{Deleted: true})
	if len(bin) != 1 || bin[0].ID != f.appA2.ID || !bin[0].DeletedAt.Equal(f.deletedAt) {
		t.Errorf("recycle bin after migration: %+v", bin)
	}
	for _, sum := range live {
		if sum.Title == "" || sum.Programme == "" || sum.Year == 0 {
			t.Errorf("summary not filled: %+v", sum)
		}
	}
	// Records untouched: dossiers and revisions read back as written.
	got, err := s.Application(f.appB1.ID)
	if err != nil || !sameApp(got, &f.appB1) {
		t.Errorf("dossier changed by the migration: %v", err)
	}
	old, err := s.Revision(f.appA1.ID, 1)
	if err != nil || !sameApp(old, &f.appA1) {
		t.Errorf("revision changed by the migration: %v", err)
	}
	// New saves work on the upgraded file, and new revision IDs follow the old ones.
	if info, err := s.SaveRevision(f.appA1.ID, "render"); err != nil || info.ID != 2 {
		t.Errorf("revision after migration: %+v %v", info, err)
	}
	// A backup of the file as it was before the upgrade was taken, and it still has the old version.
	backups, _ := Backups(f.path)
	if len(backups) != 1 {
		t.Fatalf("backups before migration: %v", backups)
	}
	bdb, err := bolt.Open(backups[0].Path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	bdb.View(func(tx *bolt.Tx) error {
		if v, _ := readSchemaVersion(tx); v != from {
			t.Errorf("backup has version %d, want %d", v, from)
		}
		return nil
	})
}

func TestMigrateFromV1(t *testing.T) {
	f := writeOldLayout(t, 1)
	checkMigrated(t, f, 1)
}

func TestMigrateFromV2(t *testing.T) {
	f := writeOldLayout(t, 2)
	checkMigrated(t, f, 2)
}

func TestMigrationsAreOrdered(t *testing.T) {
	for i, m := range migrations {
		if m.From != i+1 {
			t.Errorf("migration %d starts at version %d, want %d", i, m.From, i+1)
		}
	}
	if last := migrations[len(migrations)-1].From + 1; last != SchemaVersion {
		t.Errorf("migrations end at %d, SchemaVersion is %d", last, SchemaVersion)
	}
}

func TestNewerSchemaRefusedUntouched(t *testing.T) {
	f := writeOldLayout(t, 1)
	db, err := bolt.Open(f.path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return writeSchemaVersion(tx, SchemaVersion+1) })
	db.Close()
	before, _ := os.ReadFile(f.path)
	_, err = Open(f.path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("newer schema: %v", err)
	}
	after, _ := os.ReadFile(f.path)
	if !bytes.Equal(before, after) {
		t.Error("the newer file was modified")
	}
	if bs, _ := Backups(f.path); len(bs) != 0 {
		t.Errorf("backups written for a refused file: %v", bs)
	}
}

// A version 3 file (records without checksums) is upgraded: every record is sealed, and reads
// back as written.
func TestMigrateFromV3(t *testing.T) {
	f := writeOldLayout(t, 2)
	db, err := bolt.Open(f.path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		// migrateSummaries as version 3 wrote it: summaries as plain JSON.
		if err := migrateSummaries(tx); err != nil {
			return err
		}
		sums := tx.Bucket(bucketSummaries)
		var plain [][2][]byte
		sums.ForEach(func(k, v []byte) error {
			data, err := unseal(k, v)
			if err != nil {
				return err
			}
			plain = append(plain, [2][]byte{append([]byte(nil), k...), append([]byte(nil), data...)})
			return nil
		})
		for _, kv := range plain {
			if err := sums.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return writeSchemaVersion(tx, 3)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // after the store is closed (cleanups run last-in first-out)
		db, err := bolt.Open(f.path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.View(func(tx *bolt.Tx) error {
			problems, total := verifyRecords(tx, SchemaVersion, 10)
			if len(problems) > 0 || total < 7 {
				t.Errorf("after migration: %d records, problems %v", total, problems)
			}
			return nil
		})
	})
	checkMigrated(t, f, 3)
}
