package forms

import (
	"errors"
	"io/fs"
	"runtime"
	"strings"
	"syscall"
)

// Windows error numbers that Go's syscall package does not name for every system.
const (
	winSharingViolation = 32  // ERROR_SHARING_VIOLATION: another program has the file open
	winLockViolation    = 33  // ERROR_LOCK_VIOLATION
	winHandleDiskFull   = 39  // ERROR_HANDLE_DISK_FULL
	winDiskFull         = 112 // ERROR_DISK_FULL
)

// OSErrorReason says in Vietnamese what a common operating-system failure inside err means for the
// user and what to do: no permission, not found, disk full, file in use. It returns "" for any
// other error.
func OSErrorReason(err error) string {
	if err == nil {
		return ""
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && runtime.GOOS == "windows" {
		switch uintptr(errno) {
		case winSharingViolation, winLockViolation:
			return "tệp đang được chương trình khác mở (ví dụ Excel hoặc trình đọc PDF): hãy đóng tệp rồi thử lại"
		case winHandleDiskFull, winDiskFull:
			return "ổ đĩa đã đầy: hãy giải phóng dung lượng hoặc chọn ổ khác rồi thử lại"
		}
	}
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return "ổ đĩa đã đầy: hãy giải phóng dung lượng hoặc chọn ổ khác rồi thử lại"
	case errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.ETXTBSY):
		return "tệp đang được chương trình khác dùng: hãy đóng chương trình đó rồi thử lại"
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
		return "không có quyền ghi hoặc đọc ở chỗ này (hoặc tệp đang mở trong chương trình khác): hãy chọn thư mục khác, hoặc đóng tệp rồi thử lại"
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp hoặc thư mục: hãy kiểm tra đường dẫn"
	}
	return ""
}

// UserError is the text to show a user for err, at the edge of the program (the app's error
// dialog, hoso's messages): err's own message, then the Vietnamese meaning of an operating-system
// failure inside it, when there is one.
func UserError(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	if why := OSErrorReason(err); why != "" && !strings.Contains(msg, why) {
		msg += " – " + why
	}
	return msg
}
