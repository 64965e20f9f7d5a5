package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"khuyencong/forms"
)

// watchingStore is the in-memory store with a Watch that the test triggers.
type watchingStore struct {
	*memStore
	changed chan func(string)
}

func (w *watchingStore) Watch(ctx context.Context, changed func(id string)) error {
	w.changed <- changed
	<-ctx.Done()
	return nil
}

// Someone else adds a client to a shared library: the library screen lists it by itself.
func TestLibraryRefreshesWhenSomeoneElseSaves(t *testing.T) {
	fa := test.NewTempApp(t)
	lang = langVI
	st := &watchingStore{memStore: newMemStore(), changed: make(chan func(string), 1)}
	a := New(fa, Deps{Store: st, RulesDir: t.TempDir(), Go: func(f func()) { f() }, Version: "test"})
	var notify func(string)
	select {
	case notify = <-st.changed:
	case <-time.After(5 * time.Second):
		t.Fatal("the app does not watch a library that can be watched")
	}
	if len(a.home.clients) != 0 {
		t.Fatalf("%d clients at start", len(a.home.clients))
	}
	c := &forms.Client{Enterprise: forms.Sample(forms.Equipment).Enterprise}
	if err := st.SaveClient(c); err != nil { // another computer's save
		t.Fatal(err)
	}
	refreshed := make(chan struct{}, 10)
	libraryRefreshed = func() { refreshed <- struct{}{} }
	t.Cleanup(func() { libraryRefreshed = func() {} })
	notify(c.ID)
	notify(c.ID) // a burst: one refresh
	select {
	case <-refreshed:
	case <-time.After(5 * time.Second):
		t.Fatal("no refresh after a notification")
	}
	if len(a.home.clients) != 1 {
		t.Errorf("library screen lists %d clients after another session's save, want 1", len(a.home.clients))
	}
}
