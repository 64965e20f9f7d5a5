package boltstore

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

func newID() string { return forms.NewRecordID() }

func checkID(id string) error { return forms.CheckRecordID(id) }

// putJSON stores v as JSON, sealed with its checksum (see seal).
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, seal(key, data))
}

// getJSON decodes the sealed value at key into v; found is false when the key is absent. A value
// whose checksum does not match is a *RecordError (errors.Is ErrDamaged).
func getJSON(b *bolt.Bucket, key []byte, v any) (found bool, err error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	return true, decodeRecord(key, data, v)
}

// decodeRecord checks a stored value's checksum and decodes its JSON into v.
func decodeRecord(key, value []byte, v any) error {
	data, err := unseal(key, value)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &RecordError{Key: printableKey(key), Reason: "nội dung không đọc được (" + err.Error() + ")"}
	}
	return nil
}

// Every record (clients, applications, summaries, revisions) is stored sealed, since schema
// version 4: one byte sealMark, the CRC-32C (Castagnoli) of key ‖ 0x00 ‖ JSON, big-endian, then
// the JSON. JSON never starts with sealMark, so a sealed value is told from an old one.
const sealMark = 0x01

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func recordSum(key, data []byte) uint32 {
	h := crc32.New(crcTable)
	h.Write(key)
	h.Write([]byte{0})
	h.Write(data)
	return h.Sum32()
}

// seal returns the stored form of a record's JSON.
func seal(key, data []byte) []byte {
	out := make([]byte, 5, 5+len(data))
	out[0] = sealMark
	binary.BigEndian.PutUint32(out[1:5], recordSum(key, data))
	return append(out, data...)
}

// unseal checks a stored value and returns its JSON.
func unseal(key, value []byte) ([]byte, error) {
	if len(value) < 5 || value[0] != sealMark {
		return nil, &RecordError{Key: printableKey(key), Reason: "thiếu mã kiểm tra"}
	}
	data := value[5:]
	if binary.BigEndian.Uint32(value[1:5]) != recordSum(key, data) {
		return nil, &RecordError{Key: printableKey(key), Reason: "mã kiểm tra không khớp: nội dung đã bị thay đổi trên đĩa"}
	}
	return data, nil
}

// isSealed reports whether a stored value has the sealed form (it may still fail unseal).
func isSealed(value []byte) bool { return len(value) > 0 && value[0] == sealMark }

// RecordError is a stored record that failed its checksum or cannot be decoded. errors.Is(err,
// ErrDamaged) is true.
type RecordError struct {
	Key    string // the record's key (a client or dossier ID, or a revision number)
	Reason string // in Vietnamese
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("bản ghi %s bị hỏng (%s); thư viện chỉ mở để đọc, hãy chạy \"hoso db check\"", e.Key, e.Reason)
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *RecordError) Is(target error) bool { return target == ErrDamaged }

// printableKey shows an ID as it is and a binary key (a revision number) as a number.
func printableKey(key []byte) string {
	if len(key) == 8 && (key[0] == 0 || key[0] > 0x7e) {
		return fmt.Sprintf("#%d", binary.BigEndian.Uint64(key))
	}
	return fmt.Sprintf("%q", key)
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
