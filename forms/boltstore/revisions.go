package boltstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// revisionRecord is the value of revisions/<appID>/<revID>.
type revisionRecord struct {
	At          time.Time       `json:"at"`
	Reason      string          `json:"reason"`
	By          string          `json:"by,omitempty"`
	Changes     []string        `json:"changes"`
	Application json.RawMessage `json:"application,omitempty"`
}

// revisionHead is a revisionRecord without the snapshot, for lists.
type revisionHead struct {
	At      time.Time `json:"at"`
	Reason  string    `json:"reason"`
	By      string    `json:"by,omitempty"`
	Changes []string  `json:"changes"`
}

func revKey(id uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	return k[:]
}

// SaveRevision snapshots the dossier as it is now, with a reason ("render", "export" ...), and
// lists what changed since the previous snapshot.
func (s *Store) SaveRevision(appID, reason string) (RevisionInfo, error) {
	var info RevisionInfo
	err := s.update(func(tx *bolt.Tx) (err error) {
		info, err = putRevision(tx, appID, reason, s.currentUser(), s.now())
		return err
	})
	return info, err
}

// RevisionInfo is forms.RevisionInfo.
type RevisionInfo = forms.RevisionInfo

// putRevision snapshots applications/<appID> in tx.
func putRevision(tx *bolt.Tx, appID, reason, by string, now time.Time) (RevisionInfo, error) {
	stored := tx.Bucket(bucketApplications).Get([]byte(appID))
	if stored == nil {
		return RevisionInfo{}, notFound("hồ sơ", appID)
	}
	current, err := unseal([]byte(appID), stored)
	if err != nil {
		return RevisionInfo{}, err
	}
	return putRevisionOf(tx, appID, reason, by, current, now)
}

// putRevisionOf adds a revision holding current (a dossier's JSON) to the dossier appID.
func putRevisionOf(tx *bolt.Tx, appID, reason, by string, current []byte, now time.Time) (RevisionInfo, error) {
	revs, err := tx.Bucket(bucketRevisions).CreateBucketIfNotExists([]byte(appID))
	if err != nil {
		return RevisionInfo{}, err
	}
	var changes []string
	if lastKey, last := revs.Cursor().Last(); last == nil {
		changes = []string{"Bản lưu đầu tiên"}
	} else {
		var prev revisionRecord
		if err := decodeRecord(lastKey, last, &prev); err != nil {
			return RevisionInfo{}, fmt.Errorf("bản lưu trước của hồ sơ %s: %w", appID, err)
		}
		changes = describeChanges(prev.Application, current)
	}
	id, err := revs.NextSequence()
	if err != nil {
		return RevisionInfo{}, err
	}
	rec := revisionRecord{At: now, Reason: reason, By: by, Changes: changes, Application: append(json.RawMessage(nil), current...)}
	if err := putJSON(revs, revKey(id), &rec); err != nil {
		return RevisionInfo{}, err
	}
	return RevisionInfo{ID: id, At: now, Reason: reason, By: by, Changes: changes}, nil
}

// Revisions lists a dossier's snapshots, newest first.
func (s *Store) Revisions(appID string) ([]RevisionInfo, error) {
	var out []RevisionInfo
	err := s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketApplications).Get([]byte(appID)) == nil {
			return notFound("hồ sơ", appID)
		}
		revs := tx.Bucket(bucketRevisions).Bucket([]byte(appID))
		if revs == nil {
			return nil
		}
		c := revs.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var h revisionHead
			if err := decodeRecord(k, v, &h); err != nil {
				return fmt.Errorf("bản lưu của hồ sơ %s: %w", appID, err)
			}
			out = append(out, RevisionInfo{ID: binary.BigEndian.Uint64(k), At: h.At, Reason: h.Reason, By: h.By, Changes: h.Changes})
		}
		return nil
	})
	return out, err
}

// Revision opens an old snapshot of a dossier (to look at it, or to save it back: RestoreRevision).
func (s *Store) Revision(appID string, revID uint64) (*forms.Application, error) {
	var app forms.Application
	err := s.db.View(func(tx *bolt.Tx) error {
		rec, err := getRevision(tx, appID, revID)
		if err != nil {
			return err
		}
		return json.Unmarshal(rec.Application, &app)
	})
	if err != nil {
		return nil, err
	}
	return &app, nil
}

func getRevision(tx *bolt.Tx, appID string, revID uint64) (*revisionRecord, error) {
	revs := tx.Bucket(bucketRevisions).Bucket([]byte(appID))
	if revs == nil {
		return nil, notFound("bản lưu của hồ sơ", appID)
	}
	var rec revisionRecord
	found, err := getJSON(revs, revKey(revID), &rec)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, notFound("bản lưu", fmt.Sprintf("%s#%d", appID, revID))
	}
	return &rec, nil
}

// RestoreRevision makes an old snapshot the current dossier again, in one transaction: the current
// state is snapshotted first ("trước khi khôi phục"), so nothing is lost, then the restored state
// is saved and snapshotted ("khôi phục bản #N"). It returns the last snapshot's info.
func (s *Store) RestoreRevision(appID string, revID uint64) (RevisionInfo, error) {
	var info RevisionInfo
	err := s.update(func(tx *bolt.Tx) error {
		rec, err := getRevision(tx, appID, revID)
		if err != nil {
			return err
		}
		var old, current forms.Application
		if err := json.Unmarshal(rec.Application, &old); err != nil {
			return fmt.Errorf("bản lưu #%d của hồ sơ %s bị hỏng: %w", revID, appID, err)
		}
		if _, err := getJSON(tx.Bucket(bucketApplications), []byte(appID), &current); err != nil {
			return err
		}
		now := s.now()
		by := s.currentUser()
		if _, err := putRevision(tx, appID, "trước khi khôi phục", by, now); err != nil {
			return err
		}
		old.ID, old.ClientID, old.CreatedAt = appID, current.ClientID, current.CreatedAt
		if err := putApplication(tx, &old, now); err != nil {
			return err
		}
		if err := s.stamp(tx, appID); err != nil {
			return err
		}
		info, err = putRevision(tx, appID, fmt.Sprintf("khôi phục bản #%d", revID), by, now)
		return err
	})
	return info, err
}
