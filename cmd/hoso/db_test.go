package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/handoff"
)

// hosoDB runs "hoso db ARGS... --db PATH".
func hosoDB(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runDB(append(args, "--db", db), &out, &errb)
	return code, out.String(), errb.String()
}

// dossierFiles writes the three samples as .hoso.json files and returns their paths.
func dossierFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, p := range forms.Programmes() {
		data, err := forms.MarshalApplication(forms.Sample(p))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, string(p)+forms.FileExtension)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

func listIDs(t *testing.T, db string, args ...string) []forms.ApplicationSummary {
	t.Helper()
	code, out, stderr := hosoDB(t, db, append([]string{"list", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("list: exit %d: %s", code, stderr)
	}
	var sums []forms.ApplicationSummary
	if err := json.Unmarshal([]byte(out), &sums); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	return sums
}

func TestDBImportListShowExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hoso.db")
	files := dossierFiles(t)
	code, out, stderr := hosoDB(t, db, append([]string{"import"}, files...)...)
	if code != 0 || !strings.Contains(out, "Đã nhập 3/3 tệp") {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	// The same enterprise again: the user must choose.
	code, _, stderr = hosoDB(t, db, "import", files[0])
	if code != 1 || !strings.Contains(stderr, "--merge hoặc --copy") {
		t.Errorf("import of an existing client: exit %d: %s", code, stderr)
	}
	if code, _, stderr = hosoDB(t, db, "import", "--merge", files[0]); code != 0 {
		t.Errorf("import --merge: exit %d: %s", code, stderr)
	}
	sums := listIDs(t, db)
	if len(sums) != 4 {
		t.Fatalf("%d dossiers listed, want 4", len(sums))
	}
	equipment := listIDs(t, db, "--programme", "equipment")
	if len(equipment) != 2 || equipment[0].ClientID != equipment[1].ClientID {
		t.Errorf("merged dossiers: %+v", equipment)
	}
	if found := listIDs(t, db, "--search", "PHUOC HUNG"); len(found) != 2 {
		t.Errorf("search without diacritics found %d", len(found))
	}
	code, text, _ := hosoDB(t, db, "list")
	if code != 0 || !strings.Contains(text, "Máy móc thiết bị") || !strings.Contains(text, "Bản nháp") || !strings.Contains(text, "4 hồ sơ") {
		t.Errorf("list text:\n%s", text)
	}

	id := equipment[0].ID
	code, shown, _ := hosoDB(t, db, "show", id)
	app, err := forms.DecodeApplication([]byte(shown))
	if code != 0 || err != nil || app.ID != id || app.Project.Title != forms.Sample(forms.Equipment).Project.Title {
		t.Fatalf("show: exit %d, %v", code, err)
	}

	dir := t.TempDir()
	pkg := filepath.Join(dir, "goi.zip")
	if code, _, stderr := hosoDB(t, db, "export", id, "-o", pkg); code != 0 {
		t.Fatalf("export zip: exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(pkg)
	m, inPkg, err := handoff.ReadManifest(bytes.NewReader(data), int64(len(data)))
	if err != nil || inPkg.Project.Title != app.Project.Title || m.FormatVersion != handoff.FormatVersion {
		t.Errorf("exported package: %v", err)
	}
	single := filepath.Join(dir, "mot.hoso.json")
	if code, _, stderr := hosoDB(t, db, "export", id, "-o", single); code != 0 {
		t.Fatalf("export json: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(single); !bytes.Contains(data, []byte(`"format_version": "1.0"`)) {
		t.Errorf("exported dossier file:\n%.200s", data)
	}
	if _, hist, _ := hosoDB(t, db, "history", id); !strings.Contains(hist, "export") || !strings.Contains(hist, "nhập từ tệp") {
		t.Errorf("history:\n%s", hist)
	}
	// The package comes back in as a copy.
	if code, out, stderr := hosoDB(t, db, "import", "--copy", pkg); code != 0 || !strings.Contains(out, "Đã nhập 1/1") {
		t.Errorf("import of the package: exit %d\n%s%s", code, out, stderr)
	}
	if n := len(listIDs(t, db)); n != 5 {
		t.Errorf("%d dossiers after importing the package, want 5", n)
	}
}

func TestDBDeleteTrash(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hoso.db")
	files := dossierFiles(t)
	hosoDB(t, db, append([]string{"import"}, files...)...)
	sums := listIDs(t, db)
	id := sums[0].ID
	if code, out, _ := hosoDB(t, db, "delete", id); code != 0 || !strings.Contains(out, "thùng rác") {
		t.Fatalf("delete: %d %s", code, out)
	}
	if n := len(listIDs(t, db)); n != 2 {
		t.Errorf("%d live dossiers after delete", n)
	}
	if _, out, _ := hosoDB(t, db, "trash"); !strings.Contains(out, id) {
		t.Errorf("trash does not list %s:\n%s", id, out)
	}
	if code, _, _ := hosoDB(t, db, "trash", "--restore", id); code != 0 || len(listIDs(t, db)) != 3 {
		t.Error("restore from the bin failed")
	}
	hosoDB(t, db, "delete", id)
	if code, _, _ := hosoDB(t, db, "trash", "--empty"); code != 0 {
		t.Error("empty failed")
	}
	if code, _, stderr := hosoDB(t, db, "show", id); code != 1 || !strings.Contains(stderr, "không tìm thấy") {
		t.Errorf("show of a purged dossier: %d %s", code, stderr)
	}
	if code, _, stderr := hosoDB(t, db, "delete", "khong-co"); code != 1 || !strings.Contains(stderr, "không có hồ sơ hay khách hàng") {
		t.Errorf("delete unknown: %d %s", code, stderr)
	}
}

func TestDBCheckBackupRestore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hoso.db")
	hosoDB(t, db, append([]string{"import"}, dossierFiles(t)...)...)
	code, out, _ := hosoDB(t, db, "check")
	if code != 0 || !strings.Contains(out, "Khách hàng: 3, hồ sơ: 3") || !strings.Contains(out, "tốt") {
		t.Errorf("check: %d\n%s", code, out)
	}
	code, out, _ = hosoDB(t, db, "backup")
	backup := strings.TrimSpace(out)
	if code != 0 || boltstore.CheckFile(backup) != nil {
		t.Fatalf("backup: %d %q", code, out)
	}
	if _, out, _ := hosoDB(t, db, "backup", "--list"); !strings.Contains(out, backup) {
		t.Errorf("backup --list:\n%s", out)
	}
	// After the backup, a dossier is deleted for good; restoring brings it back.
	id := listIDs(t, db)[0].ID
	hosoDB(t, db, "delete", id)
	hosoDB(t, db, "trash", "--empty")
	code, out, stderr := hosoDB(t, db, "restore", backup)
	if code != 0 || !strings.Contains(out, "Tệp cũ được giữ lại") {
		t.Fatalf("restore: %d\n%s%s", code, out, stderr)
	}
	if n := len(listIDs(t, db)); n != 3 {
		t.Errorf("%d dossiers after restore, want 3", n)
	}
}

func TestDBRefusesLockedAndDamagedFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hoso.db")
	s, err := boltstore.Open(db, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := hosoDB(t, db, "list")
	s.Close()
	if code != 1 || !strings.Contains(stderr, "đang được mở ở một cửa sổ khác") {
		t.Errorf("locked: %d %s", code, stderr)
	}

	bad := filepath.Join(t.TempDir(), "hong.db")
	os.WriteFile(bad, bytes.Repeat([]byte("hỏng "), 4000), 0o600)
	code, _, stderr = hosoDB(t, bad, "check")
	if code != 1 || !strings.Contains(stderr, "bị hỏng") {
		t.Errorf("damaged: %d %s", code, stderr)
	}
}

func TestDBUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hoso.db")
	var out, errb bytes.Buffer
	if code := runDB(nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "import") {
		t.Errorf("no subcommand: %d", code)
	}
	if code := runDB([]string{"xoa-het"}, &out, &errb); code != 2 {
		t.Errorf("unknown subcommand: %d", code)
	}
	for _, sub := range []string{"list", "import", "export", "show", "delete", "trash", "check", "backup", "restore", "history"} {
		code, _, stderr := hosoDB(t, db, sub, "-h")
		if code != 0 || !strings.Contains(stderr, "Ví dụ:") || !strings.Contains(stderr, "hoso db "+sub) {
			t.Errorf("%s -h: exit %d\n%s", sub, code, stderr)
		}
	}
	if code, _, _ := hosoDB(t, db, "export", "abc"); code != 2 {
		t.Errorf("export without -o: %d", code)
	}
	if code, _, _ := hosoDB(t, db, "import", "--merge", "--copy", "x.hoso.json"); code != 2 {
		t.Errorf("--merge with --copy: %d", code)
	}
	if code, _, _ := hosoDB(t, db, "list", "--programme", "khac"); code != 2 {
		t.Errorf("unknown programme: %d", code)
	}
}
