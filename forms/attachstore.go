package forms

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// AttachmentStore keeps the content of the files a library's dossiers attach, so the library
// holds its own copy of every file. A bbolt library keeps them as files in its folder "ho-so"
// beside the data file (FolderAttachments); a shared library on a server keeps them in the
// database, addressed by their SHA-256, so every computer gets the same files.
type AttachmentStore interface {
	// PutAttachment keeps the content read from r (a file called name, at most
	// MaxAttachmentBytes) and returns what the dossier records: Attachment.File and .SHA256.
	PutAttachment(name string, r io.Reader) (file, sum string, err error)
	// OpenAttachment opens the kept content of an attachment. Reading it fails, at the latest at
	// its end, when the content is no longer the one with its SHA-256 (ErrAttachmentDamaged).
	OpenAttachment(a Attachment) (io.ReadCloser, error)
	// HasAttachment reports whether the store can give the attachment's content.
	HasAttachment(a Attachment) bool
}

// MaxAttachmentBytes bounds one attached file (the same bound as a whole hand-off package).
const MaxAttachmentBytes = 200 << 20

// ErrAttachmentDamaged is matched (errors.Is) when a kept file no longer has its SHA-256.
var ErrAttachmentDamaged = errors.New("tệp đính kèm không còn khớp mã SHA-256 đã ghi")

// blobScheme starts Attachment.File for a file kept in a database: "kho:<sha256>/<name>".
const blobScheme = "kho:"

// BlobFile is the Attachment.File of content kept in a database under its SHA-256 (hex).
func BlobFile(sum, name string) string { return blobScheme + sum + "/" + blobName(name) }

// BlobOf reads a BlobFile: the content's SHA-256 and the file's name.
func BlobOf(file string) (sum, name string, ok bool) {
	rest, found := strings.CutPrefix(file, blobScheme)
	if !found {
		return "", "", false
	}
	sum, name, found = strings.Cut(rest, "/")
	if !found || !IsSHA256(sum) || name == "" {
		return "", "", false
	}
	return sum, name, true
}

// IsSHA256 reports whether s is a SHA-256 in lower-case hex.
func IsSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// blobName keeps a file name usable on every system: no folders, no control characters.
func blobName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || r == utf8.RuneError || strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), " .")
	if out == "" {
		out = "tep-dinh-kem"
	}
	return out
}

// AttachmentName is the name of an attachment's file, whichever store keeps it.
func AttachmentName(a Attachment) string {
	if _, name, ok := BlobOf(a.File); ok {
		return name
	}
	if a.File == "" {
		return ""
	}
	return filepath.Base(filepath.FromSlash(a.File))
}

// AttachmentsOf is the attachment store of a library: the store itself when it keeps files
// (a server library), else the folder "ho-so" beside its data file.
func AttachmentsOf(s Store) AttachmentStore {
	if as, ok := s.(AttachmentStore); ok {
		return as
	}
	return FolderAttachments(LibraryFilesDir(s.Path()))
}

// LibraryFilesDir is the folder of attached files of the library whose data file is dbPath.
func LibraryFilesDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "ho-so") }

// FolderAttachments is the attachment store of a bbolt library: files in a folder. The files the
// user picks go into its subfolder "tep-chon", one new folder per file; Attachment.File is the
// copy's path.
type FolderAttachments string

// PutAttachment copies the content into a new file of the folder, synced.
func (f FolderAttachments) PutAttachment(name string, r io.Reader) (string, string, error) {
	dir := filepath.Join(string(f), "tep-chon", time.Now().Format("20060102-150405.000000000"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("không tạo được thư mục %s: %w", dir, err)
	}
	dst := filepath.Join(dir, blobName(name))
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", "", fmt.Errorf("không ghi được tệp %s: %w", dst, err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), io.LimitReader(r, MaxAttachmentBytes+1))
	if err == nil && n > MaxAttachmentBytes {
		err = fmt.Errorf("tệp lớn hơn %d MB", MaxAttachmentBytes>>20)
	}
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
		return "", "", fmt.Errorf("không chép được tệp %s vào thư viện: %w", name, err)
	}
	return dst, hex.EncodeToString(h.Sum(nil)), nil
}

// OpenAttachment opens the file; when the attachment records a SHA-256, the content is checked
// against it as it is read.
func (f FolderAttachments) OpenAttachment(a Attachment) (io.ReadCloser, error) {
	if a.File == "" {
		return nil, fmt.Errorf("tệp đính kèm %s không có tệp", a.ID)
	}
	if _, _, ok := BlobOf(a.File); ok {
		return nil, fmt.Errorf("tệp đính kèm %s nằm trong thư viện trên máy chủ, không có trong thư mục %s", AttachmentName(a), string(f))
	}
	in, err := os.Open(a.File)
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp đính kèm %s: %w", a.File, err)
	}
	if a.SHA256 == "" {
		return in, nil
	}
	return VerifyingReader(in, a.SHA256, a.File), nil
}

// HasAttachment reports whether the attachment's file is on this computer, a regular file.
func (f FolderAttachments) HasAttachment(a Attachment) bool {
	if a.File == "" {
		return false
	}
	if _, _, ok := BlobOf(a.File); ok {
		return false
	}
	info, err := os.Stat(a.File)
	return err == nil && info.Mode().IsRegular()
}

// VerifyingReader reads rc and fails at its end (ErrAttachmentDamaged, naming what) when what
// was read does not have the SHA-256 sum.
func VerifyingReader(rc io.ReadCloser, sum, what string) io.ReadCloser {
	return &verifying{rc: rc, h: sha256.New(), sum: sum, what: what}
}

type verifying struct {
	rc   io.ReadCloser
	h    hash.Hash
	sum  string
	what string
}

func (v *verifying) Read(p []byte) (int, error) {
	n, err := v.rc.Read(p)
	v.h.Write(p[:n])
	if err == io.EOF && hex.EncodeToString(v.h.Sum(nil)) != v.sum {
		return n, fmt.Errorf("%w: %s", ErrAttachmentDamaged, v.what)
	}
	return n, err
}

func (v *verifying) Close() error { return v.rc.Close() }

// AttachmentCacheDir is the folder on this computer where files kept on a server are written
// out for the programs that need a path (the PDF merge, opening a file): under the user's cache.
func AttachmentCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "HosoKhuyenCong", "tep-dinh-kem")
}

// MaterialiseAttachments returns a copy of app whose attachments kept in a database (BlobFile)
// are files under dir: dir/<sha256>/<name>, written once and checked against their SHA-256
// (a cached copy that no longer matches is written again). An attachment the store cannot give
// is left out (File emptied) with a warning in Vietnamese naming it.
func MaterialiseAttachments(st AttachmentStore, app *Application, dir string) (*Application, []string) {
	cp := *app
	cp.Attachments = append([]Attachment(nil), app.Attachments...)
	var warnings []string
	for i, a := range cp.Attachments {
		if _, _, ok := BlobOf(a.File); !ok {
			continue
		}
		path, err := MaterialiseAttachment(st, a, dir)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("tệp đính kèm %q (%s) không lấy được từ thư viện: %v", a.ID, AttachmentName(a), err))
			cp.Attachments[i].File = ""
			continue
		}
		cp.Attachments[i].File = path
	}
	return &cp, warnings
}

// MaterialiseAttachment writes one attachment kept in a database to dir/<sha256>/<name> (or
// finds it there, checked) and returns the path.
func MaterialiseAttachment(st AttachmentStore, a Attachment, dir string) (string, error) {
	sum, name, ok := BlobOf(a.File)
	if !ok {
		return a.File, nil
	}
	folder := filepath.Join(dir, sum)
	path := filepath.Join(folder, name)
	if got, err := FileSHA256(path); err == nil && got == sum {
		return path, nil
	}
	rc, err := st.OpenAttachment(a)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(folder, ".tam-*")
	if err != nil {
		return "", err
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(tmp, h), io.LimitReader(rc, MaxAttachmentBytes+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && hex.EncodeToString(h.Sum(nil)) != sum {
		err = fmt.Errorf("%w: %s", ErrAttachmentDamaged, name)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return path, nil
}

// FileSHA256 is the SHA-256 (hex) of a file.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReadAttachment reads a whole attachment from a store, checked against its SHA-256 when the
// attachment records one.
func ReadAttachment(st AttachmentStore, a Attachment) ([]byte, error) {
	rc, err := st.OpenAttachment(a)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, MaxAttachmentBytes+1))
	if err != nil {
		return nil, err
	}
	if n > MaxAttachmentBytes {
		return nil, fmt.Errorf("tệp %s lớn hơn %d MB", AttachmentName(a), MaxAttachmentBytes>>20)
	}
	return buf.Bytes(), nil
}
