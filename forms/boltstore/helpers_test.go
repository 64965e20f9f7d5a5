package boltstore

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"khuyencong/forms"
)

// testClock returns a clock that starts at start and advances one second per call, so that
// every save has a distinct, ordered time.
func testClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	t := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Second)
		return t
	}
}

var day0 = time.Date(2027, 1, 4, 8, 0, 0, 0, time.Local)

// openTest opens a store in a fresh folder; at cleanup it is closed and the file is checked
// (bbolt's tx.Check and the schema).
func openTest(t testing.TB) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hoso.db")
	s, err := Open(path, Options{Now: testClock(day0)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closeAndCheck(t, s) })
	return s
}

// closeAndCheck closes the store (if still open) and runs the consistency check on the file.
func closeAndCheck(t testing.TB, s *Store) {
	t.Helper()
	s.Close() // closing twice is harmless
	if err := CheckFile(s.Path()); err != nil {
		t.Errorf("consistency check at cleanup: %v", err)
	}
}

func newClient(t testing.TB, s *Store, name, tax string) *forms.Client {
	t.Helper()
	c := &forms.Client{Enterprise: forms.Enterprise{Name: name, TaxCode: tax}}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	return c
}

// newApp saves a sample dossier of programme p for the client, with the client's enterprise.
func newApp(t testing.TB, s *Store, c *forms.Client, p forms.Programme, year int) *forms.Application {
	t.Helper()
	app := forms.Sample(p)
	app.ClientID = c.ID
	app.Enterprise.Name, app.Enterprise.TaxCode = c.Enterprise.Name, c.Enterprise.TaxCode
	app.Year = year
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	return app
}

func ids(sums []forms.ApplicationSummary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = s.ID
	}
	return out
}

func clientNames(cs []forms.Client) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Enterprise.Name
	}
	return out
}
