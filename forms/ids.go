package forms

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// MaxRecordIDLen bounds the IDs of clients and dossiers given by callers (a store's keys stay short).
const MaxRecordIDLen = 64

// NewRecordID returns a new ID for a client or dossier: 16 random hex digits (64 bits from
// crypto/rand), the same in every store so a library can be copied between them.
func NewRecordID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}

// CheckRecordID refuses an empty or overlong ID.
func CheckRecordID(id string) error {
	if id == "" || len(id) > MaxRecordIDLen {
		return fmt.Errorf("mã %q không hợp lệ (phải có 1 đến %d ký tự)", id, MaxRecordIDLen)
	}
	return nil
}
