package ui

import (
	"errors"
	"image/png"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// readOnlyStore is a memStore opened the way a damaged library is: it reports read-only and
// refuses every write, counting the attempts.
type readOnlyStore struct {
	*memStore
	writes atomic.Int32
}

var errReadOnlyLibrary = errors.New("tệp dữ liệu bị hỏng nên chỉ được mở để đọc: không lưu được thay đổi nào")

func (s *readOnlyStore) ReadOnly() error { return errReadOnlyLibrary }

func (s *readOnlyStore) SaveApplication(*forms.Application) error {
	s.writes.Add(1)
	return errReadOnlyLibrary
}

func (s *readOnlyStore) SaveApplicationAt(*forms.Application, uint64) (forms.Version, error) {
	s.writes.Add(1)
	return forms.Version{}, errReadOnlyLibrary
}

func (s *readOnlyStore) SaveClient(*forms.Client) error {
	s.writes.Add(1)
	return errReadOnlyLibrary
}

func (s *readOnlyStore) DeleteClient(string) error      { s.writes.Add(1); return errReadOnlyLibrary }
func (s *readOnlyStore) DeleteApplication(string) error { s.writes.Add(1); return errReadOnlyLibrary }
func (s *readOnlyStore) SaveRevision(string, string) (forms.RevisionInfo, error) {
	s.writes.Add(1)
	return forms.RevisionInfo{}, errReadOnlyLibrary
}
func (s *readOnlyStore) Backup() (string, error) { s.writes.Add(1); return "", errReadOnlyLibrary }

// TestReadOnlyLibrary: a library that reports read-only shows a banner with the way to the
// backups above every screen; its answers are shown with the inputs disabled; a change that
// reaches the saver anyway is not written, and the user is told once, not at every key.
func TestReadOnlyLibrary(t *testing.T) {
	fa := test.NewTempApp(t)
	lang = langVI
	mem := newMemStore()
	app := forms.Sample(forms.Equipment)
	c := &forms.Client{Enterprise: app.Enterprise}
	if err := mem.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	app.ClientID = c.ID
	if err := mem.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	st := &readOnlyStore{memStore: mem}
	bk := &fakeBackups{list: []BackupInfo{{Path: "/tmp/backups/hoso-20261101-090000.db", At: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), Size: 4096}}}
	a := New(fa, Deps{Store: st, Backups: bk, Exporter: &fakeExporter{}, Opener: &fakeOpener{}, RulesDir: t.TempDir(),
		Go: func(f func()) { f() }, Version: "test", Now: func() time.Time { return time.Date(2026, 11, 2, 9, 15, 0, 0, time.UTC) }})
	a.saver.delay = 0
	a.w.Resize(fyne.NewSize(1100, 760))

	banner := "Thư viện đang mở chỉ để đọc vì bị hỏng — khôi phục từ bản sao lưu"
	shown := func() string { return strings.Join(labels(a.w.Content()), "\n") }
	if !strings.Contains(shown(), banner) {
		t.Fatalf("no read-only banner on the library screen:\n%s", shown())
	}
	if !strings.Contains(a.saved.Text, "Chỉ đọc") {
		t.Errorf("status %q, want the read-only status", a.saved.Text)
	}

	// The library screen: look, open and export, but no button that changes the library.
	h := a.home
	h.reload()
	h.selectClient(c.ID)
	h.selectedApp = app.ID
	h.refreshButtons()
	for name, b := range map[string]*widget.Button{"add client": h.addClient, "new dossier": h.newDossier, "delete client": h.removeClient,
		"delete dossier": h.removeDossier, "copy dossier": h.copyDossier, "import package": h.importPackage, "empty trash": h.emptyTrash} {
		if !b.Disabled() {
			t.Errorf("%s is offered in a read-only library", name)
		}
	}
	for name, b := range map[string]*widget.Button{"open dossier": h.openDossier, "client profile": h.editClient, "export package": h.exportPackage} {
		if b.Disabled() {
			t.Errorf("%s is not offered in a read-only library", name)
		}
	}

	// The dossier opens; its answers are there, the inputs disabled.
	a.openDossier(app.ID)
	if a.wizard == nil {
		t.Fatal("the dossier did not open")
	}
	if !strings.Contains(shown(), banner) {
		t.Error("the banner is gone on the dossier screen")
	}
	if len(a.wizard.inputs) == 0 {
		t.Fatal("the first step has no inputs")
	}
	for path, in := range a.wizard.inputs {
		if d, ok := in.(fyne.Disableable); !ok || !d.Disabled() {
			t.Errorf("%s (%T) can be edited in a read-only library", path, in)
		}
	}
	// Every step's inputs are disabled, not only the first one's.
	for i := 1; i < len(a.wizard.steps); i++ {
		a.wizard.showStep(i)
		walk(a.wizard.scroll.Content, func(o fyne.CanvasObject) {
			if d, ok := o.(fyne.Disableable); ok && !d.Disabled() {
				t.Errorf("step %s: %T is enabled", a.wizard.steps[i].ID, o)
			}
		})
	}
	a.wizard.showStep(0)

	// Changes that reach the saver (five keys) write nothing and tell the user once.
	for range 5 {
		a.wizard.app.Project.Title += "x"
		a.wizard.changed("project.title")
	}
	if n := st.writes.Load(); n != 0 {
		t.Errorf("%d writes tried on a read-only library", n)
	}
	if n := len(a.w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs after five changes, want one", n)
	}
	if !strings.Contains(a.saved.Text, "Chỉ đọc") || strings.Contains(a.saved.Text, "thử lại") {
		t.Errorf("status %q after changes", a.saved.Text)
	}
	if dir := os.Getenv("HOSO_LOOK"); dir != "" {
		f, _ := os.Create(dir + "/readonly-dossier.png")
		png.Encode(f, a.w.Canvas().Capture())
		f.Close()
	}
	for _, o := range a.w.Canvas().Overlays().List() {
		a.w.Canvas().Overlays().Remove(o)
	}
	a.wizard.changed("project.title")
	if n := len(a.w.Canvas().Overlays().List()); n != 0 {
		t.Errorf("told again after the first time (%d dialogs)", n)
	}
	if err := a.Flush(); err != nil {
		t.Errorf("closing the window would ask about unsaved changes: %v", err)
	}

	// The banner's button leads to the backups.
	test.Tap(a.restoreBt)
	if a.screen != "settings" {
		t.Fatalf("the banner's button opened %q, want the settings with the backups", a.screen)
	}
	var restore *widget.Button
	walkCards(a.settings.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Khôi phục" {
			restore = b
		}
	})
	if restore == nil {
		t.Fatal("no backup to restore on the settings screen")
	}
	if !a.settings.backupNow.Disabled() {
		t.Error("\"Sao lưu ngay\" is offered for a damaged library")
	}
	test.Tap(restore)
	if n := len(a.w.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs after choosing a backup, want the confirmation", n)
	}
	if len(bk.restored) != 0 {
		t.Error("restored before the confirmation")
	}
	if dir := os.Getenv("HOSO_LOOK"); dir != "" {
		f, _ := os.Create(dir + "/readonly-settings.png")
		png.Encode(f, a.w.Canvas().Capture())
		f.Close()
	}
}

// TestWritableLibraryHasNoBanner: a store that does not report read-only shows no banner.
func TestWritableLibraryHasNoBanner(t *testing.T) {
	ta := newTestApp(t)
	if strings.Contains(strings.Join(labels(ta.w.Content()), "\n"), "chỉ để đọc") || ta.restoreBt != nil {
		t.Error("a read-only banner on a writable library")
	}
}

// fakeBackups lists fixed backups and records restores.
type fakeBackups struct {
	list     []BackupInfo
	restored []string
}

func (b *fakeBackups) List() ([]BackupInfo, error) { return b.list, nil }
func (b *fakeBackups) Restore(path string) error   { b.restored = append(b.restored, path); return nil }

// walkCards is walk that also looks inside cards.
func walkCards(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	walk(o, func(o fyne.CanvasObject) {
		fn(o)
		if c, ok := o.(*widget.Card); ok && c.Content != nil {
			walkCards(c.Content, fn)
		}
	})
}
