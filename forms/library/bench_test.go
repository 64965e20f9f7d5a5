package library

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/pgstore"
	"khuyencong/forms/pgstore/pgtest"
)

// The stores side by side: go test -run XXX -bench . ./forms/library/
// HOSO_BENCH_LONG=1 adds the list of 100.000 dossiers.

// benchStores opens an empty bbolt file and an empty PostgreSQL database (local socket).
func benchStores(b *testing.B) map[string]forms.Store {
	b.Helper()
	bs, err := boltstore.Open(filepath.Join(b.TempDir(), "hoso.db"), boltstore.Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	pg, err := pgstore.Open(pgtest.DB(b), pgstore.Options{LocalDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { bs.Close(); pg.Close() })
	return map[string]forms.Store{"bbolt": bs, "postgres": pg}
}

var storeNames = []string{"bbolt", "postgres"}

func reportLatencies(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	ms := func(x time.Duration) float64 { return float64(x) / float64(time.Millisecond) }
	b.ReportMetric(ms(d[len(d)/2]), "ms-p50")
	b.ReportMetric(ms(d[min(len(d)-1, len(d)*99/100)]), "ms-p99")
}

// fillN writes n dossiers of n/5 clients through PutRecords (1.000 records per transaction).
func fillN(b *testing.B, s forms.Store, n int) {
	b.Helper()
	samples := []*forms.Application{forms.Sample(forms.Equipment), forms.Sample(forms.CleanerProduction), forms.Sample(forms.TradeFair)}
	kinds := []string{"Công ty TNHH", "Hợp tác xã", "Hộ kinh doanh", "Công ty Cổ phần", "Doanh nghiệp tư nhân"}
	towns := []string{"Phước Hưng", "Đồng Tháp", "Ăn Uống Sạch", "Bình Minh", "Ê Đê Buôn Đôn", "Âu Lạc", "Ý Yên"}
	now := time.Now()
	var recs []forms.LibraryRecord
	put := func() {
		if err := s.(forms.LibraryCopier).PutRecords(recs); err != nil {
			b.Fatal(err)
		}
		recs = recs[:0]
	}
	var client *forms.Client
	for i := range n {
		if i%5 == 0 {
			client = &forms.Client{ID: fmt.Sprintf("c%07d", i/5), CreatedAt: now, UpdatedAt: now, Enterprise: forms.Enterprise{
				Name:    fmt.Sprintf("%s %s %d", kinds[i/5%len(kinds)], towns[i/5%len(towns)], i/5),
				TaxCode: fmt.Sprintf("%010d", 100000000+i/5),
			}}
			recs = append(recs, forms.LibraryRecord{Client: client})
		}
		app := *samples[i%len(samples)]
		app.ID, app.ClientID = fmt.Sprintf("a%07d", i), client.ID
		app.Enterprise.Name = client.Enterprise.Name
		app.Year = 2025 + i%3
		app.CreatedAt, app.UpdatedAt = now, now.Add(time.Duration(i)*time.Millisecond)
		app.FormatVersion = forms.FormatVersion
		recs = append(recs, forms.LibraryRecord{Application: &app, Version: forms.Version{Number: 1}})
		if len(recs) >= 1000 {
			put()
		}
	}
	if len(recs) > 0 {
		put()
	}
}

// BenchmarkSave: one dossier saved (one transaction, durable on disk), as the app does after a change.
func BenchmarkSave(b *testing.B) {
	stores := benchStores(b)
	for _, name := range storeNames {
		s := stores[name]
		b.Run(name, func(b *testing.B) {
			c := &forms.Client{Enterprise: forms.Enterprise{Name: "Công ty TNHH Chế biến Nông sản Phước Hưng", TaxCode: "3502345671"}}
			if err := s.SaveClient(c); err != nil {
				b.Fatal(err)
			}
			app := forms.Sample(forms.Equipment)
			app.ClientID = c.ID
			var d []time.Duration
			i := 0
			for b.Loop() {
				i++
				app.Project.Title = "Tiêu đề lần " + strconv.Itoa(i)
				start := time.Now()
				if err := s.SaveApplication(app); err != nil {
					b.Fatal(err)
				}
				d = append(d, time.Since(start))
			}
			reportLatencies(b, d)
		})
	}
}

// BenchmarkList10k: the list of 10.000 dossiers (sorted with the Vietnamese collator), a search
// and a filter, right after a save (nothing cached) and again.
func BenchmarkList10k(b *testing.B) {
	stores := benchStores(b)
	for _, name := range storeNames {
		s := stores[name]
		fillN(b, s, 10000)
		other, err := s.Application("a0000001")
		if err != nil {
			b.Fatal(err)
		}
		for _, tc := range []struct {
			what string
			q    forms.Query
			save bool
		}{
			{"all", forms.Query{}, false},
			{"all-after-a-save", forms.Query{}, true},
			{"search", forms.Query{Text: "dong thap", Year: 2027}, false},
			{"search-after-a-save", forms.Query{Text: "dong thap", Year: 2027}, true},
		} {
			b.Run(name+"/"+tc.what, func(b *testing.B) {
				n := 0
				for b.Loop() {
					if tc.save {
						b.StopTimer()
						other.Project.Title = "Đổi " + strconv.Itoa(n)
						if err := s.SaveApplication(other); err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
					}
					sums, err := s.Applications(tc.q)
					if err != nil {
						b.Fatal(err)
					}
					n = len(sums)
				}
				b.ReportMetric(float64(n), "rows")
			})
		}
	}
}

// BenchmarkListGrowth: how the list time grows with the library (1.000 and 10.000 dossiers;
// 100.000 with HOSO_BENCH_LONG=1), right after a save.
func BenchmarkListGrowth(b *testing.B) {
	sizes := []int{1000, 10000}
	if os.Getenv("HOSO_BENCH_LONG") == "1" {
		sizes = append(sizes, 100000)
	}
	for _, n := range sizes {
		stores := benchStores(b)
		for _, name := range storeNames {
			s := stores[name]
			fillN(b, s, n)
			app, err := s.Application("a0000001")
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					if err := s.SaveApplication(app); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					if _, err := s.Applications(forms.Query{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
