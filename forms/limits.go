package forms

import (
	"fmt"
	"reflect"
	"strings"
)

// Limits shared by every reader and writer of a dossier: `hoso check`, `hoso render`, `hoso db
// import`, `hoso budget import`, the hand-off importer and the app's fields. A dossier within them
// is read, checked and rendered; one beyond them is refused with the field named (docs/limits.md).
const (
	// MaxFileBytes is the largest dossier file read (a dossier file holds no attachments).
	MaxFileBytes = 16 << 20
	// MaxStringRunes is the longest text answer, in characters. An Excel cell holds at most 32.767
	// characters and the sheet prints some answers after a label ("Tên cơ sở: …") or inside a note,
	// so every answer stays well below that.
	MaxStringRunes = 30_000
	// MaxListItems is the longest list (budget lines, machines, attachments …).
	MaxListItems = 20_000
	// ExcelCellRunes is the most characters an Excel cell holds.
	ExcelCellRunes = 32_767
)

// CheckLimits reports the first answer of app that a dossier file may not hold: a text too long or
// with a control character, a list too long, an unknown programme, fund or status. Writers call it
// before writing, so that nothing writes a file that ReadApplication then refuses.
func CheckLimits(app *Application) error {
	cp := *app
	if err := checkValue(reflect.ValueOf(&cp).Elem(), ""); err != nil {
		return err
	}
	return checkChoices(app)
}

// checkValue is normaliseValue without the changes.
func checkValue(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if msg := textProblem(v.String(), isMultiline(path)); msg != "" {
			return &FileError{Path: path, Msg: msg}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			p := jsonName(f)
			if path != "" {
				p = path + "." + p
			}
			if err := checkValue(v.Field(i), p); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v.Len() > MaxListItems {
			return &FileError{Path: path, Msg: fmt.Sprintf("danh sách có %s mục, quá giới hạn %s", groupDigits(int64(v.Len())), groupDigits(MaxListItems))}
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkValue(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return checkValue(v.Elem(), path)
		}
	}
	return nil
}

// checkChoices refuses a programme, fund or status that the app does not know.
func checkChoices(app *Application) error {
	if Definition(app.Programme) == nil {
		var names []string
		for _, p := range Programmes() {
			names = append(names, string(p))
		}
		return &FileError{Path: "programme", Msg: fmt.Sprintf("chương trình %q không có; chọn một trong: %s", app.Programme, strings.Join(names, ", "))}
	}
	switch app.Fund.Kind {
	case "", FundNational, FundLocal:
	default:
		return &FileError{Path: "fund.kind", Msg: fmt.Sprintf("nguồn kinh phí %q không có; chọn %s hoặc %s", app.Fund.Kind, FundNational, FundLocal)}
	}
	switch app.Status {
	case "", StatusDraft, StatusReady, StatusSubmitted, StatusApproved, StatusRejected:
	default:
		return &FileError{Path: "status", Msg: fmt.Sprintf("trạng thái %q không có; chọn một trong: %s, %s, %s, %s, %s", app.Status, StatusDraft, StatusReady, StatusSubmitted, StatusApproved, StatusRejected)}
	}
	return nil
}
