package boltstore

import (
	"errors"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// SaveClient creates (empty ID: one is assigned) or updates a client, in one transaction.
// The recycle-bin state is kept as stored: use DeleteClient and Restore to change it.
func (s *Store) SaveClient(c *forms.Client) error {
	if c == nil {
		return errors.New("không có khách hàng để lưu")
	}
	cp := *c
	cp.Enterprise.Name = forms.Clean(cp.Enterprise.Name)
	cp.Enterprise.ShortName = forms.Clean(cp.Enterprise.ShortName)
	cp.Enterprise.TaxCode = forms.NormaliseTaxCode(cp.Enterprise.TaxCode)
	cp.Notes = forms.NFC(cp.Notes)
	if cp.Enterprise.Name == "" {
		return errors.New("chưa có tên khách hàng: hãy nhập tên doanh nghiệp, hợp tác xã hoặc hộ kinh doanh trước khi lưu")
	}
	err := s.update(func(tx *bolt.Tx) error {
		return putClient(tx, &cp, s.now())
	})
	if err != nil {
		return err
	}
	*c = cp
	return nil
}

// putClient writes a client in tx: assigns an ID, keeps CreatedAt and DeletedAt of the stored
// record, sets UpdatedAt and updates the tax-code index.
func putClient(tx *bolt.Tx, c *forms.Client, now time.Time) error {
	clients := tx.Bucket(bucketClients)
	idx := tx.Bucket(bucketTaxCodes)
	if c.ID == "" {
		c.ID = unusedID(clients)
	} else if err := checkID(c.ID); err != nil {
		return err
	}
	var old forms.Client
	found, err := getJSON(clients, []byte(c.ID), &old)
	if err != nil {
		return err
	}
	if found {
		c.CreatedAt = old.CreatedAt
		c.DeletedAt = old.DeletedAt
		if k := taxIndexKey(old.Enterprise.TaxCode, old.ID); k != nil {
			if err := idx.Delete(k); err != nil {
				return err
			}
		}
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = now
	}
	c.UpdatedAt = now
	if k := taxIndexKey(c.Enterprise.TaxCode, c.ID); k != nil {
		if err := idx.Put(k, nil); err != nil {
			return err
		}
	}
	return putJSON(clients, []byte(c.ID), c)
}

// unusedID draws IDs until one is not a key of b.
func unusedID(b *bolt.Bucket) string {
	for {
		id := newID()
		if b.Get([]byte(id)) == nil {
			return id
		}
	}
}

// Client returns a client, also one in the recycle bin (DeletedAt set).
func (s *Store) Client(id string) (*forms.Client, error) {
	var c forms.Client
	err := s.db.View(func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bucketClients), []byte(id), &c)
		if err == nil && !found {
			err = notFound("khách hàng", id)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// Clients lists clients sorted by name with a Vietnamese collator. q.Text matches name, short name
// or tax code ignoring case and diacritics; q.Programme, q.Year and q.Status keep the clients that
// have a dossier matching them; q.Deleted lists the recycle bin instead.
func (s *Store) Clients(q forms.Query) ([]forms.Client, error) {
	text := newTextMatcher(q.Text)
	var out []forms.Client
	err := s.db.View(func(tx *bolt.Tx) error {
		var withApps map[string]bool
		if q.Programme != "" || q.Year != 0 || q.Status != "" {
			withApps = map[string]bool{}
			err := eachSummary(tx, func(sum *forms.ApplicationSummary) error {
				if sum.DeletedAt.IsZero() && (q.Programme == "" || sum.Programme == q.Programme) &&
					(q.Year == 0 || sum.Year == q.Year) && (q.Status == "" || sum.Status == q.Status) {
					withApps[sum.ClientID] = true
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
			var c forms.Client
			if err := decodeRecord(k, v, &c); err != nil {
				return err
			}
			if q.Deleted != !c.DeletedAt.IsZero() || (q.ClientID != "" && c.ID != q.ClientID) {
				return nil
			}
			if withApps != nil && !withApps[c.ID] {
				return nil
			}
			if !text.match(c.Enterprise.Name, c.Enterprise.ShortName, c.Enterprise.TaxCode) {
				return nil
			}
			out = append(out, c)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	order := vietnameseOrder(len(out), func(i int) string { return out[i].Enterprise.Name },
		func(i, j int) bool { return out[i].ID < out[j].ID })
	sorted := make([]forms.Client, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted, nil
}

// ClientsByTaxCode returns the clients (not in the recycle bin) with the tax code, oldest first.
func (s *Store) ClientsByTaxCode(taxCode string) ([]forms.Client, error) {
	var out []forms.Client
	err := s.db.View(func(tx *bolt.Tx) (err error) {
		out, err = clientsByTaxCode(tx, taxCode)
		return err
	})
	return out, err
}

func clientsByTaxCode(tx *bolt.Tx, taxCode string) ([]forms.Client, error) {
	tax := forms.NormaliseTaxCode(taxCode)
	if tax == "" {
		return nil, nil
	}
	prefix := []byte(tax + "\x00")
	clients := tx.Bucket(bucketClients)
	var out []forms.Client
	cur := tx.Bucket(bucketTaxCodes).Cursor()
	for k, _ := cur.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = cur.Next() {
		id := k[len(prefix):]
		var c forms.Client
		found, err := getJSON(clients, id, &c)
		if err != nil {
			return nil, err
		}
		if found && c.DeletedAt.IsZero() {
			out = append(out, c)
		}
	}
	for i := 1; i < len(out); i++ { // few items: insertion sort by CreatedAt
		for j := i; j > 0 && out[j].CreatedAt.Before(out[j-1].CreatedAt); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// DeleteClient moves a client and its dossiers to the recycle bin; Restore brings back the
// client with the dossiers deleted together with it.
func (s *Store) DeleteClient(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		clients := tx.Bucket(bucketClients)
		var c forms.Client
		found, err := getJSON(clients, []byte(id), &c)
		if err != nil {
			return err
		}
		if !found {
			return notFound("khách hàng", id)
		}
		if !c.DeletedAt.IsZero() {
			return nil
		}
		now := s.now()
		c.DeletedAt = now
		if err := putJSON(clients, []byte(id), &c); err != nil {
			return err
		}
		sums := tx.Bucket(bucketSummaries)
		return eachSummary(tx, func(sum *forms.ApplicationSummary) error {
			if sum.ClientID != id || !sum.DeletedAt.IsZero() {
				return nil
			}
			sum.DeletedAt = now
			return putJSON(sums, []byte(sum.ID), sum)
		})
	})
}
