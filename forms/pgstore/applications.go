package pgstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

// SaveApplication creates (empty ID: one is assigned) or updates a dossier, in one transaction,
// whatever version is stored (SaveApplicationAt checks it). ClientID must name a client outside
// the recycle bin, and a saved dossier stays with its client.
func (s *Store) SaveApplication(app *forms.Application) error {
	_, err := s.save(app, 0, false)
	return err
}

// save writes a dossier; with check, only if the stored version is base (else a *forms.ConflictError).
func (s *Store) save(app *forms.Application, base uint64, check bool) (forms.Version, error) {
	if app == nil {
		return forms.Version{}, errors.New("không có hồ sơ để lưu")
	}
	var out forms.Application
	var ver forms.Version
	var conflict *forms.ConflictError
	err := s.tx(func(ctx context.Context, tx pgx.Tx) error {
		out, conflict = *app, nil
		if check && out.ID != "" {
			cur, err := currentVersion(ctx, tx, out.ID)
			if err != nil && !errors.Is(err, forms.ErrNotFound) {
				return err
			}
			if err == nil && cur.Number != base {
				kept, err := putConflict(ctx, tx, &out, cur, s.currentUser(), s.now())
				if err != nil {
					return err
				}
				conflict = &forms.ConflictError{AppID: out.ID, Current: cur, Kept: kept}
				return nil
			}
		}
		var err error
		ver, err = putApplication(ctx, tx, &out, s.now(), s.currentUser())
		return err
	})
	if err != nil {
		return forms.Version{}, err
	}
	if conflict != nil {
		return conflict.Current, conflict
	}
	app.ID, app.FormatVersion, app.CreatedAt, app.UpdatedAt = out.ID, out.FormatVersion, out.CreatedAt, out.UpdatedAt
	return ver, nil
}

// putApplication writes a dossier in tx and returns its new version.
func putApplication(ctx context.Context, tx pgx.Tx, app *forms.Application, now time.Time, user string) (forms.Version, error) {
	if app.ClientID == "" {
		return forms.Version{}, errors.New("hồ sơ chưa gắn với khách hàng nào: hãy chọn hoặc tạo khách hàng trước khi lưu")
	}
	var clientName string
	var clientDeleted *time.Time
	err := tx.QueryRow(ctx, "SELECT name, deleted_at FROM clients WHERE id = $1 FOR SHARE", app.ClientID).Scan(&clientName, &clientDeleted)
	if errors.Is(err, pgx.ErrNoRows) {
		return forms.Version{}, fmt.Errorf("khách hàng %q không có trong thư viện: hồ sơ phải thuộc về một khách hàng đã lưu", app.ClientID)
	}
	if err != nil {
		return forms.Version{}, err
	}
	if clientDeleted != nil {
		return forms.Version{}, fmt.Errorf("khách hàng %q đang ở thùng rác: hãy khôi phục khách hàng trước khi lưu hồ sơ", clientName)
	}
	version := uint64(1)
	if app.ID == "" {
		app.ID = newID()
	} else {
		if err := checkID(app.ID); err != nil {
			return forms.Version{}, err
		}
		var oldClient, oldName string
		var oldVersion uint64
		err := tx.QueryRow(ctx, `SELECT a.client_id, c.name, a.version FROM applications a JOIN clients c ON c.id = a.client_id
			WHERE a.id = $1 FOR UPDATE OF a`, app.ID).Scan(&oldClient, &oldName, &oldVersion)
		switch {
		case err == nil:
			if oldClient != app.ClientID {
				return forms.Version{}, fmt.Errorf("hồ sơ %s thuộc khách hàng khác (%s): không lưu nó vào khách hàng %q", app.ID, oldName, clientName)
			}
			version = oldVersion + 1
		case !errors.Is(err, pgx.ErrNoRows):
			return forms.Version{}, err
		}
	}
	if app.CreatedAt.IsZero() {
		app.CreatedAt = now
	}
	app.UpdatedAt = now
	app.FormatVersion = forms.FormatVersion
	data, sum, err := encode(app)
	if err != nil {
		return forms.Version{}, err
	}
	search := forms.FoldSearch(app.Project.Title + "\n" + app.ID)
	_, err = tx.Exec(ctx, `INSERT INTO applications (id, client_id, programme, year, status, title, completeness, search,
			updated_at, version, updated_by, data, sha256)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (id) DO UPDATE SET programme = $3, year = $4, status = $5, title = $6, completeness = $7,
			search = $8, updated_at = $9, version = $10, updated_by = $11, data = $12, sha256 = $13`,
		app.ID, app.ClientID, string(app.Programme), app.Year, string(app.Status), app.Project.Title,
		completenessPercent(app), search, now, int64(version), user, data, sum)
	if err != nil {
		return forms.Version{}, err
	}
	return forms.Version{Number: version, By: user, At: now}, nil
}

// completenessPercent is forms' completeness of the dossier; a failure there never stops a save.
func completenessPercent(app *forms.Application) (pct int) {
	defer func() {
		if recover() != nil {
			pct = 0
		}
	}()
	return forms.CheckCompleteness(app).Percent
}

// getApplication reads and checks a dossier with its version.
func getApplication(ctx context.Context, q querier, id string, lock bool) (*forms.Application, forms.Version, error) {
	sql := "SELECT data, sha256, version, updated_by, updated_at FROM applications WHERE id = $1"
	if lock {
		sql += " FOR UPDATE"
	}
	var data string
	var sum []byte
	var v forms.Version
	var n int64
	err := q.QueryRow(ctx, sql, id).Scan(&data, &sum, &n, &v.By, &v.At)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, v, notFound("hồ sơ", id)
	}
	if err != nil {
		return nil, v, err
	}
	v.Number = uint64(n)
	app := new(forms.Application)
	if err := decode(data, sum, app, "hồ sơ", id); err != nil {
		return nil, v, err
	}
	return app, v, nil
}

// Application returns a dossier, also one in the recycle bin.
func (s *Store) Application(id string) (*forms.Application, error) {
	app, _, err := getApplication(context.Background(), s.pool, id, false)
	return app, err
}

// Applications lists dossier summaries sorted by client name (Vietnamese collator), then year
// (newest first), then last change. Client name and tax code are the client's current ones.
// q.Text matches client name, short name, tax code, project title or ID ignoring case and
// diacritics; q.Deleted lists the recycle bin instead.
func (s *Store) Applications(q forms.Query) ([]forms.ApplicationSummary, error) {
	where := []string{"(a.deleted_at IS NOT NULL) = $1"}
	args := []any{q.Deleted}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.ClientID != "" {
		where = append(where, "a.client_id = "+arg(q.ClientID))
	}
	if q.Programme != "" {
		where = append(where, "a.programme = "+arg(string(q.Programme)))
	}
	if q.Year != 0 {
		where = append(where, "a.year = "+arg(q.Year))
	}
	if q.Status != "" {
		where = append(where, "a.status = "+arg(string(q.Status)))
	}
	for _, w := range searchWords(q.Text) {
		where = append(where, "strpos(c.search || E'\\n' || a.search, "+arg(w)+") > 0")
	}
	rows, err := s.pool.Query(context.Background(), `SELECT a.id, a.client_id, c.name, c.tax_code, a.programme, a.year, a.status,
			a.title, a.completeness, a.updated_at, a.deleted_at, a.version, a.updated_by
		FROM applications a JOIN clients c ON c.id = a.client_id WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []forms.ApplicationSummary
	for rows.Next() {
		var sum forms.ApplicationSummary
		var programme, status string
		var deleted *time.Time
		var version int64
		if err := rows.Scan(&sum.ID, &sum.ClientID, &sum.ClientName, &sum.TaxCode, &programme, &sum.Year, &status,
			&sum.Title, &sum.Completeness, &sum.UpdatedAt, &deleted, &version, &sum.UpdatedBy); err != nil {
			return nil, err
		}
		sum.Programme, sum.Status, sum.Version = forms.Programme(programme), forms.Status(status), uint64(version)
		if deleted != nil {
			sum.DeletedAt = *deleted
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	s.sortSummaries(out)
	return out, nil
}

// nameKeys are the collation keys of the names, from the store's cache (names change rarely).
func (s *Store) nameKeys(n int, name func(i int) string) [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil || len(s.keys) > 200000 {
		s.keys = map[string][]byte{}
	}
	var missing []string
	for i := range n {
		if _, ok := s.keys[name(i)]; !ok {
			missing = append(missing, name(i))
		}
	}
	if len(missing) > 0 {
		for i, k := range forms.NameKeys(len(missing), func(i int) string { return missing[i] }) {
			s.keys[missing[i]] = k
		}
	}
	keys := make([][]byte, n)
	for i := range n {
		keys[i] = s.keys[name(i)]
	}
	return keys
}

// sortSummaries orders by client name (Vietnamese collator), client, year descending, last change.
func (s *Store) sortSummaries(out []forms.ApplicationSummary) {
	keys := s.nameKeys(len(out), func(i int) string { return out[i].ClientName })
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int {
		if c := bytes.Compare(keys[i], keys[j]); c != 0 {
			return c
		}
		x, y := &out[i], &out[j]
		switch {
		case x.ClientID != y.ClientID:
			return strings.Compare(x.ClientID, y.ClientID)
		case x.Year != y.Year:
			return y.Year - x.Year
		case !x.UpdatedAt.Equal(y.UpdatedAt):
			return y.UpdatedAt.Compare(x.UpdatedAt)
		}
		return strings.Compare(x.ID, y.ID)
	})
	sorted := make([]forms.ApplicationSummary, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	copy(out, sorted)
}

// DeleteApplication moves a dossier to the recycle bin.
func (s *Store) DeleteApplication(id string) error {
	return s.tx(func(ctx context.Context, tx pgx.Tx) error {
		var deleted *time.Time
		err := tx.QueryRow(ctx, "SELECT deleted_at FROM applications WHERE id = $1 FOR UPDATE", id).Scan(&deleted)
		if errors.Is(err, pgx.ErrNoRows) {
			return notFound("hồ sơ", id)
		}
		if err != nil || deleted != nil {
			return err
		}
		_, err = tx.Exec(ctx, "UPDATE applications SET deleted_at = $2 WHERE id = $1", id, s.now())
		return err
	})
}

// Restore takes a client (with the dossiers deleted together with it) or a dossier (and its
// client, if that is in the recycle bin) back out of the recycle bin.
func (s *Store) Restore(id string) error {
	return s.tx(func(ctx context.Context, tx pgx.Tx) error {
		c, err := getClient(ctx, tx, id, true)
		if err == nil {
			if c.DeletedAt.IsZero() {
				return nil
			}
			when := c.DeletedAt
			c.DeletedAt = time.Time{}
			if err := writeClient(ctx, tx, c); err != nil {
				return err
			}
			_, err = tx.Exec(ctx, "UPDATE applications SET deleted_at = NULL WHERE client_id = $1 AND deleted_at = $2", id, when)
			return err
		}
		if !errors.Is(err, forms.ErrNotFound) {
			return err
		}
		var clientID string
		err = tx.QueryRow(ctx, "UPDATE applications SET deleted_at = NULL WHERE id = $1 RETURNING client_id", id).Scan(&clientID)
		if errors.Is(err, pgx.ErrNoRows) {
			return notFound("khách hàng hoặc hồ sơ", id)
		}
		if err != nil {
			return err
		}
		c, err = getClient(ctx, tx, clientID, true)
		if err != nil || c.DeletedAt.IsZero() {
			return err
		}
		c.DeletedAt = time.Time{}
		return writeClient(ctx, tx, c)
	})
}

// EmptyTrash deletes for good every client and dossier in the recycle bin, with their revisions.
func (s *Store) EmptyTrash() error {
	return s.tx(func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM applications a WHERE a.deleted_at IS NOT NULL
			OR a.client_id IN (SELECT id FROM clients WHERE deleted_at IS NOT NULL)`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "DELETE FROM clients WHERE deleted_at IS NOT NULL")
		return err
	})
}
