package library

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/handoff"
)

// attachApp saves a dossier in s with two attached files kept by the library and one whose
// original was deleted, and a revision; it returns the dossier and the kept contents.
func attachApp(t *testing.T, s forms.Store) (*forms.Application, [][]byte) {
	t.Helper()
	c := &forms.Client{Enterprise: forms.Enterprise{Name: "Công ty TNHH Cơ khí Phước Hưng", TaxCode: "0312345675"}}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	app.ClientID = c.ID
	app.Attachments = nil
	contents := [][]byte{
		append([]byte("%PDF-1.4 giấy đăng ký kinh doanh "), bytes.Repeat([]byte{0xde, 0xad, 0}, 3000)...),
		[]byte("\x89PNG ảnh quét báo giá thiết bị"),
	}
	dir := t.TempDir()
	for i, name := range []string{"Giấy ĐKKD.pdf", "bao-gia.png"} {
		src := filepath.Join(dir, name)
		if err := os.WriteFile(src, contents[i], 0o644); err != nil {
			t.Fatal(err)
		}
		file, sum, err := handoff.Adopt(forms.AttachmentsOf(s), src)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(src) // the library keeps its own copy
		app.Attachments = append(app.Attachments, forms.Attachment{ID: []string{"registration", "quotation"}[i], File: file, SHA256: sum})
	}
	gone := filepath.Join(dir, "da-xoa.pdf")
	app.Attachments = append(app.Attachments, forms.Attachment{ID: "other", File: gone})
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRevision(app.ID, "export"); err != nil {
		t.Fatal(err)
	}
	return app, contents
}

// checkFiles reads the dossier's first two attachments (and those of its revision) from s.
func checkFiles(t *testing.T, s forms.Store, appID string, contents [][]byte, what string) {
	t.Helper()
	app, err := s.Application(appID)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := s.Revisions(appID)
	if err != nil || len(revs) == 0 {
		t.Fatalf("%s: revisions %v %v", what, revs, err)
	}
	old, err := s.Revision(appID, revs[len(revs)-1].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*forms.Application{app, old} {
		for i, want := range contents {
			got, err := forms.ReadAttachment(forms.AttachmentsOf(s), a.Attachments[i])
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: attachment %s: %d bytes, %v", what, a.Attachments[i].ID, len(got), err)
			}
		}
	}
}

// Attached files travel with a copy bbolt → PostgreSQL → bbolt: on the server they are rows of
// the blob table (the original folder can be gone), back in a file library they are files in
// its folder; the report counts them and every one is read back with its SHA-256.
func TestCopyCarriesAttachments(t *testing.T) {
	src := openBolt(t)
	app, contents := attachApp(t, src)

	pg := openPG(t)
	r, err := Copy(src, pg, nil)
	if err != nil {
		t.Fatalf("bbolt → PostgreSQL: %v (%+v)", err, r)
	}
	files := r.Counts[len(r.Counts)-1]
	if len(r.Counts) != 4 || files.Kind != "tệp đính kèm" || files.From != 2 || !files.OK() {
		t.Errorf("counts %+v", r.Counts)
	}
	if len(r.Missing) != 1 || !strings.Contains(r.Missing[0], "da-xoa.pdf") {
		t.Errorf("missing %q, want the deleted file named", r.Missing)
	}
	// The server library no longer needs the file library's folder.
	if err := os.RemoveAll(forms.LibraryFilesDir(src.Path())); err != nil {
		t.Fatal(err)
	}
	onServer, _ := pg.Application(app.ID)
	if _, _, ok := forms.BlobOf(onServer.Attachments[0].File); !ok {
		t.Errorf("on the server the attachment is %q", onServer.Attachments[0].File)
	}
	checkFiles(t, pg, app.ID, contents, "PostgreSQL")
	if rep, err := pg.Check(); err != nil || !rep.OK() || rep.Blobs != 2 {
		t.Errorf("check of the copy: %+v %v", rep, err)
	}

	back := openBolt(t)
	r, err = Copy(pg, back, nil)
	if err != nil {
		t.Fatalf("PostgreSQL → bbolt: %v (%+v)", err, r)
	}
	if files := r.Counts[len(r.Counts)-1]; files.From != 2 || !files.OK() {
		t.Errorf("counts back %+v", r.Counts)
	}
	home, _ := back.Application(app.ID)
	if p := home.Attachments[0].File; !strings.HasPrefix(p, forms.LibraryFilesDir(back.Path())) {
		t.Errorf("back in a file library the attachment is %q, not in its folder", p)
	}
	checkFiles(t, back, app.ID, contents, "bbolt again")
}

// A hand-off package exported from a server library holds the files (written out to the cache,
// checked), and importing it into another server library puts them in that one's blob table.
func TestHandoffFromServerLibrary(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	pg := openPG(t)
	app, contents := attachApp(t, pg)
	pkg := filepath.Join(t.TempDir(), "phuoc-hung.zip")
	// The deleted file cannot go into a package: the export names it.
	if err := handoff.ExportFrom(pg, app.ID, pkg, "test", time.Now()); err == nil || !strings.Contains(err.Error(), "da-xoa.pdf") {
		t.Fatalf("export with a file outside the library: %v", err)
	}
	app.Attachments = app.Attachments[:2]
	if err := pg.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if err := handoff.ExportFrom(pg, app.ID, pkg, "test", time.Now()); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(pkg)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	dir := filepath.Join(t.TempDir(), "mo-goi")
	got, err := handoff.Import(f, info.Size(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range contents {
		data, err := os.ReadFile(got.Attachments[i].File)
		if err != nil || !bytes.Equal(data, want) {
			t.Errorf("package file %s: %d bytes, %v", got.Attachments[i].File, len(data), err)
		}
	}

	other := openPG(t)
	imported, _, err := handoff.ImportInto(other, pkg, forms.ImportAsk, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := other.Application(imported.ID)
	for i, want := range contents {
		a := stored.Attachments[i]
		if _, _, ok := forms.BlobOf(a.File); !ok {
			t.Errorf("imported attachment %q is not kept on the server", a.File)
		}
		data, err := forms.ReadAttachment(other, a)
		if err != nil || !bytes.Equal(data, want) {
			t.Errorf("imported attachment %s: %d bytes, %v", a.ID, len(data), err)
		}
	}
	if left, _ := os.ReadDir(forms.LibraryFilesDir(other.Path())); len(left) != 0 {
		t.Errorf("the package's files were left on this computer: %v", left)
	}
}
