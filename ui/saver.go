package ui

import (
	"encoding/json"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// saveDelay is how long the saver waits after a change before writing, so that typing a word
// is one write, not one per letter.
const saveDelay = 300 * time.Millisecond

// saver writes changes to the store off the UI goroutine, debounced. Every change is saved; nothing
// ever asks "do you want to save". Keys name what is saved ("app:ID", "client:ID"): a newer
// snapshot of a key replaces an older one that has not been written yet.
type saver struct {
	a     *App
	delay time.Duration
	timer *time.Timer

	// UI goroutine only.
	pending map[string]func() writer
	seq     uint64

	writeMu sync.Mutex
	written map[string]uint64 // key → sequence of the newest snapshot written

	book versionBook // versions the open dossiers are based on (conflict.go)
}

// writer writes one snapshot; it runs off the UI goroutine.
type writer struct {
	key   string
	seq   uint64
	write func() error
}

func newSaver(a *App) *saver {
	return &saver{a: a, delay: saveDelay, pending: map[string]func() writer{}, written: map[string]uint64{}}
}

// mark records that key changed; snap is called at write time, on the UI goroutine, to copy the
// current state.
func (s *saver) mark(key string, snap func() func() error) {
	if s.a.readOnly != nil { // a damaged library: nothing is written, the user is told once
		s.a.refuseEdit()
		return
	}
	s.pending[key] = func() writer { return writer{key: key, write: snap()} }
	s.a.saved.SetText(tr("Đang lưu…"))
	if s.delay <= 0 {
		s.flush()
		return
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.delay, func() { fyne.Do(s.flush) })
}

// take copies every pending change and clears the list; UI goroutine.
func (s *saver) take() []writer {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if len(s.pending) == 0 {
		return nil
	}
	out := make([]writer, 0, len(s.pending))
	for _, snap := range s.pending {
		s.seq++
		w := snap()
		w.seq = s.seq
		out = append(out, w)
	}
	clear(s.pending)
	return out
}

// flush writes what is pending in the background.
func (s *saver) flush() {
	ws := s.take()
	if len(ws) == 0 {
		return
	}
	s.a.background(func() {
		err := s.write(ws)
		fyne.Do(func() { s.done(err) })
	})
}

// flushSync writes what is pending now, on the calling goroutine.
func (s *saver) flushSync() error {
	ws := s.take()
	if len(ws) == 0 {
		return nil
	}
	err := s.write(ws)
	s.done(err)
	return err
}

// write runs the writers, skipping snapshots older than one already written; any goroutine.
func (s *saver) write(ws []writer) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var first error
	for _, w := range ws {
		if s.written[w.key] > w.seq {
			continue
		}
		if err := w.write(); err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		s.written[w.key] = w.seq
	}
	return first
}

func (s *saver) done(err error) {
	if err != nil {
		s.a.saved.Importance = widget.DangerImportance
		s.a.saved.SetText(tr("Chưa lưu được – sẽ thử lại khi bạn sửa tiếp"))
		s.a.lastError = err.Error()
		return
	}
	s.a.saved.Importance = widget.LowImportance
	s.a.saved.SetText(tr("Đã lưu") + " " + s.a.now().Format("15:04"))
}

// saveApplication schedules a save of the application.
func (s *saver) saveApplication(app *forms.Application) {
	store := s.a.deps.Store
	s.mark("app:"+app.ID, func() func() error {
		c := cloneApplication(app)
		return func() error { return s.writeApplication(store, c) }
	})
}

// saveClient schedules a save of the client.
func (s *saver) saveClient(c *forms.Client) {
	store := s.a.deps.Store
	s.mark("client:"+c.ID, func() func() error {
		cp := *c
		return func() error { return store.SaveClient(&cp) }
	})
}

// cloneApplication returns a deep copy, so that the copy can be written while the user types on.
func cloneApplication(app *forms.Application) *forms.Application {
	data, err := json.Marshal(app)
	if err != nil {
		panic(err) // an Application always marshals
	}
	var c forms.Application
	if err := json.Unmarshal(data, &c); err != nil {
		panic(err)
	}
	return &c
}
