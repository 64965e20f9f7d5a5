package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"khuyencong/forms"
)

// CopyCount is the count and checksum of one kind of record on both sides of a copy.
type CopyCount struct {
	Kind       string `json:"kind"`
	From       int    `json:"from"`
	To         int    `json:"to"`
	FromSHA256 string `json:"from_sha256"`
	ToSHA256   string `json:"to_sha256"`
}

// OK reports whether both sides agree.
func (c CopyCount) OK() bool { return c.From == c.To && c.FromSHA256 == c.ToSHA256 }

// CopyReport is what Copy did and checked.
type CopyReport struct {
	Counts []CopyCount `json:"counts"` // clients, dossiers, revisions, attached files
	// Missing names the attachments whose file the source could not give (not on this computer,
	// or changed since it was attached): their dossiers keep the old reference.
	Missing []string `json:"missing,omitempty"`
}

// OK reports whether every count and checksum agrees.
func (r *CopyReport) OK() bool {
	for _, c := range r.Counts {
		if !c.OK() {
			return false
		}
	}
	return len(r.Counts) > 0
}

// ErrNotEmpty is returned by Copy when the target library already has records.
var ErrNotEmpty = errors.New("thư viện đích đã có dữ liệu: hãy chép vào một thư viện trống (tệp mới, hoặc cơ sở dữ liệu mới trên máy chủ)")

// copyBatch is how many records one transaction of the target takes.
const copyBatch = 500

// Copy copies every record of from (clients, dossiers with their recycle-bin state and versions,
// revisions) into the empty library to, keeping IDs and times, then reads both libraries again
// and compares the number and the SHA-256 of the records of each kind. The attached files go
// along (forms.AttachmentsOf each side: a folder beside a file library, the database of a server
// one) and the dossiers' references are rewritten to the target's copies; every copied file is
// then read back from the target and its SHA-256 compared. (Records are compared with each
// attachment reduced to its file name, since where a file is kept differs between stores.)
func Copy(from, to forms.Store, progress func(done int)) (*CopyReport, error) {
	src, ok := from.(forms.LibraryCopier)
	if !ok {
		return nil, fmt.Errorf("thư viện nguồn %s không hỗ trợ chép", from.Path())
	}
	dst, ok := to.(forms.LibraryCopier)
	if !ok {
		return nil, fmt.Errorf("thư viện đích %s không hỗ trợ chép", to.Path())
	}
	stop := errors.New("stop")
	err := dst.EachRecord(func(*forms.LibraryRecord) error { return stop })
	if err == stop {
		return nil, ErrNotEmpty
	}
	if err != nil {
		return nil, err
	}
	var batch []forms.LibraryRecord
	done := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := dst.PutRecords(batch); err != nil {
			return err
		}
		done += len(batch)
		batch = batch[:0]
		if progress != nil {
			progress(done)
		}
		return nil
	}
	fromSums := newDigest()
	files := newFileCopier(forms.AttachmentsOf(from), forms.AttachmentsOf(to))
	err = src.EachRecord(func(r *forms.LibraryRecord) error {
		if err := fromSums.add(r); err != nil {
			return err
		}
		if err := files.record(r); err != nil {
			return err
		}
		batch = append(batch, *r)
		if len(batch) >= copyBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return nil, fmt.Errorf("chép dừng sau %d bản ghi: %w", done, err)
	}
	toSums, err := Digest(to)
	if err != nil {
		return nil, fmt.Errorf("đã chép nhưng không đọc lại được thư viện đích: %w", err)
	}
	fs := fromSums.counts()
	report := &CopyReport{Missing: files.missing}
	for i, k := range fs {
		t := toSums[i]
		report.Counts = append(report.Counts, CopyCount{Kind: k.Kind, From: k.From, FromSHA256: k.FromSHA256, To: t.From, ToSHA256: t.FromSHA256})
	}
	report.Counts = append(report.Counts, files.verify())
	if !report.OK() {
		return report, errors.New("số lượng hoặc mã SHA-256 của thư viện đích khác thư viện nguồn: đừng dùng thư viện đích, hãy chép lại")
	}
	return report, nil
}

// Digest counts a library's records of each kind and computes one SHA-256 per kind, the same
// whatever the store: over the sorted SHA-256 of each record's canonical JSON (times to the
// microsecond, what PostgreSQL keeps). In the result, From and FromSHA256 are set.
func Digest(s forms.Store) ([]CopyCount, error) {
	c, ok := s.(forms.LibraryCopier)
	if !ok {
		return nil, fmt.Errorf("thư viện %s không hỗ trợ đọc toàn bộ", s.Path())
	}
	d := newDigest()
	if err := c.EachRecord(d.add); err != nil {
		return nil, err
	}
	return d.counts(), nil
}

type digest struct{ sums [3][][32]byte }

func newDigest() *digest { return &digest{} }

var kinds = [3]string{"khách hàng", "hồ sơ", "bản lưu"}

func (d *digest) add(r *forms.LibraryRecord) error {
	var kind int
	var v any
	switch {
	case r.Client != nil:
		kind, v = 0, r.Client
	case r.Application != nil:
		kind = 1
		v = struct {
			App       *forms.Application `json:"app"`
			DeletedAt time.Time          `json:"deleted_at"`
			Version   uint64             `json:"version"`
			By        string             `json:"by"`
		}{byName(r.Application), r.AppDeletedAt.Truncate(time.Microsecond).UTC(), r.Version.Number, r.Version.By}
	case r.Revision != nil:
		kind = 2
		var compact bytes.Buffer
		snapshot, err := mapAttachments(r.Revision.Application, func(a *forms.Attachment) error {
			*a = nameOnly(*a)
			return nil
		})
		if err == nil {
			err = json.Compact(&compact, snapshot)
		}
		if err != nil {
			return fmt.Errorf("bản lưu %s#%d: %v", r.Revision.AppID, r.Revision.Info.ID, err)
		}
		info := r.Revision.Info
		info.At = info.At.UTC()
		v = struct {
			AppID string             `json:"app_id"`
			Info  forms.RevisionInfo `json:"info"`
			App   json.RawMessage    `json:"app"`
		}{r.Revision.AppID, info, compact.Bytes()}
	default:
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	d.sums[kind] = append(d.sums[kind], sha256.Sum256(data))
	return nil
}

func (d *digest) counts() []CopyCount {
	out := make([]CopyCount, len(kinds))
	for i, sums := range d.sums {
		sort.Slice(sums, func(a, b int) bool { return bytes.Compare(sums[a][:], sums[b][:]) < 0 })
		h := sha256.New()
		for _, s := range sums {
			h.Write(s[:])
		}
		out[i] = CopyCount{Kind: kinds[i], From: len(sums), FromSHA256: hex.EncodeToString(h.Sum(nil))}
	}
	return out
}
