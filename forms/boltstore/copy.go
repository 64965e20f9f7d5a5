package boltstore

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

var _ forms.LibraryCopier = (*Store)(nil)

// EachRecord calls fn on every record of the library, from one read transaction.
func (s *Store) EachRecord(fn func(r *forms.LibraryRecord) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
			c := new(forms.Client)
			if err := decodeRecord(k, v, c); err != nil {
				return fmt.Errorf("khách hàng %s: %w", k, err)
			}
			return fn(&forms.LibraryRecord{Client: c})
		})
		if err != nil {
			return err
		}
		apps := tx.Bucket(bucketApplications)
		err = apps.ForEach(func(k, v []byte) error {
			app := new(forms.Application)
			if err := decodeRecord(k, v, app); err != nil {
				return fmt.Errorf("hồ sơ %s: %w", k, err)
			}
			var sum forms.ApplicationSummary
			if _, err := getJSON(tx.Bucket(bucketSummaries), k, &sum); err != nil {
				return err
			}
			ver, err := versionOf(tx, string(k))
			if err != nil {
				return err
			}
			return fn(&forms.LibraryRecord{Application: app, AppDeletedAt: sum.DeletedAt, Version: ver})
		})
		if err != nil {
			return err
		}
		return apps.ForEach(func(k, _ []byte) error {
			revs := tx.Bucket(bucketRevisions).Bucket(k)
			if revs == nil {
				return nil
			}
			return revs.ForEach(func(rk, v []byte) error {
				var rec revisionRecord
				if err := decodeRecord(rk, v, &rec); err != nil {
					return fmt.Errorf("bản lưu của hồ sơ %s: %w", k, err)
				}
				return fn(&forms.LibraryRecord{Revision: &forms.StoredRevision{
					AppID:       string(k),
					Info:        forms.RevisionInfo{ID: binary.BigEndian.Uint64(rk), At: rec.At, Reason: rec.Reason, By: rec.By, Changes: rec.Changes},
					Application: rec.Application,
				}})
			})
		})
	})
}

// PutRecords writes records as they are (IDs, times, recycle bin, versions, revisions), in one
// transaction.
func (s *Store) PutRecords(recs []forms.LibraryRecord) error {
	return s.update(func(tx *bolt.Tx) error {
		for i := range recs {
			r := &recs[i]
			switch {
			case r.Client != nil:
				c := *r.Client
				if err := checkID(c.ID); err != nil {
					return err
				}
				if k := taxIndexKey(c.Enterprise.TaxCode, c.ID); k != nil {
					if err := tx.Bucket(bucketTaxCodes).Put(k, nil); err != nil {
						return err
					}
				}
				if err := putJSON(tx.Bucket(bucketClients), []byte(c.ID), &c); err != nil {
					return err
				}
			case r.Application != nil:
				app := *r.Application
				if err := checkID(app.ID); err != nil {
					return err
				}
				var client forms.Client
				found, err := getJSON(tx.Bucket(bucketClients), []byte(app.ClientID), &client)
				if err != nil {
					return err
				}
				if !found {
					return fmt.Errorf("hồ sơ %s: khách hàng %s chưa được chép", app.ID, app.ClientID)
				}
				if err := putJSON(tx.Bucket(bucketApplications), []byte(app.ID), &app); err != nil {
					return err
				}
				sum := summaryOf(&app)
				sum.ClientName, sum.TaxCode = client.Enterprise.Name, client.Enterprise.TaxCode
				sum.DeletedAt = r.AppDeletedAt
				sum.Version, sum.UpdatedBy = r.Version.Number, r.Version.By
				if err := putJSON(tx.Bucket(bucketSummaries), []byte(app.ID), sum); err != nil {
					return err
				}
			case r.Revision != nil:
				rv := r.Revision
				revs, err := tx.Bucket(bucketRevisions).CreateBucketIfNotExists([]byte(rv.AppID))
				if err != nil {
					return err
				}
				rec := revisionRecord{At: rv.Info.At, Reason: rv.Info.Reason, By: rv.Info.By, Changes: rv.Info.Changes, Application: rv.Application}
				if err := putJSON(revs, revKey(rv.Info.ID), &rec); err != nil {
					return err
				}
				if seq := revs.Sequence(); rv.Info.ID > seq {
					if err := revs.SetSequence(rv.Info.ID); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}
