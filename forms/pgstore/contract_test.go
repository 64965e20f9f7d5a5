package pgstore

import (
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/pgstore/pgtest"
	"khuyencong/forms/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// openTest opens a store on a new database of the test cluster.
func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(pgtest.DB(t), Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestContract runs the shared forms.Store contract on PostgreSQL.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) forms.Store { return openTest(t) })
}
