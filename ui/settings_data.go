package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// sharedLibrary names the open library when it is a shared one on a server
// (postgres://user@host:port/db, never the password); "" for a file on this computer.
func (a *App) sharedLibrary() string {
	if s, ok := a.deps.Store.(fmt.Stringer); ok && strings.HasPrefix(s.String(), "postgres://") {
		return s.String()
	}
	return ""
}

// dataCard is the settings card "Dữ liệu": which library is open and what backing it up means.
// A file on this computer: its path, "Sao lưu ngay" and the list of backups. A shared library:
// the server, the server's user and the name saves are recorded under; backups are the server's
// (pg_dump), and a copy on this computer is made with hoso db copy.
func (s *settingsScreen) dataCard() *widget.Card {
	server := s.a.sharedLibrary()
	if server == "" {
		return widget.NewCard(tr("Dữ liệu"), tr("Mọi khách hàng và hồ sơ nằm trong một tệp trên máy này"), container.NewVBox(
			s.dataPath, container.NewHBox(s.backupNow), s.backups))
	}
	s.dataPath.SetText(tr("Máy chủ: ") + server)
	who := s.a.prefs.String(PrefUserName)
	if who == "" {
		who = tr("(chưa đặt tên: hãy nhập tên của bạn ở thẻ “Thư viện dùng chung trên máy chủ”)")
	}
	user := widget.NewLabel(tr("Người dùng trên máy chủ: ") + serverUser(server) + "\n" + tr("Tên ghi vào mỗi lần lưu: ") + who)
	user.Wrapping = s.dataPath.Wrapping
	backup := helpLabel(fmt.Sprintf(tr("Sao lưu thư viện dùng chung là việc của máy chủ: người quản trị sao lưu cơ sở dữ liệu bằng pg_dump. Để có một bản trên máy này, chép cả thư viện (hồ sơ, bản lưu và tệp đính kèm) vào một tệp mới:\nhoso db copy --from %s --to ban-sao.db"), server))
	return widget.NewCard(tr("Dữ liệu"), tr("Mọi khách hàng, hồ sơ và tệp đính kèm nằm trong thư viện dùng chung trên máy chủ"),
		container.NewVBox(s.dataPath, user, backup))
}

// serverUser is the user part of postgres://user@host….
func serverUser(desc string) string {
	rest := strings.TrimPrefix(desc, "postgres://")
	if user, _, ok := strings.Cut(rest, "@"); ok && user != "" {
		return user
	}
	return "?"
}
