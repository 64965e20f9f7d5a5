package ui

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
	fynelang "fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"khuyencong/ui/nativedialog"
)

// pickRequest describes a file or folder picker (see nativedialog.Request).
type pickRequest = nativedialog.Request

// useNativePickers: the system's dialogs where there are some (Windows); tests keep Fyne's.
var useNativePickers = nativedialog.Supported()

// pick asks for a file or folder and calls done with its path (not called when cancelled). On
// Windows it is the system's own dialog; elsewhere Fyne's, in the interface language, starting
// in the user's real Documents folder.
func (a *App) pick(r pickRequest, done func(path string)) {
	if r.Start != "" {
		if info, err := os.Stat(r.Start); err != nil || !info.IsDir() {
			r.Start = ""
		}
	}
	if useNativePickers {
		a.pickNative(r, done)
		return
	}
	if r.Start == "" {
		r.Start = userDocuments()
	}
	applyFyneLanguage()
	var d *dialog.FileDialog
	confirm := tr("Mở")
	switch r.Kind {
	case nativedialog.Save:
		d = dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
			if err != nil || uc == nil {
				return
			}
			path := uc.URI().Path()
			uc.Close()
			done(path)
		}, a.w)
		d.SetFileName(r.Name)
		confirm = tr("Lưu")
	case nativedialog.Folder:
		d = dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			done(u.Path())
		}, a.w)
		confirm = tr("Chọn thư mục này")
	default:
		d = dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil || rc == nil {
				return
			}
			path := rc.URI().Path()
			rc.Close()
			done(path)
		}, a.w)
	}
	if len(r.Exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(r.Exts))
	}
	if r.Title != "" {
		d.SetTitleText(r.Title)
	}
	d.SetView(dialog.ListView) // one name per line: no "Documen/ts" broken over two lines
	d.SetConfirmText(confirm)
	d.SetDismissText(tr("Hủy"))
	if l, err := storage.ListerForURI(storage.NewFileURI(r.Start)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// pickNative shows the system's dialog, modal to the window, off the UI thread.
func (a *App) pickNative(r pickRequest, done func(path string)) {
	if nw, ok := a.w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if wc, ok := ctx.(driver.WindowsWindowContext); ok {
				r.Owner = wc.HWND
			}
		})
	}
	go func() {
		path, err := nativedialog.Show(r)
		fyne.Do(func() {
			switch {
			case err != nil:
				a.showError(tr("Không mở được hộp chọn tệp"), err, "")
			case path != "":
				done(path)
			}
		})
	}()
}

// userDocuments is the user's Documents folder: on Linux the XDG one (it may be "Tài liệu"),
// else ~/Documents, else the home folder.
func userDocuments() string {
	if p := nativedialog.Documents(); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if runtime.GOOS != "darwin" {
		if p := xdgUserDir(home, "XDG_DOCUMENTS_DIR"); p != "" {
			return p
		}
	}
	if info, err := os.Stat(filepath.Join(home, "Documents")); err == nil && info.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}

// xdgUserDir reads one folder from ~/.config/user-dirs.dirs (XDG_DOCUMENTS_DIR="$HOME/Tài liệu").
func xdgUserDir(home, name string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || k != name {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if info, err := os.Stat(v); err == nil && info.IsDir() && v != home {
			return v
		}
	}
	return ""
}

// fyneStrings are Fyne's own interface words (its file dialogs, menus, entry menus) in
// Vietnamese; Fyne 2.7 ships no Vietnamese.
var fyneStrings = map[string]string{
	"Advanced": "Nâng cao", "Cancel": "Hủy", "Confirm": "Xác nhận", "Copy": "Sao chép",
	"Create Folder": "Tạo thư mục", "Cut": "Cắt", "Enter filename": "Nhập tên tệp", "Error": "Lỗi",
	"Favourites": "Thư mục hay dùng", "File": "tệp", "Folder": "thư mục", "New Folder": "Thư mục mới",
	"No": "Không", "OK": "Đồng ý", "Open": "Mở", "Paste": "Dán", "Quit": "Thoát", "Redo": "Làm lại",
	"Save": "Lưu", "Select all": "Chọn tất cả", "Show Hidden Files": "Hiện tệp ẩn", "Undo": "Hoàn tác",
	"Yes": "Có", "(Parent)": "(Thư mục cha)",
}

// fyneLanguage is the language last given to Fyne's own words.
var fyneLanguage string

// applyFyneLanguage gives Fyne's own words the interface language. Fyne picks its language from
// the system's locale, and a Vietnamese user's Windows or Linux is often in English: so the
// Vietnamese words are loaded for "vi" and, while the interface is Vietnamese, also over Fyne's
// English fallback (and the English words back when the interface is English).
func applyFyneLanguage() {
	if fyneLanguage == lang {
		return
	}
	fyneLanguage = lang
	vi := map[string]any{"file.name": map[string]string{"other": "Tên"}, "file.parent": map[string]string{"other": "Thư mục cha"}}
	en := map[string]any{"file.name": map[string]string{"other": "Name"}, "file.parent": map[string]string{"other": "Parent"}}
	for k, v := range fyneStrings {
		vi[k], en[k] = v, k
	}
	viJSON, _ := json.Marshal(vi)
	enJSON, _ := json.Marshal(en)
	fynelang.AddTranslationsForLocale(viJSON, fyne.Locale("vi"))
	if fyneLanguage == langVI {
		fynelang.AddTranslationsForLocale(viJSON, fyne.Locale("en"))
	} else {
		fynelang.AddTranslationsForLocale(enJSON, fyne.Locale("en"))
	}
}
