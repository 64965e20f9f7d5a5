package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/pgstore/pgtest"
)

// hoso db copy carries attached files: a file library's dossier with a file in its folder →
// PostgreSQL (the report counts 1 file, "khớp"; db check counts it) → a package exported from
// the server holds it → back to a new file library, whose folder has it again.
func TestPGCopyCarriesFiles(t *testing.T) {
	dir := t.TempDir()
	content := append([]byte("%PDF-1.4 giấy đăng ký kinh doanh "), bytes.Repeat([]byte{7, 0, 255}, 4000)...)
	if err := os.MkdirAll(filepath.Join(dir, "giay-to"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "giay-to", "dkkd.pdf"), content, 0o644); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	app.Attachments = []forms.Attachment{{ID: "registration", File: "giay-to/dkkd.pdf"}}
	var buf bytes.Buffer
	if err := forms.EncodeApplication(&buf, app); err != nil {
		t.Fatal(err)
	}
	dossier := filepath.Join(dir, "phuoc-hung"+forms.FileExtension)
	if err := os.WriteFile(dossier, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "hoso.db")
	if code, _, errb := hosoDB(t, file, "import", dossier); code != 0 {
		t.Fatalf("import: %d %s", code, errb)
	}
	id := listIDs(t, file)[0].ID

	url := pgtest.DB(t)
	var out, eb bytes.Buffer
	if code := runDB([]string{"copy", "--from", file, "--to", url}, &out, &eb); code != 0 {
		t.Fatalf("copy file → PostgreSQL: %d\n%s%s", code, out.String(), eb.String())
	}
	t.Logf("hoso db copy:\n%s", out.String())
	line := ""
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "tệp đính kèm") {
			line = l
		}
	}
	if f := strings.Fields(line); len(f) < 8 || f[3] != "1" || f[4] != "1" || f[len(f)-1] != "khớp" {
		t.Errorf("files line %q", line)
	}
	// The server has the file; the file library's folder is not needed any more.
	if err := os.RemoveAll(filepath.Join(filepath.Dir(file), "ho-so")); err != nil {
		t.Fatal(err)
	}
	if code, out, errb := hosoDB(t, url, "check"); code != 0 || !strings.Contains(out, "tệp đính kèm: 1") {
		t.Errorf("check: %d %s %s", code, out, errb)
	}

	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	pkg := filepath.Join(t.TempDir(), "goi.zip")
	if code, _, errb := hosoDB(t, url, "export", id, "-o", pkg); code != 0 {
		t.Fatalf("export from PostgreSQL: %d %s", code, errb)
	}
	zr, err := zip.OpenReader(pkg)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range zr.File {
		if f.Name == "attachments/dkkd.pdf" {
			rc, _ := f.Open()
			got, _ := io.ReadAll(rc)
			rc.Close()
			found = bytes.Equal(got, content)
		}
	}
	zr.Close()
	if !found {
		t.Error("the package from the server lacks attachments/dkkd.pdf with its content")
	}

	back := filepath.Join(t.TempDir(), "ban-sao.db")
	out.Reset()
	if code := runDB([]string{"copy", "--from", url, "--to", back}, &out, &eb); code != 0 {
		t.Fatalf("copy PostgreSQL → file: %d\n%s%s", code, out.String(), eb.String())
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(back), "ho-so", "tep-chon", "*", "dkkd.pdf"))
	if len(matches) != 1 {
		t.Fatalf("files in the new library's folder: %v", matches)
	}
	if got, _ := os.ReadFile(matches[0]); !bytes.Equal(got, content) {
		t.Error("the file copied back differs")
	}
}
