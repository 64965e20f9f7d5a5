package handoff

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"khuyencong/forms"
)

// The library's attachment store is the folder ho-so/ next to the data file: packages are
// extracted into it (ho-so/<name>-<time>/attachments/), the attachments of an imported dossier
// file are copied into it the same way, and the files the user picks in the app are copied into
// ho-so/tep-chon/. A dossier in the library refers only to files there, and ExportFrom packs only
// files from there: a received dossier cannot pull other local files into a package.

// dossierRefusal refuses a dossier file (not a package): errors.Is(err, ErrRefused) holds.
type dossierRefusal struct{ msg string }

func (e *dossierRefusal) Error() string        { return "tệp hồ sơ bị từ chối: " + e.msg }
func (e *dossierRefusal) Is(target error) bool { return target == ErrRefused }

func refuseDossier(format string, args ...any) error {
	return &dossierRefusal{msg: fmt.Sprintf(format, args...)}
}

// inStore reports whether an attachment's file is in the store: resolved when it exists, by its
// path when it does not (so a missing file outside is named as outside).
func inStore(path, root string) bool {
	if _, err := os.Lstat(path); err == nil {
		return forms.PathWithin(path, root)
	}
	p, err1 := filepath.Abs(path)
	r, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(r, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// dossierAttachment checks the path of attachment i of a dossier file in dir: relative, inside
// dir (also after links are resolved), a regular file. It returns the file's path on disk; a
// refusal (ErrRefused) names the field.
func dossierAttachment(i int, file, dir string) (string, error) {
	field := fmt.Sprintf("attachments[%d].file", i)
	src, err := forms.AttachmentIn(dir, file)
	if err != nil {
		return "", refuseDossier("%s: %s", field, strings.TrimPrefix(err.Error(), forms.ErrAttachmentOutside.Error()+": "))
	}
	info, err := os.Stat(src)
	if err != nil {
		return "", refuseDossier("%s: không tìm thấy tệp %q trong thư mục của hồ sơ (%s); hãy đặt tệp vào đó hoặc bỏ trường này", field, file, dir)
	}
	if !info.Mode().IsRegular() {
		return "", refuseDossier("%s: %q không phải tệp thường", field, file)
	}
	return src, nil
}

// copyDossierAttachments checks every attachment of a dossier read from a file in dir and copies
// the files into a new folder of the library's store (written in a temporary folder, renamed into
// place), rewriting the paths to the copies. It returns the folder ("" when there was nothing).
func copyDossierAttachments(app *forms.Application, dir, store, base string, now time.Time) (string, error) {
	var srcs []string
	var total int64
	for i, a := range app.Attachments {
		if a.File == "" {
			srcs = append(srcs, "")
			continue
		}
		src, err := dossierAttachment(i, a.File, dir)
		if err != nil {
			return "", err
		}
		if info, err := os.Stat(src); err == nil {
			total += info.Size()
		}
		if total > MaxTotalBytes {
			return "", refuseDossier("các tệp đính kèm lớn hơn %d MB", MaxTotalBytes>>20)
		}
		srcs = append(srcs, src)
	}
	if len(srcs) > MaxFiles {
		return "", refuseDossier("hồ sơ có %d tệp đính kèm, nhiều hơn giới hạn %d", len(srcs), MaxFiles)
	}
	has := false
	for _, s := range srcs {
		has = has || s != ""
	}
	if !has {
		return "", nil
	}
	stamp := now.Format("20060102-150405")
	dest := filepath.Join(store, base+"-"+stamp)
	for i := 2; exists(dest); i++ {
		dest = filepath.Join(store, fmt.Sprintf("%s-%s-%d", base, stamp, i))
	}
	if err := os.MkdirAll(store, 0o755); err != nil {
		return "", fmt.Errorf("không tạo được thư mục %s: %w", store, err)
	}
	tmp, err := os.MkdirTemp(store, ".nhap-goi-*")
	if err != nil {
		return "", fmt.Errorf("không ghi được vào thư mục %s: %w", store, err)
	}
	if err := os.Mkdir(filepath.Join(tmp, AttachmentsDir), 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	taken := map[string]bool{}
	names := make([]string, len(srcs))
	for i, src := range srcs {
		if src == "" {
			continue
		}
		names[i] = uniqueName(safeBaseName(filepath.Base(src), "tep-dinh-kem"+filepath.Ext(src)), taken)
		if _, err := copyFile(src, filepath.Join(tmp, AttachmentsDir, names[i])); err != nil {
			os.RemoveAll(tmp)
			return "", fmt.Errorf("không chép được tệp đính kèm %s: %w", src, err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("không đặt được tệp đính kèm vào %s: %w", dest, err)
	}
	for i := range app.Attachments {
		if names[i] != "" {
			app.Attachments[i].File = filepath.Join(dest, AttachmentsDir, names[i])
		}
	}
	return dest, nil
}

// copyFile copies src to a new file dst, synced, and returns the SHA-256 of what was copied.
func copyFile(src, dst string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(out, h), io.LimitReader(in, MaxTotalBytes+1))
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Adopt copies a file the user picked into an attachment store (forms.AttachmentsOf the open
// library: its folder, or the server) and returns what the dossier records (Attachment.File and
// .SHA256). The library keeps its copy even if the original is moved or deleted.
func Adopt(st forms.AttachmentStore, src string) (file, sum string, err error) {
	info, err := os.Stat(src)
	if err != nil {
		return "", "", fmt.Errorf("không đọc được tệp %s: %w", src, err)
	}
	if !info.Mode().IsRegular() {
		return "", "", fmt.Errorf("%s không phải tệp thường", src)
	}
	if info.Size() > MaxTotalBytes {
		return "", "", fmt.Errorf("tệp %s lớn hơn %d MB", filepath.Base(src), MaxTotalBytes>>20)
	}
	in, err := os.Open(src)
	if err != nil {
		return "", "", fmt.Errorf("không đọc được tệp %s: %w", src, err)
	}
	defer in.Close()
	name := safeBaseName(filepath.Base(src), "tep-dinh-kem"+filepath.Ext(src))
	return st.PutAttachment(name, in)
}

// adoptAll puts the files of a dossier's attachments (paths on this computer) into a store that
// keeps files itself (a server library) and rewrites the paths to the kept copies.
func adoptAll(st forms.AttachmentStore, app *forms.Application) error {
	for i, a := range app.Attachments {
		if a.File == "" {
			continue
		}
		file, sum, err := Adopt(st, a.File)
		if err != nil {
			return fmt.Errorf("tệp đính kèm %q: %w", attachmentTitle(a), err)
		}
		app.Attachments[i].File, app.Attachments[i].SHA256 = file, sum
	}
	return nil
}
