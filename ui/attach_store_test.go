package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/handoff"
)

// A file the user picks is copied into the library's attachment store on purpose: the dossier
// refers to the copy, which stays when the original is removed.
func TestPickedFileIsCopiedIntoTheLibrary(t *testing.T) {
	ta := newTestApp(t)
	dbPath := filepath.Join(t.TempDir(), "hoso.db")
	ta.deps.AdoptAttachment = func(path string) (string, string, error) { return handoff.AdoptFile(dbPath, path) }
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(stepIndex(t, w, "attachments"))
	pdf := filepath.Join(t.TempDir(), "giay-dang-ky.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 giấy đăng ký"), 0o644)
	w.attachments.attach("registration", pdf)
	var reg *forms.Attachment
	for i := range w.app.Attachments {
		if w.app.Attachments[i].ID == "registration" {
			reg = &w.app.Attachments[i]
		}
	}
	if reg == nil || reg.File == pdf || !strings.HasPrefix(reg.File, handoff.LibraryFiles(dbPath)+string(filepath.Separator)) {
		t.Fatalf("picked file not copied into the library: %+v", reg)
	}
	os.Remove(pdf)
	if data, err := os.ReadFile(reg.File); err != nil || !strings.Contains(string(data), "giấy đăng ký") {
		t.Errorf("the library's copy: %v", err)
	}
}
