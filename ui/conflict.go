package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// Several people on one library: each open dossier is saved with the version its text is based
// on; when someone else saved it meanwhile the store refuses (and keeps this window's text as a
// revision), autosave pauses for that dossier, and a dialog shows what differs and lets the user
// pick the stored text or theirs.

// versionBook is the saver's record of the versions open dossiers are based on.
type versionBook struct {
	mu      sync.Mutex
	base    map[string]uint64
	waiting map[string]*conflictChoice // a conflict waits for the user's choice: no save meanwhile
	last    *conflictChoice            // the last conflict shown (tests)
}

// errConflictPending: a save waits until the user picks a version.
var errConflictPending = errors.New("hồ sơ đang chờ bạn chọn giữ bản nào (xem hộp thoại xung đột)")

func (b *versionBook) get(id string) (base uint64, known bool, waiting bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	base, known = b.base[id]
	return base, known, b.waiting[id] != nil
}

func (b *versionBook) set(id string, v uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.base == nil {
		b.base = map[string]uint64{}
	}
	b.base[id] = v
}

// track records the stored version of a dossier that is being opened.
func (s *saver) track(id string) {
	if id == "" {
		return
	}
	if _, v, err := s.a.deps.Store.ApplicationAt(id); err == nil {
		s.book.set(id, v.Number)
	}
}

// writeApplication saves a dossier from the version this window based it on; any goroutine.
func (s *saver) writeApplication(store forms.Store, app *forms.Application) error {
	base, known, waiting := s.book.get(app.ID)
	if waiting {
		return errConflictPending
	}
	if !known {
		return store.SaveApplication(app)
	}
	v, err := store.SaveApplicationAt(app, base)
	var ce *forms.ConflictError
	if errors.As(err, &ce) {
		choice := &conflictChoice{a: s.a, conflict: ce, mine: app}
		s.book.mu.Lock()
		if s.book.waiting == nil {
			s.book.waiting = map[string]*conflictChoice{}
		}
		s.book.waiting[app.ID], s.book.last = choice, choice
		s.book.mu.Unlock()
		fyne.Do(choice.show)
		return err
	}
	if err == nil {
		s.book.set(app.ID, v.Number)
	}
	return err
}

// conflictChoice is the dialog of one refused save.
type conflictChoice struct {
	a        *App
	conflict *forms.ConflictError
	mine     *forms.Application // this window's text (also kept as a revision)
	stored   *forms.Application // what the library has now
	version  forms.Version
	message  string
	changes  []string
	dlg      dialog.Dialog
}

func (c *conflictChoice) show() {
	stored, v, err := c.a.deps.Store.ApplicationAt(c.conflict.AppID)
	if err != nil {
		c.a.showError(tr("Không đọc được bản vừa lưu"), err, "")
		return
	}
	c.stored, c.version = stored, v
	theirs, _ := json.Marshal(stored)
	mine, _ := json.Marshal(c.mine)
	c.changes = forms.DescribeChanges(theirs, mine)
	who := v.By
	if who == "" {
		who = tr("người kia")
	}
	c.message = c.conflict.Error()
	diff := widget.NewLabel(tr("Bản của bạn khác bản vừa lưu ở:") + "\n• " + strings.Join(c.changes, "\n• "))
	diff.Wrapping = fyne.TextWrapWord
	msg := widget.NewLabel(c.message)
	msg.Wrapping = fyne.TextWrapWord
	useTheirs := widget.NewButton(fmt.Sprintf(tr("Dùng bản của %s"), who), c.useTheirs)
	keepMine := widget.NewButton(tr("Giữ bản của tôi"), c.keepMine)
	keepMine.Importance = widget.HighImportance
	body := container.NewBorder(msg, container.NewHBox(useTheirs, keepMine), nil, nil, container.NewVScroll(diff))
	c.dlg = dialog.NewCustomWithoutButtons(tr("Hồ sơ vừa được người khác sửa"), body, c.a.w)
	c.dlg.Resize(fyne.NewSize(620, 420))
	c.dlg.Show()
	c.a.lastError = c.message
}

// resolve ends the wait: saves continue from the stored version.
func (c *conflictChoice) resolve() {
	b := &c.a.saver.book
	b.mu.Lock()
	delete(b.waiting, c.conflict.AppID)
	b.mu.Unlock()
	b.set(c.conflict.AppID, c.version.Number)
	if c.dlg != nil {
		c.dlg.Hide()
	}
}

// useTheirs reopens the dossier as the library has it (this window's text stays a revision).
func (c *conflictChoice) useTheirs() {
	c.resolve()
	c.a.openApplication(c.stored)
}

// keepMine saves this window's text over the other one (theirs stays in the history).
func (c *conflictChoice) keepMine() {
	c.resolve()
	app := c.mine
	if c.a.wizard != nil && c.a.wizard.app != nil && c.a.wizard.app.ID == c.conflict.AppID {
		app = c.a.wizard.app
	}
	c.a.saver.saveApplication(app)
}
