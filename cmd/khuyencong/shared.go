package main

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"fyne.io/fyne/v2"

	"khuyencong/forms"
	"khuyencong/forms/library"
	"khuyencong/forms/pgstore"
	"khuyencong/ui"
	"khuyencong/ui/wintyping"
)

// chooseLibrary is the library to open: --db, else $HOSO_DB, else the shared library chosen in
// the settings, else "" (the file on this computer).
func chooseLibrary(a fyne.App, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv(library.Env); env != "" {
		return env
	}
	return a.Preferences().String(ui.PrefSharedLibrary)
}

// userName is who saves from this computer, recorded with every save and revision: the name set in
// the settings, else $HOSO_USER, else the account's full name, else its login.
func userName(a fyne.App) string {
	if n := a.Preferences().String(ui.PrefUserName); n != "" {
		return n
	}
	return library.DefaultUser()
}

// runShared opens a shared library on a PostgreSQL server and runs the app on it. The password
// comes from the .pgpass file or PGPASSWORD, never from the settings; when the server wants one
// that is not there, the app asks for it (ui.AskPassword) and keeps it for this session only.
func runShared(a fyne.App, loc string) {
	store, err := library.Open(loc, userName(a))
	if errors.Is(err, pgstore.ErrPassword) {
		// Ask for it: used for this session only, never written to the settings.
		ui.AskPassword(a, library.Describe(loc), err.Error(), func(password string) (*ui.App, error) {
			s, err := library.Open(withPassword(loc, password), userName(a))
			if err != nil {
				return nil, err
			}
			store = s
			w := ui.New(a, deps(s, s.Path()))
			wintyping.Install(w.Window())
			return w, nil
		})
		if store != nil {
			store.Close()
		}
		return
	}
	if err != nil {
		ui.ShowFatal(a, "Không mở được thư viện dùng chung "+library.Describe(loc)+":\n"+err.Error()+
			"\n\nĐể dùng lại tệp trên máy này: chạy với --db ĐƯỜNG_DẪN_TỆP, hoặc chọn \"Dùng tệp trên máy này\" trong Cài đặt khi đã mở được.")
		os.Exit(1)
	}
	defer store.Close()
	w := ui.New(a, deps(store, store.Path()))
	wintyping.Install(w.Window())
	w.ShowAndRun()
}

// sharedLibraries is the settings screen's access to PostgreSQL libraries.
type sharedLibraries struct{ store forms.Store }

func withPassword(loc, password string) string {
	if password == "" {
		return loc
	}
	clean, _ := library.SplitPassword(loc)
	if library.IsServer(clean) && strings.Contains(clean, "://") {
		// postgres://user@host/db → postgres://user:password@host/db through the query form.
		sep := "?"
		if strings.Contains(clean, "?") {
			sep = "&"
		}
		return clean + sep + "password=" + url.QueryEscape(password)
	}
	return clean + " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password) + "'"
}

func (sharedLibraries) Test(loc, password string) (ui.SharedInfo, error) {
	if !library.IsServer(loc) {
		return ui.SharedInfo{}, fmt.Errorf("%q không phải địa chỉ thư viện PostgreSQL: dùng dạng postgres://người_dùng@máy_chủ:5432/tên_thư_viện", loc)
	}
	s, err := pgstore.Open(withPassword(loc, password), pgstore.Options{})
	if err != nil {
		return ui.SharedInfo{}, err
	}
	defer s.Close()
	cs, err := s.Clients(forms.Query{})
	if err != nil {
		return ui.SharedInfo{}, err
	}
	apps, err := s.Applications(forms.Query{})
	if err != nil {
		return ui.SharedInfo{}, err
	}
	return ui.SharedInfo{Name: s.String(), Clients: len(cs), Dossiers: len(apps)}, nil
}

func (sharedLibraries) Remember(loc, password string) (string, error) {
	clean, inline := library.SplitPassword(loc)
	if password == "" {
		password = inline
	}
	if password != "" {
		if _, err := library.SavePassword(clean, password); err != nil {
			return "", fmt.Errorf("không lưu được mật khẩu vào tệp .pgpass: %v", err)
		}
	}
	return clean, nil
}

// CopyFromHere copies the open library (this computer's) into the empty library at loc.
func (l sharedLibraries) CopyFromHere(loc string) (string, error) {
	dst, err := pgstore.Open(loc, pgstore.Options{})
	if err != nil {
		return "", err
	}
	defer dst.Close()
	r, err := library.Copy(l.store, dst, nil)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Đã chép lên %s, đã kiểm tra:", dst.String())
	for _, c := range r.Counts {
		fmt.Fprintf(&b, "\n%s: %d → %d, SHA-256 %s… khớp", c.Kind, c.From, c.To, c.ToSHA256[:12])
	}
	return b.String(), nil
}
