package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// AskPassword asks, at start, for the password of the shared library server (named without its
// password): the server wants one and the .pgpass file has none. connect tries a password and
// returns the app to show next; on success the prompt closes and that app's window opens, else
// the prompt stays with the reason. The password is used for this session only: it is never
// written to the settings (the shared-library settings card can put it into .pgpass). It runs the
// event loop until the last window closes.
func AskPassword(fa fyne.App, server, reason string, connect func(password string) (*App, error)) {
	w := fa.NewWindow(tr("Hồ sơ Khuyến công"))
	w.SetContent(passwordContent(w, server, reason, connect))
	w.Resize(fyne.NewSize(600, 400))
	w.CenterOnScreen()
	w.ShowAndRun()
}

// passwordPrompt is the prompt's content and its parts (for tests).
type passwordPrompt struct {
	root     fyne.CanvasObject
	password *widget.Entry
	status   *widget.Label
	connect  *widget.Button
}

func passwordContent(w fyne.Window, server, reason string, connect func(password string) (*App, error)) fyne.CanvasObject {
	return newPasswordPrompt(w, server, reason, connect).root
}

func newPasswordPrompt(w fyne.Window, server, reason string, connect func(password string) (*App, error)) *passwordPrompt {
	p := &passwordPrompt{}
	title := widget.NewLabelWithStyle(tr("Thư viện dùng chung cần mật khẩu"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(fmt.Sprintf(tr("Máy chủ %s cần mật khẩu để mở thư viện. Mật khẩu chỉ dùng cho lần mở này, không ghi vào cài đặt."), server))
	msg.Wrapping = fyne.TextWrapWord
	hint := helpLabel(tr("Để không phải nhập lại: trong Cài đặt, thẻ “Thư viện dùng chung trên máy chủ”, nhập mật khẩu và chọn “Dùng thư viện này”; mật khẩu được ghi vào tệp .pgpass chỉ bạn đọc được."))
	p.password = widget.NewPasswordEntry()
	p.password.SetPlaceHolder(tr("Mật khẩu"))
	p.status = widget.NewLabel(reason)
	p.status.Wrapping = fyne.TextWrapWord
	try := func() {
		if p.password.Text == "" {
			p.status.SetText(tr("Hãy nhập mật khẩu."))
			return
		}
		p.connect.Disable()
		p.status.SetText(tr("Đang kết nối…"))
		a, err := connect(p.password.Text)
		p.connect.Enable()
		if err != nil {
			p.status.SetText(tr("Không kết nối được: ") + err.Error())
			p.password.SetText("")
			return
		}
		a.Window().Show()
		w.Close()
	}
	p.password.OnSubmitted = func(string) { try() }
	p.connect = widget.NewButtonWithIcon(tr("Kết nối"), theme.LoginIcon(), try)
	p.connect.Importance = widget.HighImportance
	quit := widget.NewButton(tr("Thoát"), func() { w.Close() })
	form := widget.NewForm(widget.NewFormItem(tr("Mật khẩu"), p.password))
	p.root = container.NewBorder(title, container.NewCenter(container.NewHBox(p.connect, quit)),
		nil, nil, container.NewVScroll(container.NewVBox(msg, form, p.status, hint)))
	w.Canvas().Focus(p.password)
	return p
}
