package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/pgstore/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// The settings screen's shared-library access on a real server: test, remember (no password in
// what is kept), copy this computer's library up with matching checksums.
func TestSharedLibraries(t *testing.T) {
	url := pgtest.DB(t)
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "pgpass"))
	local, err := boltstore.Open(filepath.Join(t.TempDir(), "hoso.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer local.Close()
	for _, p := range forms.Programmes() {
		if _, err := local.ImportApplication(forms.Sample(p), forms.ImportMerge); err != nil {
			t.Fatal(err)
		}
	}
	l := sharedLibraries{store: local}
	info, err := l.Test(url, "")
	if err != nil || info.Dossiers != 0 || !strings.HasPrefix(info.Name, "postgres://postgres@socket ") {
		t.Fatalf("test: %+v, %v", info, err)
	}
	if _, err := l.Test("/tmp/hoso.db", ""); err == nil {
		t.Error("a file path was taken for a server")
	}
	clean, err := l.Remember(url, "mat-khau-thu")
	if err != nil || clean != url {
		t.Errorf("remember: %q, %v", clean, err)
	}
	data, _ := os.ReadFile(os.Getenv("PGPASSFILE"))
	if !strings.HasSuffix(strings.TrimSpace(string(data)), ":postgres:mat-khau-thu") {
		t.Errorf("pgpass: %q", data)
	}
	report, err := l.CopyFromHere(url)
	if err != nil || strings.Count(report, "khớp") != 4 { // clients, dossiers, revisions, attached files
		t.Errorf("copy: %q, %v", report, err)
	}
	if info, _ := l.Test(url, ""); info.Dossiers != 3 || info.Clients != 3 {
		t.Errorf("after the copy: %+v", info)
	}
	if got := withPassword("postgres://lan@may-chu/hoso?sslmode=require", "a&b"); got != "postgres://lan@may-chu/hoso?sslmode=require&password=a%26b" {
		t.Errorf("withPassword URL: %q", got)
	}
	if got := withPassword("host=may-chu dbname=hoso", "it's"); got != `host=may-chu dbname=hoso password='it\'s'` {
		t.Errorf("withPassword key=value: %q", got)
	}
}
