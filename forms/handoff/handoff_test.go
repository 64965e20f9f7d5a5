package handoff

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
)

var fixedNow = time.Date(2027, 1, 5, 9, 30, 0, 0, time.UTC)

// sampleWithFiles returns a dossier whose attachments point to real files: one relative to
// baseDir, one absolute with the same base name, one on paper.
func sampleWithFiles(t *testing.T) (app *forms.Application, baseDir string, contents map[string][]byte) {
	t.Helper()
	baseDir = t.TempDir()
	other := t.TempDir()
	contents = map[string][]byte{
		"Giấy chứng nhận ĐKKD.pdf": []byte("%PDF-1.4 giấy chứng nhận"),
		"bao-gia.pdf":              bytes.Repeat([]byte("báo giá "), 5000),
	}
	os.MkdirAll(filepath.Join(baseDir, "giay to"), 0o755)
	os.WriteFile(filepath.Join(baseDir, "giay to", "Giấy chứng nhận ĐKKD.pdf"), contents["Giấy chứng nhận ĐKKD.pdf"], 0o644)
	os.WriteFile(filepath.Join(baseDir, "bao-gia.pdf"), contents["bao-gia.pdf"], 0o644)
	os.WriteFile(filepath.Join(other, "bao-gia.pdf"), []byte("báo giá thứ hai"), 0o644)
	app = forms.Sample(forms.Equipment)
	app.ID, app.ClientID = "a1b2c3d4e5f60718", "c1c2c3c4c5c6c7c8"
	app.Attachments = []forms.Attachment{
		{ID: "registration", File: "giay to/Giấy chứng nhận ĐKKD.pdf"},
		{ID: "quotations", File: "bao-gia.pdf"},
		{ID: "specifications", File: filepath.Join(other, "bao-gia.pdf")},
		{ID: "financial", Paper: true},
	}
	return app, baseDir, contents
}

func exportBytes(t *testing.T, app *forms.Application, baseDir string, extra ...File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportWith(&buf, app, baseDir, ExportOptions{AppVersion: "1.2.3", Now: fixedNow, Extra: extra}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExportImportRoundTrip(t *testing.T) {
	app, baseDir, contents := sampleWithFiles(t)
	before, _ := forms.MarshalApplication(app)
	pdf := File{Name: "ho-so.pdf", Data: []byte("%PDF-1.4 hồ sơ")}
	pkg := exportBytes(t, app, baseDir, pdf)
	if after, _ := forms.MarshalApplication(app); !bytes.Equal(before, after) {
		t.Error("Export changed the caller's dossier")
	}

	m, _, err := ReadManifest(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	if m.FormatVersion != FormatVersion || m.AppVersion != "1.2.3" || !m.CreatedAt.Equal(fixedNow) || m.Format != FormatName {
		t.Errorf("manifest header %+v", m)
	}
	var names []string
	for _, f := range m.Files {
		names = append(names, f.Name)
	}
	wantNames := []string{DossierName, "attachments/Giấy chứng nhận ĐKKD.pdf", "attachments/bao-gia (2).pdf", "attachments/bao-gia.pdf", "ho-so.pdf"}
	if strings.Join(names, "|") != strings.Join(wantNames, "|") {
		t.Errorf("files %q, want %q", names, wantNames)
	}
	for _, f := range m.Files {
		if f.Name == "attachments/bao-gia.pdf" {
			sum := sha256.Sum256(contents["bao-gia.pdf"])
			if f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(len(contents["bao-gia.pdf"])) {
				t.Errorf("manifest entry %+v does not describe the file", f)
			}
		}
	}

	dest := filepath.Join(t.TempDir(), "nhan", "ho-so-moi")
	got, err := Import(bytes.NewReader(pkg), int64(len(pkg)), dest)
	if err != nil {
		t.Fatal(err)
	}
	if got.Project.Title != app.Project.Title || got.Enterprise.TaxCode != app.Enterprise.TaxCode || len(got.Budget.Lines) != len(app.Budget.Lines) {
		t.Error("dossier content differs after the round trip")
	}
	checks := map[string][]byte{
		"registration":   contents["Giấy chứng nhận ĐKKD.pdf"],
		"quotations":     contents["bao-gia.pdf"],
		"specifications": []byte("báo giá thứ hai"),
	}
	for _, a := range got.Attachments {
		want, ok := checks[a.ID]
		if !ok {
			if a.File != "" || !a.Paper {
				t.Errorf("paper attachment became %+v", a)
			}
			continue
		}
		if !filepath.IsAbs(a.File) || !strings.HasPrefix(a.File, dest) {
			t.Errorf("%s: path %q not inside %s", a.ID, a.File, dest)
		}
		data, err := os.ReadFile(a.File)
		if err != nil || !bytes.Equal(data, want) {
			t.Errorf("%s: content differs (%v)", a.ID, err)
		}
		sum := sha256.Sum256(want)
		if a.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: SHA-256 %q", a.ID, a.SHA256)
		}
	}
	// The dossier file in the folder keeps relative paths; the top-level document is there.
	saved, err := os.ReadFile(filepath.Join(dest, DossierName))
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := forms.DecodeApplication(saved)
	if err != nil {
		t.Fatal(err)
	}
	if onDisk.Attachments[0].File != "attachments/Giấy chứng nhận ĐKKD.pdf" {
		t.Errorf("saved dossier path %q", onDisk.Attachments[0].File)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "ho-so.pdf")); !bytes.Equal(data, pdf.Data) {
		t.Error("top-level document not extracted")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".nhap-goi-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}
}

func TestExportRefusesMissingAttachment(t *testing.T) {
	app, baseDir, _ := sampleWithFiles(t)
	app.Attachments[1].File = "khong-co.pdf"
	err := Export(&bytes.Buffer{}, app, baseDir)
	if err == nil || !strings.Contains(err.Error(), "không tìm thấy") || !strings.Contains(err.Error(), "quotations") {
		t.Errorf("missing attachment: %v", err)
	}
}

// entry is one zip entry of a hand-made package.
type entry struct {
	name string
	data []byte
	mode fs.FileMode // 0: regular
	// raw, when set, is written as the entry's compressed bytes with this declared size.
	raw      []byte
	declared uint64
}

// craft writes a zip with a manifest describing the entries (edit may change it first).
func craft(t *testing.T, entries []entry, edit func(m *Manifest)) []byte {
	t.Helper()
	m := Manifest{Format: FormatName, FormatVersion: FormatVersion, AppVersion: "test", CreatedAt: fixedNow}
	for _, e := range entries {
		if e.mode&fs.ModeDir != 0 {
			continue
		}
		sum := sha256.Sum256(e.data)
		m.Files = append(m.Files, ManifestFile{Name: e.name, Size: int64(len(e.data)), SHA256: hex.EncodeToString(sum[:])})
	}
	if edit != nil {
		edit(&m)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	manifest, _ := json.Marshal(&m)
	w, _ := zw.Create(ManifestName)
	w.Write(manifest)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: fixedNow}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		if e.raw != nil {
			h.UncompressedSize64 = e.declared
			h.CompressedSize64 = uint64(len(e.raw))
			w, err := zw.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(e.raw)
			continue
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func dossierEntry(t *testing.T, edit func(app *forms.Application)) entry {
	app := forms.Sample(forms.TradeFair)
	app.Attachments = []forms.Attachment{{ID: "registration", File: "attachments/dkkd.pdf"}}
	if edit != nil {
		edit(app)
	}
	data, err := forms.MarshalApplication(app)
	if err != nil {
		t.Fatal(err)
	}
	return entry{name: DossierName, data: data}
}

func deflated(data []byte) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestImportRefusals(t *testing.T) {
	pdf := entry{name: "attachments/dkkd.pdf", data: []byte("%PDF giấy phép")}
	many := []entry{dossierEntry(t, nil), pdf}
	for i := range MaxFiles {
		many = append(many, entry{name: fmt.Sprintf("attachments/f%03d.txt", i), data: []byte("x")})
	}
	million := bytes.Repeat([]byte{0}, 1<<20)
	for _, tc := range []struct {
		name string
		pkg  func(t *testing.T) []byte
		want string // part of the message
	}{
		{"escape with ../", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "../../evil.txt", data: []byte("x")}}, nil)
		}, "thoát ra ngoài"},
		{"escape inside attachments", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/../../evil.txt", data: []byte("x")}}, nil)
		}, "thoát ra ngoài"},
		{"absolute path", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "/etc/cron.d/evil", data: []byte("x")}}, nil)
		}, "tuyệt đối"},
		{"windows drive path", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "C:/Windows/evil.dll", data: []byte("x")}}, nil)
		}, "tuyệt đối"},
		{"backslash path", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: `attachments\..\..\evil.txt`, data: []byte("x")}}, nil)
		}, `dấu \`},
		{"symlink", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/link.pdf", data: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777}}, nil)
		}, "liên kết tượng trưng"},
		{"device name", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/CON.txt", data: []byte("x")}}, nil)
		}, "thiết bị"},
		{"nested folder", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/a/b.pdf", data: []byte("x")}}, nil)
		}, "nằm ngoài các chỗ được phép"},
		{"same name twice", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/DKKD.pdf", data: []byte("x")}}, nil)
		}, "cùng tên"},
		{"too many files", func(t *testing.T) []byte { return craft(t, many, nil) }, "giới hạn 500"},
		{"declared size too big", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/bom.bin", data: nil, raw: deflated(million), declared: 300 << 20}}, func(m *Manifest) {
				m.Files[len(m.Files)-1].Size = 300 << 20
			})
		}, "lớn hơn 200 MB"},
		{"bomb that lies about its size", func(t *testing.T) []byte {
			// Declares 10 bytes (manifest agrees), holds 1 MB of zeros.
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/bom.bin", data: million[:10], raw: deflated(million), declared: 10}}, nil)
		}, "bom.bin"},
		{"checksum differs", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf}, func(m *Manifest) {
				m.Files[1].SHA256 = strings.Repeat("0", 64)
			})
		}, "SHA-256 không khớp"},
		{"size differs", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf}, func(m *Manifest) { m.Files[1].Size++ })
		}, "kích thước"},
		{"file not in manifest", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf, {name: "attachments/them.exe", data: []byte("MZ")}}, func(m *Manifest) {
				m.Files = m.Files[:2]
			})
		}, "không có trong manifest.json"},
		{"manifest names a missing file", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf}, func(m *Manifest) {
				m.Files = append(m.Files, ManifestFile{Name: "attachments/mat.pdf", Size: 1, SHA256: strings.Repeat("a", 64)})
			})
		}, "không có trong gói"},
		{"newer format", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil), pdf}, func(m *Manifest) { m.FormatVersion = FormatVersion + 1; m.AppVersion = "9.0" })
		}, "phiên bản mới hơn"},
		{"no manifest", func(t *testing.T) []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create(DossierName)
			w.Write(dossierEntry(t, nil).data)
			zw.Close()
			return buf.Bytes()
		}, "không có manifest.json"},
		{"not a zip", func(t *testing.T) []byte { return []byte(`{"format_version":"1.0"}`) }, ".zip"},
		{"attachment missing from package", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, nil)}, nil)
		}, "gói không có tệp này"},
		{"attachment path outside attachments", func(t *testing.T) []byte {
			return craft(t, []entry{dossierEntry(t, func(app *forms.Application) { app.Attachments[0].File = "ho-so.pdf" }), {name: "ho-so.pdf", data: []byte("x")}}, nil)
		}, "gói không có tệp này"},
		{"unreadable dossier", func(t *testing.T) []byte {
			return craft(t, []entry{{name: DossierName, data: []byte(`{"format_version": "1.0", "year": "năm"}`)}}, nil)
		}, DossierName},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pkg := tc.pkg(t)
			parent := t.TempDir()
			dest := filepath.Join(parent, "ho-so")
			app, err := Import(bytes.NewReader(pkg), int64(len(pkg)), dest)
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("want a refusal, got %v (app %v)", err, app != nil)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("message %q lacks %q", err, tc.want)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("something was written: %v", entries)
			}
		})
	}
}

func TestImportWantsAnEmptyFolder(t *testing.T) {
	app, baseDir, _ := sampleWithFiles(t)
	pkg := exportBytes(t, app, baseDir)
	dest := t.TempDir()
	os.WriteFile(filepath.Join(dest, "cu.txt"), []byte("cũ"), 0o644)
	if _, err := Import(bytes.NewReader(pkg), int64(len(pkg)), dest); err == nil || !strings.Contains(err.Error(), "đã có tệp") {
		t.Errorf("non-empty folder: %v", err)
	}
	empty := t.TempDir()
	if _, err := Import(bytes.NewReader(pkg), int64(len(pkg)), empty); err != nil {
		t.Errorf("empty folder: %v", err)
	}
}

// importLeavesNoTrace runs Import on data: it must not panic, and when it fails the parent folder stays empty.
func importLeavesNoTrace(t *testing.T, data []byte) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "ho-so")
	app, err := Import(bytes.NewReader(data), int64(len(data)), dest)
	if err != nil {
		if entries, _ := os.ReadDir(parent); len(entries) != 0 {
			t.Fatalf("failed import (%v) left %v", err, entries)
		}
		return
	}
	if app == nil {
		t.Fatal("nil dossier without error")
	}
	if _, err := os.Stat(filepath.Join(dest, DossierName)); err != nil {
		t.Fatal(err)
	}
}

func TestMutatedPackagesNeverPanic(t *testing.T) {
	app, baseDir, _ := sampleWithFiles(t)
	good := exportBytes(t, app, baseDir)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		data := bytes.Clone(good)
		for range 1 + rng.IntN(6) {
			data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
		}
		importLeavesNoTrace(t, data)
	}
}

func FuzzImport(f *testing.F) {
	app := forms.Sample(forms.CleanerProduction)
	dir := f.TempDir()
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("%PDF-1.4 a"), 0o644)
	app.Attachments = []forms.Attachment{{ID: "registration", File: "a.pdf"}}
	var buf bytes.Buffer
	if err := ExportWith(&buf, app, dir, ExportOptions{Now: fixedNow, Extra: []File{{Name: "ho-so.pdf", Data: []byte("%PDF")}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	random := make([]byte, 512)
	for i := range random {
		random[i] = byte(i * 7)
	}
	f.Add(random)
	f.Fuzz(func(t *testing.T, data []byte) {
		// Import runs the same checks before writing anything: only a package that passes them is
		// worth the disk (this keeps the fuzzer fast).
		if _, _, err := ReadManifest(bytes.NewReader(data), int64(len(data))); err != nil {
			if !errors.Is(err, ErrRefused) {
				t.Fatalf("error that is not a refusal: %v", err)
			}
			return
		}
		importLeavesNoTrace(t, data)
	})
}
