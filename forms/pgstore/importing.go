package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

// importLock is the first key of the advisory locks that serialise imports of one tax code.
const importLock = 0x696d70 // "imp"

// ImportApplication stores a dossier that comes from a file or a hand-off package, in one
// transaction, with a new ID and a first revision "nhập từ tệp". Its client is found by the
// enterprise's tax code, as the bbolt store does (see forms.Store); imports of the same tax code
// by several programs at once are serialised, so that merges never create two clients.
func (s *Store) ImportApplication(app *forms.Application, mode forms.ImportMode) (string, error) {
	if app == nil {
		return "", errors.New("không có hồ sơ để nhập")
	}
	var out forms.Application
	err := s.tx(func(ctx context.Context, tx pgx.Tx) error {
		out = *app
		out.ID, out.ClientID = "", ""
		now := s.now()
		tax := forms.NormaliseTaxCode(out.Enterprise.TaxCode)
		var existing []forms.Client
		if tax != "" {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, hashtext($2))", importLock, tax); err != nil {
				return err
			}
			rows, err := tx.Query(ctx, "SELECT id, data, sha256 FROM clients WHERE tax_code = $1 AND deleted_at IS NULL ORDER BY created_at, id", tax)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id, data string
				var sum []byte
				var c forms.Client
				err := rows.Scan(&id, &data, &sum)
				if err == nil {
					err = decode(data, sum, &c, "khách hàng", id)
				}
				if err != nil {
					rows.Close()
					return err
				}
				existing = append(existing, c)
			}
			if err := rows.Err(); err != nil {
				return err
			}
		}
		switch {
		case len(existing) > 0 && mode == forms.ImportMerge:
			out.ClientID = existing[0].ID
		case len(existing) > 0 && mode != forms.ImportCopy:
			names := make([]string, len(existing))
			for i, c := range existing {
				names[i] = fmt.Sprintf("%q", c.Enterprise.Name)
			}
			return fmt.Errorf("%w (mã số thuế %s: %s)", forms.ErrClientExists, tax, strings.Join(names, ", "))
		default:
			c := forms.Client{Enterprise: out.Enterprise}
			c.Enterprise.Name = forms.Clean(c.Enterprise.Name)
			c.Enterprise.ShortName = forms.Clean(c.Enterprise.ShortName)
			c.Enterprise.TaxCode = tax
			if c.Enterprise.Name == "" {
				c.Enterprise.Name = "(chưa có tên)"
			}
			if len(existing) > 0 {
				c.Notes = "Bản sao tạo khi nhập hồ sơ ngày " + now.Format("02/01/2006")
			}
			if err := putClient(ctx, tx, &c, now); err != nil {
				return err
			}
			out.ClientID = c.ID
		}
		out.CreatedAt = now
		user := s.currentUser()
		if _, err := putApplication(ctx, tx, &out, now, user); err != nil {
			return err
		}
		data, err := json.Marshal(&out)
		if err != nil {
			return err
		}
		_, err = putRevision(ctx, tx, out.ID, "nhập từ tệp", user, data, now)
		return err
	})
	if err != nil {
		return "", err
	}
	app.ID, app.ClientID, app.FormatVersion, app.CreatedAt, app.UpdatedAt = out.ID, out.ClientID, out.FormatVersion, out.CreatedAt, out.UpdatedAt
	return out.ClientID, nil
}
