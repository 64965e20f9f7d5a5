package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

var _ forms.LibraryCopier = (*Store)(nil)

// EachRecord calls fn on every record of the library, from one snapshot (repeatable read).
func (s *Store) EachRecord(fn func(r *forms.LibraryRecord) error) error {
	ctx := context.Background()
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		err := eachRow(ctx, tx, "SELECT id, data, sha256 FROM clients ORDER BY id", func(rows pgx.Rows) error {
			var id, data string
			var sum []byte
			if err := rows.Scan(&id, &data, &sum); err != nil {
				return err
			}
			c := new(forms.Client)
			if err := decode(data, sum, c, "khách hàng", id); err != nil {
				return err
			}
			return fn(&forms.LibraryRecord{Client: c})
		})
		if err != nil {
			return err
		}
		err = eachRow(ctx, tx, "SELECT id, data, sha256, deleted_at, version, updated_by, updated_at FROM applications ORDER BY id", func(rows pgx.Rows) error {
			var id, data string
			var sum []byte
			var deleted *time.Time
			var n int64
			var v forms.Version
			if err := rows.Scan(&id, &data, &sum, &deleted, &n, &v.By, &v.At); err != nil {
				return err
			}
			app := new(forms.Application)
			if err := decode(data, sum, app, "hồ sơ", id); err != nil {
				return err
			}
			v.Number = uint64(n)
			r := &forms.LibraryRecord{Application: app, Version: v}
			if deleted != nil {
				r.AppDeletedAt = *deleted
			}
			return fn(r)
		})
		if err != nil {
			return err
		}
		return eachRow(ctx, tx, "SELECT app_id, id, data, sha256 FROM revisions ORDER BY app_id, id", func(rows pgx.Rows) error {
			var appID, data string
			var id int64
			var sum []byte
			if err := rows.Scan(&appID, &id, &data, &sum); err != nil {
				return err
			}
			var rec revisionRecord
			if err := decode(data, sum, &rec, "bản lưu", fmt.Sprintf("%s#%d", appID, id)); err != nil {
				return err
			}
			return fn(&forms.LibraryRecord{Revision: &forms.StoredRevision{
				AppID:       appID,
				Info:        forms.RevisionInfo{ID: uint64(id), At: rec.At, Reason: rec.Reason, By: rec.By, Changes: rec.Changes},
				Application: rec.Application,
			}})
		})
	})
}

func eachRow(ctx context.Context, tx pgx.Tx, sql string, fn func(rows pgx.Rows) error) error {
	rows, err := tx.Query(ctx, sql)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PutRecords writes records as they are (IDs, times, recycle bin, versions, revisions), in one
// transaction.
func (s *Store) PutRecords(recs []forms.LibraryRecord) error {
	return s.tx(func(ctx context.Context, tx pgx.Tx) error {
		for i := range recs {
			r := &recs[i]
			switch {
			case r.Client != nil:
				c := *r.Client
				if err := checkID(c.ID); err != nil {
					return err
				}
				if err := writeClient(ctx, tx, &c); err != nil {
					return err
				}
			case r.Application != nil:
				app := r.Application
				if err := checkID(app.ID); err != nil {
					return err
				}
				data, sum, err := encode(app)
				if err != nil {
					return err
				}
				n := r.Version.Number
				if n == 0 {
					n = 1
				}
				_, err = tx.Exec(ctx, `INSERT INTO applications (id, client_id, programme, year, status, title, completeness, search,
						updated_at, deleted_at, version, updated_by, data, sha256)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
					app.ID, app.ClientID, string(app.Programme), app.Year, string(app.Status), app.Project.Title,
					completenessPercent(app), forms.FoldSearch(app.Project.Title+"\n"+app.ID), app.UpdatedAt,
					nullTime(r.AppDeletedAt), int64(n), r.Version.By, data, sum)
				if err != nil {
					return fmt.Errorf("hồ sơ %s: %v", app.ID, err)
				}
			case r.Revision != nil:
				rv := r.Revision
				rec := revisionRecord{At: rv.Info.At, Reason: rv.Info.Reason, By: rv.Info.By, Changes: rv.Info.Changes, Application: json.RawMessage(strings.TrimSpace(string(rv.Application)))}
				data, sum, err := encode(&rec)
				if err != nil {
					return err
				}
				_, err = tx.Exec(ctx, "INSERT INTO revisions (app_id, id, at, reason, by, data, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)",
					rv.AppID, int64(rv.Info.ID), rv.Info.At, rv.Info.Reason, rv.Info.By, data, sum)
				if err != nil {
					return fmt.Errorf("bản lưu %s#%d: %v", rv.AppID, rv.Info.ID, err)
				}
			}
		}
		return nil
	})
}
