package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// serverStore is a store that names itself as a shared library on a server (as pgstore does).
type serverStore struct{ forms.Store }

func (serverStore) String() string { return "postgres://lan@may-chu:5432/hoso" }

// dataCardOf is the settings' "Dữ liệu" card.
func dataCardOf(t *testing.T, ta *testApp) *widget.Card {
	t.Helper()
	test.Tap(ta.settingsBt)
	var card *widget.Card
	walk(ta.settings.root, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Card); ok && c.Title == "Dữ liệu" {
			card = c
		}
	})
	if card == nil {
		t.Fatal("no card Dữ liệu in the settings")
	}
	return card
}

// On a shared library the "Dữ liệu" card names the server, the server's user and the name saves
// are recorded under, and says backups are the server's, with the copy command; no "Sao lưu
// ngay" button. On a file it keeps the file's path and the button.
func TestDataCardSaysWhichLibrary(t *testing.T) {
	ta := newTestApp(t)
	file := dataCardOf(t, ta)
	text := strings.Join(labels(file.Content), "\n")
	if !strings.Contains(file.Subtitle, "một tệp trên máy này") || !strings.Contains(text, ta.store.Path()) || ta.settings.backupNow.Hidden {
		t.Errorf("file library card: %q / %q", file.Subtitle, text)
	}
	hasBackup := false
	walk(file.Content, func(o fyne.CanvasObject) { hasBackup = hasBackup || o == fyne.CanvasObject(ta.settings.backupNow) })
	if !hasBackup {
		t.Error("no Sao lưu ngay on a file library")
	}

	ta.prefs.SetString(PrefUserName, "Nguyễn Thị Lan")
	ta.deps.Store = serverStore{ta.store}
	card := dataCardOf(t, ta)
	text = strings.Join(labels(card.Content), "\n")
	for _, want := range []string{
		"Máy chủ: postgres://lan@may-chu:5432/hoso",
		"Người dùng trên máy chủ: lan",
		"Tên ghi vào mỗi lần lưu: Nguyễn Thị Lan",
		"pg_dump",
		"hoso db copy --from postgres://lan@may-chu:5432/hoso --to ban-sao.db",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("shared library card lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(card.Subtitle, "trên máy này") || !strings.Contains(card.Subtitle, "máy chủ") {
		t.Errorf("shared library card subtitle %q", card.Subtitle)
	}
	walk(card.Content, func(o fyne.CanvasObject) {
		if o == fyne.CanvasObject(ta.settings.backupNow) {
			t.Error("Sao lưu ngay offered on a shared library")
		}
	})
}
