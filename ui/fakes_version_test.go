package ui

import (
	"sync"
	"time"

	"khuyencong/forms"
)

// Versions of the in-memory store: SaveApplicationAt counts saves and refuses a stale base, as the
// real stores do; otherEdits simulates someone else's save.

var memVersions sync.Map // *memStore → map[string]forms.Version (guarded by the store's mu)

func (s *memStore) versions() map[string]forms.Version {
	v, _ := memVersions.LoadOrStore(s, map[string]forms.Version{})
	return v.(map[string]forms.Version)
}

func (s *memStore) SetUser(string) {}

func (s *memStore) ApplicationAt(id string) (*forms.Application, forms.Version, error) {
	app, err := s.Application(id)
	if err != nil {
		return nil, forms.Version{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.versions()[id]
	if !ok {
		v = forms.Version{Number: 1}
	}
	return app, v, nil
}

func (s *memStore) SaveApplicationAt(app *forms.Application, base uint64) (forms.Version, error) {
	if app.ID != "" {
		_, cur, err := s.ApplicationAt(app.ID)
		if err == nil && cur.Number != base {
			s.mu.Lock()
			ri := forms.RevisionInfo{ID: uint64(len(s.revisions[app.ID]) + 1), At: time.Now(), Reason: forms.ConflictReason("")}
			s.revisions[app.ID] = append([]forms.RevisionInfo{ri}, s.revisions[app.ID]...)
			s.snapshots[app.ID] = append(s.snapshots[app.ID], cloneApplication(app))
			s.mu.Unlock()
			return cur, &forms.ConflictError{AppID: app.ID, Current: cur, Kept: ri}
		}
	}
	if err := s.SaveApplication(app); err != nil {
		return forms.Version{}, err
	}
	return s.bump(app.ID, ""), nil
}

func (s *memStore) bump(id, by string) forms.Version {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.versions()[id]
	if !ok {
		v.Number = 1
	}
	v = forms.Version{Number: v.Number + 1, By: by, At: time.Date(2026, 11, 2, 10, 42, 0, 0, time.Local)}
	s.versions()[id] = v
	return v
}

// otherEdits is someone else saving the dossier with a new title.
func (s *memStore) otherEdits(id, by, title string) {
	s.mu.Lock()
	app := cloneApplication(s.apps[id])
	s.mu.Unlock()
	app.Project.Title = title
	if err := s.SaveApplication(app); err != nil {
		panic(err)
	}
	s.bump(id, by)
}
