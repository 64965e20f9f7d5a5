package boltstore

import (
	"bytes"
	"slices"
	"strings"

	"errors"
	"fmt"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// SaveApplication creates (empty ID: one is assigned) or updates a dossier, in one transaction.
// ClientID must name a client of the library that is not in the recycle bin, and a saved dossier
// stays with its client. It sets UpdatedAt (and CreatedAt when zero). The dossier's Enterprise is
// its own snapshot: it is stored as given, never taken from the client's profile.
func (s *Store) SaveApplication(app *forms.Application) error {
	if app == nil {
		return errors.New("không có hồ sơ để lưu")
	}
	cp := *app
	err := s.update(func(tx *bolt.Tx) error {
		if err := putApplication(tx, &cp, s.now()); err != nil {
			return err
		}
		return s.stamp(tx, cp.ID)
	})
	if err != nil {
		return err
	}
	app.ID, app.FormatVersion, app.CreatedAt, app.UpdatedAt = cp.ID, cp.FormatVersion, cp.CreatedAt, cp.UpdatedAt
	return nil
}

// putApplication writes a dossier and its summary in tx.
func putApplication(tx *bolt.Tx, app *forms.Application, now time.Time) error {
	if app.ClientID == "" {
		return errors.New("hồ sơ chưa gắn với khách hàng nào: hãy chọn hoặc tạo khách hàng trước khi lưu")
	}
	var client forms.Client
	found, err := getJSON(tx.Bucket(bucketClients), []byte(app.ClientID), &client)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("khách hàng %q không có trong thư viện: hồ sơ phải thuộc về một khách hàng đã lưu", app.ClientID)
	}
	if !client.DeletedAt.IsZero() {
		return fmt.Errorf("khách hàng %q đang ở thùng rác: hãy khôi phục khách hàng trước khi lưu hồ sơ", client.Enterprise.Name)
	}
	apps := tx.Bucket(bucketApplications)
	sums := tx.Bucket(bucketSummaries)
	var deletedAt time.Time
	var version uint64
	if app.ID == "" {
		app.ID = unusedID(apps)
	} else {
		if err := checkID(app.ID); err != nil {
			return err
		}
		var old forms.ApplicationSummary
		found, err := getJSON(sums, []byte(app.ID), &old)
		if err != nil {
			return err
		}
		if found {
			if old.ClientID != app.ClientID {
				return fmt.Errorf("hồ sơ %s thuộc khách hàng khác (%s): không lưu nó vào khách hàng %q", app.ID, old.ClientName, client.Enterprise.Name)
			}
			deletedAt, version = old.DeletedAt, old.Version
		}
	}
	if app.CreatedAt.IsZero() {
		app.CreatedAt = now
	}
	app.UpdatedAt = now
	app.FormatVersion = forms.FormatVersion
	if err := putJSON(apps, []byte(app.ID), app); err != nil {
		return err
	}
	sum := summaryOf(app)
	sum.ClientName, sum.TaxCode = client.Enterprise.Name, client.Enterprise.TaxCode
	sum.DeletedAt = deletedAt
	sum.Version = version + 1
	return putJSON(sums, []byte(app.ID), sum)
}

// summaryOf builds the list line of a dossier (client name from its own enterprise snapshot).
func summaryOf(app *forms.Application) *forms.ApplicationSummary {
	return &forms.ApplicationSummary{
		ID:           app.ID,
		ClientID:     app.ClientID,
		ClientName:   app.Enterprise.Name,
		TaxCode:      app.Enterprise.TaxCode,
		Programme:    app.Programme,
		Year:         app.Year,
		Status:       app.Status,
		Title:        app.Project.Title,
		Completeness: completenessPercent(app),
		UpdatedAt:    app.UpdatedAt,
	}
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

// Application returns a dossier, also one in the recycle bin.
func (s *Store) Application(id string) (*forms.Application, error) {
	var app forms.Application
	err := s.db.View(func(tx *bolt.Tx) error {
		found, err := getJSON(tx.Bucket(bucketApplications), []byte(id), &app)
		if err == nil && !found {
			err = notFound("hồ sơ", id)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &app, nil
}

// Applications lists dossier summaries sorted by client name (Vietnamese collator), then year
// (newest first), then last change. The client's name and tax code are the client's current ones.
// q.Text matches client name, short name, tax code, project title or ID ignoring case and
// diacritics; q.Deleted lists the recycle bin instead.
func (s *Store) Applications(q forms.Query) ([]forms.ApplicationSummary, error) {
	idx, err := s.summaryIndex()
	if err != nil {
		return nil, err
	}
	text := newTextMatcher(q.Text)
	var out []*indexedSummary
	for i := range idx.apps {
		e := &idx.apps[i]
		sum := &e.sum
		if q.Deleted != !sum.DeletedAt.IsZero() ||
			(q.ClientID != "" && sum.ClientID != q.ClientID) ||
			(q.Programme != "" && sum.Programme != q.Programme) ||
			(q.Year != 0 && sum.Year != q.Year) ||
			(q.Status != "" && sum.Status != q.Status) ||
			!text.matchFolded(e.folded) {
			continue
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *indexedSummary) int {
		if c := bytes.Compare(a.nameKey, b.nameKey); c != 0 {
			return c
		}
		x, y := &a.sum, &b.sum
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
	for i, e := range out {
		sorted[i] = e.sum
	}
	return sorted, nil
}

// indexedSummary is a summary with its client's current name and tax code filled in, its text
// folded for search and its client name's collation key.
type indexedSummary struct {
	sum     forms.ApplicationSummary
	folded  string
	nameKey []byte
}

// summaryIndex is every summary, decoded once per committed transaction: listing and searching
// again (typing in the search box) costs no decoding until the next save.
type summaryIndex struct {
	txid int
	apps []indexedSummary
}

func (s *Store) summaryIndex() (*summaryIndex, error) {
	var idx *summaryIndex
	err := s.db.View(func(tx *bolt.Tx) error {
		s.mu.Lock()
		cached := s.index
		s.mu.Unlock()
		if cached != nil && cached.txid == tx.ID() {
			idx = cached
			return nil
		}
		clients, err := loadClients(tx)
		if err != nil {
			return err
		}
		col := collate.New(language.Vietnamese)
		var buf collate.Buffer
		keys := map[string][]byte{}
		idx = &summaryIndex{txid: tx.ID()}
		err = eachSummary(tx, func(sum *forms.ApplicationSummary) error {
			short := ""
			if c, ok := clients[sum.ClientID]; ok {
				sum.ClientName, sum.TaxCode, short = c.Enterprise.Name, c.Enterprise.TaxCode, c.Enterprise.ShortName
			}
			key, ok := keys[sum.ClientName]
			if !ok {
				key = col.KeyFromString(&buf, sum.ClientName)
				keys[sum.ClientName] = key
			}
			idx.apps = append(idx.apps, indexedSummary{
				sum:     *sum,
				folded:  fold(strings.Join([]string{sum.ClientName, short, sum.TaxCode, sum.Title, sum.ID}, "\n")),
				nameKey: key,
			})
			return nil
		})
		if err != nil {
			return err
		}
		s.mu.Lock()
		s.index = idx
		s.mu.Unlock()
		return nil
	})
	return idx, err
}

// loadClients decodes every client, by ID.
func loadClients(tx *bolt.Tx) (map[string]*forms.Client, error) {
	out := map[string]*forms.Client{}
	err := tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
		c := new(forms.Client)
		if err := decodeRecord(k, v, c); err != nil {
			return err
		}
		out[string(k)] = c
		return nil
	})
	return out, err
}

// eachSummary decodes every summary first, then calls fn on each: fn may write to the bucket.
func eachSummary(tx *bolt.Tx, fn func(sum *forms.ApplicationSummary) error) error {
	var all []*forms.ApplicationSummary
	err := tx.Bucket(bucketSummaries).ForEach(func(k, v []byte) error {
		sum := new(forms.ApplicationSummary)
		if err := decodeRecord(k, v, sum); err != nil {
			return err
		}
		all = append(all, sum)
		return nil
	})
	if err != nil {
		return err
	}
	for _, sum := range all {
		if err := fn(sum); err != nil {
			return err
		}
	}
	return nil
}

// DeleteApplication moves a dossier to the recycle bin.
func (s *Store) DeleteApplication(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		sums := tx.Bucket(bucketSummaries)
		var sum forms.ApplicationSummary
		found, err := getJSON(sums, []byte(id), &sum)
		if err != nil {
			return err
		}
		if !found {
			return notFound("hồ sơ", id)
		}
		if !sum.DeletedAt.IsZero() {
			return nil
		}
		sum.DeletedAt = s.now()
		return putJSON(sums, []byte(id), &sum)
	})
}

// Restore takes a client (with the dossiers deleted together with it) or a dossier (and its client,
// if that is in the recycle bin) back out of the recycle bin.
func (s *Store) Restore(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		clients := tx.Bucket(bucketClients)
		sums := tx.Bucket(bucketSummaries)
		var c forms.Client
		found, err := getJSON(clients, []byte(id), &c)
		if err != nil {
			return err
		}
		if found {
			if c.DeletedAt.IsZero() {
				return nil
			}
			when := c.DeletedAt
			c.DeletedAt = time.Time{}
			if err := putJSON(clients, []byte(id), &c); err != nil {
				return err
			}
			return eachSummary(tx, func(sum *forms.ApplicationSummary) error {
				if sum.ClientID != id || !sum.DeletedAt.Equal(when) {
					return nil
				}
				sum.DeletedAt = time.Time{}
				return putJSON(sums, []byte(sum.ID), sum)
			})
		}
		var sum forms.ApplicationSummary
		found, err = getJSON(sums, []byte(id), &sum)
		if err != nil {
			return err
		}
		if !found {
			return notFound("khách hàng hoặc hồ sơ", id)
		}
		sum.DeletedAt = time.Time{}
		if err := putJSON(sums, []byte(id), &sum); err != nil {
			return err
		}
		found, err = getJSON(clients, []byte(sum.ClientID), &c)
		if err != nil || !found || c.DeletedAt.IsZero() {
			return err
		}
		c.DeletedAt = time.Time{}
		return putJSON(clients, []byte(c.ID), &c)
	})
}

// EmptyTrash deletes for good every client and dossier in the recycle bin, with their revisions.
func (s *Store) EmptyTrash() error {
	return s.update(func(tx *bolt.Tx) error {
		clients, err := loadClients(tx)
		if err != nil {
			return err
		}
		gone := map[string]bool{}
		for id, c := range clients {
			if !c.DeletedAt.IsZero() {
				gone[id] = true
			}
		}
		apps := tx.Bucket(bucketApplications)
		sums := tx.Bucket(bucketSummaries)
		revs := tx.Bucket(bucketRevisions)
		err = eachSummary(tx, func(sum *forms.ApplicationSummary) error {
			if sum.DeletedAt.IsZero() && !gone[sum.ClientID] {
				return nil
			}
			key := []byte(sum.ID)
			if err := apps.Delete(key); err != nil {
				return err
			}
			if err := sums.Delete(key); err != nil {
				return err
			}
			if revs.Bucket(key) != nil {
				return revs.DeleteBucket(key)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for id := range gone {
			if k := taxIndexKey(clients[id].Enterprise.TaxCode, id); k != nil {
				if err := tx.Bucket(bucketTaxCodes).Delete(k); err != nil {
					return err
				}
			}
			if err := tx.Bucket(bucketClients).Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
}
