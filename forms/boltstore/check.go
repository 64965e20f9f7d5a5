package boltstore

import (
	"fmt"
	"os"

	"khuyencong/forms"
)

// CheckReport is the result of Store.Check.
type CheckReport struct {
	Path          string
	FileSize      int64
	SchemaVersion int
	Clients       int
	Applications  int
	Revisions     int
	InTrash       int      // clients and dossiers in the recycle bin
	Problems      []string // empty when everything is in order
}

// OK reports whether no problem was found.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check runs bbolt's consistency check and checks every record: its checksum (every revision's
// too), it decodes, every dossier has its summary and an existing client, the tax-code index
// matches the clients. It reads one consistent snapshot (a read transaction).
func (s *Store) Check() (*CheckReport, error) {
	r := &CheckReport{Path: s.path}
	if info, err := os.Stat(s.path); err == nil {
		r.FileSize = info.Size()
	}
	tx, err := s.db.Begin(false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	add := func(format string, args ...any) {
		if len(r.Problems) < 100 {
			r.Problems = append(r.Problems, detail(fmt.Sprintf(format, args...)))
		}
	}
	for _, p := range precheck(s.path) {
		add("cấu trúc tệp: %s", p)
	}
	if !r.OK() {
		return r, nil
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				add("cấu trúc tệp: một trang không đọc được (%s)", technical(p))
			}
		}()
		for err := range tx.Check() {
			add("cấu trúc tệp: %v", err)
		}
	}()
	if !r.OK() {
		return r, nil
	}
	r.SchemaVersion, err = readSchemaVersion(tx)
	if err != nil {
		add("%v", err)
	}
	if err := checkBuckets(tx, r.SchemaVersion); err != nil {
		add("%v", err)
		return r, nil
	}
	recordProblems, _ := verifyRecords(tx, r.SchemaVersion, 100)
	for _, p := range recordProblems {
		add("%s", p)
	}
	damagedKey := map[string]bool{} // records already reported by their checksum
	eachRecord(tx, func(where string, k, v []byte) error {
		if where == string(bucketClients) || where == string(bucketApplications) || where == string(bucketSummaries) {
			if _, err := unseal(k, v); err != nil {
				damagedKey[where+"/"+string(k)] = true
			}
		}
		return nil
	})

	clients := map[string]forms.Client{}
	tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
		var c forms.Client
		if damagedKey["clients/"+string(k)] {
			return nil
		}
		if err := decodeRecord(k, v, &c); err != nil {
			add("khách hàng %s: %v", k, err)
			return nil
		}
		if c.ID != string(k) {
			add("khách hàng %s: mã trong bản ghi là %q", k, c.ID)
		}
		clients[string(k)] = c
		if !c.DeletedAt.IsZero() {
			r.InTrash++
		}
		if key := taxIndexKey(c.Enterprise.TaxCode, c.ID); key != nil && tx.Bucket(bucketTaxCodes).Get(key) == nil {
			add("khách hàng %s: thiếu trong chỉ mục mã số thuế", k)
		}
		return nil
	})
	r.Clients = len(clients)
	tx.Bucket(bucketTaxCodes).ForEach(func(k, _ []byte) error {
		tax, id, ok := cutNull(string(k))
		c, found := clients[id]
		if !ok || !found || forms.NormaliseTaxCode(c.Enterprise.TaxCode) != tax {
			add("chỉ mục mã số thuế: mục %q không khớp khách hàng nào", k)
		}
		return nil
	})

	sums := tx.Bucket(bucketSummaries)
	tx.Bucket(bucketApplications).ForEach(func(k, v []byte) error {
		r.Applications++
		var app forms.Application
		if damagedKey["applications/"+string(k)] {
			return nil
		}
		if err := decodeRecord(k, v, &app); err != nil {
			add("hồ sơ %s: %v", k, err)
			return nil
		}
		if app.ID != string(k) {
			add("hồ sơ %s: mã trong bản ghi là %q", k, app.ID)
		}
		if _, ok := clients[app.ClientID]; !ok {
			add("hồ sơ %s: khách hàng %q không tồn tại", k, app.ClientID)
		}
		var sum forms.ApplicationSummary
		if damagedKey["summaries/"+string(k)] {
			return nil
		}
		if found, err := getJSON(sums, k, &sum); err != nil || !found {
			add("hồ sơ %s: thiếu hoặc hỏng dòng tóm tắt", k)
		} else if sum.ClientID != app.ClientID {
			add("hồ sơ %s: dòng tóm tắt ghi khách hàng %q, hồ sơ ghi %q", k, sum.ClientID, app.ClientID)
		} else if !sum.DeletedAt.IsZero() {
			r.InTrash++
		}
		return nil
	})
	sums.ForEach(func(k, _ []byte) error {
		if tx.Bucket(bucketApplications).Get(k) == nil {
			add("dòng tóm tắt %s: không có hồ sơ tương ứng", k)
		}
		return nil
	})
	tx.Bucket(bucketRevisions).ForEach(func(k, _ []byte) error {
		if tx.Bucket(bucketApplications).Get(k) == nil {
			add("bản lưu của hồ sơ %s: hồ sơ không còn", k)
		}
		if b := tx.Bucket(bucketRevisions).Bucket(k); b != nil {
			r.Revisions += b.Stats().KeyN
		}
		return nil
	})
	return r, nil
}

func cutNull(s string) (before, after string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
