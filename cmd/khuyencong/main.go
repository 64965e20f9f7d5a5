// Command khuyencong is the desktop app: it opens the data file, builds the interface and runs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/handoff"
	"khuyencong/forms/library"
	"khuyencong/ui"
	"khuyencong/ui/wintyping"
)

// version comes from assets (the same number as FyneApp.toml).
var version = assets.Version()

func main() {
	dbFlag := flag.String("db", "", "use the data file at `PATH`, or a shared library on PostgreSQL (postgres://user@host/db) (default: HOSO_DB, else the user's data folder)")
	shots := flag.String("screenshots", os.Getenv("HOSO_SCREENSHOTS"), "write screenshots of the main screens into `DIR` (with sample data) and exit")
	flag.Parse()

	fixLocale()
	a := app.NewWithID("vn.hosokhuyencong.app")
	if runTypingCheck(a) {
		return
	}
	if *shots != "" {
		if err := screenshots(a, *shots); err != nil {
			fmt.Fprintln(os.Stderr, "screenshots:", err)
			os.Exit(1)
		}
		return
	}
	path, err := library.Resolve(chooseLibrary(a, *dbFlag))
	if err != nil {
		ui.ShowFatal(a, err.Error())
		os.Exit(1)
	}
	if library.IsServer(path) {
		runShared(a, path)
		return
	}
	// One window per library: a second start hands its request to the running app and ends.
	file := ""
	if flag.NArg() > 0 {
		file, _ = filepath.Abs(flag.Arg(0))
	}
	instPath := filepath.Join(filepath.Dir(path), "khuyencong.instance")
	if handOver(instPath, file) {
		return
	}
	store, err := boltstore.Open(path, boltstore.Options{ReadOnlyIfDamaged: true})
	var damaged *boltstore.DamagedError
	if err == nil && store.Damage() != nil {
		damaged, err = store.Damage(), store.Damage()
	}
	switch {
	case errors.As(err, &damaged):
		var restore, view func() (*ui.App, error)
		if damaged.Backup != "" {
			restore = func() (*ui.App, error) {
				if store != nil {
					store.Close()
					store = nil
				}
				if _, err := boltstore.RestoreBackup(damaged.Backup, path); err != nil {
					return nil, err
				}
				s, err := boltstore.Open(path, boltstore.Options{})
				if err != nil {
					return nil, err
				}
				store = s
				return ui.New(a, deps(s, path)), nil
			}
		}
		if store != nil { // damaged records only: the sound ones can be read
			view = func() (*ui.App, error) { return ui.New(a, deps(store, path)), nil }
		}
		ui.ShowDamaged(a, damaged.Error(), restore, view)
		if store != nil {
			store.Close()
		}
		return
	case err != nil:
		msg := "Không mở được tệp dữ liệu " + path + ":\n" + err.Error()
		if errors.Is(err, boltstore.ErrLocked) {
			msg = ui.AlreadyOpenMessage(err)
		}
		ui.ShowFatal(a, msg)
		os.Exit(1)
	}
	defer store.Close()
	store.SetUser(userName(a))
	w := ui.New(a, deps(store, path))
	wintyping.Install(w.Window())
	if srv := serveInstance(instPath, w); srv != nil {
		defer srv.Close()
	}
	if file != "" {
		a.Lifecycle().SetOnStarted(func() { w.OpenFile(file) })
	}
	go releaseStartupMemory()
	w.ShowAndRun()
}

// deps wires the real store, exporter and backups into the interface.
func deps(store forms.Store, dbPath string) ui.Deps {
	rulesDir := filepath.Join(filepath.Dir(dbPath), "rules")
	d := ui.Deps{
		Store:      store,
		Exporter:   exporter{store: store},
		Packager:   packager{store: store},
		Shared:     sharedLibraries{store: store},
		RulesDir:   rulesDir,
		Packs:      func() []*forms.RulePack { p, _ := forms.LoadPacks(rulesDir); return p },
		FontInUse:  fontInUse,
		Version:    version,
		ExportPlan: exportPlan,
	}
	if bs, ok := store.(*boltstore.Store); ok { // a shared library's backups are the server's
		d.Backups = backups{store: bs, dbPath: dbPath}
	}
	// Files the user picks are copied into the library: its folder beside the file, or the
	// server's table of files (forms.AttachmentsOf), so colleagues get them too.
	files := forms.AttachmentsOf(store)
	d.AdoptAttachment = func(path string) (string, string, error) { return handoff.Adopt(files, path) }
	d.AttachmentPath = func(a forms.Attachment) (string, error) {
		return forms.MaterialiseAttachment(files, a, forms.AttachmentCacheDir())
	}
	return d
}

// screenshots opens the app on a temporary store seeded with the sample dossiers, walks the main
// screens, writes one PNG per screen into dir, and quits.
func screenshots(a fyne.App, dir string) error {
	tmp, err := os.MkdirTemp("", "khuyencong-shots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dbPath := filepath.Join(tmp, "hoso.db")
	store, err := boltstore.Open(dbPath, boltstore.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	for _, p := range forms.Programmes() {
		sample := forms.Sample(p)
		c := &forms.Client{Enterprise: sample.Enterprise, CreatedAt: sample.CreatedAt, UpdatedAt: sample.UpdatedAt}
		if err := store.SaveClient(c); err != nil {
			return err
		}
		sample.ClientID = c.ID
		if err := store.SaveApplication(sample); err != nil {
			return err
		}
	}
	out, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	d := deps(store, dbPath)
	w := ui.New(a, d)
	w.Window().Resize(fyne.NewSize(1200, 780))
	var shotErr error
	go func() {
		time.Sleep(1500 * time.Millisecond)
		shotErr = w.CaptureScreens(out, 700*time.Millisecond, capture)
		fyne.Do(a.Quit)
	}()
	w.ShowAndRun()
	return shotErr
}

// releaseStartupMemory gives back to the system, once the window is up, the memory start-up used
// and no longer needs (fonts parsed for measuring, rule packs read, the data file's first pages):
// the Go runtime would otherwise keep it for a while as free heap counted in the resident size.
func releaseStartupMemory() {
	time.Sleep(3 * time.Second)
	debug.FreeOSMemory()
}
