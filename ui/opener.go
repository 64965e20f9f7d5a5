package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/dialog"
)

// SystemOpener opens and prints files with the operating system's own programs: the shell's
// default handler and print verb on Windows (ShellExecute), open on macOS, xdg-open and lp
// elsewhere. Every failure comes back as an error in Vietnamese; nothing fails silently.
type SystemOpener struct{}

// ErrOpenedToPrint is what Print returns when the system has no print command for the file (no
// "print" verb on Windows, no printer through lp): the file was opened in its viewer instead, from
// which the user prints with Ctrl+P.
var ErrOpenedToPrint = errors.New("đã mở tệp trong trình xem để in bằng Ctrl+P")

// Open opens a file or folder with its default application.
func (SystemOpener) Open(path string) error {
	if err := systemOpen(path); err != nil {
		return fmt.Errorf("không mở được %s: %w", path, err)
	}
	return nil
}

// Print sends a file to the default printer through the system's print command; without one it
// opens the file in its viewer and returns ErrOpenedToPrint.
func (SystemOpener) Print(path string) error {
	printed, err := systemPrint(path)
	if err != nil {
		return fmt.Errorf("không in được %s: %w", path, err)
	}
	if printed {
		return nil
	}
	if err := systemOpen(path); err != nil {
		return fmt.Errorf("máy không có lệnh in cho tệp này và cũng không mở được %s: %w", path, err)
	}
	return ErrOpenedToPrint
}

// printPDF prints through the opener and says what happened: sent to the printer, opened in the
// viewer to print with Ctrl+P, or why it failed.
func (a *App) printPDF(path string) {
	err := a.deps.Opener.Print(path)
	switch {
	case err == nil:
		dialog.ShowInformation(tr("Đã gửi đi in"), tr("Đã gửi PDF tới máy in mặc định."), a.w)
	case errors.Is(err, ErrOpenedToPrint):
		dialog.ShowInformation(tr("Bấm Ctrl+P để in"),
			tr("Máy chưa có lệnh in trực tiếp cho tệp PDF, nên PDF đã được mở trong trình xem. Bấm Ctrl+P để in."), a.w)
	default:
		a.showError(tr("Không in được"), err, tr("Mở PDF rồi in từ trình xem PDF (Ctrl+P)."))
	}
}
