package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// Preference keys (UI preferences only; the data lives in the store).
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefWindowSize = "window.size" // "1100x740": both in one change, so that one save keeps both
	prefLang       = "ui.language"
	prefTheme      = "ui.theme"
	prefLastFolder = "export.last_folder"
	prefFont       = "pdf.font"
	prefFontName   = "pdf.font_name"
	// prefDossierPages prints "Hồ sơ: trang x/y" in the top margin of every page (off by default).
	prefDossierPages = "pdf.dossier_pages"
	prefWordStyle    = "words.style"
	prefSignerName   = "signer.name"
	prefSignerRole   = "signer.title"
)

// App is the desktop application: one window whose body shows one screen at a time.
type App struct {
	fa    fyne.App
	w     fyne.Window
	deps  Deps
	prefs fyne.Preferences
	packs []*forms.RulePack

	// The frame around every screen.
	header     *widget.Label  // whose data is open
	saved      *widget.Label  // quiet "Đã lưu" indicator
	homeButton *widget.Button // back to the library
	settingsBt *widget.Button
	planBt     *widget.Button
	body       *fyne.Container
	undo       *undoBar // "Đã xóa … — Hoàn tác"

	saver *saver

	screen   string // "home", "profile", "wizard", "settings", "plan"
	home     *homeScreen
	profile  *profileScreen
	wizard   *wizardScreen
	settings *settingsScreen
	plan     *planScreen

	lastError string // the last error shown, for tests

	// readOnly is why the library takes no writes (a damaged library opened to look at it), or
	// nil; readOnlyTold is set once the user was told that a change is not saved.
	readOnly     error
	readOnlyTold bool
	restoreBt    *widget.Button // the read-only banner's way to the backups
}

// New builds the application window around the store and the other dependencies.
func New(fa fyne.App, deps Deps) *App {
	a := &App{fa: fa, deps: deps, prefs: fa.Preferences(), readOnly: storeReadOnly(deps.Store)}
	if a.deps.Go == nil {
		a.deps.Go = func(f func()) { go f() }
	}
	if a.deps.Now == nil {
		a.deps.Now = time.Now
	}
	if a.deps.Opener == nil {
		a.deps.Opener = SystemOpener{}
	}
	if l := a.prefs.StringWithFallback(prefLang, langVI); l == langEN {
		lang = langEN
	} else {
		lang = langVI
	}
	applyTheme(fa, a.prefs.StringWithFallback(prefTheme, themeSystem))
	a.reloadPacks()
	a.saver = newSaver(a)

	a.w = fa.NewWindow(tr("Hồ sơ Khuyến công"))
	a.w.Resize(a.savedWindowSize())
	a.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.header.Truncation = fyne.TextTruncateEllipsis
	a.saved = widget.NewLabel("")
	a.saved.Importance = widget.LowImportance
	a.homeButton = widget.NewButtonWithIcon(tr("Thư viện khách hàng"), theme.HomeIcon(), func() { a.showHome() })
	a.settingsBt = widget.NewButtonWithIcon(tr("Cài đặt"), theme.SettingsIcon(), func() { a.showSettings() })
	a.planBt = widget.NewButtonWithIcon(tr("Kế hoạch"), theme.ListIcon(), func() { a.showPlan() })
	top := container.NewBorder(nil, nil, a.homeButton, container.NewHBox(a.saved, a.planBt, a.settingsBt), a.header)
	a.body = container.NewStack()
	a.undo = newUndoBar()
	header := container.NewVBox(top, widget.NewSeparator())
	if a.readOnly != nil {
		header.Objects = append([]fyne.CanvasObject{a.readOnlyBanner(), widget.NewSeparator()}, header.Objects...)
		a.showReadOnlyStatus()
	}
	a.w.SetContent(container.NewBorder(header, a.undo.root, nil, nil, a.body))
	a.w.SetCloseIntercept(a.close)
	a.w.SetOnDropped(a.dropped)
	a.addShortcuts()
	a.showHome()
	a.watchLibrary()
	return a
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.w }

// ShowAndRun shows the window and runs the event loop until the window is closed.
func (a *App) ShowAndRun() { a.w.ShowAndRun() }

// Flush writes every pending change now, on the calling goroutine. Close calls it.
func (a *App) Flush() error { return a.saver.flushSync() }

// close is the window's close intercept: it saves what is pending, remembers the size, and exits.
func (a *App) close() {
	if err := a.Flush(); err != nil {
		dialog.ShowConfirm(tr("Chưa lưu được"),
			fmt.Sprintf(tr("Thay đổi cuối cùng chưa lưu được: %v.\nKiểm tra ổ đĩa rồi thử lại. Vẫn đóng ứng dụng?"), err),
			func(ok bool) {
				if ok {
					a.w.Close()
				}
			}, a.w)
		return
	}
	a.saveWindowSize()
	a.w.Close()
}

// saveWindowSize remembers the window's size as one preference. Two (width, then height) were
// one change too many: Fyne writes the first at once and drops a second that follows within
// 100 ms until a later save, which a closing app may never make, so the height was lost.
func (a *App) saveWindowSize() {
	sz := a.w.Canvas().Size()
	if sz.Width > 200 && sz.Height > 200 {
		a.prefs.SetString(prefWindowSize, fmt.Sprintf("%dx%d", int(sz.Width), int(sz.Height)))
	}
}

// savedWindowSize is the remembered size (or the one of older versions, or 1100×740).
func (a *App) savedWindowSize() fyne.Size {
	var w, h int
	if _, err := fmt.Sscanf(a.prefs.String(prefWindowSize), "%dx%d", &w, &h); err == nil && w > 200 && h > 200 {
		return fyne.NewSize(float32(w), float32(h))
	}
	return fyne.NewSize(float32(a.prefs.FloatWithFallback(prefWidth, 1100)), float32(a.prefs.FloatWithFallback(prefHeight, 740)))
}

func (a *App) reloadPacks() {
	if a.deps.Packs != nil {
		a.packs = a.deps.Packs()
		return
	}
	a.packs, _ = forms.LoadPacks(a.deps.RulesDir)
}

func (a *App) addShortcuts() {
	c := a.w.Canvas()
	ctrl := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}, func(fyne.Shortcut) {
		if a.screen != "home" {
			a.showHome()
		}
		c.Focus(a.home.search)
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}, func(fyne.Shortcut) {
		if a.screen != "home" {
			a.showHome()
		}
		a.home.askNewDossier()
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: ctrl}, func(fyne.Shortcut) { a.close() })
	// Ctrl+Z outside a text box (a text box undoes its own typing): bring back what was deleted.
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl}, func(fyne.Shortcut) {
		if a.undo.undo() {
			return
		}
		if a.screen == "home" && a.home != nil {
			a.home.undoDelete()
		}
	})
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) {
		if !a.undo.undo() && a.screen == "home" && a.home != nil {
			a.home.undoDelete()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: ctrl}, func(fyne.Shortcut) {
		if a.screen == "wizard" && a.wizard != nil {
			a.wizard.startGenerate()
		}
	})
}

func (a *App) setBody(name string, obj fyne.CanvasObject) {
	if a.undo != nil && a.screen != name {
		a.undo.dismiss() // an undo belongs to the screen it was offered on
	}
	a.screen = name
	a.body.Objects = []fyne.CanvasObject{obj}
	a.body.Refresh()
}

// setOpen shows whose data is open in the header and the window title.
func (a *App) setOpen(e *forms.Enterprise, detail string) {
	title := tr("Hồ sơ Khuyến công")
	text := title
	if e != nil {
		name := e.Name
		if name == "" {
			name = tr("(chưa có tên)")
		}
		text = tr("Đang mở: ") + name
		if e.TaxCode != "" {
			text += " – " + tr("MST ") + e.TaxCode
		}
		if detail != "" {
			text += " – " + detail
		}
		title = name + " – " + title
	}
	a.header.SetText(text)
	a.w.SetTitle(title)
}

func (a *App) showHome() {
	a.saver.flush()
	if a.home == nil {
		a.home = newHomeScreen(a)
	}
	a.home.reload()
	a.setOpen(nil, "")
	a.wizard = nil
	a.setBody("home", a.home.root)
}

func (a *App) showProfile(c *forms.Client) {
	a.saver.flush()
	a.profile = newProfileScreen(a, c)
	a.setOpen(&c.Enterprise, tr("Hồ sơ khách hàng"))
	a.setBody("profile", a.profile.root)
}

// openDossier loads an application from the store and shows its guided form.
func (a *App) openDossier(id string) {
	a.saver.flush()
	app, err := a.deps.Store.Application(id)
	if err != nil {
		a.showError(tr("Không mở được hồ sơ"), err, tr("Tải lại thư viện rồi thử lại; nếu vẫn lỗi, khôi phục từ bản sao lưu trong Cài đặt."))
		return
	}
	a.openApplication(app)
}

func (a *App) openApplication(app *forms.Application) {
	if forms.Definition(app.Programme) == nil {
		a.showError(tr("Không mở được hồ sơ"), fmt.Errorf(tr("chương trình %q không có trong phiên bản này"), app.Programme), tr("Cập nhật ứng dụng rồi mở lại."))
		return
	}
	a.saver.track(app.ID)
	a.wizard = newWizardScreen(a, app)
	a.setOpen(&app.Enterprise, fmt.Sprintf("%s %d", programmeLabel(app.Programme), app.Year))
	a.setBody("wizard", a.wizard.root)
	a.wizard.showStep(0)
}

func (a *App) showSettings() {
	a.saver.flush()
	a.settings = newSettingsScreen(a)
	a.setOpen(nil, "")
	a.setBody("settings", a.settings.root)
}

// dropped receives files dropped on the window: the attachments step takes them.
func (a *App) dropped(pos fyne.Position, uris []fyne.URI) {
	if a.screen == "wizard" && a.wizard != nil && a.wizard.attachments != nil && a.wizard.onAttachments() {
		a.wizard.attachments.drop(pos, uris)
		return
	}
	dialog.ShowInformation(tr("Thả tệp"), tr("Mở bước \"Tài liệu kèm theo\" của một hồ sơ rồi thả tệp vào mục cần đính kèm."), a.w)
}

// showError says what happened and what to do.
func (a *App) showError(what string, err error, todo string) {
	msg := what
	if err != nil {
		msg += ":\n" + forms.UserError(err)
	}
	if todo != "" {
		msg += "\n\n" + todo
	}
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(tr("Có lỗi"), tr("Đóng"), lbl, a.w)
	d.Resize(fyne.NewSize(540, 280))
	d.Show()
	a.lastError = msg
}

// background runs work off the UI goroutine (inline in tests).
func (a *App) background(f func()) { a.deps.Go(f) }

func (a *App) now() time.Time { return a.deps.Now() }

// wordStyle is the style of amounts in words chosen in settings.
func (a *App) wordStyle() forms.WordStyle {
	st, err := forms.ParseWordStyle(a.prefs.String(prefWordStyle))
	if err != nil {
		return forms.WordStyle{}
	}
	return st
}

// ShowFatal shows a message in a small window and exits when it is closed: for errors that stop the
// app from starting, such as the data file being open in another window.
func ShowFatal(fa fyne.App, msg string) {
	w := fa.NewWindow(tr("Hồ sơ Khuyến công"))
	w.SetContent(fatalContent(msg, w.Close))
	w.Resize(fatalSize)
	w.CenterOnScreen()
	w.ShowAndRun()
}

// fatalSize fits the longest fatal message (the library open in another window) without scrolling.
var fatalSize = fyne.NewSize(600, 340)

// fatalContent is the fatal window's content: a heading with the warning icon, the message in a
// scroll (so that a wrapped text always has the window's width, never a sliver), and Đóng.
func fatalContent(msg string, close func()) fyne.CanvasObject {
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(tr("Không mở được ứng dụng"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ok := widget.NewButton(tr("Đóng"), close)
	ok.Importance = widget.HighImportance
	top := container.NewHBox(widget.NewIcon(theme.WarningIcon()), head)
	// A wrapped label alone asks for a very tall window before it knows its width (the window then
	// opened off-screen, at y = -2847 under wine): the text gets a fixed, scrollable area.
	text := container.NewVScroll(lbl)
	text.SetMinSize(fyne.NewSize(460, 180))
	return container.NewBorder(top, container.NewCenter(ok), nil, nil, text)
}

// AlreadyOpenMessage is what ShowFatal says when the data file is locked by another window.
func AlreadyOpenMessage(err error) string {
	return tr("Hồ sơ Khuyến công đang mở ở một cửa sổ khác, nên cửa sổ này không mở được dữ liệu.") + "\n\n" +
		tr("Hãy chuyển sang cửa sổ đang mở (trên thanh tác vụ). Nếu không thấy cửa sổ nào, đợi vài giây rồi mở lại.") +
		"\n\n(" + err.Error() + ")"
}
