package pgstore

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"

	"khuyencong/forms"
)

// encode is a record's JSON and its SHA-256.
func encode(v any) (string, []byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", nil, err
	}
	sum := sha256.Sum256(data)
	return string(data), sum[:], nil
}

// decode checks a record's SHA-256, then decodes its JSON into v.
func decode(data string, sum []byte, v any, what, id string) error {
	got := sha256.Sum256([]byte(data))
	if !bytes.Equal(got[:], sum) {
		return fmt.Errorf("%s %s: bản ghi trên máy chủ không khớp mã SHA-256 (đã bị sửa ngoài ứng dụng hoặc hỏng); hãy chạy \"hoso db check\"", what, id)
	}
	if err := json.Unmarshal([]byte(data), v); err != nil {
		return fmt.Errorf("%s %s: bản ghi hỏng (%v); hãy chạy \"hoso db check\"", what, id, err)
	}
	return nil
}

func newID() string { return forms.NewRecordID() }

func checkID(id string) error { return forms.CheckRecordID(id) }

func notFound(what, id string) error {
	return fmt.Errorf("%s %q: %w", what, id, forms.ErrNotFound)
}

// searchWords are the folded words of a query.
func searchWords(text string) []string {
	var out []string
	for _, w := range bytes.Fields([]byte(forms.FoldSearch(text))) {
		out = append(out, string(w))
	}
	return out
}
