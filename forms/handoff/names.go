package handoff

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"khuyencong/forms"
)

// maxNameBytes bounds a file name inside a package.
const maxNameBytes = 200

// checkName accepts a file path inside a package only if it is safe to create on Windows, macOS
// and Linux: relative, slash-separated, no "..", no characters Windows forbids, and either a
// top-level file or a file directly under attachments/.
func checkName(name string) error {
	if !utf8.ValidString(name) {
		return fmt.Errorf("tên tệp %q không phải UTF-8 hợp lệ", name)
	}
	if strings.Contains(name, `\`) {
		return fmt.Errorf("tên tệp %q chứa dấu \\ (đường dẫn kiểu Windows có thể thoát khỏi thư mục đích)", name)
	}
	if strings.HasPrefix(name, "/") || (len(name) >= 2 && name[1] == ':') {
		return fmt.Errorf("tên tệp %q là đường dẫn tuyệt đối", name)
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return fmt.Errorf("tên tệp %q thoát ra ngoài thư mục đích (..)", name)
		}
	}
	if path.Clean(name) != name || name == "." {
		return fmt.Errorf("tên tệp %q không chuẩn (có phần rỗng hoặc \".\")", name)
	}
	parts := strings.Split(name, "/")
	if len(parts) > 2 || (len(parts) == 2 && parts[0] != AttachmentsDir) {
		return fmt.Errorf("tệp %q nằm ngoài các chỗ được phép (gốc gói hoặc thư mục %s/)", name, AttachmentsDir)
	}
	base := parts[len(parts)-1]
	if len(base) > maxNameBytes {
		return fmt.Errorf("tên tệp %q dài quá %d byte", name, maxNameBytes)
	}
	for _, r := range base {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"|?*`, r) || unicode.Is(unicode.Cf, r) {
			return fmt.Errorf("tên tệp %q chứa ký tự không được phép (%U)", name, r)
		}
	}
	if strings.HasSuffix(base, ".") || strings.HasSuffix(base, " ") || strings.HasPrefix(base, " ") {
		return fmt.Errorf("tên tệp %q bắt đầu hoặc kết thúc bằng dấu cách hay dấu chấm", name)
	}
	stem, _, _ := strings.Cut(strings.ToUpper(base), ".")
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return fmt.Errorf("tên tệp %q là tên thiết bị dành riêng của Windows", name)
	}
	return nil
}

// safeBaseName turns a file's name on disk into a name accepted by checkName (for attachments/).
func safeBaseName(name, fallback string) string {
	name = forms.Clean(name)
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || unicode.Is(unicode.Cf, r):
		case strings.ContainsRune(`<>:"|?*/\`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), " .")
	for len(out) > maxNameBytes-8 {
		_, size := utf8.DecodeLastRuneInString(out)
		out = out[:len(out)-size]
	}
	if out == "" || checkName(out) != nil {
		out = fallback
	}
	return out
}

// uniqueName returns name, or "stem (2).ext", "stem (3).ext" ... whichever is not yet taken
// (compared without case: Windows and macOS folders ignore it).
func uniqueName(name string, taken map[string]bool) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	candidate := name
	for i := 2; taken[strings.ToLower(candidate)]; i++ {
		candidate = fmt.Sprintf("%s (%d)%s", stem, i, ext)
	}
	taken[strings.ToLower(candidate)] = true
	return candidate
}
