package boltstore

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// newID returns 16 random hex digits (64 bits from crypto/rand).
func newID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("boltstore: crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}

// maxIDLen bounds IDs given by callers (keys of bbolt must stay short).
const maxIDLen = 64

func checkID(id string) error {
	if id == "" || len(id) > maxIDLen {
		return fmt.Errorf("mã %q không hợp lệ (phải có 1 đến %d ký tự)", id, maxIDLen)
	}
	return nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// getJSON decodes the value at key into v; found is false when the key is absent.
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("bản ghi %s bị hỏng (%v); hãy chạy \"hoso db check\"", key, err)
	}
	return true, nil
}

// taxIndexKey is the tax_codes key of a client: normalised tax code, 0x00, client ID; nil without a tax code.
func taxIndexKey(taxCode, clientID string) []byte {
	tax := forms.NormaliseTaxCode(taxCode)
	if tax == "" {
		return nil
	}
	return []byte(tax + "\x00" + clientID)
}

func notFound(what, id string) error {
	return fmt.Errorf("%s %q: %w", what, id, forms.ErrNotFound)
}
