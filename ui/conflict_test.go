package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// Two people on one dossier: Lan saves while this window edits it; this window's next save is
// refused with who and when, its text is kept as a revision, saves pause, and the user picks.
func TestConflictDialogKeepMineOrUseTheirs(t *testing.T) {
	for _, pick := range []string{"mine", "theirs"} {
		t.Run(pick, func(t *testing.T) {
			ta := newTestApp(t)
			w := openNewDossier(t, ta, forms.Equipment)
			id := w.app.ID
			ta.store.otherEdits(id, "Nguyễn Thị Lan", "Bản của Lan")

			test.Type(entryAt(t, w.inputs, "project.title"), "Bản của tôi")
			choice := ta.saver.book.last
			if choice == nil {
				t.Fatalf("no conflict after a save on a stale version; last error %q", ta.lastError)
			}
			if !strings.HasPrefix(choice.message, "Hồ sơ này vừa được Nguyễn Thị Lan sửa lúc 10:42") {
				t.Errorf("message %q", choice.message)
			}
			if len(choice.changes) == 0 || !strings.Contains(strings.Join(choice.changes, "\n"), "project.title") {
				t.Errorf("differences shown: %q", choice.changes)
			}
			// Every keystroke saves here (no debounce in tests): the first one met the conflict.
			kept, err := ta.store.Revision(id, choice.conflict.Kept.ID)
			if err != nil || kept.Project.Title == "" || !strings.HasPrefix("Bản của tôi", kept.Project.Title) {
				t.Fatalf("this window's text was not kept: %v %v", kept, err)
			}
			// While the choice is open nothing more is written.
			test.Type(entryAt(t, w.inputs, "project.title"), " nữa")
			if got, _ := ta.store.Application(id); got.Project.Title != "Bản của Lan" {
				t.Errorf("saved while waiting for the choice: %q", got.Project.Title)
			}
			if pick == "mine" {
				choice.keepMine()
				ta.saver.flushSync()
				if got, _ := ta.store.Application(id); got.Project.Title != "Bản của tôi nữa" {
					t.Errorf("after keeping mine the library has %q", got.Project.Title)
				}
			} else {
				choice.useTheirs()
				if ta.wizard.app.Project.Title != "Bản của Lan" {
					t.Errorf("after using theirs the window shows %q", ta.wizard.app.Project.Title)
				}
			}
			// Saving goes on normally afterwards.
			test.Type(entryAt(t, ta.wizard.inputs, "project.title"), "!")
			ta.saver.flushSync()
			if got, _ := ta.store.Application(id); !strings.Contains(got.Project.Title, "!") {
				t.Errorf("save after the choice: %q", got.Project.Title)
			}
		})
	}
}
