package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// fakeShared is a server with an empty library; it records what it was asked.
type fakeShared struct {
	password, remembered, copied string
}

func (f *fakeShared) Test(loc, password string) (SharedInfo, error) {
	f.password = password
	return SharedInfo{Name: "postgres://lan@may-chu:5432/hoso"}, nil
}

func (f *fakeShared) Remember(loc, password string) (string, error) {
	f.remembered = password
	return strings.Replace(loc, ":bi-mat", "", 1), nil
}

func (f *fakeShared) CopyFromHere(loc string) (string, error) {
	f.copied = loc
	return "Đã chép lên " + loc, nil
}

func TestSharedLibrarySettings(t *testing.T) {
	ta := newTestApp(t)
	openNewDossier(t, ta, forms.Equipment) // something to copy
	shared := &fakeShared{}
	ta.deps.Shared = shared
	test.Tap(ta.settingsBt)
	c := newSharedCard(ta.App)

	test.Type(c.user, "Nguyễn Thị Lan")
	if ta.prefs.String(PrefUserName) != "Nguyễn Thị Lan" {
		t.Errorf("user name preference %q", ta.prefs.String(PrefUserName))
	}
	c.doTest()
	if !strings.Contains(c.status.Text, "Hãy nhập địa chỉ") {
		t.Errorf("test without an address: %q", c.status.Text)
	}
	c.loc.SetText("postgres://lan:bi-mat@may-chu:5432/hoso")
	c.password.SetText("bi-mat")
	c.doTest()
	if !strings.Contains(c.status.Text, "Kết nối tốt: postgres://lan@may-chu:5432/hoso có 0 khách hàng, 0 hồ sơ.") {
		t.Errorf("after the connection test: %q", c.status.Text)
	}
	c.doUse()
	if got := ta.prefs.String(PrefSharedLibrary); got != "postgres://lan@may-chu:5432/hoso" || strings.Contains(got, "bi-mat") {
		t.Errorf("saved in the settings: %q", got)
	}
	if shared.remembered != "bi-mat" || c.password.Text != "" {
		t.Errorf("password remembered %q, field %q", shared.remembered, c.password.Text)
	}
	// The shared library is empty and this one is not: the copy is offered.
	if c.confirmCopy == nil {
		t.Fatal("no copy offered for an empty shared library")
	}
	c.confirmCopy(true)
	if shared.copied != "postgres://lan@may-chu:5432/hoso" || !strings.Contains(c.status.Text, "Đã chép lên") || !strings.Contains(c.status.Text, "mở lại ứng dụng") {
		t.Errorf("after the copy: copied %q, status %q", shared.copied, c.status.Text)
	}
	c.doLocal()
	if ta.prefs.String(PrefSharedLibrary) != "" {
		t.Error("going back to the local file kept the shared library in the settings")
	}
}
