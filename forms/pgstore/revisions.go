package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

// revisionRecord is a revision's data: the same fields as the bbolt store's, and who saved it.
type revisionRecord struct {
	At          time.Time       `json:"at"`
	Reason      string          `json:"reason"`
	By          string          `json:"by,omitempty"`
	Changes     []string        `json:"changes"`
	Application json.RawMessage `json:"application,omitempty"`
}

// SaveRevision snapshots the dossier as it is now, with a reason, and lists what changed since
// the previous snapshot.
func (s *Store) SaveRevision(appID, reason string) (forms.RevisionInfo, error) {
	var info forms.RevisionInfo
	err := s.tx(func(ctx context.Context, tx pgx.Tx) error {
		var data string
		var sum []byte
		err := tx.QueryRow(ctx, "SELECT data, sha256 FROM applications WHERE id = $1 FOR UPDATE", appID).Scan(&data, &sum)
		if errors.Is(err, pgx.ErrNoRows) {
			return notFound("hồ sơ", appID)
		}
		if err != nil {
			return err
		}
		var app json.RawMessage
		if err := decode(data, sum, &app, "hồ sơ", appID); err != nil {
			return err
		}
		info, err = putRevision(ctx, tx, appID, reason, s.currentUser(), app, s.now())
		return err
	})
	return info, err
}

// putRevision adds a revision holding app (JSON) to a dossier whose row tx has locked.
func putRevision(ctx context.Context, tx pgx.Tx, appID, reason, by string, app json.RawMessage, now time.Time) (forms.RevisionInfo, error) {
	var lastID int64
	var lastData string
	var lastSum []byte
	err := tx.QueryRow(ctx, "SELECT id, data, sha256 FROM revisions WHERE app_id = $1 ORDER BY id DESC LIMIT 1", appID).Scan(&lastID, &lastData, &lastSum)
	var changes []string
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		changes = []string{"Bản lưu đầu tiên"}
	case err != nil:
		return forms.RevisionInfo{}, err
	default:
		var prev revisionRecord
		if err := decode(lastData, lastSum, &prev, "bản lưu trước của hồ sơ", appID); err != nil {
			return forms.RevisionInfo{}, err
		}
		changes = forms.DescribeChanges(prev.Application, app)
	}
	rec := revisionRecord{At: now, Reason: reason, By: by, Changes: changes, Application: app}
	data, sum, err := encode(&rec)
	if err != nil {
		return forms.RevisionInfo{}, err
	}
	id := lastID + 1
	_, err = tx.Exec(ctx, "INSERT INTO revisions (app_id, id, at, reason, by, data, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)",
		appID, id, now, reason, by, data, sum)
	if err != nil {
		return forms.RevisionInfo{}, err
	}
	return forms.RevisionInfo{ID: uint64(id), At: now, Reason: reason, By: by, Changes: changes}, nil
}

// Revisions lists a dossier's snapshots, newest first.
func (s *Store) Revisions(appID string) ([]forms.RevisionInfo, error) {
	ctx := context.Background()
	var one int
	err := s.pool.QueryRow(ctx, "SELECT 1 FROM applications WHERE id = $1", appID).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("hồ sơ", appID)
	}
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, "SELECT id, data, sha256 FROM revisions WHERE app_id = $1 ORDER BY id DESC", appID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []forms.RevisionInfo
	for rows.Next() {
		var id int64
		var data string
		var sum []byte
		if err := rows.Scan(&id, &data, &sum); err != nil {
			return nil, err
		}
		var rec revisionRecord
		if err := decode(data, sum, &rec, "bản lưu", fmt.Sprintf("%s#%d", appID, id)); err != nil {
			return nil, err
		}
		out = append(out, forms.RevisionInfo{ID: uint64(id), At: rec.At, Reason: rec.Reason, By: rec.By, Changes: rec.Changes})
	}
	return out, rows.Err()
}

// Revision opens an old snapshot of a dossier.
func (s *Store) Revision(appID string, revID uint64) (*forms.Application, error) {
	var data string
	var sum []byte
	err := s.pool.QueryRow(context.Background(), "SELECT data, sha256 FROM revisions WHERE app_id = $1 AND id = $2", appID, int64(revID)).Scan(&data, &sum)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound("bản lưu", fmt.Sprintf("%s#%d", appID, revID))
	}
	if err != nil {
		return nil, err
	}
	var rec revisionRecord
	if err := decode(data, sum, &rec, "bản lưu", fmt.Sprintf("%s#%d", appID, revID)); err != nil {
		return nil, err
	}
	app := new(forms.Application)
	if err := json.Unmarshal(rec.Application, app); err != nil {
		return nil, fmt.Errorf("bản lưu #%d của hồ sơ %s bị hỏng: %v", revID, appID, err)
	}
	return app, nil
}
