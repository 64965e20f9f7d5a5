package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// Preferences of the shared library. The password is never among them (see SharedLibraries).
const (
	PrefSharedLibrary = "library.shared" // connection string without password; "" = the file on this computer
	PrefUserName      = "library.user"   // who saves: recorded with every save and revision
)

// SharedInfo is what a shared library holds.
type SharedInfo struct {
	Name     string // postgres://user@host:port/db, never with the password
	Clients  int
	Dossiers int
}

// SharedLibraries tests and chooses a shared client library on a PostgreSQL server; the main
// package implements it (the interface knows no database).
type SharedLibraries interface {
	// Test connects to loc (a postgres:// URL or key=value string; password "" uses the .pgpass
	// file) and says what the library holds.
	Test(loc, password string) (SharedInfo, error)
	// Remember writes the password into the .pgpass file (readable by the user only) and returns
	// loc without a password, to be kept in the settings.
	Remember(loc, password string) (string, error)
	// CopyFromHere copies the library on this computer into the empty shared library at loc and
	// returns the report (counts and checksums).
	CopyFromHere(loc string) (string, error)
}

// sharedCard is the settings card "Thư viện dùng chung trên máy chủ".
type sharedCard struct {
	a        *App
	user     *widget.Entry
	loc      *widget.Entry
	password *widget.Entry
	test     *widget.Button
	use      *widget.Button
	local    *widget.Button
	status   *widget.Label
	card     *widget.Card

	confirmCopy func(yes bool) // the answer to the copy offer (set while it is shown)
}

func newSharedCard(a *App) *sharedCard {
	c := &sharedCard{a: a}
	c.user = widget.NewEntry()
	c.user.SetPlaceHolder(tr("Ví dụ: Nguyễn Thị Lan"))
	c.user.SetText(a.prefs.String(PrefUserName))
	c.user.OnChanged = func(v string) {
		a.prefs.SetString(PrefUserName, forms.Clean(v))
		a.deps.Store.SetUser(forms.Clean(v))
	}
	c.loc = widget.NewEntry()
	c.loc.SetPlaceHolder("postgres://lan@may-chu:5432/hoso")
	c.loc.SetText(a.prefs.String(PrefSharedLibrary))
	c.password = widget.NewPasswordEntry()
	c.password.SetPlaceHolder(tr("để trống nếu đã có trong tệp .pgpass"))
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.test = widget.NewButton(tr("Thử kết nối"), c.doTest)
	c.use = widget.NewButton(tr("Dùng thư viện này"), c.doUse)
	c.use.Importance = widget.HighImportance
	c.local = widget.NewButton(tr("Dùng tệp trên máy này"), c.doLocal)
	form := widget.NewForm(
		widget.NewFormItem(tr("Tên của bạn"), c.user),
		widget.NewFormItem(tr("Địa chỉ thư viện"), c.loc),
		widget.NewFormItem(tr("Mật khẩu"), c.password))
	body := []fyne.CanvasObject{form}
	if a.deps.Shared != nil {
		body = append(body, container.NewHBox(c.test, c.use, c.local))
	} else {
		c.status.SetText(tr("Phiên bản này không kết nối được máy chủ."))
	}
	if shared, ok := a.deps.Store.(fmt.Stringer); ok && strings.HasPrefix(shared.String(), "postgres://") {
		c.status.SetText(tr("Đang dùng thư viện dùng chung ") + shared.String())
	}
	body = append(body, c.status)
	c.card = widget.NewCard(tr("Thư viện dùng chung trên máy chủ"),
		tr("Nhiều người cùng làm trên một thư viện PostgreSQL; tên của bạn được ghi vào mỗi lần lưu. Mật khẩu được lưu vào tệp .pgpass, không ghi vào cài đặt."),
		container.NewVBox(body...))
	return c
}

func (c *sharedCard) target() (string, bool) {
	loc := strings.TrimSpace(c.loc.Text)
	if loc == "" {
		c.status.SetText(tr("Hãy nhập địa chỉ thư viện, ví dụ postgres://lan@may-chu:5432/hoso"))
		return "", false
	}
	return loc, true
}

// doTest connects and says what the library holds.
func (c *sharedCard) doTest() {
	loc, ok := c.target()
	if !ok {
		return
	}
	c.status.SetText(tr("Đang kết nối…"))
	pw := c.password.Text
	c.a.background(func() {
		info, err := c.a.deps.Shared.Test(loc, pw)
		fyne.Do(func() {
			if err != nil {
				c.status.SetText(tr("Không kết nối được: ") + err.Error())
				return
			}
			c.status.SetText(fmt.Sprintf(tr("Kết nối tốt: %s có %d khách hàng, %d hồ sơ."), info.Name, info.Clients, info.Dossiers))
		})
	})
}

// doUse remembers the library (password into .pgpass), offers to copy this computer's library
// into an empty shared one, and asks for a restart.
func (c *sharedCard) doUse() {
	loc, ok := c.target()
	if !ok {
		return
	}
	pw := c.password.Text
	c.a.background(func() {
		info, err := c.a.deps.Shared.Test(loc, pw)
		clean := loc
		if err == nil {
			clean, err = c.a.deps.Shared.Remember(loc, pw)
		}
		fyne.Do(func() {
			if err != nil {
				c.status.SetText(tr("Không kết nối được: ") + err.Error())
				return
			}
			c.a.prefs.SetString(PrefSharedLibrary, clean)
			c.loc.SetText(clean)
			c.password.SetText("")
			here, _ := c.a.deps.Store.Applications(forms.Query{})
			if info.Dossiers == 0 && len(here) > 0 {
				c.offerCopy(clean, len(here))
				return
			}
			c.restartNote()
		})
	})
}

func (c *sharedCard) offerCopy(loc string, n int) {
	c.confirmCopy = func(yes bool) {
		if !yes {
			c.restartNote()
			return
		}
		c.status.SetText(tr("Đang chép…"))
		c.a.background(func() {
			report, err := c.a.deps.Shared.CopyFromHere(loc)
			fyne.Do(func() {
				if err != nil {
					c.status.SetText(tr("Chép không thành công: ") + err.Error())
					return
				}
				c.status.SetText(report)
				c.restartNote()
			})
		})
	}
	dialog.ShowConfirm(tr("Chép thư viện lên máy chủ?"),
		fmt.Sprintf(tr("Thư viện trên máy chủ còn trống. Chép %d hồ sơ trên máy này (cùng khách hàng, bản lưu và thùng rác) lên đó?"), n),
		c.confirmCopy, c.a.w)
}

func (c *sharedCard) restartNote() {
	c.status.SetText(strings.TrimSpace(c.status.Text + "\n" + tr("Đã chọn thư viện dùng chung: hãy đóng và mở lại ứng dụng để làm việc trên đó.")))
}

// doLocal goes back to the file on this computer (after a restart).
func (c *sharedCard) doLocal() {
	c.a.prefs.SetString(PrefSharedLibrary, "")
	c.status.SetText(tr("Lần mở sau, ứng dụng dùng tệp dữ liệu trên máy này."))
}
