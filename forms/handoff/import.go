package handoff

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"khuyencong/forms"
)

// manifestError is a strict-reading error of the manifest, worded with where it is (line,
// column, field) and what.
type manifestError struct{ fe *forms.FileError }

func (e manifestError) Error() string {
	var where []string
	if e.fe.Line > 0 {
		where = append(where, fmt.Sprintf("dòng %d, cột %d", e.fe.Line, e.fe.Column))
	}
	if e.fe.Path != "" {
		where = append(where, "trường "+e.fe.Path)
	}
	if len(where) == 0 {
		return e.fe.Msg
	}
	return strings.Join(where, ", ") + ": " + e.fe.Msg
}

func (e manifestError) Unwrap() error { return e.fe }

func refuse(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrRefused}, args...)...)
}

// Import checks a hand-off package and extracts it into destDir, which must not exist or be
// empty: dossier.hoso.json, attachments/ and the top-level documents. It returns the dossier with
// its attachment paths made absolute (inside destDir); the dossier file written in destDir keeps
// the relative paths, so the folder can be moved.
//
// Everything is checked before anything is written (errors.Is(err, ErrRefused)): unsafe names
// (../, absolute, Windows device names), links and special files, more than MaxFiles entries or
// MaxTotalBytes uncompressed (declared and counted while reading), files missing from the
// manifest or differing from it in size or SHA-256, a newer format, an unreadable dossier, and a
// dossier naming an attachment the package lacks. Files are then extracted to a temporary folder
// next to destDir and renamed into place.
func Import(r io.ReaderAt, size int64, destDir string) (*forms.Application, error) {
	pkg, err := verify(r, size)
	if err != nil {
		return nil, err
	}
	dest, err := filepath.Abs(destDir)
	if err != nil {
		return nil, err
	}
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, fmt.Errorf("không tạo được thư mục %s: %w", filepath.Dir(dest), err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dest), ".nhap-goi-*")
	if err != nil {
		return nil, fmt.Errorf("không ghi được vào thư mục %s: %w", filepath.Dir(dest), err)
	}
	if err := pkg.extract(tmp); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Remove(dest); err != nil && !errors.Is(err, fs.ErrNotExist) { // an empty folder
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("không dùng được thư mục %s: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("không đặt được hồ sơ vào %s: %w", dest, err)
	}
	app := pkg.app
	for i, a := range app.Attachments {
		if a.File != "" {
			app.Attachments[i].File = filepath.Join(dest, filepath.FromSlash(a.File))
		}
	}
	return app, nil
}

// ReadManifest checks a package like Import and returns its manifest and dossier, writing nothing.
func ReadManifest(r io.ReaderAt, size int64) (*Manifest, *forms.Application, error) {
	pkg, err := verify(r, size)
	if err != nil {
		return nil, nil, err
	}
	return pkg.manifest, pkg.app, nil
}

func checkDest(dest string) error {
	entries, err := os.ReadDir(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("thư mục đích %s không dùng được: %w", dest, err)
	case len(entries) > 0:
		return fmt.Errorf("thư mục đích %s đã có tệp: hãy chọn một thư mục mới hoặc trống", dest)
	}
	return nil
}

// verifiedPackage is a package that passed every check.
type verifiedPackage struct {
	files    map[string]*zip.File // by name, the manifest's files
	manifest *Manifest
	dossier  []byte
	app      *forms.Application
}

func verify(r io.ReaderAt, size int64) (*verifiedPackage, error) {
	zr, err := zip.NewReader(r, size)
	if errors.Is(err, zip.ErrInsecurePath) {
		return nil, refuse("gói chứa đường dẫn không an toàn")
	}
	if err != nil {
		return nil, refuse("không phải gói hồ sơ .zip hoặc tệp bị hỏng (%w)", err)
	}
	if len(zr.File) > MaxFiles {
		return nil, refuse("gói có %d mục, nhiều hơn giới hạn %d", len(zr.File), MaxFiles)
	}
	// Names, kinds and declared sizes: every entry, before reading any.
	byName := map[string]*zip.File{}
	lower := map[string]bool{}
	var declared uint64
	for _, f := range zr.File {
		mode := f.Mode()
		if mode&fs.ModeSymlink != 0 {
			return nil, refuse("gói chứa liên kết tượng trưng %q", f.Name)
		}
		if mode.IsDir() || strings.HasSuffix(f.Name, "/") {
			if f.Name != AttachmentsDir+"/" {
				return nil, refuse("gói chứa thư mục không được phép %q", f.Name)
			}
			continue
		}
		if !mode.IsRegular() {
			return nil, refuse("gói chứa tệp đặc biệt %q (%v)", f.Name, mode.Type())
		}
		if err := checkName(f.Name); err != nil {
			return nil, refuse("%w", err)
		}
		if lower[strings.ToLower(f.Name)] {
			return nil, refuse("gói chứa hai tệp cùng tên %q", f.Name)
		}
		lower[strings.ToLower(f.Name)] = true
		byName[f.Name] = f
		declared += f.UncompressedSize64
		if f.UncompressedSize64 > MaxTotalBytes || declared > MaxTotalBytes {
			return nil, refuse("nội dung giải nén lớn hơn %d MB", MaxTotalBytes>>20)
		}
	}

	mf, ok := byName[ManifestName]
	if !ok {
		return nil, refuse("gói không có %s: không phải gói hồ sơ của ứng dụng", ManifestName)
	}
	raw, err := readLimited(mf, maxManifestBytes)
	if err != nil {
		return nil, refuse("%s không đọc được: %w", ManifestName, err)
	}
	// The format and its version first, leniently, so that a package of a newer format (which may
	// carry keys this version does not know) is refused with "update the application".
	var head struct {
		Format        string `json:"format"`
		FormatVersion int    `json:"format_version"`
		AppVersion    string `json:"app_version"`
	}
	if err := json.Unmarshal(raw, &head); err == nil && head.Format == FormatName && head.FormatVersion > FormatVersion {
		return nil, refuse("gói được tạo bằng phiên bản mới hơn của ứng dụng (%q, định dạng gói %d; ứng dụng này đọc được đến %d): hãy cập nhật ứng dụng", strings.ToValidUTF8(head.AppVersion, "?"), head.FormatVersion, FormatVersion)
	}
	var m Manifest
	if err := forms.DecodeStrict(raw, &m); err != nil {
		var fe *forms.FileError
		if errors.As(err, &fe) {
			err = manifestError{fe}
		}
		return nil, refuse("%s sai định dạng: %w", ManifestName, err)
	}
	if m.Format != FormatName {
		return nil, refuse("%s không phải của gói hồ sơ (format %q)", ManifestName, m.Format)
	}
	if m.FormatVersion < 1 {
		return nil, refuse("phiên bản định dạng gói %d không hợp lệ", m.FormatVersion)
	}

	// The manifest and the zip list the same files.
	pkg := &verifiedPackage{files: map[string]*zip.File{}, manifest: &m}
	want := map[string]ManifestFile{}
	for _, e := range m.Files {
		if err := checkName(e.Name); err != nil {
			return nil, refuse("trong %s: %w", ManifestName, err)
		}
		if _, dup := want[e.Name]; dup || e.Name == ManifestName {
			return nil, refuse("%s liệt kê %q hai lần", ManifestName, e.Name)
		}
		f, ok := byName[e.Name]
		if !ok {
			return nil, refuse("tệp %q có trong %s nhưng không có trong gói", e.Name, ManifestName)
		}
		if e.Size < 0 || uint64(e.Size) != f.UncompressedSize64 {
			return nil, refuse("tệp %q: kích thước %d khác với %s (%d)", e.Name, f.UncompressedSize64, ManifestName, e.Size)
		}
		if len(e.SHA256) != 64 {
			return nil, refuse("tệp %q: mã SHA-256 trong %s không hợp lệ", e.Name, ManifestName)
		}
		want[e.Name] = e
		pkg.files[e.Name] = f
	}
	for name := range byName {
		if _, ok := want[name]; !ok && name != ManifestName {
			return nil, refuse("tệp %q không có trong %s", name, ManifestName)
		}
	}
	if _, ok := want[DossierName]; !ok {
		return nil, refuse("gói không có %s", DossierName)
	}

	// Read every file once (into nothing), counting bytes and checking sizes and SHA-256.
	var total int64
	for _, e := range m.Files {
		var keep io.Writer
		var dossier bytes.Buffer
		if e.Name == DossierName {
			if e.Size > forms.MaxFileBytes {
				return nil, refuse("%s lớn hơn %d MB", DossierName, forms.MaxFileBytes>>20)
			}
			keep = &dossier
		}
		n, err := copyChecked(keep, pkg.files[e.Name], e, MaxTotalBytes-total)
		if err != nil {
			return nil, err
		}
		total += n
		if keep != nil {
			pkg.dossier = dossier.Bytes()
		}
	}

	app, err := forms.DecodeApplication(pkg.dossier)
	if err != nil {
		return nil, refuse("%s: %w", DossierName, err)
	}
	for i, a := range app.Attachments {
		if a.File == "" {
			continue
		}
		e, ok := want[a.File]
		if !ok || !strings.HasPrefix(a.File, AttachmentsDir+"/") {
			return nil, refuse("hồ sơ nhắc tới tệp đính kèm %q nhưng gói không có tệp này trong %s/", a.File, AttachmentsDir)
		}
		app.Attachments[i].SHA256 = e.SHA256
	}
	pkg.app = app
	return pkg, nil
}

// copyChecked copies a zip entry to w (nil: nowhere), reading at most its manifest size plus one
// byte and at most budget bytes, and checks size and SHA-256 against the manifest.
func copyChecked(w io.Writer, f *zip.File, e ManifestFile, budget int64) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, refuse("tệp %q không đọc được: %w", e.Name, err)
	}
	defer rc.Close()
	h := sha256.New()
	dst := io.Writer(h)
	if w != nil {
		dst = io.MultiWriter(h, w)
	}
	limit := min(e.Size, budget) + 1
	n, err := io.Copy(dst, io.LimitReader(rc, limit))
	if err != nil {
		return n, refuse("tệp %q hỏng: %w", e.Name, err)
	}
	if n > budget {
		return n, refuse("nội dung giải nén lớn hơn %d MB", MaxTotalBytes>>20)
	}
	if n != e.Size {
		return n, refuse("tệp %q dài %d byte, %s ghi %d byte", e.Name, n, ManifestName, e.Size)
	}
	if got := hex.EncodeToString(h.Sum(nil)); !strings.EqualFold(got, e.SHA256) {
		return n, refuse("tệp %q: mã SHA-256 không khớp với %s (tệp đã bị sửa hoặc hỏng)", e.Name, ManifestName)
	}
	return n, nil
}

func readLimited(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("lớn hơn %d KB", limit>>10)
	}
	return data, nil
}

// extract writes the verified files under dir, checking them again while writing.
func (p *verifiedPackage) extract(dir string) error {
	var total int64
	for _, e := range p.manifest.Files {
		target := filepath.Join(dir, filepath.FromSlash(e.Name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("không ghi được %s: %w", target, err)
		}
		n, err := copyChecked(out, p.files[e.Name], e, MaxTotalBytes-total)
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		total += n
	}
	return nil
}
