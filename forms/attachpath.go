package forms

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrAttachmentOutside is matched (errors.Is) by AttachmentIn's refusals.
var ErrAttachmentOutside = errors.New("tệp đính kèm nằm ngoài thư mục của hồ sơ")

// AttachmentIn resolves an attachment's file path as written in a dossier file kept in dir: it
// must be relative ("giay-to/dkkd.pdf", either slash) and stay inside dir, also once links are
// resolved when the file exists. It returns the path on disk. A received dossier file cannot so
// name "/etc/passwd" or "../../.bashrc".
func AttachmentIn(dir, file string) (string, error) {
	slashed := strings.ReplaceAll(file, `\`, "/")
	if filepath.IsAbs(file) || strings.HasPrefix(slashed, "/") || filepath.VolumeName(file) != "" ||
		(len(slashed) >= 2 && slashed[1] == ':') {
		return "", fmt.Errorf("%w: %q là đường dẫn tuyệt đối; tệp đính kèm phải nằm trong thư mục của hồ sơ (cạnh tệp %s) và được ghi bằng đường dẫn tương đối, ví dụ \"giay-to/dkkd.pdf\"", ErrAttachmentOutside, file, FileExtension)
	}
	clean := filepath.Clean(filepath.FromSlash(slashed))
	if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%w: %q ra ngoài thư mục của hồ sơ", ErrAttachmentOutside, file)
	}
	path := filepath.Join(dir, clean)
	if _, err := os.Lstat(path); err == nil && !PathWithin(path, dir) {
		return "", fmt.Errorf("%w: %q là liên kết trỏ ra ngoài thư mục của hồ sơ", ErrAttachmentOutside, file)
	}
	return path, nil
}

// PathWithin reports whether path (which must exist) is inside dir once links are resolved.
func PathWithin(path, dir string) bool {
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	d, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	p, _ = filepath.Abs(p)
	d, _ = filepath.Abs(d)
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
