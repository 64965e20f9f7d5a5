package main

import (
	"os"
	"os/user"

	"fyne.io/fyne/v2"

	"khuyencong/forms/library"
	"khuyencong/ui"
	"khuyencong/ui/wintyping"
)

// userName is who saves from this computer, recorded with every save and revision of a shared
// library: $HOSO_USER, else the account's full name, else its login.
func userName() string {
	if n := os.Getenv("HOSO_USER"); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

// runShared opens a shared library on a PostgreSQL server and runs the app on it. The password
// comes from the .pgpass file or PGPASSWORD, never from the settings.
func runShared(a fyne.App, loc string) {
	store, err := library.Open(loc, userName())
	if err != nil {
		ui.ShowFatal(a, "Không mở được thư viện dùng chung "+library.Describe(loc)+":\n"+err.Error())
		os.Exit(1)
	}
	defer store.Close()
	w := ui.New(a, deps(store, store.Path()))
	wintyping.Install(w.Window())
	w.ShowAndRun()
}
