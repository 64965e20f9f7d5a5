// Package storetest is the contract every forms.Store must meet: one suite run against each store.
package storetest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"khuyencong/forms"
)

// Open makes a fresh, empty store for one test; the store is closed by the suite.
type Open func(t *testing.T) forms.Store

// Run runs every behaviour the app and hoso rely on against stores made by open.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s forms.Store)
	}{
		{"Clients", testClients},
		{"SaveAndReadApplication", testApplication},
		{"SearchAndFilters", testSearchAndFilters},
		{"ClientsSearchAndOrder", testClientsList},
		{"Revisions", testRevisions},
		{"TrashAndRestore", testTrash},
		{"Import", testImport},
		{"ClientsNeverMixed", testNeverMixed},
		{"ParallelImports", testParallelImports},
		{"ConflictingSaves", testConflict},
		{"RacingSaves", testRacingSaves},
		{"WhoSaved", testWhoSaved},
		{"Attachments", testAttachments},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func newClient(t *testing.T, s forms.Store, name, tax string) *forms.Client {
	t.Helper()
	c := &forms.Client{Enterprise: forms.Enterprise{Name: name, TaxCode: tax}}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	return c
}

func newApp(t *testing.T, s forms.Store, c *forms.Client, p forms.Programme, year int) *forms.Application {
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
	out := []string{}
	for _, s := range sums {
		out = append(out, s.ID)
	}
	return out
}

func names(cs []forms.Client) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Enterprise.Name)
	}
	return out
}

func list(t *testing.T, s forms.Store, q forms.Query) []forms.ApplicationSummary {
	t.Helper()
	sums, err := s.Applications(q)
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// sameDossier compares two dossiers as their files would be written, times aside.
func sameDossier(t *testing.T, got, want *forms.Application) bool {
	t.Helper()
	g, w := *got, *want
	g.CreatedAt, g.UpdatedAt, w.CreatedAt, w.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	gj, err := forms.MarshalApplication(&g)
	if err != nil {
		t.Fatal(err)
	}
	wj, err := forms.MarshalApplication(&w)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gj, wj) {
		t.Errorf("dossier read back differs:\n got %s\nwant %s", gj, wj)
		return false
	}
	return true
}

func testClients(t *testing.T, s forms.Store) {
	c := &forms.Client{Enterprise: forms.Enterprise{Name: "  Công ty TNHH An Phát ", TaxCode: "0314409058 - 002"}, Notes: "Khách quen"}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	if c.ID == "" || c.CreatedAt.IsZero() || c.UpdatedAt.IsZero() {
		t.Errorf("ID or times not set: %+v", c)
	}
	if c.Enterprise.Name != "Công ty TNHH An Phát" || c.Enterprise.TaxCode != "0314409058-002" {
		t.Errorf("not cleaned: %q %q", c.Enterprise.Name, c.Enterprise.TaxCode)
	}
	got, err := s.Client(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Enterprise.Name != c.Enterprise.Name || got.Notes != "Khách quen" || !got.CreatedAt.Equal(c.CreatedAt) {
		t.Errorf("read back %+v, want %+v", got, c)
	}
	created := c.CreatedAt
	got.CreatedAt = created.AddDate(-1, 0, 0) // a caller cannot rewrite history
	got.Enterprise.Phone = "0283 456 789"
	if err := s.SaveClient(got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Client(c.ID)
	if !again.CreatedAt.Equal(created) || again.Enterprise.Phone != "0283 456 789" {
		t.Errorf("after update: created %v (want %v), phone %q", again.CreatedAt, created, again.Enterprise.Phone)
	}
	if _, err := s.Client("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("missing client: %v, want ErrNotFound", err)
	}
	if err := s.SaveClient(&forms.Client{}); err == nil || !strings.Contains(err.Error(), "tên khách hàng") {
		t.Errorf("client without a name: %v", err)
	}
	if err := s.DeleteClient("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("deleting a missing client: %v", err)
	}
}

func testApplication(t *testing.T, s forms.Store) {
	c := newClient(t, s, "Công ty TNHH Chế biến Nông sản Phước Hưng", "3502345671")
	orphan := forms.Sample(forms.Equipment)
	if err := s.SaveApplication(orphan); err == nil {
		t.Error("a dossier without a client was saved")
	}
	orphan.ClientID = "khong-co"
	if err := s.SaveApplication(orphan); err == nil || !strings.Contains(err.Error(), "không có trong thư viện") {
		t.Errorf("unknown client: %v", err)
	}
	if orphan.ID != "" {
		t.Errorf("a failed save set the caller's ID to %q", orphan.ID)
	}

	app := forms.Sample(forms.Equipment)
	app.ClientID = c.ID
	want := *app
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if app.ID == "" || app.CreatedAt.IsZero() || app.UpdatedAt.IsZero() || app.FormatVersion != forms.FormatVersion {
		t.Fatalf("ID, times or format not set: %q %v %v %q", app.ID, app.CreatedAt, app.UpdatedAt, app.FormatVersion)
	}
	got, err := s.Application(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.FormatVersion = app.ID, forms.FormatVersion
	sameDossier(t, got, &want)
	if !got.CreatedAt.Equal(app.CreatedAt) || !got.UpdatedAt.Equal(app.UpdatedAt) {
		t.Errorf("times read back %v %v, saved %v %v", got.CreatedAt, got.UpdatedAt, app.CreatedAt, app.UpdatedAt)
	}

	created := app.CreatedAt
	app.Project.Title = "Đầu tư dây chuyền sấy nông sản – giai đoạn 2"
	app.Status = forms.StatusReady
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if !app.CreatedAt.Equal(created) {
		t.Errorf("CreatedAt changed on update: %v → %v", created, app.CreatedAt)
	}
	sums := list(t, s, forms.Query{})
	if len(sums) != 1 {
		t.Fatalf("%d summaries, want 1", len(sums))
	}
	sum := sums[0]
	if sum.ID != app.ID || sum.ClientID != c.ID || sum.Title != app.Project.Title || sum.Status != forms.StatusReady ||
		sum.Programme != forms.Equipment || sum.Year != app.Year || sum.ClientName != c.Enterprise.Name || sum.TaxCode != c.Enterprise.TaxCode {
		t.Errorf("summary %+v", sum)
	}
	if pct := forms.CheckCompleteness(app).Percent; sum.Completeness != pct {
		t.Errorf("summary completeness %d, forms says %d", sum.Completeness, pct)
	}

	// The dossier's enterprise is its own snapshot: renaming the client changes the list only.
	c.Enterprise.Name = "Công ty Cổ phần Phước Hưng"
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Application(app.ID)
	if got.Enterprise.Name != "Công ty TNHH Chế biến Nông sản Phước Hưng" {
		t.Errorf("dossier's enterprise rewritten from the client: %q", got.Enterprise.Name)
	}
	if sums := list(t, s, forms.Query{}); sums[0].ClientName != "Công ty Cổ phần Phước Hưng" {
		t.Errorf("list shows client name %q, want the client's current name", sums[0].ClientName)
	}
	if _, err := s.Application("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("missing dossier: %v", err)
	}
	if err := s.DeleteApplication("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("deleting a missing dossier: %v", err)
	}
}

func testSearchAndFilters(t *testing.T, s forms.Store) {
	dt := newClient(t, s, "Công ty TNHH Chế biến Thủy sản Đồng Tháp", "1400123456")
	hn := newClient(t, s, "Hộ kinh doanh Nguyễn Thị Hoa", "001185012345")
	a1 := newApp(t, s, dt, forms.Equipment, 2026)
	a2 := newApp(t, s, dt, forms.TradeFair, 2027)
	a3 := newApp(t, s, hn, forms.Equipment, 2027)
	a3.Status = forms.StatusSubmitted
	a3.Project.Title = "Máy sấy lạnh bơm nhiệt cho xưởng mứt gừng"
	if err := s.SaveApplication(a3); err != nil {
		t.Fatal(err)
	}
	dt.Enterprise.ShortName = "Thủy sản Sa Đéc Xanh"
	if err := s.SaveClient(dt); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		q    forms.Query
		want []string
	}{
		{"everything", forms.Query{}, []string{a2.ID, a1.ID, a3.ID}},
		{"no diacritics", forms.Query{Text: "dong thap"}, []string{a2.ID, a1.ID}},
		{"upper case with Đ", forms.Query{Text: "ĐỒNG THÁP"}, []string{a2.ID, a1.ID}},
		{"decomposed input", forms.Query{Text: "\u0110o\u0302\u0300ng"}, []string{a2.ID, a1.ID}},
		{"short name", forms.Query{Text: "sa dec xanh"}, []string{a2.ID, a1.ID}}, // "x": never in a hex ID
		{"two words anywhere", forms.Query{Text: "hoa nguyen"}, []string{a3.ID}},
		{"tax code prefix", forms.Query{Text: "001185"}, []string{a3.ID}},
		{"project title", forms.Query{Text: "mut gung"}, []string{a3.ID}},
		{"dossier ID", forms.Query{Text: a3.ID}, []string{a3.ID}},
		{"programme", forms.Query{Programme: forms.Equipment}, []string{a1.ID, a3.ID}},
		{"year", forms.Query{Year: 2027}, []string{a2.ID, a3.ID}},
		{"status", forms.Query{Status: forms.StatusSubmitted}, []string{a3.ID}},
		{"client and year", forms.Query{ClientID: dt.ID, Year: 2026}, []string{a1.ID}},
		{"text and filter", forms.Query{Text: "dong thap", Programme: forms.TradeFair}, []string{a2.ID}},
		{"nothing", forms.Query{Text: "không có ai"}, []string{}},
		{"a LIKE wildcard is text", forms.Query{Text: "%"}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Order: client name with the Vietnamese collator ("Công ty..." before "Hộ ..."), then year descending.
			if got := ids(list(t, s, tc.q)); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func testClientsList(t *testing.T, s forms.Store) {
	// Byte order would put "Duy" before "Ánh" and "Đồng" last but for the wrong reason; Vietnamese
	// collation: A (with any tone) < B < D < Đ.
	for _, n := range []struct{ name, tax string }{
		{"Đồng Tháp Xanh", "1400123456"}, {"Duy Tân", "0301234567"}, {"Ánh Dương", "0101234567"}, {"Bảo An", ""},
	} {
		newClient(t, s, n.name, n.tax)
	}
	all, err := s.Clients(forms.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Ánh Dương", "Bảo An", "Duy Tân", "Đồng Tháp Xanh"}; !slices.Equal(names(all), want) {
		t.Errorf("clients in order %v, want %v", names(all), want)
	}
	for q, want := range map[string][]string{
		"anh duong": {"Ánh Dương"}, "DONG": {"Đồng Tháp Xanh"}, "0301": {"Duy Tân"}, "bao an": {"Bảo An"}, "x": {"Đồng Tháp Xanh"},
	} {
		got, err := s.Clients(forms.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(names(got), want) {
			t.Errorf("clients matching %q: %v, want %v", q, names(got), want)
		}
	}
	// Filters on dossiers keep the clients that have a matching dossier.
	duy := all[2]
	newApp(t, s, &duy, forms.CleanerProduction, 2027)
	got, _ := s.Clients(forms.Query{Programme: forms.CleanerProduction})
	if !slices.Equal(names(got), []string{"Duy Tân"}) {
		t.Errorf("clients with a cleaner-production dossier: %v", names(got))
	}
	got, _ = s.Clients(forms.Query{Year: 2026})
	if len(got) != 0 {
		t.Errorf("clients with a 2026 dossier: %v", names(got))
	}
}

func testRevisions(t *testing.T, s forms.Store) {
	c := newClient(t, s, "Hợp tác xã Dệt thổ cẩm Buôn Đôn", "1803456786")
	app := newApp(t, s, c, forms.Equipment, 2027)
	r1, err := s.SaveRevision(app.ID, "render")
	if err != nil {
		t.Fatal(err)
	}
	if r1.ID == 0 || r1.Reason != "render" || r1.At.IsZero() || !slices.Equal(r1.Changes, []string{"Bản lưu đầu tiên"}) {
		t.Errorf("first revision %+v", r1)
	}
	oldPhone := app.Enterprise.Phone
	app.Enterprise.Phone = "0262 3456 789"
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	r2, err := s.SaveRevision(app.ID, "export")
	if err != nil {
		t.Fatal(err)
	}
	if r2.ID <= r1.ID {
		t.Errorf("revision IDs not increasing: %d then %d", r1.ID, r2.ID)
	}
	if len(r2.Changes) != 1 || !strings.Contains(r2.Changes[0], "enterprise.phone") {
		t.Errorf("changes of the second revision: %q, want one naming enterprise.phone", r2.Changes)
	}
	revs, err := s.Revisions(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].ID != r2.ID || revs[1].ID != r1.ID || revs[0].Reason != "export" {
		t.Errorf("revisions (newest first) %+v", revs)
	}
	old, err := s.Revision(app.ID, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if old.Enterprise.Phone != oldPhone || old.ID != app.ID {
		t.Errorf("old revision has phone %q (want %q), ID %q", old.Enterprise.Phone, oldPhone, old.ID)
	}
	if _, err := s.Revision(app.ID, 999); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("missing revision: %v", err)
	}
	if _, err := s.SaveRevision("khong-co", "render"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("revision of a missing dossier: %v", err)
	}
	if _, err := s.Revisions("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("revisions of a missing dossier: %v", err)
	}
}

func testTrash(t *testing.T, s forms.Store) {
	a := newClient(t, s, "Công ty TNHH Gốm sứ Minh Long", "3700123456")
	b := newClient(t, s, "Hộ kinh doanh Bánh pía Sóc Trăng", "2200123456")
	a1 := newApp(t, s, a, forms.Equipment, 2027)
	a2 := newApp(t, s, a, forms.TradeFair, 2026)
	b1 := newApp(t, s, b, forms.CleanerProduction, 2027)
	if _, err := s.SaveRevision(b1.ID, "render"); err != nil {
		t.Fatal(err)
	}

	if err := s.DeleteApplication(a2.ID); err != nil {
		t.Fatal(err)
	}
	if got := ids(list(t, s, forms.Query{})); !slices.Equal(got, []string{a1.ID, b1.ID}) {
		t.Errorf("after deleting a2: %v", got)
	}
	trash := list(t, s, forms.Query{Deleted: true})
	if !slices.Equal(ids(trash), []string{a2.ID}) || trash[0].DeletedAt.IsZero() {
		t.Errorf("recycle bin %+v", trash)
	}
	if _, err := s.Application(a2.ID); err != nil {
		t.Errorf("a dossier in the recycle bin can still be opened: %v", err)
	}
	if err := s.DeleteApplication(a2.ID); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
	// A client goes to the bin with its dossiers; restoring it brings back those deleted with it only.
	if err := s.DeleteClient(a.ID); err != nil {
		t.Fatal(err)
	}
	if got := ids(list(t, s, forms.Query{})); !slices.Equal(got, []string{b1.ID}) {
		t.Errorf("after deleting client A: %v", got)
	}
	if cs, _ := s.Clients(forms.Query{Deleted: true}); !slices.Equal(names(cs), []string{a.Enterprise.Name}) {
		t.Errorf("clients in the bin: %v", names(cs))
	}
	if cs, _ := s.Clients(forms.Query{}); !slices.Equal(names(cs), []string{b.Enterprise.Name}) {
		t.Errorf("clients outside the bin: %v", names(cs))
	}
	if err := s.SaveApplication(a1); err == nil || !strings.Contains(err.Error(), "thùng rác") {
		t.Errorf("saving a dossier of a client in the bin: %v", err)
	}
	if err := s.Restore(a.ID); err != nil {
		t.Fatal(err)
	}
	if got := ids(list(t, s, forms.Query{})); !slices.Equal(got, []string{a1.ID, b1.ID}) {
		t.Errorf("after restoring client A: %v (a2 was deleted before and stays in the bin)", got)
	}
	// Restoring a dossier of a client in the bin restores the client too.
	if err := s.DeleteClient(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(b1.ID); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Client(b.ID); !c.DeletedAt.IsZero() {
		t.Error("restoring a dossier left its client in the bin")
	}
	if err := s.Restore("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("restoring a missing ID: %v", err)
	}
	// Emptying the bin deletes for good, with revisions.
	if err := s.DeleteClient(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{a2.ID, b1.ID} {
		if _, err := s.Application(id); !errors.Is(err, forms.ErrNotFound) {
			t.Errorf("dossier %s after emptying the bin: %v", id, err)
		}
		if _, err := s.Revisions(id); !errors.Is(err, forms.ErrNotFound) {
			t.Errorf("revisions of %s after emptying the bin: %v", id, err)
		}
	}
	if _, err := s.Client(b.ID); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("client B after emptying the bin: %v", err)
	}
	if got := ids(list(t, s, forms.Query{Deleted: true})); len(got) != 0 {
		t.Errorf("bin after emptying: %v", got)
	}
	if got := ids(list(t, s, forms.Query{})); !slices.Equal(got, []string{a1.ID}) {
		t.Errorf("library after emptying the bin: %v", got)
	}
	// The tax code of a client deleted for good is free again.
	if _, err := s.ImportApplication(fileDossier(t, "Hộ kinh doanh Bánh pía Sóc Trăng", "2200123456"), forms.ImportAsk); err != nil {
		t.Errorf("import after the client with that tax code was deleted for good: %v", err)
	}
}

// fileDossier is a dossier as read from a .hoso.json file.
func fileDossier(t *testing.T, name, tax string) *forms.Application {
	t.Helper()
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Name, app.Enterprise.TaxCode = name, tax
	data, err := forms.MarshalApplication(app)
	if err != nil {
		t.Fatal(err)
	}
	out, err := forms.DecodeApplication(data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func testImport(t *testing.T, s forms.Store) {
	first := fileDossier(t, "Hợp tác xã Nông nghiệp Tân Phú", "0312 345 678")
	first.ID, first.ClientID = "id-trong-tep", "khach-trong-tep" // a file's IDs are never used
	want := *first
	clientID, err := s.ImportApplication(first, forms.ImportAsk)
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == "" || first.ID == "id-trong-tep" || first.ClientID != clientID || clientID == "khach-trong-tep" {
		t.Errorf("imported dossier ID %q client %q (returned %q)", first.ID, first.ClientID, clientID)
	}
	c, err := s.Client(clientID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Enterprise.Name != "Hợp tác xã Nông nghiệp Tân Phú" || c.Enterprise.TaxCode != "0312345678" {
		t.Errorf("client created by import: %+v", c.Enterprise)
	}
	got, err := s.Application(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.ClientID, want.FormatVersion = first.ID, clientID, forms.FormatVersion
	sameDossier(t, got, &want)
	revs, err := s.Revisions(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 1 || revs[0].Reason != "nhập từ tệp" {
		t.Errorf("revisions after import: %+v", revs)
	}

	// Same tax code: ask, merge or copy.
	second := fileDossier(t, "HTX Tân Phú (tên khác trong tệp)", "0312345678")
	_, err = s.ImportApplication(second, forms.ImportAsk)
	if !errors.Is(err, forms.ErrClientExists) {
		t.Fatalf("same tax code with ImportAsk: %v, want ErrClientExists", err)
	}
	if n := len(list(t, s, forms.Query{})); n != 1 || second.ID != "" {
		t.Errorf("a refused import stored something: %d dossiers, ID %q", n, second.ID)
	}
	merged, err := s.ImportApplication(second, forms.ImportMerge)
	if err != nil || merged != clientID {
		t.Errorf("merge: client %q, %v; want %q", merged, err, clientID)
	}
	if got, _ := s.Application(second.ID); got == nil || got.Enterprise.Name != "HTX Tân Phú (tên khác trong tệp)" {
		t.Error("a merged dossier's own enterprise was not kept as it came")
	}
	third := fileDossier(t, "HTX Tân Phú", "0312345678")
	copied, err := s.ImportApplication(third, forms.ImportCopy)
	if err != nil || copied == clientID || copied == "" {
		t.Errorf("copy: client %q, %v; want a new client", copied, err)
	}
	if cs, _ := s.Clients(forms.Query{Text: "0312345678"}); len(cs) != 2 {
		t.Errorf("%d clients with the tax code after a copy, want 2", len(cs))
	}
	if n := len(list(t, s, forms.Query{ClientID: clientID})); n != 2 {
		t.Errorf("merged client has %d dossiers, want 2", n)
	}
	// No tax code: always a new client.
	a, _ := s.ImportApplication(fileDossier(t, "Hộ ông Lâm", ""), forms.ImportAsk)
	b, _ := s.ImportApplication(fileDossier(t, "Hộ ông Lâm", ""), forms.ImportAsk)
	if a == "" || a == b {
		t.Errorf("imports without a tax code: clients %q and %q", a, b)
	}
	if _, err := s.ImportApplication(nil, forms.ImportAsk); err == nil {
		t.Error("importing nothing succeeded")
	}
}

func testNeverMixed(t *testing.T, s forms.Store) {
	a := newClient(t, s, "Hợp tác xã Dệt thổ cẩm Buôn Đôn", "1803456786")
	b := newClient(t, s, "Công ty TNHH Gốm sứ Minh Long", "3700123456")
	appA := newApp(t, s, a, forms.CleanerProduction, 2027)
	appB := newApp(t, s, b, forms.TradeFair, 2027)
	if _, err := s.SaveRevision(appA.ID, "render"); err != nil {
		t.Fatal(err)
	}
	if got := ids(list(t, s, forms.Query{ClientID: a.ID})); !slices.Equal(got, []string{appA.ID}) {
		t.Errorf("client A's list: %v", got)
	}
	moved := *appA
	moved.ClientID = b.ID
	moved.Project.Title = "ghi đè"
	if err := s.SaveApplication(&moved); err == nil || !strings.Contains(err.Error(), "thuộc khách hàng khác") {
		t.Errorf("moving a dossier to another client: %v", err)
	}
	got, _ := s.Application(appA.ID)
	if got.ClientID != a.ID || got.Project.Title != appA.Project.Title {
		t.Errorf("dossier A changed: client %q, title %q", got.ClientID, got.Project.Title)
	}
	if got := ids(list(t, s, forms.Query{Text: "minh long"})); !slices.Equal(got, []string{appB.ID}) {
		t.Errorf("search for B's name: %v", got)
	}
	if revs, _ := s.Revisions(appB.ID); len(revs) != 0 {
		t.Errorf("B has revisions it never made: %+v", revs)
	}
	// Deleting B leaves A alone.
	if err := s.DeleteClient(b.ID); err != nil {
		t.Fatal(err)
	}
	if got := ids(list(t, s, forms.Query{})); !slices.Equal(got, []string{appA.ID}) {
		t.Errorf("after deleting B: %v", got)
	}
}

// testParallelImports: several writers at once lose nothing.
func testParallelImports(t *testing.T, s forms.Store) {
	const workers, each = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				app := forms.Sample(forms.Equipment)
				app.Enterprise.Name = fmt.Sprintf("Cơ sở %d-%d", w, i)
				app.Enterprise.TaxCode = "0312345678" // all merge into one client
				if _, err := s.ImportApplication(app, forms.ImportMerge); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(list(t, s, forms.Query{})); n != workers*each {
		t.Errorf("%d dossiers listed after %d parallel imports", n, workers*each)
	}
	if cs, _ := s.Clients(forms.Query{}); len(cs) != 1 {
		t.Errorf("%d clients after parallel merges into one tax code, want 1", len(cs))
	}
}

// testConflict: two sessions open the same dossier; the first saves; the second's save is
// refused as a conflict naming who saved and when, and its text is kept as a revision.
func testConflict(t *testing.T, s forms.Store) {
	c := newClient(t, s, "Công ty TNHH Cơ khí Hòa Bình", "0101234567")
	app := newApp(t, s, c, forms.Equipment, 2027)

	lan, base, err := s.ApplicationAt(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	minh, baseMinh, err := s.ApplicationAt(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	if base.Number == 0 || baseMinh != base {
		t.Fatalf("versions read %+v and %+v", base, baseMinh)
	}

	s.SetUser("Nguyễn Thị Lan")
	lan.Project.Title = "Bản của Lan: máy tiện CNC"
	v, err := s.SaveApplicationAt(lan, base.Number)
	if err != nil {
		t.Fatalf("first save: %v", err)
	}
	if v.Number != base.Number+1 || v.By != "Nguyễn Thị Lan" || v.At.IsZero() {
		t.Errorf("version after Lan's save %+v, want number %d by Lan", v, base.Number+1)
	}

	s.SetUser("Trần Văn Minh")
	minh.Project.Title = "Bản của Minh: máy phay"
	_, err = s.SaveApplicationAt(minh, baseMinh.Number)
	var conflict *forms.ConflictError
	if !errors.As(err, &conflict) || !errors.Is(err, forms.ErrConflict) {
		t.Fatalf("second save from an older version: %v, want a *forms.ConflictError", err)
	}
	want := "Hồ sơ này vừa được Nguyễn Thị Lan sửa lúc " + v.At.Local().Format("15:04")
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start with %q", err.Error(), want)
	}
	if conflict.Current.Number != v.Number || conflict.Current.By != "Nguyễn Thị Lan" || conflict.AppID != app.ID {
		t.Errorf("conflict %+v", conflict)
	}
	stored, now, err := s.ApplicationAt(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Project.Title != "Bản của Lan: máy tiện CNC" || now.Number != v.Number {
		t.Errorf("after the refused save the library has %q at version %d; want Lan's text at %d", stored.Project.Title, now.Number, v.Number)
	}
	// Minh's text is a revision, never dropped.
	kept, err := s.Revision(app.ID, conflict.Kept.ID)
	if err != nil {
		t.Fatalf("the refused text was not kept: %v", err)
	}
	if kept.Project.Title != "Bản của Minh: máy phay" || kept.ID != app.ID {
		t.Errorf("kept revision has title %q", kept.Project.Title)
	}
	revs, _ := s.Revisions(app.ID)
	if len(revs) == 0 || revs[0].ID != conflict.Kept.ID || revs[0].Reason != forms.ConflictReason("Trần Văn Minh") || revs[0].By != "Trần Văn Minh" {
		t.Errorf("newest revision %+v, want the conflict kept for Minh", revs)
	}
	// Minh reloads, picks his text and saves on top of Lan's version: that is allowed.
	minh.Project.Title = kept.Project.Title
	if _, err := s.SaveApplicationAt(minh, now.Number); err != nil {
		t.Errorf("save after reloading: %v", err)
	}
	// A new dossier has no version to conflict with.
	fresh := forms.Sample(forms.TradeFair)
	fresh.ClientID = c.ID
	if v, err := s.SaveApplicationAt(fresh, 0); err != nil || v.Number != 1 || fresh.ID == "" {
		t.Errorf("new dossier: version %+v, %v", v, err)
	}
}

// testRacingSaves: eight saves from the same version at once: exactly one wins, every other text
// is kept as a conflict revision.
func testRacingSaves(t *testing.T, s forms.Store) {
	c := newClient(t, s, "Hộ kinh doanh Mây tre đan Phú Vinh", "")
	app := newApp(t, s, c, forms.Equipment, 2027)
	_, base, err := s.ApplicationAt(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	var wg sync.WaitGroup
	results := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cp := *app
			cp.Project.Title = fmt.Sprintf("phiên %d", i)
			_, results[i] = s.SaveApplicationAt(&cp, base.Number)
		}()
	}
	wg.Wait()
	won, kept := 0, map[string]bool{}
	for i, err := range results {
		var conflict *forms.ConflictError
		switch {
		case err == nil:
			won++
			kept[fmt.Sprintf("phiên %d", i)] = true
		case errors.As(err, &conflict):
			rev, err := s.Revision(app.ID, conflict.Kept.ID)
			if err != nil {
				t.Fatal(err)
			}
			kept[rev.Project.Title] = true
		default:
			t.Errorf("save %d: %v", i, err)
		}
	}
	if won != 1 || len(kept) != n {
		t.Errorf("%d saves won (want 1), %d texts kept (want %d)", won, len(kept), n)
	}
}

// testWhoSaved: every save and revision records who made it; versions count the saves.
func testWhoSaved(t *testing.T, s forms.Store) {
	s.SetUser("  Nguyễn Thị Lan ")
	c := newClient(t, s, "Hợp tác xã Chè Tân Cương", "4600123456")
	app := newApp(t, s, c, forms.Equipment, 2027)
	sums := list(t, s, forms.Query{})
	if len(sums) != 1 || sums[0].UpdatedBy != "Nguyễn Thị Lan" || sums[0].Version != 1 {
		t.Errorf("summary after the first save: by %q, version %d", sums[0].UpdatedBy, sums[0].Version)
	}
	rev, err := s.SaveRevision(app.ID, "render")
	if err != nil {
		t.Fatal(err)
	}
	if rev.By != "Nguyễn Thị Lan" {
		t.Errorf("revision by %q", rev.By)
	}
	s.SetUser("Trần Văn Minh")
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	_, v, _ := s.ApplicationAt(app.ID)
	if v.Number != 2 || v.By != "Trần Văn Minh" {
		t.Errorf("version after a second save %+v", v)
	}
	if sums := list(t, s, forms.Query{}); sums[0].UpdatedBy != "Trần Văn Minh" || sums[0].Version != 2 {
		t.Errorf("summary after Minh's save: by %q, version %d", sums[0].UpdatedBy, sums[0].Version)
	}
	imported := fileDossier(t, "Hộ ông Lâm", "")
	if _, err := s.ImportApplication(imported, forms.ImportAsk); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Revisions(imported.ID)
	if len(revs) != 1 || revs[0].By != "Trần Văn Minh" {
		t.Errorf("import revision %+v", revs)
	}
	if _, v, _ := s.ApplicationAt(imported.ID); v.Number != 1 || v.By != "Trần Văn Minh" {
		t.Errorf("imported dossier version %+v", v)
	}
}

// testAttachments: the library keeps its own copy of an attached file (forms.AttachmentsOf):
// it survives the original's deletion, reads back byte for byte with its SHA-256, the same
// content is kept once, revisions keep naming it, a wrong SHA-256 is refused, and a copy for
// the programs that need a path (MaterialiseAttachments) is checked too.
func testAttachments(t *testing.T, s forms.Store) {
	st := forms.AttachmentsOf(s)
	content := append([]byte("%PDF-1.4\n% giấy đăng ký kinh doanh\n"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 5000)...)
	file, sum, err := st.PutAttachment("Giấy ĐKKD.pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if !forms.IsSHA256(sum) || file == "" {
		t.Fatalf("PutAttachment gave file %q, sum %q", file, sum)
	}
	if name := forms.AttachmentName(forms.Attachment{File: file}); name != "Giấy ĐKKD.pdf" {
		t.Errorf("the kept file is called %q", name)
	}
	c := newClient(t, s, "Công ty TNHH Cơ khí Phước Hưng", "0312345675")
	app := newApp(t, s, c, forms.Equipment, 2027)
	app.Attachments = append(app.Attachments, forms.Attachment{ID: "registration", File: file, SHA256: sum})
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	rev, err := s.SaveRevision(app.ID, "export")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Application(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Attachments[len(got.Attachments)-1]
	if a.File != file || a.SHA256 != sum || !st.HasAttachment(a) {
		t.Fatalf("read back %+v, has=%v", a, st.HasAttachment(a))
	}
	data, err := forms.ReadAttachment(st, a)
	if err != nil || !bytes.Equal(data, content) {
		t.Fatalf("content read back: %d bytes (want %d), %v", len(data), len(content), err)
	}
	old, err := s.Revision(app.ID, rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b := old.Attachments[len(old.Attachments)-1]; b.File != file {
		t.Errorf("the revision names %q, want %q", b.File, file)
	}
	// The same content again: the same SHA-256, still readable.
	file2, sum2, err := st.PutAttachment("ban-sao.pdf", bytes.NewReader(content))
	if err != nil || sum2 != sum {
		t.Fatalf("same content again: %q %q %v", file2, sum2, err)
	}
	// A dossier recording another SHA-256 for the file is refused when read.
	wrong := a
	wrong.SHA256 = strings.Repeat("0", 64)
	if _, err := forms.ReadAttachment(st, wrong); !errors.Is(err, forms.ErrAttachmentDamaged) {
		t.Errorf("reading with a wrong SHA-256: %v, want ErrAttachmentDamaged", err)
	}
	// A path for the PDF merge: an existing file with the content, whichever store.
	dir := t.TempDir()
	out, warnings := forms.MaterialiseAttachments(st, got, dir)
	if len(warnings) > 0 {
		t.Fatalf("materialise: %q", warnings)
	}
	path := out.Attachments[len(out.Attachments)-1].File
	onDisk, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(onDisk, content) {
		t.Fatalf("materialised %s: %d bytes, %v", path, len(onDisk), err)
	}
	if got.Attachments[len(got.Attachments)-1].File != file {
		t.Error("MaterialiseAttachments changed the dossier it was given")
	}
	// Too big a file is refused, and nothing of it is kept under its name.
	if _, _, err := st.PutAttachment("qua-lon.pdf", io.LimitReader(zeros{}, forms.MaxAttachmentBytes+1)); err == nil {
		t.Error("a file over the limit was kept")
	}
}

// zeros reads zero bytes forever.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
