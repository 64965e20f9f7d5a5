package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

// ApplicationAt returns a dossier with its stored version, read together: the version to give
// SaveApplicationAt when this text is saved again.
func (s *Store) ApplicationAt(id string) (*forms.Application, forms.Version, error) {
	return getApplication(context.Background(), s.pool, id, false)
}

// SaveApplicationAt saves a dossier edited from version base. When someone else saved it since,
// nothing is overwritten: the text is kept as a conflict revision and a *forms.ConflictError
// (errors.Is forms.ErrConflict) names who saved and when. A new dossier (empty ID) is saved.
func (s *Store) SaveApplicationAt(app *forms.Application, base uint64) (forms.Version, error) {
	return s.save(app, base, true)
}

// currentVersion reads a dossier's version and locks its row until the end of tx.
func currentVersion(ctx context.Context, tx pgx.Tx, id string) (forms.Version, error) {
	var v forms.Version
	var n int64
	err := tx.QueryRow(ctx, "SELECT version, updated_by, updated_at FROM applications WHERE id = $1 FOR UPDATE", id).Scan(&n, &v.By, &v.At)
	if errors.Is(err, pgx.ErrNoRows) {
		return v, notFound("hồ sơ", id)
	}
	v.Number = uint64(n)
	return v, err
}

// putConflict keeps a refused save as a revision of the stored dossier.
func putConflict(ctx context.Context, tx pgx.Tx, app *forms.Application, cur forms.Version, user string, now time.Time) (forms.RevisionInfo, error) {
	cp := *app
	cp.UpdatedAt = now
	cp.FormatVersion = forms.FormatVersion
	data, err := json.Marshal(&cp)
	if err != nil {
		return forms.RevisionInfo{}, err
	}
	return putRevision(ctx, tx, app.ID, forms.ConflictReason(user), user, data, now)
}
