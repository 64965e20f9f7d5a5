//go:build windows

package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	shell32              = windows.NewLazySystemDLL("shell32.dll")
	shlwapi              = windows.NewLazySystemDLL("shlwapi.dll")
	procShellExecuteW    = shell32.NewProc("ShellExecuteW")
	procAssocQueryString = shlwapi.NewProc("AssocQueryStringW")
)

const (
	swShowNormal     = 1
	seErrFNF         = 2  // SE_ERR_FNF
	seErrPNF         = 3  // SE_ERR_PNF
	seErrAccess      = 5  // SE_ERR_ACCESSDENIED
	seErrNoAssoc     = 31 // SE_ERR_NOASSOC
	assocStrCommand  = 1  // ASSOCSTR_COMMAND
	assocfInitIgnore = 0x1000
)

func systemOpen(path string) error {
	if _, err := os.Stat(path); err != nil {
		return errors.New("tệp hoặc thư mục không còn ở đó")
	}
	return shellExecute("open", path)
}

// systemPrint prints through the print verb registered for the file's type (Adobe Reader,
// Foxit, SumatraPDF register one; Edge, the default on a new Windows, does not).
func systemPrint(path string) (bool, error) {
	if _, err := os.Stat(path); err != nil {
		return false, errors.New("tệp không còn ở đó")
	}
	if !hasVerb(filepath.Ext(path), "print") {
		return false, nil
	}
	err := shellExecute("print", path)
	if errors.Is(err, errNoAssociation) {
		return false, nil
	}
	return err == nil, err
}

// hasVerb asks the shell whether a command is registered for the verb on the file type.
func hasVerb(ext, verb string) bool {
	e, _ := windows.UTF16PtrFromString(ext)
	v, _ := windows.UTF16PtrFromString(verb)
	var n uint32
	hr, _, _ := procAssocQueryString.Call(assocfInitIgnore, assocStrCommand, uintptr(unsafe.Pointer(e)), uintptr(unsafe.Pointer(v)), 0, uintptr(unsafe.Pointer(&n)))
	return hr == 0 || hr == 1 // S_OK, S_FALSE (size only)
}

var errNoAssociation = errors.New("chưa có chương trình nào mở được loại tệp này (cài một trình xem PDF, ví dụ Foxit hoặc Adobe Reader)")

// shellExecute runs ShellExecuteW on a thread of its own with COM initialised, as the shell's
// handlers expect, and turns its result into a Vietnamese error.
func shellExecute(verb, path string) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil {
			defer windows.CoUninitialize()
		}
		v, _ := windows.UTF16PtrFromString(verb)
		p, _ := windows.UTF16PtrFromString(path)
		r, _, lastErr := procShellExecuteW.Call(0, uintptr(unsafe.Pointer(v)), uintptr(unsafe.Pointer(p)), 0, 0, swShowNormal)
		done <- shellError(r, lastErr)
	}()
	return <-done
}

func shellError(r uintptr, lastErr error) error {
	if r > 32 {
		return nil
	}
	switch {
	case r == seErrNoAssoc || errors.Is(lastErr, windows.ERROR_NO_ASSOCIATION):
		return errNoAssociation
	case r == seErrFNF || r == seErrPNF:
		return errors.New("tệp hoặc thư mục không còn ở đó")
	case r == seErrAccess:
		return errors.New("không có quyền mở tệp này")
	}
	if errno, ok := lastErr.(syscall.Errno); ok && errno != 0 {
		return errno
	}
	return errors.New("Windows không mở được tệp (mã lỗi " + strconv.Itoa(int(r)) + ")")
}
