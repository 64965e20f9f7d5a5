package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"khuyencong/forms"
)

func TestKeyboardShortcuts(t *testing.T) {
	ta := newTestApp(t)
	sc, ok := ta.w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Skip("the test canvas does not take shortcuts")
	}
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	w := openNewDossier(t, ta, forms.Equipment)
	sc.TypedShortcut(ctrl(fyne.KeyF))
	if ta.screen != "home" || ta.w.Canvas().Focused() != ta.home.search {
		t.Errorf("Ctrl+F: screen %q, focus %T", ta.screen, ta.w.Canvas().Focused())
	}
	ta.home.selectClient(w.app.ClientID)
	sc.TypedShortcut(ctrl(fyne.KeyN))
	if ta.home.newProgramme == nil || ta.home.dlg == nil {
		t.Error("Ctrl+N did not open the new dossier dialog")
	}
	ta.home.closeDialog()
	ta.openDossier(w.app.ID)
	if ta.screen != "wizard" || ta.lastError != "" {
		t.Fatalf("dossier not reopened: screen %q, error %q", ta.screen, ta.lastError)
	}
	sc.TypedShortcut(ctrl(fyne.KeyP))
	if len(ta.w.Canvas().Overlays().List()) != 1 || ta.lastError != "" {
		t.Error("Ctrl+P in a dossier did not open the folder dialog of the generation")
	}
}
