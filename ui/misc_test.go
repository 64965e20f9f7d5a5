package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

func TestAttachmentsFileDropPaperAndOpen(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(stepIndex(t, w, "attachments"))
	ae := w.attachments
	dir := t.TempDir()
	pdf := filepath.Join(dir, "giay-dang-ky.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 giấy đăng ký"), 0o644)
	ae.attach("registration", pdf)
	var reg *forms.Attachment
	for i := range w.app.Attachments {
		if w.app.Attachments[i].ID == "registration" {
			reg = &w.app.Attachments[i]
		}
	}
	if reg == nil || reg.File != pdf || len(reg.SHA256) != 64 {
		t.Fatalf("registration attachment %+v", reg)
	}
	row := ae.items[0]
	if !strings.Contains(row.status.Text, "giay-dang-ky.pdf") {
		t.Errorf("status %q", row.status.Text)
	}
	test.Tap(row.open)
	if len(ta.opener.opened) != 1 || ta.opener.opened[0] != pdf {
		t.Errorf("open: %v", ta.opener.opened)
	}
	// On paper.
	test.Tap(ae.items[1].paper)
	if got := forms.Checklist(w.app)[1].Status; got != forms.AttachmentPaper {
		t.Errorf("item 2 after ticking paper: %s", got)
	}
	// A Word file is refused with a message saying what to do.
	ae.attach("specifications", filepath.Join(dir, "thong-so.docx"))
	if !strings.Contains(ta.lastError, "PDF, JPG hoặc PNG") {
		t.Errorf("error for a .docx: %q", ta.lastError)
	}
	// Dropped files outside any item fill the missing ones in checklist order.
	png := filepath.Join(dir, "thong-so.png")
	os.WriteFile(png, []byte("png"), 0o644)
	ta.dropped(fyne.NewPos(-10, -10), []fyne.URI{storage.NewFileURI(png)})
	found := false
	for _, it := range forms.Checklist(w.app) {
		if it.Status == forms.AttachmentFile && it.Attachment.File == png {
			found = it.Def.ID == "specifications"
		}
	}
	if !found {
		t.Error("the dropped file did not fill the first missing item (specifications)")
	}
	stored, _ := ta.store.Application(w.app.ID)
	if len(stored.Attachments) < 3 {
		t.Errorf("stored attachments %+v", stored.Attachments)
	}
}

func TestGenerationErrorAndCancel(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	ta.exporter.err = errors.New("đĩa đầy")
	w.generateInto(t.TempDir(), "")
	if w.gen.err == nil || !strings.Contains(ta.lastError, "Không tạo được hồ sơ") || !strings.Contains(ta.lastError, "thử lại") {
		t.Errorf("error shown: %q", ta.lastError)
	}
	ta.exporter.err = context.Canceled
	w.generateInto(t.TempDir(), "")
	if !errors.Is(w.gen.err, context.Canceled) {
		t.Errorf("cancel: %v", w.gen.err)
	}
	w.generateInto(filepath.Join(t.TempDir(), "khong-co"), "")
	if !strings.Contains(ta.lastError, "không tồn tại") {
		t.Errorf("missing folder: %q", ta.lastError)
	}
	// The blank form is always blank, whatever the problems.
	ta.exporter.err = nil
	w.generateInto(t.TempDir(), VariantBlank)
	if r := ta.exporter.requests[len(ta.exporter.requests)-1]; r.Variant != VariantBlank {
		t.Errorf("blank variant: %s", r.Variant)
	}
}

func TestSaveFailureIsShownAndCloseFlushes(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	ta.store.failSave = errors.New("ổ đĩa đầy")
	test.Type(entryAt(t, w.inputs, "project.title"), "Hội chợ")
	if !strings.Contains(ta.saved.Text, "Chưa lưu được") {
		t.Errorf("indicator after a failed save: %q", ta.saved.Text)
	}
	ta.store.failSave = nil
	// Debounced: a change waits; closing the window writes it.
	ta.saver.delay = saveDelay
	test.Type(entryAt(t, w.inputs, "project.location"), "SECC")
	if s, _ := ta.store.Application(w.app.ID); s.Project.Location == "SECC" {
		t.Fatal("saved before the debounce delay; the test cannot tell whether close flushes")
	}
	ta.close()
	s, _ := ta.store.Application(w.app.ID)
	if s.Project.Location != "SECC" || s.Project.Title != "Hội chợ" {
		t.Errorf("after close: title %q location %q", s.Project.Title, s.Project.Location)
	}
	if sz := ta.savedWindowSize(); sz.Width < 1000 || sz.Height < 700 {
		t.Errorf("window size not remembered: %v (%q)", sz, ta.prefs.String(prefWindowSize))
	}
}

func TestSettingsWordStyleFontAndPacks(t *testing.T) {
	ta := newTestApp(t)
	test.Tap(ta.settingsBt)
	s := ta.settings
	if s == nil || ta.screen != "settings" {
		t.Fatal("settings not shown")
	}
	s.wordLe.SetSelected("lẻ")
	s.wordNgan.SetSelected("ngàn")
	if st := ta.wordStyle(); !st.Le || !st.Ngan || st.Tu {
		t.Errorf("word style %+v", st)
	}
	if !strings.Contains(s.wordDemo.Text, "lẻ") || !strings.Contains(s.wordDemo.Text, "ngàn") {
		t.Errorf("demo %q", s.wordDemo.Text)
	}
	s.setFont("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
	if ta.prefs.String(prefFont) == "" || !strings.Contains(s.font.Text, "LiberationSerif") {
		t.Errorf("font %q", s.font.Text)
	}
	s.setFont("/tmp/arial.otf")
	if !strings.Contains(ta.lastError, ".ttf") {
		t.Errorf("an .otf font was accepted: %q", ta.lastError)
	}
	// The exporter is handed the font and the word style.
	w := openNewDossier(t, ta, forms.Equipment)
	w.generateInto(t.TempDir(), "")
	r := ta.exporter.requests[0]
	if !strings.HasSuffix(r.FontPath, "LiberationSerif-Regular.ttf") || !r.WordStyle.Le {
		t.Errorf("export request font %q style %+v", r.FontPath, r.WordStyle)
	}
	// Export a pack and import it back into the rules folder.
	test.Tap(ta.settingsBt)
	s = ta.settings
	if len(s.packs.Objects) == 0 {
		t.Fatal("no rule packs listed")
	}
	p := ta.packs[0]
	if txt := packText(p); !strings.Contains(txt, p.Citation) {
		t.Errorf("pack view lacks the citation:\n%s", txt)
	}
	out := filepath.Join(t.TempDir(), "goi.json")
	if err := exportPack(p, out); err != nil {
		t.Fatal(err)
	}
	s.importPack(out) // a shipped pack's id: refused (only `hoso rules import --override` takes it)
	if files, _ := filepath.Glob(filepath.Join(ta.deps.RulesDir, "*.json")); len(files) != 0 || !strings.Contains(ta.lastError, "--override") {
		t.Errorf("shipped pack imported again: %v, %q", files, ta.lastError)
	}
	own := p.Clone()
	own.ID, own.Fund, own.Province = "local-79", forms.FundLocal, "79"
	if err := exportPack(own, out); err != nil {
		t.Fatal(err)
	}
	s.importPack(out)
	files, _ := filepath.Glob(filepath.Join(ta.deps.RulesDir, "*.json"))
	if len(files) != 1 {
		t.Errorf("rules dir holds %v", files)
	}
	bad := filepath.Join(t.TempDir(), "hong.json")
	os.WriteFile(bad, []byte(`{"id": 1}`), 0o644)
	s.importPack(bad)
	if !strings.Contains(ta.lastError, "Không nhập được gói quy định") {
		t.Errorf("bad pack: %q", ta.lastError)
	}
}

func TestEnglishInterface(t *testing.T) {
	ta := newTestApp(t)
	t.Cleanup(func() { lang = langVI })
	test.Tap(ta.settingsBt)
	ta.settings.language.SetSelectedIndex(1)
	if ta.homeButton.Text != "Client library" || ta.prefs.String(prefLang) != langEN {
		t.Errorf("home button %q after switching to English", ta.homeButton.Text)
	}
	w := openNewDossier(t, ta, forms.Equipment)
	if !strings.Contains(w.outlineItems[0].Text, "General") {
		t.Errorf("outline in English: %q", w.outlineItems[0].Text)
	}
}

// Every tr("...") in the package has an English translation.
func TestEveryStringTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`tr\("((?:[^"\\]|\\.)*)"\)`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			key := strings.NewReplacer(`\"`, `"`, `\n`, "\n", `\\`, `\`).Replace(m[1])
			if _, ok := english[key]; !ok {
				t.Errorf("%s: no English for %q", f, key)
			}
		}
	}
}

// ui imports fyne, forms and templates, never the storage, PDF or spreadsheet libraries.
func TestForbiddenImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-tags", "ci", ".").Output()
	if err != nil {
		t.Fatal("go list:", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, bad := range []string{"go.etcd.io/bbolt", "github.com/jung-kurt/gofpdf", "github.com/xuri/excelize", "fyne.io/fyne/v2/app"} {
			if strings.HasPrefix(dep, bad) {
				t.Errorf("ui depends on %s: it must be handed a Store and an Exporter instead", dep)
			}
		}
	}
}
