package pgstore

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

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
	Blobs         int      `json:"attachments"` // attached files' contents kept on the server
	Problems      []string `json:"problems"`
}

// OK reports whether no problem was found.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check reads every record of the library in one snapshot and checks it: its SHA-256, its JSON,
// that the columns lists use agree with the JSON, that every revision decodes, that every
// attached file's content still has its SHA-256 and size, and that the files dossiers name are there.
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

	refs := map[string][]string{} // SHA-256 → who names it
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
		for _, a := range app.Attachments {
			if sum, name, ok := forms.BlobOf(a.File); ok {
				refs[sum] = append(refs[sum], fmt.Sprintf("hồ sơ %s: tệp đính kèm %s", id, name))
			}
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
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// The server hashes each content; only the keys and verdicts come back.
	rows, err = tx.Query(ctx, "SELECT sha256, size = length(data), sha256(data) = sha256 FROM blobs")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var key []byte
		var sizeOK, sumOK bool
		if err := rows.Scan(&key, &sizeOK, &sumOK); err != nil {
			rows.Close()
			return nil, err
		}
		r.Blobs++
		sum := hex.EncodeToString(key)
		if !sizeOK || !sumOK {
			add("tệp đính kèm %s: nội dung trên máy chủ không khớp mã SHA-256 (đã bị sửa ngoài ứng dụng hoặc hỏng); hãy đính kèm lại tệp", sum)
		}
		delete(refs, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	missing := slices.Sorted(maps.Keys(refs))
	for _, sum := range missing {
		add("%s (%s): không có trên máy chủ", refs[sum][0], sum)
	}
	return r, nil
}
