package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The start-up password prompt: an empty password is not tried, a refused one leaves the prompt
// with the server's reason and an empty field, the right one opens the app's window; the
// password is never written to the settings.
func TestPasswordPrompt(t *testing.T) {
	ta := newTestApp(t)
	w := test.NewWindow(nil) // closed by the prompt on success
	var tried []string
	p := newPasswordPrompt(w, "postgres://lan@may-chu:5432/hoso", "máy chủ cần mật khẩu", func(pw string) (*App, error) {
		tried = append(tried, pw)
		if pw != "mat-khau-dung" {
			return nil, errors.New("máy chủ postgres://lan@may-chu:5432/hoso cần mật khẩu của người dùng lan (không có, hoặc sai)")
		}
		return ta.App, nil
	})
	w.SetContent(p.root)
	test.Tap(p.connect)
	if len(tried) != 0 || !strings.Contains(p.status.Text, "Hãy nhập mật khẩu") {
		t.Errorf("empty password: tried %q, status %q", tried, p.status.Text)
	}
	test.Type(p.password, "nham")
	test.Tap(p.connect)
	if !strings.Contains(p.status.Text, "Không kết nối được") || p.password.Text != "" || p.connect.Disabled() {
		t.Errorf("wrong password: status %q, field %q", p.status.Text, p.password.Text)
	}
	test.Type(p.password, "mat-khau-dung")
	p.password.OnSubmitted(p.password.Text) // Enter
	if len(tried) != 2 || tried[1] != "mat-khau-dung" {
		t.Errorf("tried %q", tried)
	}
	for _, key := range []string{PrefSharedLibrary, PrefUserName} {
		if v := ta.prefs.String(key); strings.Contains(v, "mat-khau") || strings.Contains(v, "nham") {
			t.Errorf("preference %s = %q holds the password", key, v)
		}
	}
}
