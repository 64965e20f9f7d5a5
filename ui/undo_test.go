package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// typedShortcut sends a shortcut to the window as the keyboard would with nothing focused.
func typedShortcut(t *testing.T, ta *testApp, s fyne.Shortcut) {
	t.Helper()
	sc, ok := ta.w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("the test canvas does not take shortcuts")
	}
	ta.w.Canvas().Unfocus()
	sc.TypedShortcut(s)
}

// Deleting a budget line, a table row or an attachment's file is immediate, and a bar offers to
// bring it back ("Đã xóa dòng 2 — Hoàn tác"); Ctrl+Z does the same.
func TestDeleteWithUndo(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	w.showStep(stepIndex(t, w, "budget"))
	b := w.budget
	for _, d := range []string{"Thuê gian hàng", "Vận chuyển hàng mẫu", "Ăn ở"} {
		test.Tap(b.add)
		test.Type(b.rows[len(b.rows)-1].desc, d)
	}
	test.Tap(b.rows[1].remove)
	if len(w.app.Budget.Lines) != 2 {
		t.Fatalf("after delete: %d lines", len(w.app.Budget.Lines))
	}
	if !ta.undo.root.Visible() || !strings.Contains(ta.undo.label.Text, "Đã xóa dòng 2") {
		t.Fatalf("undo bar: visible %v, %q", ta.undo.root.Visible(), ta.undo.label.Text)
	}
	test.Tap(ta.undo.button)
	if len(w.app.Budget.Lines) != 3 || w.app.Budget.Lines[1].Description != "Vận chuyển hàng mẫu" || w.budget.rows[1].desc.Text != "Vận chuyển hàng mẫu" {
		t.Fatalf("after Hoàn tác: %+v", w.app.Budget.Lines)
	}
	if ta.undo.root.Visible() {
		t.Error("the bar stays after undoing")
	}
	test.Tap(w.budget.rows[0].remove)
	typedShortcut(t, ta, &fyne.ShortcutUndo{})
	if len(w.app.Budget.Lines) != 3 || w.app.Budget.Lines[0].Description != "Thuê gian hàng" {
		t.Fatalf("after Ctrl+Z: %+v", w.app.Budget.Lines)
	}
	stored, _ := ta.store.Application(w.app.ID)
	if len(stored.Budget.Lines) != 3 {
		t.Errorf("stored after undo: %d lines", len(stored.Budget.Lines))
	}

	// A row of a table: the first table of the programme's steps.
	var te *tableEditor
	for i := range w.steps {
		if te != nil {
			break
		}
		w.showStep(i)
		if w.form != nil && len(w.form.tables) > 0 {
			te = w.form.tables[0]
		}
	}
	if te == nil {
		t.Fatal("no table in the trade-fair steps")
	}
	test.Tap(te.add)
	test.Tap(te.add)
	col := te.field.Columns[0]
	n := forms.RowCount(w.app, te.field.Path)
	cell := te.field.Path + "[" + itoa(n-2) + "]." + col.Path
	test.Type(entryAt(t, w.inputs, cell), "Dàn dựng gian hàng")
	te.remove(n - 2)
	if forms.RowCount(w.app, te.field.Path) != n-1 || !ta.undo.root.Visible() {
		t.Fatalf("table row delete: %d rows, bar %v", forms.RowCount(w.app, te.field.Path), ta.undo.root.Visible())
	}
	test.Tap(ta.undo.button)
	if got, _ := forms.GetField(w.app, cell); forms.RowCount(w.app, te.field.Path) != n || got != "Dàn dựng gian hàng" {
		t.Errorf("table row after undo: %d rows, %s = %q", forms.RowCount(w.app, te.field.Path), cell, got)
	}

	// An attachment's file.
	w.showStep(stepIndex(t, w, "attachments"))
	pdf := filepath.Join(t.TempDir(), "thu-moi.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 thư mời"), 0o644)
	ae := w.attachments
	id := ae.items[0].def.ID
	ae.attach(id, pdf)
	test.Tap(ae.items[0].clear)
	if a := ae.attachment(id, false); a != nil && a.File != "" {
		t.Fatalf("file not removed: %+v", a)
	}
	test.Tap(ta.undo.button)
	if a := ae.attachment(id, false); a == nil || a.File != pdf || len(a.SHA256) != 64 {
		t.Errorf("attachment after undo: %+v", a)
	}
}

// Enter submits a dialog, Escape cancels it, a double click opens a dossier, Ctrl+Q quits and
// Ctrl+Z in a field undoes the last change (on screen and stored).
func TestKeyboardAndMouseConventions(t *testing.T) {
	ta := newTestApp(t)
	h := ta.home
	h.askNewClient()
	test.Type(h.newName, "Hợp tác xã Mây tre Phú Vinh")
	h.newName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ta.screen != "profile" {
		t.Fatalf("Enter in the new client dialog: screen %q", ta.screen)
	}
	ta.showHome()
	h.askNewDossier()
	if h.dlg == nil {
		t.Fatal("no new dossier dialog")
	}
	h.newYear.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.dlg != nil || len(ta.w.Canvas().Overlays().List()) != 0 {
		t.Errorf("Escape did not close the dialog")
	}
	h.askNewDossier()
	h.newYear.SetText("2027")
	h.newYear.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ta.screen != "wizard" {
		t.Fatalf("Enter in the new dossier dialog: screen %q", ta.screen)
	}
	id := ta.wizard.app.ID

	// Ctrl+Z in a field.
	w := ta.wizard
	e := w.inputs["project.title"].(*formEntry)
	test.Type(e, "Tham gia hội chợ")
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if e.Text == "Tham gia hội chợ" || w.app.Project.Title != e.Text {
		t.Errorf("Ctrl+Z in the title: shows %q, stored %q", e.Text, w.app.Project.Title)
	}
	for i := 0; i < 5 && e.Text != ""; i++ {
		e.TypedShortcut(&fyne.ShortcutUndo{})
	}
	if e.Text != "" || w.app.Project.Title != "" {
		t.Errorf("Ctrl+Z until the start: shows %q, stored %q", e.Text, w.app.Project.Title)
	}

	// Double click in the library opens the dossier.
	ta.showHome()
	ta.w.Resize(fyne.NewSize(1100, 760))
	rows := findTapRows(ta.w.Canvas().Content())
	if len(rows) == 0 {
		t.Fatal("no dossier rows in the library")
	}
	test.DoubleTap(rows[0])
	if ta.screen != "wizard" || ta.wizard.app.ID != id {
		t.Errorf("double click: screen %q", ta.screen)
	}

	// Ctrl+Q quits, also with the cursor in a field.
	closed := false
	ta.w.SetOnClosed(func() { closed = true })
	e = ta.wizard.inputs["project.title"].(*formEntry)
	ta.w.Canvas().Focus(e)
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
	if !closed {
		t.Error("Ctrl+Q did not close the window")
	}
}

// findTapRows walks the rendered tree for the library's rows.
func findTapRows(o fyne.CanvasObject) []*tapRow {
	var out []*tapRow
	walkRendered(o, func(o fyne.CanvasObject) bool {
		v, ok := o.(*tapRow)
		if ok && v.Visible() {
			out = append(out, v)
		}
		return !ok
	})
	return out
}

// Output files are named as a person would name them, in Vietnamese, without ids.
func TestOutputNamesReadable(t *testing.T) {
	name := packageName(forms.ApplicationSummary{ClientName: "Công ty TNHH Chế biến Nông sản Phước Hưng", TaxCode: "0701234567", Programme: forms.TradeFair, Year: 2027})
	if name != "Hồ sơ khuyến công 2027 - Chế biến Nông sản Phước Hưng - Hội chợ triển lãm - gói chuyển giao.zip" {
		t.Errorf("package name %q", name)
	}
	if strings.Contains(name, "trade-fair") || strings.Contains(name, "0701234567") {
		t.Errorf("package name with ids: %q", name)
	}
}

// A second window on a locked library says why, in words one can read.
func TestFatalWindowReadable(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	msg := AlreadyOpenMessage(errors.New("tệp dữ liệu đang bị khóa"))
	w.SetContent(fatalContent(msg, w.Close))
	w.Resize(fatalSize)
	var label *widget.Label
	walkRendered(w.Content(), func(o fyne.CanvasObject) bool {
		v, ok := o.(*widget.Label)
		if ok && v.Text == msg {
			label = v
		}
		return !ok
	})
	if label == nil {
		t.Fatal("the message is not in the window")
	}
	if label.Size().Width < 400 || label.Size().Height < 3*theme.TextSize() {
		t.Errorf("the message gets %v of a %v window: not readable", label.Size(), fatalSize)
	}
}

// The window's size, height included, is remembered from one run to the next, as one preference
// (a second preference set within 100 ms of the first is not written at once by Fyne).
func TestWindowSizeRemembered(t *testing.T) {
	ta := newTestApp(t)
	ta.w.Resize(fyne.NewSize(1024, 600))
	ta.saveWindowSize()
	if got := ta.prefs.String(prefWindowSize); got != "1024x600" {
		t.Fatalf("saved %q", got)
	}
	if got := ta.savedWindowSize(); got != fyne.NewSize(1024, 600) {
		t.Errorf("restored %v", got)
	}
}
