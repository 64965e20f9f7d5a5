package pgstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"

	"khuyencong/forms"
)

// A shared library keeps the content of attached files in the table blobs, one row per content,
// keyed by its SHA-256: a dossier's Attachment.File is forms.BlobFile(sum, name). Every read
// checks the content against its key and size, so a changed or truncated row is refused.

var _ forms.AttachmentStore = (*Store)(nil)

// PutAttachment stores the content of r (one transaction; the same content is kept once). A row
// with the same key whose content was damaged is replaced by the good content.
func (s *Store) PutAttachment(name string, r io.Reader) (string, string, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, forms.MaxAttachmentBytes+1))
	if err != nil {
		return "", "", fmt.Errorf("không đọc được tệp %s: %w", name, err)
	}
	if n > forms.MaxAttachmentBytes {
		return "", "", fmt.Errorf("tệp %s lớn hơn %d MB", name, forms.MaxAttachmentBytes>>20)
	}
	sum := sha256.Sum256(buf.Bytes())
	err = s.tx(func(ctx context.Context, tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO blobs (sha256, size, data, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (sha256) DO UPDATE SET size = EXCLUDED.size, data = EXCLUDED.data
			WHERE blobs.size <> EXCLUDED.size OR sha256(blobs.data) <> blobs.sha256`,
			sum[:], n, buf.Bytes(), s.now())
		return err
	})
	if err != nil {
		return "", "", fmt.Errorf("không ghi được tệp %s lên thư viện %s: %v", name, s.desc, err)
	}
	hexSum := hex.EncodeToString(sum[:])
	return forms.BlobFile(hexSum, name), hexSum, nil
}

// errNoBlob says a content is not on the server.
var errNoBlob = errors.New("không có trên máy chủ")

// blob reads and checks one content.
func (s *Store) blob(ctx context.Context, q querier, sum string) ([]byte, error) {
	key, err := hex.DecodeString(sum)
	if err != nil || len(key) != sha256.Size {
		return nil, fmt.Errorf("mã SHA-256 %q không hợp lệ", sum)
	}
	var size int64
	var data []byte
	err = q.QueryRow(ctx, "SELECT size, data FROM blobs WHERE sha256 = $1", key).Scan(&size, &data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, errNoBlob
	}
	if err != nil {
		return nil, err
	}
	got := sha256.Sum256(data)
	if int64(len(data)) != size || !bytes.Equal(got[:], key) {
		return nil, forms.ErrAttachmentDamaged
	}
	return data, nil
}

// OpenAttachment reads the content of an attachment kept on the server, checked against its
// SHA-256 before anything is returned.
func (s *Store) OpenAttachment(a forms.Attachment) (io.ReadCloser, error) {
	sum, name, ok := forms.BlobOf(a.File)
	if !ok {
		return nil, fmt.Errorf("tệp đính kèm %q (%s) không nằm trong thư viện trên máy chủ: hãy mở hồ sơ và chọn lại tệp", a.ID, a.File)
	}
	if a.SHA256 != "" && a.SHA256 != sum {
		return nil, fmt.Errorf("%w: %s (mã trong hồ sơ khác mã của tệp)", forms.ErrAttachmentDamaged, name)
	}
	data, err := s.blob(context.Background(), s.pool, sum)
	if errors.Is(err, forms.ErrAttachmentDamaged) {
		return nil, fmt.Errorf("%w: tệp %s trên máy chủ %s đã bị sửa ngoài ứng dụng hoặc hỏng; hãy đính kèm lại tệp", forms.ErrAttachmentDamaged, name, s.desc)
	}
	if err != nil {
		return nil, fmt.Errorf("tệp đính kèm %s: %v", name, err)
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

// HasAttachment reports whether the content is on the server (not whether it is intact:
// OpenAttachment checks that).
func (s *Store) HasAttachment(a forms.Attachment) bool {
	sum, _, ok := forms.BlobOf(a.File)
	if !ok {
		return false
	}
	key, _ := hex.DecodeString(sum)
	var found bool
	err := s.pool.QueryRow(context.Background(), "SELECT EXISTS (SELECT 1 FROM blobs WHERE sha256 = $1)", key).Scan(&found)
	return err == nil && found
}
