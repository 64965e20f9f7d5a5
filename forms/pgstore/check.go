package pgstore

import (
	"context"
	"encoding/json"
	"fmt"

	"khuyencong/forms"
)

// CheckReport is the result of Store.Check.
type CheckReport struct {
	Library       string   `json:"library"`
	SchemaVersion int      `json:"schema_version"`
	Clients       int      `json:"clients"`
	Applications  int      `json:"applications"`
	Revisions     int      `json:"revisions"`
	InTrash       int      `json:"in_trash"`
	Problems      []string `json:"problems"`
}

// OK reports whether no problem was found.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check reads every record of the library in one snapshot and checks it: its SHA-256, its JSON,
// that the columns lists use agree with the JSON, that every revision decodes.
func (s *Store) Check() (*CheckReport, error) {
	ctx := context.Background()
	r := &CheckReport{Library: s.desc}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"); err != nil {
		return nil, err
	}
	add := func(format string, args ...any) {
		if len(r.Problems) < 100 {
			r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
		}
	}
	if err := tx.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&r.SchemaVersion); err != nil {
		return nil, err
	}
	if r.SchemaVersion != SchemaVersion {
		add("cấu trúc phiên bản %d, chương trình này dùng %d", r.SchemaVersion, SchemaVersion)
	}

	rows, err := tx.Query(ctx, "SELECT id, name, tax_code, deleted_at IS NOT NULL, data, sha256 FROM clients")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, name, tax, data string
		var deleted bool
		var sum []byte
		if err := rows.Scan(&id, &name, &tax, &deleted, &data, &sum); err != nil {
			rows.Close()
			return nil, err
		}
		r.Clients++
		if deleted {
			r.InTrash++
		}
		var c forms.Client
		if err := decode(data, sum, &c, "khách hàng", id); err != nil {
			add("%v", err)
			continue
		}
		if c.ID != id || c.Enterprise.Name != name || forms.NormaliseTaxCode(c.Enterprise.TaxCode) != tax || c.DeletedAt.IsZero() == deleted {
			add("khách hàng %s: cột tra cứu không khớp với bản ghi", id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = tx.Query(ctx, "SELECT id, client_id, programme, year, status, title, deleted_at IS NOT NULL, data, sha256 FROM applications")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, clientID, programme, status, title, data string
		var year int
		var deleted bool
		var sum []byte
		if err := rows.Scan(&id, &clientID, &programme, &year, &status, &title, &deleted, &data, &sum); err != nil {
			rows.Close()
			return nil, err
		}
		r.Applications++
		if deleted {
			r.InTrash++
		}
		var app forms.Application
		if err := decode(data, sum, &app, "hồ sơ", id); err != nil {
			add("%v", err)
			continue
		}
		if app.ID != id || app.ClientID != clientID || string(app.Programme) != programme || app.Year != year ||
			string(app.Status) != status || app.Project.Title != title {
			add("hồ sơ %s: cột tra cứu không khớp với bản ghi", id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = tx.Query(ctx, "SELECT app_id, id, data, sha256 FROM revisions")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var appID, data string
		var id int64
		var sum []byte
		if err := rows.Scan(&appID, &id, &data, &sum); err != nil {
			rows.Close()
			return nil, err
		}
		r.Revisions++
		var rec revisionRecord
		if err := decode(data, sum, &rec, "bản lưu", fmt.Sprintf("%s#%d", appID, id)); err != nil {
			add("%v", err)
			continue
		}
		var app forms.Application
		if len(rec.Application) > 0 {
			if err := json.Unmarshal(rec.Application, &app); err != nil {
				add("bản lưu %s#%d: hồ sơ trong bản lưu không đọc được (%v)", appID, id, err)
			}
		}
	}
	rows.Close()
	return r, rows.Err()
}
