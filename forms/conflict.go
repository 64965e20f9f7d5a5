package forms

import (
	"errors"
	"fmt"
	"time"
)

// Version says which save of a dossier is the stored one: Number counts the saves (1 for the
// first), By is who made the last one (the user name set in the settings), At when.
type Version struct {
	Number uint64    `json:"number"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
}

// ErrConflict is wrapped by *ConflictError.
var ErrConflict = errors.New("hồ sơ đã được người khác sửa")

// ConflictError is returned by Store.SaveApplicationAt when the dossier was saved by someone else
// after the version the caller started from. Nothing of the caller's text is lost: it is kept as
// the revision Kept, to compare with the stored dossier and pick.
type ConflictError struct {
	AppID   string
	Current Version      // the stored version, that someone else saved
	Kept    RevisionInfo // the caller's text, kept as a revision
}

func (e *ConflictError) Error() string {
	who := e.Current.By
	if who == "" {
		who = "một người khác"
	}
	when := e.Current.At.Local().Format("15:04")
	if !sameDay(e.Current.At.Local(), time.Now()) {
		when += " ngày " + e.Current.At.Local().Format("02/01/2006")
	}
	return fmt.Sprintf("Hồ sơ này vừa được %s sửa lúc %s. Bản của bạn không ghi đè lên bản đó mà được giữ lại thành bản lưu #%d: hãy so sánh hai bản và chọn bản giữ lại.", who, when, e.Kept.ID)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// ConflictReason is the reason of the revision that keeps a refused save: "xung đột: bản của Lan".
func ConflictReason(by string) string {
	if by == "" {
		return "xung đột: bản không được lưu"
	}
	return "xung đột: bản của " + by + " không được lưu"
}
