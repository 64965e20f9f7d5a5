package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// memStore is an in-memory forms.Store for the tests.
type memStore struct {
	mu        sync.Mutex
	clients   map[string]*forms.Client
	apps      map[string]*forms.Application
	deleted   map[string]time.Time
	revisions map[string][]forms.RevisionInfo
	snapshots map[string][]*forms.Application
	saves     int
	next      int
	failSave  error
}

func newMemStore() *memStore {
	return &memStore{clients: map[string]*forms.Client{}, apps: map[string]*forms.Application{},
		deleted: map[string]time.Time{}, revisions: map[string][]forms.RevisionInfo{}, snapshots: map[string][]*forms.Application{}}
}

func (s *memStore) id(prefix string) string { s.next++; return fmt.Sprintf("%s%d", prefix, s.next) }

func (s *memStore) SaveClient(c *forms.Client) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == "" {
		c.ID = s.id("c")
	}
	cp := *c
	s.clients[c.ID] = &cp
	return nil
}

func (s *memStore) Client(id string) (*forms.Client, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clients[id]
	if !ok {
		return nil, forms.ErrNotFound
	}
	cp := *c
	return &cp, nil
}

func matches(text string, fields ...string) bool {
	if text == "" {
		return true
	}
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), strings.ToLower(text)) {
			return true
		}
	}
	return false
}

func (s *memStore) Clients(q forms.Query) ([]forms.Client, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []forms.Client
	for id, c := range s.clients {
		_, del := s.deleted[id]
		if del != q.Deleted || !matches(q.Text, c.Enterprise.Name, c.Enterprise.ShortName, c.Enterprise.TaxCode) {
			continue
		}
		cp := *c
		cp.DeletedAt = s.deleted[id]
		out = append(out, cp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Enterprise.Name < out[j].Enterprise.Name })
	return out, nil
}

func (s *memStore) DeleteClient(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.clients[id]; !ok {
		return forms.ErrNotFound
	}
	s.deleted[id] = time.Now()
	for aid, a := range s.apps {
		if a.ClientID == id {
			s.deleted[aid] = time.Now()
		}
	}
	return nil
}

func (s *memStore) SaveApplication(app *forms.Application) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failSave != nil {
		return s.failSave
	}
	if _, ok := s.clients[app.ClientID]; !ok {
		return fmt.Errorf("khách hàng %q không tồn tại", app.ClientID)
	}
	if app.ID == "" {
		app.ID = s.id("a")
	}
	s.apps[app.ID] = cloneApplication(app)
	s.saves++
	return nil
}

func (s *memStore) Application(id string) (*forms.Application, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[id]
	if !ok {
		return nil, forms.ErrNotFound
	}
	return cloneApplication(a), nil
}

func (s *memStore) Applications(q forms.Query) ([]forms.ApplicationSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []forms.ApplicationSummary
	for id, a := range s.apps {
		_, del := s.deleted[id]
		if del != q.Deleted || (q.ClientID != "" && a.ClientID != q.ClientID) || (q.Programme != "" && a.Programme != q.Programme) || (q.Year != 0 && a.Year != q.Year) {
			continue
		}
		out = append(out, forms.ApplicationSummary{ID: id, ClientID: a.ClientID, ClientName: a.Enterprise.Name, TaxCode: a.Enterprise.TaxCode,
			Programme: a.Programme, Year: a.Year, Status: a.Status, Title: a.Project.Title,
			Completeness: forms.CheckCompleteness(a).Percent, UpdatedAt: a.UpdatedAt, DeletedAt: s.deleted[id]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *memStore) DeleteApplication(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.apps[id]; !ok {
		return forms.ErrNotFound
	}
	s.deleted[id] = time.Now()
	return nil
}

func (s *memStore) Restore(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.deleted[id]; !ok {
		return forms.ErrNotFound
	}
	delete(s.deleted, id)
	if _, isClient := s.clients[id]; isClient {
		for aid, a := range s.apps {
			if a.ClientID == id {
				delete(s.deleted, aid)
			}
		}
	}
	return nil
}

func (s *memStore) EmptyTrash() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id := range s.deleted {
		delete(s.clients, id)
		delete(s.apps, id)
	}
	clear(s.deleted)
	return nil
}

func (s *memStore) SaveRevision(appID, reason string) (forms.RevisionInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[appID]
	if !ok {
		return forms.RevisionInfo{}, forms.ErrNotFound
	}
	ri := forms.RevisionInfo{ID: uint64(len(s.revisions[appID]) + 1), At: time.Now(), Reason: reason}
	s.revisions[appID] = append([]forms.RevisionInfo{ri}, s.revisions[appID]...)
	s.snapshots[appID] = append(s.snapshots[appID], cloneApplication(a))
	return ri, nil
}

func (s *memStore) Revisions(appID string) ([]forms.RevisionInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revisions[appID], nil
}

func (s *memStore) Revision(appID string, revID uint64) (*forms.Application, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	snaps := s.snapshots[appID]
	if revID == 0 || int(revID) > len(snaps) {
		return nil, forms.ErrNotFound
	}
	return cloneApplication(snaps[revID-1]), nil
}

func (s *memStore) ImportApplication(app *forms.Application, mode forms.ImportMode) (string, error) {
	s.mu.Lock()
	var existing string
	for id, c := range s.clients {
		if c.Enterprise.TaxCode == app.Enterprise.TaxCode {
			existing = id
		}
	}
	s.mu.Unlock()
	if existing != "" && mode == forms.ImportAsk {
		return "", forms.ErrClientExists
	}
	clientID := existing
	if existing == "" || mode == forms.ImportCopy {
		c := &forms.Client{Enterprise: app.Enterprise}
		s.SaveClient(c)
		clientID = c.ID
	}
	cp := cloneApplication(app)
	cp.ID, cp.ClientID = "", clientID
	return clientID, s.SaveApplication(cp)
}

func (s *memStore) Backup() (string, error) { return "/tmp/backup.db", nil }
func (s *memStore) Path() string            { return "/tmp/khuyencong-test.db" }
func (s *memStore) Close() error            { return nil }

// fakeExporter records its requests and writes empty files.
type fakeExporter struct {
	requests []ExportRequest
	progress []float64
	err      error
}

func (f *fakeExporter) Export(ctx context.Context, req ExportRequest, progress func(float64)) (ExportResult, error) {
	f.requests = append(f.requests, req)
	if f.err != nil {
		return ExportResult{}, f.err
	}
	for _, p := range []float64{0.25, 0.5, 1} {
		if err := ctx.Err(); err != nil {
			return ExportResult{}, err
		}
		progress(p)
		f.progress = append(f.progress, p)
	}
	res := ExportResult{PDFPath: filepath.Join(req.Dir, "hoso-"+req.Variant+".pdf"), XLSXPath: filepath.Join(req.Dir, "dutoan.xlsx"), Font: "Liberation Serif"}
	if err := os.WriteFile(res.PDFPath, []byte("%PDF-1.4"), 0o644); err != nil {
		return ExportResult{}, err
	}
	return res, nil
}

// fakeOpener records what the app asked the system to open or print.
type fakeOpener struct{ opened, printed []string }

func (f *fakeOpener) Open(path string) error  { f.opened = append(f.opened, path); return nil }
func (f *fakeOpener) Print(path string) error { f.printed = append(f.printed, path); return nil }

// fakePackager imports and exports through the memStore.
type fakePackager struct {
	store    *memStore
	exported map[string]string
	pkg      *forms.Application
}

func (f *fakePackager) Export(appID, path string) error {
	if f.exported == nil {
		f.exported = map[string]string{}
	}
	f.exported[appID] = path
	return nil
}

func (f *fakePackager) Import(path string, mode forms.ImportMode) (string, error) {
	return f.store.ImportApplication(f.pkg, mode)
}

// testApp is the app under test with its fakes.
type testApp struct {
	*App
	store    *memStore
	exporter *fakeExporter
	opener   *fakeOpener
	packager *fakePackager
}

// newTestApp builds the app on the test driver: background work runs inline, saves are immediate.
func newTestApp(t testing.TB) *testApp {
	t.Helper()
	fa := test.NewTempApp(t)
	lang = langVI
	st := newMemStore()
	ta := &testApp{store: st, exporter: &fakeExporter{}, opener: &fakeOpener{}}
	ta.packager = &fakePackager{store: st}
	ta.App = New(fa, Deps{Store: st, Exporter: ta.exporter, Opener: ta.opener, Packager: ta.packager,
		RulesDir: t.TempDir(), Go: func(f func()) { f() }, Version: "test",
		Now: func() time.Time { return time.Date(2026, 11, 2, 9, 15, 0, 0, time.UTC) }})
	ta.saver.delay = 0
	ta.w.Resize(fyne.NewSize(1100, 760))
	return ta
}

// seedClient stores the sample enterprise of a programme as a client.
func (ta *testApp) seedClient(t testing.TB, p forms.Programme) *forms.Client {
	t.Helper()
	c := &forms.Client{Enterprise: forms.Sample(p).Enterprise}
	if err := ta.store.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	return c
}
