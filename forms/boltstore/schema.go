package boltstore

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// SchemaVersion is the version of the bucket layout this code reads and writes (see doc.go).
const SchemaVersion = 4

var (
	bucketMeta         = []byte("meta")
	bucketClients      = []byte("clients")
	bucketApplications = []byte("applications")
	bucketSummaries    = []byte("summaries")
	bucketTaxCodes     = []byte("tax_codes")
	bucketRevisions    = []byte("revisions")
	bucketTrashV1      = []byte("trash") // version 1 only

	keySchemaVersion = []byte("schema_version")
	keyCreatedAt     = []byte("created_at")
)

// migration upgrades the layout from version From to From+1 inside the given transaction.
type migration struct {
	From int
	What string
	Run  func(tx *bolt.Tx) error
}

// migrations are applied in order; the last one ends at SchemaVersion.
var migrations = []migration{
	{From: 1, What: "chỉ mục khách hàng theo mã số thuế (tax_codes)", Run: migrateTaxCodeIndex},
	{From: 2, What: "bảng tóm tắt hồ sơ (summaries) thay cho thùng rác riêng (trash)", Run: migrateSummaries},
	{From: 3, What: "mã kiểm tra cho từng bản ghi", Run: migrateSealRecords},
}

// readSchemaVersion returns the file's schema version; 0 for a file with no meta bucket (new).
func readSchemaVersion(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if tx.Bucket(bucketClients) != nil {
			return 0, fmt.Errorf("tệp dữ liệu thiếu mục meta: không phải tệp của ứng dụng này, hoặc đã hỏng")
		}
		return 0, nil
	}
	v, err := strconv.Atoi(string(meta.Get(keySchemaVersion)))
	if err != nil || v < 1 {
		return 0, fmt.Errorf("phiên bản cấu trúc dữ liệu %q không đọc được", meta.Get(keySchemaVersion))
	}
	return v, nil
}

// checkBuckets reports the buckets that a file of the given version must have and lacks.
func checkBuckets(tx *bolt.Tx, version int) error {
	required := [][]byte{bucketMeta, bucketClients, bucketApplications, bucketRevisions}
	if version >= 2 {
		required = append(required, bucketTaxCodes)
	}
	if version >= 3 {
		required = append(required, bucketSummaries)
	}
	var missing []string
	for _, name := range required {
		if tx.Bucket(name) == nil {
			missing = append(missing, string(name))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("tệp dữ liệu (phiên bản %d) thiếu mục %s", version, strings.Join(missing, ", "))
	}
	return nil
}

func writeSchemaVersion(tx *bolt.Tx, v int) error {
	return tx.Bucket(bucketMeta).Put(keySchemaVersion, []byte(strconv.Itoa(v)))
}

// createCurrentLayout makes the buckets of a new, empty file.
func createCurrentLayout(tx *bolt.Tx, now time.Time) error {
	for _, name := range [][]byte{bucketMeta, bucketClients, bucketApplications, bucketSummaries, bucketTaxCodes, bucketRevisions} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketMeta).Put(keyCreatedAt, []byte(now.UTC().Format(time.RFC3339))); err != nil {
		return err
	}
	return writeSchemaVersion(tx, SchemaVersion)
}

// migrate brings the file from version `from` to SchemaVersion in the transaction.
func migrate(tx *bolt.Tx, from int) error {
	v := from
	for _, m := range migrations {
		if m.From != v {
			continue
		}
		if err := m.Run(tx); err != nil {
			return fmt.Errorf("nâng cấp dữ liệu từ phiên bản %d (%s) thất bại: %w", v, m.What, err)
		}
		v++
		if err := writeSchemaVersion(tx, v); err != nil {
			return err
		}
	}
	if v != SchemaVersion {
		return fmt.Errorf("không có cách nâng cấp dữ liệu từ phiên bản %d lên %d", v, SchemaVersion)
	}
	return nil
}

// migrateTaxCodeIndex (v1 → v2) indexes every client by tax code.
func migrateTaxCodeIndex(tx *bolt.Tx) error {
	idx, err := tx.CreateBucketIfNotExists(bucketTaxCodes)
	if err != nil {
		return err
	}
	clients := tx.Bucket(bucketClients)
	if clients == nil {
		return fmt.Errorf("thiếu mục clients")
	}
	return clients.ForEach(func(k, v []byte) error {
		var c forms.Client
		if err := json.Unmarshal(v, &c); err != nil {
			return fmt.Errorf("khách hàng %s: bản ghi hỏng: %w", k, err)
		}
		if key := taxIndexKey(c.Enterprise.TaxCode, string(k)); key != nil {
			return idx.Put(key, nil)
		}
		return nil
	})
}

// migrateSummaries (v2 → v3) writes a summary per application and folds the v1 trash bucket
// (deletion times of applications) into the summaries.
func migrateSummaries(tx *bolt.Tx) error {
	sums, err := tx.CreateBucketIfNotExists(bucketSummaries)
	if err != nil {
		return err
	}
	trash := tx.Bucket(bucketTrashV1)
	apps := tx.Bucket(bucketApplications)
	if apps == nil {
		return fmt.Errorf("thiếu mục applications")
	}
	err = apps.ForEach(func(k, v []byte) error {
		var app forms.Application
		if err := json.Unmarshal(v, &app); err != nil {
			return fmt.Errorf("hồ sơ %s: bản ghi hỏng: %w", k, err)
		}
		sum := summaryOf(&app)
		if trash != nil {
			if t := trash.Get(k); t != nil {
				at, err := time.Parse(time.RFC3339Nano, string(t))
				if err != nil {
					return fmt.Errorf("hồ sơ %s: thời điểm xóa %q không đọc được", k, t)
				}
				sum.DeletedAt = at
			}
		}
		return putJSON(sums, k, sum)
	})
	if err != nil {
		return err
	}
	if trash != nil {
		return tx.DeleteBucket(bucketTrashV1)
	}
	return nil
}
