package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// FormatVersion is the version of the .hoso.json format this code writes.
// A file whose major version is higher is refused; a higher minor version is read.
const FormatVersion = "1.0"

// FileExtension is the extension of a dossier file.
const FileExtension = ".hoso.json"

// FileError is an error in a dossier file, with the place where it was found.
type FileError struct {
	Line, Column int    // 1-based; 0 when unknown
	Path         string // JSON path, e.g. "budget.lines[3].unit_price"
	Msg          string
}

func (e *FileError) Error() string {
	if where := e.where("trường"); where != "" {
		return "tệp hồ sơ không đọc được (" + where + "): " + e.Msg
	}
	return "tệp hồ sơ không đọc được: " + e.Msg
}

// where says where the error is: "dòng L, cột C", then the JSON path after pathWord ("" when
// neither is known).
func (e *FileError) where(pathWord string) string {
	var where []string
	if e.Line > 0 {
		where = append(where, fmt.Sprintf("dòng %d, cột %d", e.Line, e.Column))
	}
	if e.Path != "" {
		where = append(where, pathWord+" "+e.Path)
	}
	return strings.Join(where, ", ")
}

// ReadApplication reads a dossier file. Every text is normalised to NFC.
func ReadApplication(r io.Reader) (*Application, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, &FileError{Msg: "lỗi đọc tệp: " + err.Error()}
	}
	if len(data) > MaxFileBytes {
		return nil, &FileError{Msg: fmt.Sprintf("tệp lớn hơn %d MB; tệp hồ sơ không chứa tệp đính kèm, hãy kiểm tra đã chọn đúng tệp .hoso.json", MaxFileBytes>>20)}
	}
	return DecodeApplication(data)
}

// DecodeApplication decodes a dossier file held in memory.
func DecodeApplication(data []byte) (*Application, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FileError{Msg: "tệp rỗng"}
	}
	var head struct {
		FormatVersion json.RawMessage `json:"format_version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fileErrorFrom(data, err)
	}
	var version string
	if len(head.FormatVersion) > 0 {
		if err := json.Unmarshal(head.FormatVersion, &version); err != nil {
			return nil, &FileError{Path: "format_version", Msg: "phải là một chuỗi như \"1.0\""}
		}
	}
	if err := checkFormatVersion(version); err != nil {
		return nil, err
	}
	if p := strictScan(data, reflect.TypeOf(Application{})); p != nil {
		l, c := lineCol(data, p.Offset)
		return nil, &FileError{Line: l, Column: c, Path: p.Path, Msg: p.Msg}
	}
	var app Application
	if err := json.Unmarshal(data, &app); err != nil {
		return nil, fileErrorFrom(data, err)
	}
	if err := normaliseValue(reflect.ValueOf(&app).Elem(), ""); err != nil {
		return nil, err
	}
	if err := checkChoices(&app); err != nil {
		return nil, err
	}
	app.FormatVersion = FormatVersion
	return &app, nil
}

func checkFormatVersion(v string) error {
	if v == "" {
		return &FileError{Path: "format_version", Msg: "thiếu phiên bản định dạng; đây có phải tệp hồ sơ .hoso.json không?"}
	}
	major, _, _ := strings.Cut(v, ".")
	n, err := strconv.Atoi(major)
	if err != nil {
		return &FileError{Path: "format_version", Msg: fmt.Sprintf("phiên bản %q không hợp lệ", v)}
	}
	ours, _ := strconv.Atoi(strings.Split(FormatVersion, ".")[0])
	if n > ours {
		return &FileError{Path: "format_version", Msg: fmt.Sprintf("tệp được tạo bằng phiên bản mới hơn của ứng dụng (định dạng %s, ứng dụng này đọc được %s): hãy cập nhật ứng dụng", v, FormatVersion)}
	}
	if n < 1 {
		return &FileError{Path: "format_version", Msg: fmt.Sprintf("phiên bản %q không được hỗ trợ", v)}
	}
	return nil
}

// EncodeApplication writes the dossier as indented JSON, with the current format version.
func EncodeApplication(w io.Writer, app *Application) error {
	cp := *app
	cp.FormatVersion = FormatVersion
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&cp)
}

// MarshalApplication returns the dossier file's bytes.
func MarshalApplication(app *Application) ([]byte, error) {
	var b bytes.Buffer
	if err := EncodeApplication(&b, app); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func fileErrorFrom(data []byte, err error) error {
	return decodeErrorFrom(data, err, reflect.TypeOf(Application{}))
}

// decodeErrorFrom turns a decoding error of a document of type t into a *FileError with its place.
func decodeErrorFrom(data []byte, err error, t reflect.Type) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		l, c := lineCol(data, syn.Offset)
		if strings.Contains(syn.Error(), "unexpected end") {
			return &FileError{Line: l, Column: c, Msg: "tệp bị cắt cụt (JSON chưa kết thúc); hãy lấy lại tệp gốc hoặc bản sao lưu"}
		}
		return &FileError{Line: l, Column: c, Msg: "JSON sai cú pháp: " + syn.Error()}
	case errors.As(err, &typ):
		l, c := lineCol(data, typ.Offset)
		return &FileError{Line: l, Column: c, Path: typ.Field, Msg: fmt.Sprintf("cần kiểu %s nhưng gặp %s", kindName(typ.Type), typ.Value)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FileError{Msg: "tệp bị cắt cụt (JSON chưa kết thúc)"}
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	// A value refused by a type's own decoder (money, quantity, date): find where it is.
	return &FileError{Path: locateBadValue(data, t), Msg: err.Error()}
}

// locateBadValue walks the JSON document alongside the Go type and returns the path of the first
// value that its type refuses, or "" when none is found.
func locateBadValue(data []byte, t reflect.Type) string {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&doc) != nil {
		return ""
	}
	return findBad(doc, t, "")
}

func findBad(v any, t reflect.Type, path string) string {
	if reflect.PointerTo(t).Implements(reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()) {
		raw, err := json.Marshal(v)
		if err != nil {
			return path
		}
		if err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return path
		}
		return ""
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := jsonName(f)
			sub, ok := obj[name]
			if !ok {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			if bad := findBad(sub, f.Type, p); bad != "" {
				return bad
			}
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			return ""
		}
		for i, e := range arr {
			if bad := findBad(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); bad != "" {
				return bad
			}
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		for k, e := range obj {
			if bad := findBad(e, t.Elem(), path+"."+k); bad != "" {
				return bad
			}
		}
	case reflect.Pointer:
		return findBad(v, t.Elem(), path)
	}
	return ""
}

func kindName(t reflect.Type) string {
	if t == nil {
		return "khác"
	}
	switch t.Kind() {
	case reflect.String:
		return "chuỗi"
	case reflect.Bool:
		return "true/false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "số nguyên"
	case reflect.Slice:
		return "danh sách"
	case reflect.Struct, reflect.Map:
		return "đối tượng"
	}
	return t.String()
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, b := range data[:off] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// normaliseValue walks a decoded dossier: every string becomes NFC; overlong strings and lists,
// and control characters are refused.
func normaliseValue(v reflect.Value, path string) error {
	return normaliseWith(v, path, isMultiline)
}

// normaliseWith is normaliseValue with multiline saying which paths may hold line breaks and tabs.
func normaliseWith(v reflect.Value, path string, multiline func(string) bool) error {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if msg := textProblem(s, multiline(path)); msg != "" {
			return &FileError{Path: path, Msg: msg}
		}
		if n := NFC(s); n != s {
			v.SetString(n)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := jsonName(f)
			p := name
			if path != "" {
				p = path + "." + name
			}
			if err := normaliseWith(v.Field(i), p, multiline); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v.Len() > MaxListItems {
			return &FileError{Path: path, Msg: fmt.Sprintf("danh sách có %s mục, quá giới hạn %s", groupDigits(int64(v.Len())), groupDigits(MaxListItems))}
		}
		for i := 0; i < v.Len(); i++ {
			if err := normaliseWith(v.Index(i), fmt.Sprintf("%s[%d]", path, i), multiline); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			p := fmt.Sprint(iter.Key().Interface())
			if path != "" {
				p = path + "." + p
			}
			if iter.Key().Kind() == reflect.String {
				if msg := textProblem(iter.Key().String(), false); msg != "" {
					return &FileError{Path: p, Msg: msg}
				}
			}
			if e := iter.Value(); e.Kind() == reflect.Pointer && !e.IsNil() {
				if err := normaliseWith(e.Elem(), p, multiline); err != nil {
					return err
				}
			} else if err := checkValue(e, p); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return normaliseWith(v.Elem(), path, multiline)
		}
	}
	return nil
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return f.Name
	}
	return name
}

func reflectValueOf(p any) reflect.Value { return reflect.ValueOf(p).Elem() }
