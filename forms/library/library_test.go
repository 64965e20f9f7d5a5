package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/pgstore"
	"khuyencong/forms/pgstore/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestIsServer(t *testing.T) {
	for loc, want := range map[string]bool{
		"postgres://lan@may-chu/hoso":              true,
		"postgresql://lan@may-chu:5433/hoso":       true,
		"host=may-chu dbname=hoso user=lan":        true,
		" dbname=hoso":                             true,
		"/home/lan/.config/HosoKhuyenCong/hoso.db": false,
		`C:\Users\Lan\hoso.db`:                     false,
		"hoso=1.db":                                false,
		"postgres.db":                              false,
	} {
		if got := IsServer(loc); got != want {
			t.Errorf("IsServer(%q) = %v, want %v", loc, got, want)
		}
	}
}

func TestSplitPassword(t *testing.T) {
	for _, tc := range []struct{ in, clean, password string }{
		{"postgres://lan:bi%20mat@may-chu:5432/hoso?sslmode=require", "postgres://lan@may-chu:5432/hoso?sslmode=require", "bi mat"},
		{"postgres://lan@may-chu/hoso?password=xyz&sslmode=disable", "postgres://lan@may-chu/hoso?sslmode=disable", "xyz"},
		{"host=may-chu password='a b\\'c' dbname=hoso", "host=may-chu dbname=hoso", "a b'c"},
		{"host=may-chu dbname=hoso password=p@ss", "host=may-chu dbname=hoso", "p@ss"},
		{"host=may-chu dbname=hoso", "host=may-chu dbname=hoso", ""},
		{"/tmp/hoso.db", "/tmp/hoso.db", ""},
	} {
		clean, pw := SplitPassword(tc.in)
		if clean != tc.clean || pw != tc.password {
			t.Errorf("SplitPassword(%q) = %q, %q; want %q, %q", tc.in, clean, pw, tc.clean, tc.password)
		}
		if d := Describe(tc.in); tc.password != "" && strings.Contains(d, tc.password) {
			t.Errorf("Describe(%q) shows the password: %q", tc.in, d)
		}
	}
}

func TestSavePassword(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pgpass")
	t.Setenv("PGPASSFILE", file)
	os.WriteFile(file, []byte("khac:5432:*:*:giu-lai\nmay-chu:5432:hoso:lan:cu\n"), 0o600)
	path, err := SavePassword("postgres://lan:moi:mat-khau@may-chu/hoso", "moi:mat-khau")
	if err != nil || path != file {
		t.Fatalf("SavePassword: %q, %v", path, err)
	}
	data, _ := os.ReadFile(file)
	if string(data) != "khac:5432:*:*:giu-lai\nmay-chu:5432:hoso:lan:moi\\:mat-khau\n" {
		t.Errorf("pgpass:\n%s", data)
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
		t.Errorf("pgpass mode %v, want 0600", info.Mode().Perm())
	}
}

// fill writes a small library with every kind of record: two users, trash, revisions, a conflict.
func fill(t *testing.T, s forms.Store) {
	t.Helper()
	s.SetUser("Nguyễn Thị Lan")
	a := &forms.Client{Enterprise: forms.Enterprise{Name: "Công ty TNHH Đồng Tháp Xanh", TaxCode: "1400123456"}}
	b := &forms.Client{Enterprise: forms.Enterprise{Name: "Hộ kinh doanh Bánh pía Sóc Trăng", TaxCode: "2200123456"}}
	for _, c := range []*forms.Client{a, b} {
		if err := s.SaveClient(c); err != nil {
			t.Fatal(err)
		}
	}
	var apps []*forms.Application
	for i, p := range forms.Programmes() {
		app := forms.Sample(p)
		app.ClientID = a.ID
		if i == 2 {
			app.ClientID = b.ID
		}
		if err := s.SaveApplication(app); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveRevision(app.ID, "render"); err != nil {
			t.Fatal(err)
		}
		apps = append(apps, app)
	}
	_, v, _ := s.ApplicationAt(apps[0].ID)
	apps[0].Project.Title = "Sửa lần hai"
	s.SetUser("Trần Văn Minh")
	if _, err := s.SaveApplicationAt(apps[0], v.Number); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveApplicationAt(apps[0], v.Number); !errors.Is(err, forms.ErrConflict) {
		t.Fatalf("conflict: %v", err)
	}
	if err := s.DeleteApplication(apps[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteClient(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportApplication(forms.Sample(forms.Equipment), forms.ImportMerge); err != nil {
		t.Fatal(err)
	}
}

func openBolt(t *testing.T) *boltstore.Store {
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "hoso.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openPG(t *testing.T) *pgstore.Store {
	s, err := pgstore.Open(pgtest.DB(t), pgstore.Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The same library, bbolt → PostgreSQL → bbolt: counts and checksums agree at every step, and the
// stores answer the same lists, revisions and versions.
func TestCopyRoundTrip(t *testing.T) {
	src := openBolt(t)
	fill(t, src)
	pg := openPG(t)
	r, err := Copy(src, pg, nil)
	if err != nil {
		t.Fatalf("bbolt → PostgreSQL: %v (%+v)", err, r)
	}
	if want := []int{3, 4, 5}; r.Counts[0].To != want[0] || r.Counts[1].To != want[1] || r.Counts[2].To != want[2] {
		t.Errorf("copied %+v, want clients/dossiers/revisions %v", r.Counts, want)
	}
	back := openBolt(t)
	if r, err := Copy(pg, back, nil); err != nil {
		t.Fatalf("PostgreSQL → bbolt: %v (%+v)", err, r)
	}
	for _, q := range []forms.Query{{}, {Deleted: true}, {Text: "dong thap"}} {
		var lists [3][]forms.ApplicationSummary
		for i, s := range []forms.Store{src, pg, back} {
			lists[i], err = s.Applications(q)
			if err != nil {
				t.Fatal(err)
			}
			for j := range lists[i] {
				l := &lists[i][j]
				l.UpdatedAt, l.DeletedAt = l.UpdatedAt.Round(0).UTC().Truncate(1000), l.DeletedAt.UTC().Truncate(1000)
			}
		}
		if !slices.Equal(lists[0], lists[1]) || !slices.Equal(lists[0], lists[2]) {
			t.Errorf("lists for %+v differ:\n bolt %+v\n pg   %+v\n back %+v", q, lists[0], lists[1], lists[2])
		}
	}
	sums, _ := src.Applications(forms.Query{})
	for _, sum := range sums {
		revs := [3][]forms.RevisionInfo{}
		vers := [3]forms.Version{}
		for i, s := range []forms.Store{src, pg, back} {
			revs[i], _ = s.Revisions(sum.ID)
			_, vers[i], _ = s.ApplicationAt(sum.ID)
		}
		if len(revs[0]) == 0 || len(revs[0]) != len(revs[1]) || len(revs[0]) != len(revs[2]) || revs[2][0].By != revs[0][0].By || revs[2][0].Reason != revs[0][0].Reason {
			t.Errorf("revisions of %s: %+v / %+v / %+v", sum.ID, revs[0], revs[1], revs[2])
		}
		if vers[0].Number != vers[1].Number || vers[0].Number != vers[2].Number || vers[0].By != vers[2].By {
			t.Errorf("versions of %s: %+v / %+v / %+v", sum.ID, vers[0], vers[1], vers[2])
		}
	}
	// A copy continues the histories: the next revision number follows on in both stores.
	for _, s := range []forms.Store{pg, back} {
		info, err := s.SaveRevision(sums[0].ID, "render")
		if err != nil {
			t.Fatal(err)
		}
		revs, _ := src.Revisions(sums[0].ID)
		if info.ID != revs[0].ID+1 {
			t.Errorf("next revision in the copy is #%d, want #%d", info.ID, revs[0].ID+1)
		}
	}
	// Not into a library that has data.
	if _, err := Copy(src, pg, nil); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("copy into a full library: %v", err)
	}
}

// A record damaged on the server stops the copy with its name.
func TestCopyRefusesDamage(t *testing.T) {
	src := openBolt(t)
	fill(t, src)
	url := pgtest.DB(t)
	pg, err := pgstore.Open(url, pgstore.Options{LocalDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if _, err := Copy(src, pg, nil); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), "UPDATE clients SET data = replace(data, 'Xanh', 'Xank')"); err != nil {
		t.Fatal(err)
	}
	_, err = Copy(pg, openBolt(t), nil)
	if err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Errorf("copy of a damaged library: %v", err)
	}
}
