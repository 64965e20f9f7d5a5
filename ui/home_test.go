package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"khuyencong/forms"
)

// entryAt returns the entry of a field path among a screen's inputs.
func entryAt(t testing.TB, inputs map[string]fyne.Focusable, path string) *widget.Entry {
	t.Helper()
	switch e := inputs[path].(type) {
	case *widget.Entry:
		return e
	case *formEntry:
		return &e.Entry
	}
	t.Fatalf("no entry for %s (have %T)", path, inputs[path])
	return nil
}

func selectAt(t testing.TB, inputs map[string]fyne.Focusable, path string) *widget.Select {
	t.Helper()
	if fs, ok := inputs[path].(*formSelect); ok {
		return &fs.Select
	}
	s, ok := inputs[path].(*widget.Select)
	if !ok {
		t.Fatalf("no select for %s (have %T)", path, inputs[path])
	}
	return s
}

func TestCreateClientWithNFDTypingStoresNFC(t *testing.T) {
	ta := newTestApp(t)
	h := ta.home
	test.Tap(h.addClient)
	nameNFD := norm.NFD.String("Hợp tác xã Dệt thổ cẩm Buôn Đôn")
	if nameNFD == "Hợp tác xã Dệt thổ cẩm Buôn Đôn" {
		t.Fatal("test input is not decomposed")
	}
	test.Type(h.newName, nameNFD)
	test.Type(h.newTax, "1803456786")
	h.createClient()

	if ta.screen != "profile" {
		t.Fatalf("after adding a client the screen is %q, want the profile", ta.screen)
	}
	cs, _ := ta.store.Clients(forms.Query{})
	if len(cs) != 1 {
		t.Fatalf("%d clients stored, want 1", len(cs))
	}
	if got := cs[0].Enterprise.Name; got != "Hợp tác xã Dệt thổ cẩm Buôn Đôn" || !norm.NFC.IsNormalString(got) {
		t.Fatalf("stored name %q (%x) is not the NFC text", got, got)
	}
	if !strings.Contains(ta.w.Title(), "Hợp tác xã Dệt thổ cẩm Buôn Đôn") {
		t.Errorf("window title %q does not show whose data is open", ta.w.Title())
	}

	// Edit the profile: the representative typed in NFD, the province from the list of 34,
	// figures that set the size class.
	p := ta.profile
	test.Type(entryAt(t, p.form.inputs, "enterprise.representative.name"), norm.NFD.String("H’Yuôn Niê"))
	selectAt(t, p.form.inputs, "enterprise.address.province").SetSelected("Tỉnh Đắk Lắk")
	if n := len(selectAt(t, p.form.inputs, "enterprise.address.province").Options); n != 34 {
		t.Errorf("province list has %d entries, want 34", n)
	}
	test.Type(entryAt(t, p.form.inputs, "enterprise.insured_employees"), "8")
	rev := entryAt(t, p.form.inputs, "enterprise.revenue")
	test.Type(rev, "2450000000")
	if rev.Text != "2.450.000.000" {
		t.Errorf("revenue shows %q while typing, want the thousands dots 2.450.000.000", rev.Text)
	}
	if !strings.Contains(p.size.Text, "siêu nhỏ") {
		t.Errorf("size class %q: 8 insured employees and 2,45 billion revenue is a micro enterprise", p.size.Text)
	}
	c, _ := ta.store.Client(cs[0].ID)
	if c.Enterprise.Representative.Name != "H’Yuôn Niê" || c.Enterprise.Address.Province != "66" || c.Enterprise.Revenue != 2_450_000_000 {
		t.Errorf("stored profile %+v", c.Enterprise)
	}

	// A bad tax code is flagged inline.
	tax := entryAt(t, p.form.inputs, "enterprise.tax_code")
	tax.SetText("123")
	if tax.Validate() == nil {
		t.Error("tax code 123 passes the inline validation")
	}
}

func TestSearchDeleteUndoAndRestore(t *testing.T) {
	ta := newTestApp(t)
	a := ta.seedClient(t, forms.Equipment)
	b := ta.seedClient(t, forms.TradeFair)
	h := ta.home
	h.reload()
	if len(h.clients) != 2 {
		t.Fatalf("library shows %d clients, want 2", len(h.clients))
	}
	test.Type(h.search, "3709876547")
	if len(h.clients) != 1 || h.clients[0].ID != b.ID {
		t.Fatalf("search by tax code shows %v", h.clients)
	}
	h.search.SetText("")
	h.selectClient(a.ID)
	test.Tap(h.removeClient)
	if len(h.clients) != 1 || !h.undoBar.Visible() {
		t.Fatalf("after delete: %d clients, undo bar visible %v", len(h.clients), h.undoBar.Visible())
	}
	test.Tap(h.undo)
	if len(h.clients) != 2 {
		t.Fatalf("undo did not bring the client back: %d clients", len(h.clients))
	}
	// Delete again and restore from the recycle bin.
	h.selectClient(a.ID)
	test.Tap(h.removeClient)
	test.Tap(h.trashToggle)
	if len(h.clients) != 1 || h.clients[0].ID != a.ID {
		t.Fatalf("recycle bin shows %v", h.clients)
	}
	h.selectClient(a.ID)
	test.Tap(h.restore)
	test.Tap(h.trashToggle)
	if len(h.clients) != 2 {
		t.Fatalf("restore from the recycle bin: %d clients", len(h.clients))
	}
}

func TestNewDossierWarnsAboutDuplicateAndCopiesIntoNewYear(t *testing.T) {
	ta := newTestApp(t)
	c := ta.seedClient(t, forms.Equipment)
	h := ta.home
	h.reload()
	h.selectClient(c.ID)
	test.Tap(h.newDossier)
	h.newProgramme.SetSelectedIndex(0)
	h.newYear.SetText("2027")
	h.createDossier(false)
	if ta.screen != "wizard" || ta.wizard.app.Programme != forms.Equipment || ta.wizard.app.Year != 2027 {
		t.Fatalf("new dossier not opened: screen %q", ta.screen)
	}
	if ta.wizard.app.Enterprise.Name != c.Enterprise.Name {
		t.Error("the new dossier does not carry the client's profile")
	}
	ta.showHome()
	h.selectClient(c.ID)
	test.Tap(h.newDossier)
	h.newYear.SetText("2027")
	h.createDossier(false)
	if ta.screen != "home" || !strings.Contains(h.lastDuplicateWarn, "đã có hồ sơ") {
		t.Fatalf("no warning for a second dossier of the same programme and year (screen %q, warning %q)", ta.screen, h.lastDuplicateWarn)
	}

	// Copy last year's dossier into 2028.
	h.loadDossiers()
	h.dossierList.Select(0)
	src, _ := ta.store.Application(h.selectedApp)
	src.Project.StartDate = forms.Date{Y: 2027, M: 3, D: 1}
	ta.store.SaveApplication(src)
	test.Tap(h.copyDossier)
	h.copyYear.SetText("2028")
	h.copyInto(src, false)
	cp := ta.wizard.app
	if cp.ID == src.ID || cp.Year != 2028 || cp.Project.StartDate != (forms.Date{Y: 2028, M: 3, D: 1}) || cp.Status != forms.StatusDraft {
		t.Fatalf("copy: id %s (source %s), year %d, start %v, status %s", cp.ID, src.ID, cp.Year, cp.Project.StartDate, cp.Status)
	}
}

func TestImportPackageAsksMergeOrCopy(t *testing.T) {
	ta := newTestApp(t)
	c := ta.seedClient(t, forms.TradeFair)
	ta.packager.pkg = forms.Sample(forms.TradeFair)
	h := ta.home
	h.importPackageFrom("/tmp/goi.zip", forms.ImportAsk)
	apps, _ := ta.store.Applications(forms.Query{})
	if len(apps) != 0 {
		t.Fatalf("import with an existing client stored %d dossiers before asking", len(apps))
	}
	h.importPackageFrom("/tmp/goi.zip", forms.ImportMerge)
	apps, _ = ta.store.Applications(forms.Query{ClientID: c.ID})
	if len(apps) != 1 || h.selected != c.ID {
		t.Fatalf("merge: %d dossiers for the client, selected %q", len(apps), h.selected)
	}
	h.dossierList.Select(0)
	h.exportPackageTo("/tmp/ra.zip")
	if ta.packager.exported[apps[0].ID] != "/tmp/ra.zip" {
		t.Errorf("export package: %v", ta.packager.exported)
	}
}

func TestEmptyLibraryOffersSampleClients(t *testing.T) {
	ta := newTestApp(t)
	h := ta.home
	if !h.tryDemo.Visible() {
		t.Fatal("an empty library does not offer the sample clients")
	}
	test.Tap(h.tryDemo)
	cs, _ := ta.store.Clients(forms.Query{})
	apps, _ := ta.store.Applications(forms.Query{})
	if len(cs) != 3 || len(apps) != 3 {
		t.Fatalf("%d clients, %d dossiers after adding the samples; want 3 and 3", len(cs), len(apps))
	}
	for _, a := range apps {
		if a.Completeness != 100 {
			t.Errorf("sample %s is %d%% complete", a.Programme, a.Completeness)
		}
	}
	if h.tryDemo.Visible() {
		t.Error("the sample button stays once the library has clients")
	}
}

func TestPastedTCVN3TextIsOfferedConversion(t *testing.T) {
	ta := newTestApp(t)
	h := ta.home
	test.Tap(h.addClient)
	test.Type(h.newName, "Phước Hưng")
	h.createClient()
	pf := ta.profile
	name := entryAt(t, pf.form.inputs, "enterprise.name")
	offer := pf.form.legacy["enterprise.name"]
	if offer == nil || offer.Visible() {
		t.Fatal("the TCVN3 offer is missing or shown before any TCVN3 text")
	}
	name.SetText("C«ng ty TNHH ChÕ biÕn N«ng s¶n Ph\u00ad\u00edc H\u00adng")
	if !offer.Visible() {
		t.Fatal("pasted TCVN3 text is not noticed")
	}
	test.Tap(offer)
	if name.Text != "Công ty TNHH Chế biến Nông sản Phước Hưng" || offer.Visible() {
		t.Errorf("after converting: %q, offer visible %v", name.Text, offer.Visible())
	}
}
