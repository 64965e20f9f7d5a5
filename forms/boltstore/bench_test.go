package boltstore

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khuyencong/forms"
)

// reportLatencies adds the median and 99th percentile of the durations to the benchmark.
func reportLatencies(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	ms := func(x time.Duration) float64 { return float64(x) / float64(time.Millisecond) }
	b.ReportMetric(ms(d[len(d)/2]), "ms-median")
	b.ReportMetric(ms(d[min(len(d)-1, len(d)*99/100)]), "ms-p99")
}

// BenchmarkSaveApplication is one keystroke's save: one dossier, one transaction, one fsync.
func BenchmarkSaveApplication(b *testing.B) {
	s := openTest(b)
	c := newClient(b, s, "Công ty TNHH Chế biến Nông sản Phước Hưng", "3502345671")
	app := newApp(b, s, c, forms.Equipment, 2027)
	var d []time.Duration
	i := 0
	for b.Loop() {
		i++
		app.Project.Title = fmt.Sprintf("Tiêu đề lần %d", i)
		start := time.Now()
		if err := s.SaveApplication(app); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(start))
	}
	reportLatencies(b, d)
}

// fillLibrary writes n dossiers for n/20 clients quickly (1.000 per transaction).
func fillLibrary(b *testing.B, s *Store, n int) {
	b.Helper()
	samples := []*forms.Application{forms.Sample(forms.Equipment), forms.Sample(forms.CleanerProduction), forms.Sample(forms.TradeFair)}
	names := []string{"Công ty TNHH", "Hợp tác xã", "Hộ kinh doanh", "Công ty Cổ phần", "Doanh nghiệp tư nhân"}
	towns := []string{"Phước Hưng", "Đồng Tháp", "Ăn Uống Sạch", "Bình Minh", "Ê Đê Buôn Đôn", "Âu Lạc", "Ý Yên"}
	var clients []forms.Client
	for i := range max(1, n/20) {
		c := forms.Client{Enterprise: forms.Enterprise{
			Name:    fmt.Sprintf("%s %s %d", names[i%len(names)], towns[i%len(towns)], i),
			TaxCode: fmt.Sprintf("%010d", 100000000+i),
		}}
		if err := s.SaveClient(&c); err != nil {
			b.Fatal(err)
		}
		clients = append(clients, c)
	}
	for start := 0; start < n; start += 1000 {
		err := s.db.Update(func(tx *bolt.Tx) error {
			for i := start; i < min(n, start+1000); i++ {
				app := *samples[i%3]
				c := clients[i%len(clients)]
				app.ClientID, app.Enterprise.Name, app.Year = c.ID, c.Enterprise.Name, 2024+i%4
				if err := putApplication(tx, &app, s.now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplications10k lists 10.000 dossiers (the whole portfolio, sorted), and searches them.
func BenchmarkApplications10k(b *testing.B) {
	s := openTest(b)
	fillLibrary(b, s, 10_000)
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			sums, err := s.Applications(forms.Query{})
			if err != nil || len(sums) != 10_000 {
				b.Fatal(len(sums), err)
			}
		}
	})
	b.Run("all-after-a-save", func(b *testing.B) { // nothing cached: decode the 10.000 summaries
		for b.Loop() {
			s.mu.Lock()
			s.index = nil
			s.mu.Unlock()
			if _, err := s.Applications(forms.Query{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Applications(forms.Query{Text: "dong thap", Year: 2027}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOpen10k opens a library of 10.000 dossiers: the whole-file check and the schema.
func BenchmarkOpen10k(b *testing.B) {
	s := openTest(b)
	fillLibrary(b, s, 10_000)
	path := s.Path()
	s.Close()
	b.Run("open+check", func(b *testing.B) {
		for b.Loop() {
			s, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
		if info, err := os.Stat(path); err == nil {
			b.ReportMetric(float64(info.Size())/(1<<20), "MB-file")
		}
	})
	b.Run("backup", func(b *testing.B) {
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		for b.Loop() {
			p, err := s.Backup()
			if err != nil {
				b.Fatal(err)
			}
			os.Remove(p)
		}
	})
}

// BenchmarkImport1000 imports 1.000 dossier files (.hoso.json), one transaction each.
func BenchmarkImport1000(b *testing.B) {
	dir := b.TempDir()
	var files []string
	for i := range 1000 {
		app := forms.Sample(forms.Programmes()[i%3])
		app.Enterprise.TaxCode = fmt.Sprintf("%010d", 200000000+i%300) // 300 clients, some repeated
		app.Enterprise.Name = fmt.Sprintf("Khách %d", i%300)
		data, err := forms.MarshalApplication(app)
		if err != nil {
			b.Fatal(err)
		}
		name := filepath.Join(dir, fmt.Sprintf("ho-so-%04d%s", i, forms.FileExtension))
		if err := os.WriteFile(name, data, 0o600); err != nil {
			b.Fatal(err)
		}
		files = append(files, name)
	}
	var d []time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "hoso.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, name := range files {
			start := time.Now()
			f, err := os.Open(name)
			if err != nil {
				b.Fatal(err)
			}
			app, err := forms.ReadApplication(f)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.ImportApplication(app, ImportMerge); err != nil {
				b.Fatal(err)
			}
			d = append(d, time.Since(start))
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	reportLatencies(b, d)
}
