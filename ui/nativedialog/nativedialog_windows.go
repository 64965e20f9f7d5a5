//go:build windows

package nativedialog

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	comdlg32                    = windows.NewLazySystemDLL("comdlg32.dll")
	shell32                     = windows.NewLazySystemDLL("shell32.dll")
	procGetOpenFileNameW        = comdlg32.NewProc("GetOpenFileNameW")
	procGetSaveFileNameW        = comdlg32.NewProc("GetSaveFileNameW")
	procCommDlgExtendedError    = comdlg32.NewProc("CommDlgExtendedError")
	procSHCreateItemFromParsing = shell32.NewProc("SHCreateItemFromParsingName")
	procCoCreateInstance        = windows.NewLazySystemDLL("ole32.dll").NewProc("CoCreateInstance")
)

// Supported reports whether the system's dialogs are available.
func Supported() bool { return procGetOpenFileNameW.Find() == nil }

// Documents is the user's Documents folder (it may be moved, renamed or on OneDrive).
func Documents() string {
	p, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return p
}

// Show opens the dialog and waits for the user: the chosen path, or "" when cancelled. It runs
// on a thread of its own with COM initialised, as the shell's dialogs need.
func Show(r Request) (string, error) {
	if r.Start == "" {
		r.Start = Documents()
	}
	type result struct {
		path string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil {
			defer windows.CoUninitialize()
		}
		var res result
		if r.Kind == Folder {
			res.path, res.err = pickFolder(r)
		} else {
			res.path, res.err = fileDialog(r)
		}
		done <- res
	}()
	res := <-done
	return res.path, res.err
}

// openFileName is OPENFILENAMEW (commdlg.h), 64-bit layout.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reserved2     uint32
	flagsEx       uint32
}

const (
	ofnOverwritePrompt = 0x00000002
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000
)

// filterString is the dialog's list of types: description, patterns, then every file.
func filterString(r Request) []uint16 {
	var b strings.Builder
	if len(r.Exts) > 0 {
		pats := make([]string, len(r.Exts))
		for i, e := range r.Exts {
			pats[i] = "*" + e
		}
		desc := r.Filter
		if desc == "" {
			desc = strings.Join(pats, ", ")
		}
		b.WriteString(desc + "\x00" + strings.Join(pats, ";") + "\x00")
	}
	b.WriteString("*.*\x00*.*\x00\x00")
	return utf16(b.String())
}

func utf16(s string) []uint16 {
	out := make([]uint16, 0, len(s)+1)
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := (((r-0x10000)>>10)&0x3ff)+0xd800, ((r-0x10000)&0x3ff)+0xdc00
			out = append(out, uint16(r1), uint16(r2))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}

func ptr(s string) *uint16 {
	if s == "" {
		return nil
	}
	p, _ := windows.UTF16PtrFromString(s)
	return p
}

func fileDialog(r Request) (string, error) {
	buf := make([]uint16, 4096)
	copy(buf[:len(buf)-1], utf16(r.Name))
	filter := filterString(r)
	ofn := openFileName{
		owner:       r.Owner,
		filter:      &filter[0],
		filterIndex: 1,
		file:        &buf[0],
		maxFile:     uint32(len(buf)),
		initialDir:  ptr(r.Start),
		title:       ptr(r.Title),
		flags:       ofnExplorer | ofnNoChangeDir | ofnPathMustExist,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	proc := procGetOpenFileNameW
	if r.Kind == Save {
		proc = procGetSaveFileNameW
		ofn.flags |= ofnOverwritePrompt
		if len(r.Exts) > 0 {
			ofn.defExt = ptr(strings.TrimPrefix(r.Exts[0], "."))
		}
	} else {
		ofn.flags |= ofnFileMustExist
	}
	ok, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn)))
	if ok == 0 {
		code, _, _ := procCommDlgExtendedError.Call()
		if code == 0 {
			return "", nil // cancelled
		}
		return "", fmt.Errorf("hộp chọn tệp của Windows báo lỗi %#x", code)
	}
	return windows.UTF16ToString(buf), nil
}

// The COM interfaces of the folder dialog (shobjidl.h), called through their vtables.
var (
	clsidFileOpenDialog = windows.GUID{Data1: 0xDC1C5A9C, Data2: 0xE88A, Data3: 0x4DDE, Data4: [8]byte{0xA5, 0xA1, 0x60, 0xF8, 0x2A, 0x20, 0xAE, 0xF7}}
	iidIFileOpenDialog  = windows.GUID{Data1: 0xD57C7288, Data2: 0xD4AD, Data3: 0x4768, Data4: [8]byte{0xBE, 0x02, 0x9D, 0x96, 0x95, 0x32, 0xD9, 0x60}}
	iidIShellItem       = windows.GUID{Data1: 0x43826D1E, Data2: 0xE718, Data3: 0x42EE, Data4: [8]byte{0xBC, 0x55, 0xA1, 0xE2, 0x61, 0xC3, 0x7B, 0xFE}}
)

// Method numbers in the vtables (IUnknown 0-2, IModalWindow 3, IFileDialog 4-26; IShellItem 3-7).
const (
	mRelease        = 2
	mShow           = 3
	mSetOptions     = 9
	mGetOptions     = 10
	mSetFolder      = 12
	mSetTitle       = 17
	mGetResult      = 20
	mGetDisplayName = 5

	fosPickFolders     = 0x00000020
	fosForceFileSystem = 0x00000040
	fosNoChangeDir     = 0x00000008
	sigdnFileSysPath   = 0x80058000
	errCancelled       = 0x800704C7 // HRESULT_FROM_WIN32(ERROR_CANCELLED)
)

// call invokes method n of a COM object.
func call(obj uintptr, n int, args ...uintptr) uintptr {
	// obj points to memory COM owns: a pointer to the object's table of method addresses.
	object := *(**[1]*[32]uintptr)(unsafe.Pointer(&obj))
	fn := object[0][n]
	r, _, _ := syscall.SyscallN(fn, append([]uintptr{obj}, args...)...)
	return r
}

func pickFolder(r Request) (string, error) {
	var dlg uintptr
	hr, _, _ := procCoCreateInstance.Call(uintptr(unsafe.Pointer(&clsidFileOpenDialog)), 0, windows.CLSCTX_INPROC_SERVER,
		uintptr(unsafe.Pointer(&iidIFileOpenDialog)), uintptr(unsafe.Pointer(&dlg)))
	if hr != 0 || dlg == 0 {
		return "", fmt.Errorf("không mở được hộp chọn thư mục của Windows (%#x)", uint32(hr))
	}
	defer call(dlg, mRelease)
	var opts uint32
	call(dlg, mGetOptions, uintptr(unsafe.Pointer(&opts)))
	call(dlg, mSetOptions, uintptr(opts|fosPickFolders|fosForceFileSystem|fosNoChangeDir))
	if t := ptr(r.Title); t != nil {
		call(dlg, mSetTitle, uintptr(unsafe.Pointer(t)))
	}
	if r.Start != "" {
		var item uintptr
		hr, _, _ := procSHCreateItemFromParsing.Call(uintptr(unsafe.Pointer(ptr(r.Start))), 0, uintptr(unsafe.Pointer(&iidIShellItem)), uintptr(unsafe.Pointer(&item)))
		if hr == 0 && item != 0 {
			call(dlg, mSetFolder, item)
			call(item, mRelease)
		}
	}
	hr = call(dlg, mShow, r.Owner)
	if uint32(hr) == errCancelled {
		return "", nil
	}
	if hr != 0 {
		return "", fmt.Errorf("hộp chọn thư mục của Windows báo lỗi %#x", uint32(hr))
	}
	var item uintptr
	if hr := call(dlg, mGetResult, uintptr(unsafe.Pointer(&item))); hr != 0 || item == 0 {
		return "", errors.New("hộp chọn thư mục không trả về thư mục nào")
	}
	defer call(item, mRelease)
	var name *uint16
	if hr := call(item, mGetDisplayName, sigdnFileSysPath, uintptr(unsafe.Pointer(&name))); hr != 0 || name == nil {
		return "", errors.New("thư mục đã chọn không nằm trên ổ đĩa (hãy chọn một thư mục thật)")
	}
	defer windows.CoTaskMemFree(unsafe.Pointer(name))
	return windows.UTF16PtrToString(name), nil
}
