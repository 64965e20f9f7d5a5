package boltstore

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// sealedBuckets are the buckets whose values are sealed records (see seal); revisions/ holds one
// nested bucket of sealed records per dossier.
var sealedBuckets = [][]byte{bucketClients, bucketApplications, bucketSummaries}

// eachRecord calls fn on every stored record: clients, applications, summaries and every revision.
func eachRecord(tx *bolt.Tx, fn func(where string, k, v []byte) error) error {
	for _, name := range sealedBuckets {
		b := tx.Bucket(name)
		if b == nil {
			continue
		}
		if err := b.ForEach(func(k, v []byte) error { return fn(string(name), k, v) }); err != nil {
			return err
		}
	}
	revs := tx.Bucket(bucketRevisions)
	if revs == nil {
		return nil
	}
	return revs.ForEach(func(app, _ []byte) error {
		b := revs.Bucket(app)
		if b == nil {
			return nil
		}
		where := fmt.Sprintf("%s/%s", bucketRevisions, app)
		return b.ForEach(func(k, v []byte) error { return fn(where, k, v) })
	})
}

// recordLabels name the buckets for the user.
var recordLabels = map[string]string{
	string(bucketClients):      "khách hàng",
	string(bucketApplications): "hồ sơ",
	string(bucketSummaries):    "dòng tóm tắt hồ sơ",
}

func recordLabel(where string) string {
	if l, ok := recordLabels[where]; ok {
		return l
	}
	return "bản lưu của hồ sơ " + where[len(bucketRevisions)+1:]
}

// verifyRecords checks every record's checksum (files of version 4 and later; in older files,
// that it is JSON) and returns at most max problems, in Vietnamese, each naming the record.
func verifyRecords(tx *bolt.Tx, version, max int) (problems []string, total int) {
	eachRecord(tx, func(where string, k, v []byte) error {
		total++
		var err error
		switch {
		case v == nil:
			err = &RecordError{Key: printableKey(k), Reason: "là một mục con không mong đợi"}
		case version < 4:
			if !json.Valid(v) {
				err = &RecordError{Key: printableKey(k), Reason: "nội dung không phải JSON"}
			}
		default:
			_, err = unseal(k, v)
		}
		if err != nil && len(problems) < max {
			re := err.(*RecordError)
			problems = append(problems, fmt.Sprintf("%s %s: %s", recordLabel(where), re.Key, re.Reason))
		}
		return nil
	})
	return problems, total
}

// migrateSealRecords (v3 → v4) seals every record with its checksum.
func migrateSealRecords(tx *bolt.Tx) error {
	type put struct {
		b    *bolt.Bucket
		k, v []byte
	}
	var puts []put
	collect := func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil || isSealed(v) {
				return nil
			}
			puts = append(puts, put{b, append([]byte(nil), k...), seal(k, v)})
			return nil
		})
	}
	for _, name := range sealedBuckets {
		if b := tx.Bucket(name); b != nil {
			if err := collect(b); err != nil {
				return err
			}
		}
	}
	if revs := tx.Bucket(bucketRevisions); revs != nil {
		err := revs.ForEach(func(app, _ []byte) error {
			if b := revs.Bucket(app); b != nil {
				return collect(b)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, p := range puts {
		if err := p.b.Put(p.k, p.v); err != nil {
			return err
		}
	}
	return nil
}
