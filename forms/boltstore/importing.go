package boltstore

import (
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// ImportMode and its values are forms'.
type ImportMode = forms.ImportMode

// The import modes.
const (
	ImportAsk   = forms.ImportAsk
	ImportMerge = forms.ImportMerge
	ImportCopy  = forms.ImportCopy
)

// ErrClientExists is forms.ErrClientExists.
var ErrClientExists = forms.ErrClientExists

// ImportApplication stores a dossier that comes from a file or a hand-off package, in one
// transaction, with a new ID (an import never overwrites a stored dossier) and a first revision
// "nhập từ tệp". Its client is found by the enterprise's tax code:
//   - no client with that tax code (or no tax code): a new client is created from the dossier's enterprise;
//   - one exists and mode is ImportMerge: the dossier joins the oldest such client;
//   - one exists and mode is ImportCopy: a new client, a copy, is created;
//   - one exists and mode is ImportAsk: nothing is stored and the error wraps ErrClientExists.
//
// The dossier's enterprise stays as it came, whatever the client's profile says.
// On success app.ID, app.ClientID and the times are set.
func (s *Store) ImportApplication(app *forms.Application, mode ImportMode) (clientID string, err error) {
	if app == nil {
		return "", errors.New("không có hồ sơ để nhập")
	}
	cp := *app
	cp.ID, cp.ClientID = "", ""
	err = s.update(func(tx *bolt.Tx) error {
		now := s.now()
		existing, err := clientsByTaxCode(tx, cp.Enterprise.TaxCode)
		if err != nil {
			return err
		}
		switch {
		case len(existing) > 0 && mode == ImportMerge:
			cp.ClientID = existing[0].ID
		case len(existing) > 0 && mode != ImportCopy:
			names := make([]string, len(existing))
			for i, c := range existing {
				names[i] = fmt.Sprintf("%q", c.Enterprise.Name)
			}
			return fmt.Errorf("%w (mã số thuế %s: %s)", ErrClientExists, forms.NormaliseTaxCode(cp.Enterprise.TaxCode), strings.Join(names, ", "))
		default:
			c := forms.Client{Enterprise: cp.Enterprise}
			c.Enterprise.Name = forms.Clean(c.Enterprise.Name)
			c.Enterprise.ShortName = forms.Clean(c.Enterprise.ShortName)
			c.Enterprise.TaxCode = forms.NormaliseTaxCode(c.Enterprise.TaxCode)
			if c.Enterprise.Name == "" {
				c.Enterprise.Name = "(chưa có tên)"
			}
			if len(existing) > 0 {
				c.Notes = "Bản sao tạo khi nhập hồ sơ ngày " + now.Format("02/01/2006")
			}
			if err := putClient(tx, &c, now); err != nil {
				return err
			}
			cp.ClientID = c.ID
		}
		cp.CreatedAt = now
		if err := putApplication(tx, &cp, now); err != nil {
			return err
		}
		if err := s.stamp(tx, cp.ID); err != nil {
			return err
		}
		_, err = putRevision(tx, cp.ID, "nhập từ tệp", s.currentUser(), now)
		return err
	})
	if err != nil {
		return "", err
	}
	app.ID, app.ClientID, app.FormatVersion, app.CreatedAt, app.UpdatedAt = cp.ID, cp.ClientID, cp.FormatVersion, cp.CreatedAt, cp.UpdatedAt
	return cp.ClientID, nil
}
