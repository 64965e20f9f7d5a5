// Package nativedialog shows the system's own file and folder dialogs on Windows.
//
// They come in the system's language (Vietnamese on a Vietnamese Windows), with its Documents,
// Desktop and Downloads, starting in the user's Documents. Elsewhere Supported is false and the
// app uses Fyne's dialogs.
package nativedialog

// Kind is what the dialog chooses.
type Kind int

const (
	Open   Kind = iota // an existing file
	Save               // a file name to write (asks before overwriting)
	Folder             // a folder
)

// Request describes one dialog.
type Request struct {
	Kind   Kind
	Title  string   // the dialog's title
	Filter string   // the file types' description, e.g. "Gói bàn giao (*.zip)"
	Exts   []string // the file types, e.g. ".zip"; none: every file
	Name   string   // Save: the suggested file name
	Start  string   // the folder to start in; "": the user's Documents
	Owner  uintptr  // the parent window's handle (HWND), made modal while the dialog is open
}
