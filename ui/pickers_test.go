package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/ui/nativedialog"
)

// Fyne's file dialogs speak Vietnamese: the title, the buttons, and Fyne's own words; saving
// says "Lưu vào…", not "Open".
func TestPickersInVietnamese(t *testing.T) {
	ta := newTestApp(t)
	start := t.TempDir()
	os.Mkdir(filepath.Join(start, "Hồ sơ 2027"), 0o755)
	cases := []struct {
		r    pickRequest
		want []string
	}{
		{pickRequest{Kind: nativedialog.Folder, Title: "Lưu vào…", Start: start}, []string{"Lưu vào…", "Chọn thư mục này", "Hủy", "Hồ sơ 2027"}},
		{pickRequest{Kind: nativedialog.Save, Title: "Lưu gói bàn giao vào…", Name: "Ho so.zip", Exts: []string{".zip"}, Start: start}, []string{"Lưu gói bàn giao vào…", "Lưu", "Hủy"}},
		{pickRequest{Kind: nativedialog.Open, Start: start}, []string{"Mở tệp", "Mở", "Hủy"}},
	}
	for _, c := range cases {
		ta.pick(c.r, func(string) {})
		got := overlayText(ta.w)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("kind %d: %q not in the dialog: %q", c.r.Kind, w, got)
			}
		}
		for _, english := range []string{"Open\n", "Cancel", "Save\n", "Select all"} {
			if strings.Contains(got, english) {
				t.Errorf("kind %d: English %q in the dialog: %q", c.r.Kind, english, got)
			}
		}
		ta.w.Canvas().Overlays().Top().Hide()
		ta.w.Canvas().Overlays().Remove(ta.w.Canvas().Overlays().Top())
	}
}

// The start folder is the user's real Documents: the XDG one when set.
func TestUserDocumentsFollowsXDG(t *testing.T) {
	home := t.TempDir()
	docs := filepath.Join(home, "Tài liệu")
	os.Mkdir(docs, 0o755)
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("# xdg\nXDG_DESKTOP_DIR=\"$HOME/Màn hình nền\"\nXDG_DOCUMENTS_DIR=\"$HOME/Tài liệu\"\n"), 0o644)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	if got := userDocuments(); got != docs {
		t.Errorf("userDocuments() = %q, want %q", got, docs)
	}
	os.Remove(filepath.Join(home, ".config", "user-dirs.dirs"))
	os.Mkdir(filepath.Join(home, "Documents"), 0o755)
	if got := userDocuments(); got != filepath.Join(home, "Documents") {
		t.Errorf("without user-dirs: %q", got)
	}
}
