package forms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOSErrorReason(t *testing.T) {
	dir := t.TempDir()
	_, notFound := os.Open(filepath.Join(dir, "khong-co.hoso.json"))
	cases := []struct {
		err  error
		want string
	}{
		{notFound, "không tìm thấy tệp"},
		{fmt.Errorf("không mở được tệp: %w", notFound), "không tìm thấy tệp"},
		{&os.PathError{Op: "write", Path: "a.pdf", Err: syscall.ENOSPC}, "ổ đĩa đã đầy"},
		{fmt.Errorf("ghi a.xlsx: %w", &os.PathError{Op: "open", Path: "a.xlsx", Err: syscall.EACCES}), "không có quyền"},
		{&os.PathError{Op: "open", Path: "a.xlsx", Err: syscall.EBUSY}, "đang được chương trình khác dùng"},
		{fmt.Errorf("khác"), ""},
	}
	for _, c := range cases {
		got := OSErrorReason(c.err)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%v: got %q, want %q", c.err, got, c.want)
		}
		if u := UserError(c.err); !strings.HasPrefix(u, c.err.Error()) || !strings.Contains(u, c.want) {
			t.Errorf("UserError(%v) = %q", c.err, u)
		}
	}
	// Permission for real: a file in a read-only folder (root may write anyway).
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		_, err := os.Create(filepath.Join(ro, "x"))
		if got := OSErrorReason(err); !strings.Contains(got, "không có quyền") {
			t.Errorf("read-only folder: %v → %q", err, got)
		}
	}
}
