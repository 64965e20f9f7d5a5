package handoff

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"khuyencong/forms"
)

// ExportOptions tune ExportWith. The zero value is what Export uses.
type ExportOptions struct {
	AppVersion string    // default: the running program's module version, or "dev"
	Now        time.Time // creation time written in the manifest and the zip; default time.Now
	Extra      []File    // documents placed at the top level, e.g. "ho-so.pdf", "du-toan.xlsx"
	// Root, when set, is the only folder attachments may come from (links resolved): the library's
	// attachment store (forms.LibraryFilesDir). An attachment elsewhere is refused, naming it.
	Root string
}

// Export writes a hand-off package of the dossier to w. Attachment paths in app are absolute or
// relative to baseDir; in the package they are rewritten to attachments/NAME and their SHA-256 is
// set. app itself is not changed.
func Export(w io.Writer, app *forms.Application, baseDir string) error {
	return ExportWith(w, app, baseDir, ExportOptions{})
}

// packed is one file going into the package: from disk (src) or from memory (data).
type packed struct {
	name string
	src  string
	data []byte
	size int64
	sum  string
}

// ExportWith is Export with options.
func ExportWith(w io.Writer, app *forms.Application, baseDir string, opts ExportOptions) error {
	if app == nil {
		return errors.New("không có hồ sơ để đóng gói")
	}
	if opts.AppVersion == "" {
		opts.AppVersion = defaultAppVersion()
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	cp := *app
	cp.Attachments = append([]forms.Attachment(nil), app.Attachments...)
	taken := map[string]bool{}
	var files []packed
	var total int64
	for i, a := range cp.Attachments {
		if a.File == "" {
			continue
		}
		src := a.File
		if !filepath.IsAbs(src) {
			src = filepath.Join(baseDir, filepath.FromSlash(src))
		}
		if opts.Root != "" && !inStore(src, opts.Root) {
			return fmt.Errorf("tệp đính kèm %q (attachments[%d].file = %s) nằm ngoài kho tệp đính kèm của thư viện (%s): gói hồ sơ chỉ chứa tệp của thư viện. "+
				"Hãy mở hồ sơ trong ứng dụng và chọn lại tệp (ứng dụng sẽ chép tệp vào thư viện)", attachmentTitle(a), i, a.File, opts.Root)
		}
		sum, size, err := hashFile(src)
		if err != nil {
			return fmt.Errorf("tệp đính kèm %q (%s): %w", attachmentTitle(a), src, err)
		}
		total += size
		if total > MaxTotalBytes {
			return fmt.Errorf("các tệp đính kèm vượt quá %d MB: gói hồ sơ không chứa được; hãy nén hoặc thu nhỏ ảnh quét", MaxTotalBytes>>20)
		}
		fallback := safeBaseName(a.ID+filepath.Ext(src), "tep-dinh-kem"+filepath.Ext(src))
		name := uniqueName(safeBaseName(filepath.Base(src), fallback), taken)
		p := packed{name: AttachmentsDir + "/" + name, src: src, size: size, sum: sum}
		files = append(files, p)
		cp.Attachments[i].File = p.name
		cp.Attachments[i].SHA256 = sum
	}
	for _, e := range opts.Extra {
		if err := checkName(e.Name); err != nil || e.Name == ManifestName || e.Name == DossierName || strings.Contains(e.Name, "/") {
			return fmt.Errorf("tên tài liệu kèm %q không dùng được trong gói hồ sơ", e.Name)
		}
		if taken[e.Name] {
			return fmt.Errorf("tài liệu kèm %q bị trùng tên", e.Name)
		}
		taken[e.Name] = true
		total += int64(len(e.Data))
		files = append(files, packed{name: e.Name, data: e.Data, size: int64(len(e.Data)), sum: hashBytes(e.Data)})
	}
	if total > MaxTotalBytes {
		return fmt.Errorf("gói hồ sơ vượt quá %d MB", MaxTotalBytes>>20)
	}
	if len(files)+3 > MaxFiles {
		return fmt.Errorf("gói hồ sơ có quá nhiều tệp (%d, tối đa %d)", len(files), MaxFiles-3)
	}
	dossier, err := forms.MarshalApplication(&cp)
	if err != nil {
		return fmt.Errorf("không ghi được hồ sơ: %w", err)
	}
	files = append([]packed{{name: DossierName, data: dossier, size: int64(len(dossier)), sum: hashBytes(dossier)}}, files...)
	sort.SliceStable(files[1:], func(i, j int) bool { return files[1+i].name < files[1+j].name })

	m := Manifest{Format: FormatName, FormatVersion: FormatVersion, AppVersion: opts.AppVersion, CreatedAt: opts.Now.UTC().Truncate(time.Second)}
	for _, f := range files {
		m.Files = append(m.Files, ManifestFile{Name: f.name, Size: f.size, SHA256: f.sum})
	}
	manifest, err := json.MarshalIndent(&m, "", "  ")
	if err != nil {
		return err
	}

	zw := zip.NewWriter(w)
	if err := writeEntry(zw, ManifestName, opts.Now, manifest); err != nil {
		return err
	}
	for _, f := range files {
		if f.src == "" {
			if err := writeEntry(zw, f.name, opts.Now, f.data); err != nil {
				return err
			}
			continue
		}
		if err := copyEntry(zw, f, opts.Now); err != nil {
			return err
		}
	}
	return zw.Close()
}

func attachmentTitle(a forms.Attachment) string {
	if a.Title != "" {
		return a.Title
	}
	return a.ID
}

func writeEntry(zw *zip.Writer, name string, at time.Time, data []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// copyEntry copies an attachment from disk, and fails if it changed since it was hashed.
func copyEntry(zw *zip.Writer, f packed, at time.Time) error {
	in, err := os.Open(f.src)
	if err != nil {
		return fmt.Errorf("không đọc được tệp đính kèm %s: %w", f.src, err)
	}
	defer in.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: at})
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(in, f.size+1))
	if err != nil {
		return fmt.Errorf("không đọc được tệp đính kèm %s: %w", f.src, err)
	}
	if n != f.size || hex.EncodeToString(h.Sum(nil)) != f.sum {
		return fmt.Errorf("tệp đính kèm %s thay đổi trong lúc đóng gói: hãy thử lại", f.src)
	}
	return nil
}

// hashFile returns the SHA-256 (hex) and size of a regular file.
func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", 0, errors.New("không tìm thấy tệp; hãy đính kèm lại tệp này")
		}
		return "", 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", 0, err
	}
	if !info.Mode().IsRegular() {
		return "", 0, errors.New("không phải tệp thông thường")
	}
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, MaxTotalBytes+1))
	if err != nil {
		return "", 0, err
	}
	if n > MaxTotalBytes {
		return "", 0, fmt.Errorf("tệp lớn hơn %d MB", MaxTotalBytes>>20)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
