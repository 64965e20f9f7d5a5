package boltstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"khuyencong/forms"
)

func TestClientCRUD(t *testing.T) {
	s := openTest(t)
	c := &forms.Client{Enterprise: forms.Enterprise{Name: "  Công ty TNHH An Phát ", TaxCode: "0314409058 - 002"}}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(c.ID) {
		t.Errorf("ID %q is not 16 hex digits", c.ID)
	}
	if c.Enterprise.Name != "Công ty TNHH An Phát" || c.Enterprise.TaxCode != "0314409058-002" {
		t.Errorf("not cleaned: %q %q", c.Enterprise.Name, c.Enterprise.TaxCode)
	}
	created := c.CreatedAt
	got, err := s.Client(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Enterprise.Name != c.Enterprise.Name || !got.CreatedAt.Equal(created) {
		t.Errorf("read back %+v", got)
	}

	got.Enterprise.TaxCode = "0312345678"
	got.CreatedAt = created.AddDate(-1, 0, 0) // a caller cannot rewrite history
	if err := s.SaveClient(got); err != nil {
		t.Fatal(err)
	}
	if !got.CreatedAt.Equal(created) || !got.UpdatedAt.After(created) {
		t.Errorf("times after update: created %v (want %v), updated %v", got.CreatedAt, created, got.UpdatedAt)
	}
	byOld, _ := s.ClientsByTaxCode("0314409058-002")
	byNew, _ := s.ClientsByTaxCode("0312 345 678")
	if len(byOld) != 0 || len(byNew) != 1 || byNew[0].ID != c.ID {
		t.Errorf("tax index after change: old %v, new %v", byOld, byNew)
	}

	if _, err := s.Client("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("missing client: %v", err)
	}
	if err := s.SaveClient(&forms.Client{}); err == nil || !strings.Contains(err.Error(), "tên khách hàng") {
		t.Errorf("client without name: %v", err)
	}
}

func TestApplicationCRUD(t *testing.T) {
	s := openTest(t)
	c := newClient(t, s, "Công ty TNHH Chế biến Nông sản Phước Hưng", "3502345671")

	orphan := forms.Sample(forms.Equipment)
	if err := s.SaveApplication(orphan); err == nil {
		t.Error("a dossier without client was saved")
	}
	orphan.ClientID = "khong-co"
	if err := s.SaveApplication(orphan); err == nil || !strings.Contains(err.Error(), "không có trong thư viện") {
		t.Errorf("unknown client: %v", err)
	}
	if orphan.ID != "" {
		t.Errorf("failed save changed the caller's ID to %q", orphan.ID)
	}

	app := forms.Sample(forms.Equipment)
	app.ClientID = c.ID
	want := *app
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if app.ID == "" || app.UpdatedAt.IsZero() || app.CreatedAt.IsZero() {
		t.Fatalf("ID/times not set: %q %v %v", app.ID, app.CreatedAt, app.UpdatedAt)
	}
	got, err := s.Application(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.UpdatedAt, want.CreatedAt, want.FormatVersion = app.ID, app.UpdatedAt, app.CreatedAt, forms.FormatVersion
	if !sameApp(got, &want) {
		t.Errorf("read back differs:\n got %s\nwant %s", mustJSON(got), mustJSON(&want))
	}

	// Update: same ID, new UpdatedAt, CreatedAt kept.
	first := app.UpdatedAt
	app.Project.Title = "Tiêu đề mới"
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	if !app.UpdatedAt.After(first) {
		t.Errorf("UpdatedAt not advanced: %v then %v", first, app.UpdatedAt)
	}
	sums, err := s.Applications(forms.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 1 || sums[0].Title != "Tiêu đề mới" || sums[0].ClientName != c.Enterprise.Name || sums[0].Programme != forms.Equipment {
		t.Errorf("summaries: %+v", sums)
	}
	if pct := forms.CheckCompleteness(app).Percent; sums[0].Completeness != pct {
		t.Errorf("summary completeness %d, forms says %d", sums[0].Completeness, pct)
	}

	// The dossier's enterprise is its own snapshot: renaming the client changes the list, not the dossier.
	c.Enterprise.Name = "Công ty Cổ phần Phước Hưng"
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Application(app.ID)
	if got.Enterprise.Name != "Công ty TNHH Chế biến Nông sản Phước Hưng" {
		t.Errorf("dossier enterprise rewritten from the client: %q", got.Enterprise.Name)
	}
	sums, _ = s.Applications(forms.Query{})
	if sums[0].ClientName != "Công ty Cổ phần Phước Hưng" {
		t.Errorf("list shows client name %q", sums[0].ClientName)
	}
	if _, err := s.Application("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("missing dossier: %v", err)
	}
}

func TestNoCrossClientLeak(t *testing.T) {
	s := openTest(t)
	a := newClient(t, s, "Hợp tác xã Dệt thổ cẩm Buôn Đôn", "1803456786")
	b := newClient(t, s, "Công ty TNHH Gốm sứ Minh Long", "3700123456")
	appA := newApp(t, s, a, forms.CleanerProduction, 2027)
	appB := newApp(t, s, b, forms.TradeFair, 2027)

	onlyA, _ := s.Applications(forms.Query{ClientID: a.ID})
	if !slices.Equal(ids(onlyA), []string{appA.ID}) {
		t.Errorf("client A's list: %v", ids(onlyA))
	}
	// Saving A's dossier under B is refused and changes nothing.
	moved := *appA
	moved.ClientID = b.ID
	moved.Project.Title = "ghi đè"
	if err := s.SaveApplication(&moved); err == nil || !strings.Contains(err.Error(), "thuộc khách hàng khác") {
		t.Errorf("moving a dossier to another client: %v", err)
	}
	got, _ := s.Application(appA.ID)
	if got.ClientID != a.ID || got.Project.Title != appA.Project.Title {
		t.Errorf("dossier A changed: client %q title %q", got.ClientID, got.Project.Title)
	}
	onlyB, _ := s.Applications(forms.Query{ClientID: b.ID})
	if !slices.Equal(ids(onlyB), []string{appB.ID}) {
		t.Errorf("client B's list: %v", ids(onlyB))
	}
	// A search for B's name finds nothing of A's.
	found, _ := s.Applications(forms.Query{Text: "minh long"})
	if !slices.Equal(ids(found), []string{appB.ID}) {
		t.Errorf("search for B: %v", ids(found))
	}
}

func TestSearchAndFilters(t *testing.T) {
	s := openTest(t)
	dt := newClient(t, s, "Công ty TNHH Chế biến Thủy sản Đồng Tháp", "1400123456")
	hn := newClient(t, s, "Hộ kinh doanh Nguyễn Thị Hoa", "001185012345")
	a1 := newApp(t, s, dt, forms.Equipment, 2026)
	a2 := newApp(t, s, dt, forms.TradeFair, 2027)
	a3 := newApp(t, s, hn, forms.Equipment, 2027)
	a3.Status = forms.StatusSubmitted
	if err := s.SaveApplication(a3); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		q    forms.Query
		want []string
	}{
		{"no diacritics", forms.Query{Text: "dong thap"}, []string{a2.ID, a1.ID}},
		{"upper case with đ", forms.Query{Text: "ĐỒNG"}, []string{a2.ID, a1.ID}},
		{"two words anywhere", forms.Query{Text: "hoa nguyen"}, []string{a3.ID}},
		{"tax code prefix", forms.Query{Text: "001185"}, []string{a3.ID}},
		{"programme", forms.Query{Programme: forms.Equipment}, []string{a1.ID, a3.ID}},
		{"year", forms.Query{Year: 2027}, []string{a2.ID, a3.ID}},
		{"status", forms.Query{Status: forms.StatusSubmitted}, []string{a3.ID}},
		{"client and year", forms.Query{ClientID: dt.ID, Year: 2026}, []string{a1.ID}},
		{"nothing", forms.Query{Text: "không có ai"}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Applications(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			// Order: client name (Vietnamese: "Công ty..." before "Hộ ..."), then year descending.
			if !slices.Equal(ids(got), tc.want) {
				t.Errorf("got %v, want %v", ids(got), tc.want)
			}
		})
	}

	cs, _ := s.Clients(forms.Query{Text: "thuy san"})
	if !slices.Equal(clientNames(cs), []string{dt.Enterprise.Name}) {
		t.Errorf("clients by text: %v", clientNames(cs))
	}
	cs, _ = s.Clients(forms.Query{Status: forms.StatusSubmitted})
	if !slices.Equal(clientNames(cs), []string{hn.Enterprise.Name}) {
		t.Errorf("clients with a submitted dossier: %v", clientNames(cs))
	}
	cs, _ = s.Clients(forms.Query{Programme: forms.TradeFair, Year: 2027})
	if !slices.Equal(clientNames(cs), []string{dt.Enterprise.Name}) {
		t.Errorf("clients with a 2027 trade fair dossier: %v", clientNames(cs))
	}
}

func TestVietnameseOrder(t *testing.T) {
	s := openTest(t)
	want := []string{"An", "Anh", "Ăn", "Âu", "Bình", "Dung", "Đông", "Hà", "Hạ", "Ơn", "Ư"}
	shuffled := []string{"Đông", "Ư", "Âu", "Hạ", "Bình", "Ăn", "Dung", "An", "Ơn", "Hà", "Anh"}
	for _, n := range shuffled {
		newClient(t, s, n, "")
	}
	bytewise := slices.Clone(want)
	sort.Strings(bytewise)
	if slices.Equal(bytewise, want) {
		t.Fatal("test data does not tell a collator from byte order")
	}
	cs, err := s.Clients(forms.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if got := clientNames(cs); !slices.Equal(got, want) {
		t.Errorf("clients in order %v, want %v", got, want)
	}
	for _, c := range cs {
		newApp(t, s, &c, forms.Equipment, 2027)
	}
	sums, _ := s.Applications(forms.Query{})
	var got []string
	for _, sum := range sums {
		got = append(got, sum.ClientName)
	}
	if !slices.Equal(got, want) {
		t.Errorf("applications in order %v, want %v", got, want)
	}
}

func TestTrashRestoreEmpty(t *testing.T) {
	s := openTest(t)
	a := newClient(t, s, "Công ty A", "0101010101")
	b := newClient(t, s, "Công ty B", "0202020202")
	a1 := newApp(t, s, a, forms.Equipment, 2026)
	a2 := newApp(t, s, a, forms.Equipment, 2027)
	b1 := newApp(t, s, b, forms.TradeFair, 2027)
	if _, err := s.SaveRevision(a1.ID, "render"); err != nil {
		t.Fatal(err)
	}

	// One dossier to the bin, then its whole client.
	if err := s.DeleteApplication(a1.ID); err != nil {
		t.Fatal(err)
	}
	live, _ := s.Applications(forms.Query{})
	bin, _ := s.Applications(forms.Query{Deleted: true})
	if !slices.Equal(ids(live), []string{a2.ID, b1.ID}) || !slices.Equal(ids(bin), []string{a1.ID}) {
		t.Fatalf("after deleting a1: live %v bin %v", ids(live), ids(bin))
	}
	if err := s.DeleteClient(a.ID); err != nil {
		t.Fatal(err)
	}
	live, _ = s.Applications(forms.Query{})
	if !slices.Equal(ids(live), []string{b1.ID}) {
		t.Errorf("after deleting client A: live %v", ids(live))
	}
	cs, _ := s.Clients(forms.Query{Deleted: true})
	if !slices.Equal(clientNames(cs), []string{"Công ty A"}) {
		t.Errorf("clients in bin: %v", clientNames(cs))
	}
	if err := s.SaveApplication(a2); err == nil || !strings.Contains(err.Error(), "thùng rác") {
		t.Errorf("saving into a deleted client: %v", err)
	}

	// Restoring the client brings back what was deleted with it, not what was deleted before.
	if err := s.Restore(a.ID); err != nil {
		t.Fatal(err)
	}
	live, _ = s.Applications(forms.Query{})
	bin, _ = s.Applications(forms.Query{Deleted: true})
	if !slices.Equal(ids(live), []string{a2.ID, b1.ID}) || !slices.Equal(ids(bin), []string{a1.ID}) {
		t.Errorf("after restoring A: live %v bin %v", ids(live), ids(bin))
	}

	// Restoring a dossier of a deleted client restores the client too.
	if err := s.DeleteClient(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(b1.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Client(b.ID); !got.DeletedAt.IsZero() {
		t.Error("client B still in the bin after restoring its dossier")
	}

	if err := s.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Application(a1.ID); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("a1 after emptying the bin: %v", err)
	}
	if _, err := s.Revisions(a1.ID); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("a1's revisions after emptying the bin: %v", err)
	}
	for _, id := range []string{a2.ID, b1.ID} {
		if _, err := s.Application(id); err != nil {
			t.Errorf("%s lost by emptying the bin: %v", id, err)
		}
	}
	bin, _ = s.Applications(forms.Query{Deleted: true})
	if len(bin) != 0 {
		t.Errorf("bin not empty: %v", ids(bin))
	}
	if err := s.Restore("khong-co"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("restore unknown: %v", err)
	}

	// A client emptied from the bin leaves the tax-code index too.
	if err := s.DeleteClient(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.ClientsByTaxCode("0202020202"); len(cs) != 0 {
		t.Errorf("tax index keeps a purged client: %v", cs)
	}
	if _, err := s.Application(b1.ID); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("b1 after purging its client: %v", err)
	}
	report, err := s.Check()
	if err != nil || !report.OK() {
		t.Errorf("check after emptying: %v %+v", err, report)
	}
}

func TestRevisions(t *testing.T) {
	s := openTest(t)
	c := newClient(t, s, "Công ty TNHH Chế biến Nông sản Phước Hưng", "3502345671")
	app := newApp(t, s, c, forms.Equipment, 2027)
	r1, err := s.SaveRevision(app.ID, "render")
	if err != nil {
		t.Fatal(err)
	}
	if r1.ID != 1 || !slices.Equal(r1.Changes, []string{"Bản lưu đầu tiên"}) {
		t.Errorf("first revision: %+v", r1)
	}
	oldPhone, oldLines := app.Enterprise.Phone, len(app.Budget.Lines)
	app.Enterprise.Phone = "0987 654 321"
	app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{CostType: "other", Description: "Thêm", Unit: "gói"})
	app.Project.Machines[1].Name = "Máy sấy mới"
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	r2, err := s.SaveRevision(app.ID, "export")
	if err != nil {
		t.Fatal(err)
	}
	wantChanges := []string{
		"Dòng dự toán (budget.lines): 4 → 5 dòng",
		"Điện thoại (enterprise.phone)",
		"Danh mục máy móc thiết bị, dòng 2, Tên máy móc, thiết bị (project.machines[1].name)",
	}
	if oldLines != 4 {
		t.Fatalf("sample has %d budget lines; the expected changes assume 4", oldLines)
	}
	for _, w := range wantChanges {
		if !slices.Contains(r2.Changes, w) {
			t.Errorf("changes %q lack %q", r2.Changes, w)
		}
	}
	if len(r2.Changes) != len(wantChanges) {
		t.Errorf("changes %q, want exactly %q", r2.Changes, wantChanges)
	}
	r3, _ := s.SaveRevision(app.ID, "render")
	if !slices.Equal(r3.Changes, []string{"Không có thay đổi"}) {
		t.Errorf("unchanged: %q", r3.Changes)
	}

	list, err := s.Revisions(app.ID)
	if err != nil {
		t.Fatal(err)
	}
	var listed []uint64
	for _, r := range list {
		listed = append(listed, r.ID)
	}
	if !slices.Equal(listed, []uint64{3, 2, 1}) || list[1].Reason != "export" {
		t.Errorf("revisions %+v", list)
	}
	old, err := s.Revision(app.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if old.Enterprise.Phone != oldPhone || len(old.Budget.Lines) != oldLines {
		t.Errorf("revision 1 has phone %q, %d lines", old.Enterprise.Phone, len(old.Budget.Lines))
	}

	info, err := s.RestoreRevision(app.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Application(app.ID)
	if cur.Enterprise.Phone != oldPhone || cur.ClientID != c.ID || cur.ID != app.ID {
		t.Errorf("after restore: phone %q client %q id %q", cur.Enterprise.Phone, cur.ClientID, cur.ID)
	}
	list, _ = s.Revisions(app.ID)
	if len(list) != 5 || list[0].ID != info.ID || list[0].Reason != "khôi phục bản #1" || list[1].Reason != "trước khi khôi phục" {
		t.Errorf("revisions after restore: %+v", list)
	}
	// The state before the restore is kept: revision 4 has the new phone.
	before, _ := s.Revision(app.ID, 4)
	if before.Enterprise.Phone != "0987 654 321" {
		t.Errorf("state before restore lost: %q", before.Enterprise.Phone)
	}
	if _, err := s.Revision(app.ID, 99); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("missing revision: %v", err)
	}
	if _, err := s.SaveRevision("khong-co", "x"); !errors.Is(err, forms.ErrNotFound) {
		t.Errorf("revision of a missing dossier: %v", err)
	}
}

func TestImportApplication(t *testing.T) {
	s := openTest(t)
	in := forms.Sample(forms.TradeFair)
	in.ID, in.ClientID = "tu-may-khac", "khach-may-khac"

	c1, err := s.ImportApplication(in, ImportAsk)
	if err != nil {
		t.Fatal(err)
	}
	if in.ID == "tu-may-khac" || in.ClientID != c1 {
		t.Errorf("import kept foreign IDs: %q %q", in.ID, in.ClientID)
	}
	client, _ := s.Client(c1)
	if client.Enterprise.Name != in.Enterprise.Name {
		t.Errorf("new client %q from dossier %q", client.Enterprise.Name, in.Enterprise.Name)
	}
	revs, _ := s.Revisions(in.ID)
	if len(revs) != 1 || revs[0].Reason != "nhập từ tệp" {
		t.Errorf("import revision: %+v", revs)
	}

	second := forms.Sample(forms.TradeFair)
	second.Enterprise.TaxCode = " " + second.Enterprise.TaxCode // same code, typed differently
	if _, err := s.ImportApplication(second, ImportAsk); !errors.Is(err, ErrClientExists) {
		t.Fatalf("existing tax code, ask: %v", err)
	}
	if all, _ := s.Applications(forms.Query{}); len(all) != 1 {
		t.Errorf("a refused import stored something: %d dossiers", len(all))
	}
	merged, err := s.ImportApplication(second, ImportMerge)
	if err != nil || merged != c1 {
		t.Errorf("merge: client %q (want %q), %v", merged, c1, err)
	}
	third := forms.Sample(forms.TradeFair)
	copied, err := s.ImportApplication(third, ImportCopy)
	if err != nil || copied == c1 {
		t.Errorf("copy: client %q, %v", copied, err)
	}
	cs, _ := s.ClientsByTaxCode(third.Enterprise.TaxCode)
	if len(cs) != 2 || cs[0].ID != c1 || cs[1].ID != copied {
		t.Errorf("clients with the tax code: %v", clientNames(cs))
	}
	if byC1, _ := s.Applications(forms.Query{ClientID: c1}); len(byC1) != 2 {
		t.Errorf("client 1 has %d dossiers, want 2", len(byC1))
	}
	if second.ID == in.ID || third.ID == in.ID || second.ID == third.ID {
		t.Error("imports share an ID")
	}
}

func sameApp(a, b *forms.Application) bool {
	var x, y any
	json.Unmarshal(mustJSON(a), &x)
	json.Unmarshal(mustJSON(b), &y)
	return reflect.DeepEqual(x, y)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// Saves and lists from several goroutines (the UI and background work) see consistent data.
func TestConcurrentUse(t *testing.T) {
	s := openTest(t)
	c := newClient(t, s, "Công ty A", "0101010101")
	done := make(chan []string)
	for g := range 3 {
		go func() {
			var mine []string
			for i := range 5 {
				app := forms.Sample(forms.Equipment)
				app.ClientID = c.ID
				app.Project.Title = fmt.Sprintf("g%d-%d", g, i)
				if err := s.SaveApplication(app); err != nil {
					t.Error(err)
				}
				mine = append(mine, app.ID)
				if _, err := s.Applications(forms.Query{Text: "g"}); err != nil {
					t.Error(err)
				}
			}
			done <- mine
		}()
	}
	var all []string
	for range 3 {
		all = append(all, <-done...)
	}
	sums, _ := s.Applications(forms.Query{})
	got := ids(sums)
	slices.Sort(got)
	slices.Sort(all)
	if !slices.Equal(got, all) {
		t.Errorf("listed %d dossiers, saved %d", len(got), len(all))
	}
}
