package boltstore

import (
	"encoding/json"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// Versions (several windows or programs on one library, one after the other): every save of a
// dossier adds one to summaries/<appID>.version and records who saved in .updated_by; a save
// based on an older version is refused and its text kept as a revision.

// SetUser names who saves from now on (revisions and dossiers record it).
func (s *Store) SetUser(name string) {
	s.mu.Lock()
	s.user = forms.Clean(name)
	s.mu.Unlock()
}

func (s *Store) currentUser() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user
}

// stamp records in a dossier's summary that the current user saved it (putApplication has just
// written it in tx).
func (s *Store) stamp(tx *bolt.Tx, appID string) error {
	sums := tx.Bucket(bucketSummaries)
	var sum forms.ApplicationSummary
	found, err := getJSON(sums, []byte(appID), &sum)
	if err != nil || !found {
		return err
	}
	sum.UpdatedBy = s.currentUser()
	return putJSON(sums, []byte(appID), &sum)
}

// versionOf reads a dossier's version from its summary.
func versionOf(tx *bolt.Tx, appID string) (forms.Version, error) {
	var sum forms.ApplicationSummary
	found, err := getJSON(tx.Bucket(bucketSummaries), []byte(appID), &sum)
	if err != nil {
		return forms.Version{}, err
	}
	if !found {
		return forms.Version{}, notFound("hồ sơ", appID)
	}
	n := sum.Version
	if n == 0 {
		n = 1 // saved before versions were counted
	}
	return forms.Version{Number: n, By: sum.UpdatedBy, At: sum.UpdatedAt}, nil
}

// ApplicationAt returns a dossier with its stored version, read together: the version to give
// SaveApplicationAt when this text is saved again.
func (s *Store) ApplicationAt(id string) (*forms.Application, forms.Version, error) {
	var app forms.Application
	var v forms.Version
	err := s.db.View(func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bucketApplications), []byte(id), &app)
		if err == nil && !found {
			err = notFound("hồ sơ", id)
		}
		if err != nil {
			return err
		}
		v, err = versionOf(tx, id)
		return err
	})
	if err != nil {
		return nil, forms.Version{}, err
	}
	return &app, v, nil
}

// SaveApplicationAt saves a dossier edited from version base. When someone else saved it since,
// nothing is overwritten: the text is kept as a conflict revision and a *forms.ConflictError
// (errors.Is forms.ErrConflict) names who saved and when. A new dossier (empty ID) is saved.
func (s *Store) SaveApplicationAt(app *forms.Application, base uint64) (forms.Version, error) {
	if app == nil {
		return forms.Version{}, errors.New("không có hồ sơ để lưu")
	}
	cp := *app
	var v forms.Version
	var conflict *forms.ConflictError
	err := s.update(func(tx *bolt.Tx) error {
		now := s.now()
		if cp.ID != "" {
			cur, err := versionOf(tx, cp.ID)
			if err != nil && !errors.Is(err, forms.ErrNotFound) {
				return err
			}
			if err == nil && cur.Number != base {
				kept, err := putConflict(tx, &cp, s.currentUser(), now)
				if err != nil {
					return err
				}
				conflict = &forms.ConflictError{AppID: cp.ID, Current: cur, Kept: kept}
				return nil
			}
		}
		if err := putApplication(tx, &cp, now); err != nil {
			return err
		}
		if err := s.stamp(tx, cp.ID); err != nil {
			return err
		}
		var err error
		v, err = versionOf(tx, cp.ID)
		return err
	})
	if err != nil {
		return forms.Version{}, err
	}
	if conflict != nil {
		return conflict.Current, conflict
	}
	app.ID, app.FormatVersion, app.CreatedAt, app.UpdatedAt = cp.ID, cp.FormatVersion, cp.CreatedAt, cp.UpdatedAt
	return v, nil
}

// putConflict keeps a refused save as a revision of the stored dossier.
func putConflict(tx *bolt.Tx, app *forms.Application, user string, now time.Time) (forms.RevisionInfo, error) {
	cp := *app
	cp.UpdatedAt = now
	cp.FormatVersion = forms.FormatVersion
	data, err := json.Marshal(&cp)
	if err != nil {
		return forms.RevisionInfo{}, err
	}
	return putRevisionOf(tx, app.ID, forms.ConflictReason(user), user, data, now)
}
