package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// libraryWatcher is a store that announces what others save (the PostgreSQL store, with
// LISTEN/NOTIFY): the client library screen then lists it without being asked.
type libraryWatcher interface {
	Watch(ctx context.Context, changed func(id string)) error
}

// watchDelay gathers the notifications of a burst (an import of many files) into one refresh.
const watchDelay = 500 * time.Millisecond

// watchLibrary refreshes the library screen when someone else changes the library.
func (a *App) watchLibrary() {
	w, ok := a.deps.Store.(libraryWatcher)
	if !ok {
		return
	}
	var mu sync.Mutex
	var timer *time.Timer
	go w.Watch(context.Background(), func(string) {
		mu.Lock()
		defer mu.Unlock()
		if timer != nil {
			return // a refresh is already due
		}
		timer = time.AfterFunc(watchDelay, func() {
			mu.Lock()
			timer = nil
			mu.Unlock()
			fyne.Do(a.libraryChanged)
		})
	})
}

// libraryRefreshed is called after each refresh (tests wait on it).
var libraryRefreshed = func() {}

// libraryChanged reloads the library screen if it is showing.
func (a *App) libraryChanged() {
	if a.screen == "home" && a.home != nil {
		a.home.reload()
	}
	libraryRefreshed()
}
