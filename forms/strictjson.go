package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// jsonProblem is a place in a JSON document that strict reading refuses.
type jsonProblem struct {
	Offset int64  // byte offset in the document
	Path   string // JSON path, e.g. "budget.lines[3].unit_price"
	Msg    string
}

// strictScan walks a JSON document alongside the Go type t it will be decoded into and returns the
// first thing that encoding/json would accept silently but a careful reader must not: a key given
// twice in one object (encoding/json keeps the last), a key that matches a field only when letter
// case is ignored ("Unit_Price" for "unit_price"), text that is not valid UTF-8 (encoding/json
// replaces it with U+FFFD) and a \u escape of a lone UTF-16 surrogate. It returns nil when the
// document is clean or not valid JSON (the decoder reports syntax errors with their place).
func strictScan(data []byte, t reflect.Type) *jsonProblem {
	return scan(&scanner{dec: json.NewDecoder(bytes.NewReader(data)), data: data}, t)
}

// strictScanKnown is strictScan that also refuses a key that is no field of its object (rule packs:
// a mistyped key would silently drop a rule).
func strictScanKnown(data []byte, t reflect.Type) *jsonProblem {
	return scan(&scanner{dec: json.NewDecoder(bytes.NewReader(data)), data: data, unknown: true}, t)
}

func scan(s *scanner, t reflect.Type) *jsonProblem {
	s.dec.UseNumber()
	p := s.value(t, "")
	if p == errSyntax {
		return nil
	}
	return p
}

var errSyntax = &jsonProblem{}

type scanner struct {
	dec     *json.Decoder
	data    []byte
	unknown bool // refuse keys that are no field of their struct
}

// token reads the next token and checks the raw bytes it came from.
func (s *scanner) token(path string) (json.Token, *jsonProblem) {
	start := s.dec.InputOffset()
	tok, err := s.dec.Token()
	if err != nil {
		return nil, errSyntax
	}
	end := s.dec.InputOffset()
	if _, ok := tok.(string); ok {
		if p := checkRawString(s.data[start:end], start); p != nil {
			p.Path = path
			return nil, p
		}
	}
	return tok, nil
}

func (s *scanner) value(t reflect.Type, path string) *jsonProblem {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, p := s.token(path)
	if p != nil {
		return p
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	switch d {
	case '{':
		return s.object(t, path)
	case '[':
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i := 0; s.dec.More(); i++ {
			if p := s.value(elem, fmt.Sprintf("%s[%d]", path, i)); p != nil {
				return p
			}
		}
		if _, p := s.token(path); p != nil {
			return p
		}
	}
	return nil
}

func (s *scanner) object(t reflect.Type, path string) *jsonProblem {
	var fields map[string]reflect.Type
	var elem reflect.Type
	if t != nil && reflect.PointerTo(t).Implements(reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()) {
		t = nil // the type reads the object itself
	}
	if t != nil {
		switch t.Kind() {
		case reflect.Struct:
			fields = jsonFields(t)
		case reflect.Map:
			elem = t.Elem()
		}
	}
	seen := map[string]bool{}
	for s.dec.More() {
		off := s.dec.InputOffset()
		tok, p := s.token(path)
		if p != nil {
			return p
		}
		key, _ := tok.(string)
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if seen[key] {
			return &jsonProblem{Offset: off, Path: sub, Msg: fmt.Sprintf("khoá %q xuất hiện hai lần trong cùng một đối tượng; hãy giữ một", key)}
		}
		seen[key] = true
		ft := elem
		if fields != nil {
			var known bool
			ft, known = fields[key]
			if !known {
				for name := range fields {
					if strings.EqualFold(name, key) {
						return &jsonProblem{Offset: off, Path: sub, Msg: fmt.Sprintf("khoá %q chỉ khác khoá %q ở chữ hoa/thường; hãy viết đúng %q", key, name, name)}
					}
				}
				if s.unknown {
					names := make([]string, 0, len(fields))
					for name := range fields {
						names = append(names, name)
					}
					sort.Strings(names)
					return &jsonProblem{Offset: off, Path: sub, Msg: fmt.Sprintf("khoá %q không có ở đây (gõ sai tên?); các khoá được dùng: %s", key, strings.Join(names, ", "))}
				}
			}
		}
		if p := s.value(ft, sub); p != nil {
			return p
		}
	}
	if _, p := s.token(path); p != nil {
		return p
	}
	return nil
}

// jsonFields maps the JSON names of a struct's exported fields to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("json") == "-" {
			continue
		}
		out[jsonName(f)] = f.Type
	}
	return out
}

// checkRawString checks the raw bytes of a JSON string token (with what precedes it): valid UTF-8,
// and no \u escape of a lone surrogate.
func checkRawString(raw []byte, base int64) *jsonProblem {
	if !utf8.Valid(raw) {
		i := 0
		for i < len(raw) {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return &jsonProblem{Offset: base + int64(i), Msg: "văn bản không phải UTF-8 hợp lệ (có byte hỏng); hãy lưu tệp với mã hoá UTF-8"}
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 >= len(raw) {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // \\, \" and the like: skip the escaped byte
			continue
		}
		u, ok := hex4(raw[i+2:])
		if !ok {
			continue
		}
		switch {
		case u >= 0xD800 && u <= 0xDBFF:
			low, ok := uint16(0), false
			if i+12 <= len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
				low, ok = hex4(raw[i+8:])
			}
			if !ok || low < 0xDC00 || low > 0xDFFF {
				return &jsonProblem{Offset: base + int64(i), Msg: fmt.Sprintf("mã \\u%04x là nửa cặp UTF-16 đứng một mình, không phải ký tự; hãy xoá nó", u)}
			}
			i += 11
		case u >= 0xDC00 && u <= 0xDFFF:
			return &jsonProblem{Offset: base + int64(i), Msg: fmt.Sprintf("mã \\u%04x là nửa cặp UTF-16 đứng một mình, không phải ký tự; hãy xoá nó", u)}
		default:
			i += 5
		}
	}
	return nil
}

func hex4(b []byte) (uint16, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var v uint16
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uint16(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uint16(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | uint16(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// textProblem returns what is wrong with a text answer, or "" when it is acceptable: too long, or a
// control character (NUL, U+0001–U+001F, U+007F–U+009F); a line break and a tab are accepted in
// multi-line answers only.
func textProblem(s string, multiline bool) string {
	if len(s) > MaxStringRunes*4 || utf8.RuneCountInString(s) > MaxStringRunes {
		return fmt.Sprintf("văn bản dài %s ký tự, quá giới hạn %s ký tự", groupDigits(int64(utf8.RuneCountInString(s))), groupDigits(MaxStringRunes))
	}
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
			if !multiline {
				what := "ký tự xuống dòng"
				if r == '\t' {
					what = "ký tự tab"
				}
				return fmt.Sprintf("có %s ở vị trí %d; ô này chỉ nhận một dòng", what, utf8.RuneCountInString(s[:i])+1)
			}
		case r == 0:
			return fmt.Sprintf("có ký tự NUL (mã 0) ở vị trí %d; hãy xoá nó", utf8.RuneCountInString(s[:i])+1)
		case r < 0x20 || (r >= 0x7F && r <= 0x9F):
			return fmt.Sprintf("có ký tự điều khiển U+%04X ở vị trí %d; hãy xoá nó", r, utf8.RuneCountInString(s[:i])+1)
		}
	}
	return ""
}

// groupDigits writes n with dots between thousands: 200000 → "200.000".
func groupDigits(n int64) string { return Money(n).String() }

var (
	multilineOnce  sync.Once
	multilinePaths map[string]bool
)

func buildMultilinePaths() {
	out := map[string]bool{}
	for _, p := range Programmes() {
		def := Definition(p)
		if def == nil {
			continue
		}
		for _, st := range def.Steps {
			for _, f := range st.Fields {
				if f.Kind == FieldMultiline {
					out[f.Path] = true
				}
				for _, c := range f.Columns {
					if c.Kind == FieldMultiline {
						out[f.Path+"[]."+c.Path] = true
					}
				}
			}
		}
	}
	multilinePaths = out
}

// isMultiline reports whether the answer at a JSON path ("project.machines[2].specifications") is
// a multi-line field of any programme.
func isMultiline(path string) bool {
	multilineOnce.Do(buildMultilinePaths)
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			j := strings.IndexByte(path[i:], ']')
			if j > 0 {
				b.WriteString("[]")
				i += j
				continue
			}
		}
		b.WriteByte(path[i])
	}
	return multilinePaths[b.String()]
}

// DecodeStrict decodes a small JSON document that the program itself writes (a hand-off package's
// manifest) into v, a pointer to a struct, as strictly as a dossier file is read: a duplicate key,
// a key that differs from a field only in letter case, an unknown key, text that is not valid
// UTF-8, a lone surrogate, and a control character or line break in any text are refused. The
// error is a *FileError naming the line, the column and the JSON path. Texts are not normalised.
func DecodeStrict(data []byte, v any) error {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return fmt.Errorf("DecodeStrict: need a pointer, got %T", v)
	}
	if p := strictScanKnown(data, t.Elem()); p != nil {
		l, c := lineCol(data, p.Offset)
		return &FileError{Line: l, Column: c, Path: p.Path, Msg: p.Msg}
	}
	if err := json.Unmarshal(data, v); err != nil {
		return decodeErrorFrom(data, err, t.Elem())
	}
	return checkTexts(reflect.ValueOf(v).Elem(), "")
}

// checkTexts refuses, with its JSON path, a text of v that is too long or holds a control
// character, a line break or a tab, and a list longer than MaxListItems.
func checkTexts(v reflect.Value, path string) error {
	join := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch v.Kind() {
	case reflect.String:
		if msg := textProblem(v.String(), false); msg != "" {
			return &FileError{Path: path, Msg: msg}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				if err := checkTexts(v.Field(i), join(jsonName(f))); err != nil {
					return err
				}
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Len() > MaxListItems {
			return &FileError{Path: path, Msg: fmt.Sprintf("danh sách có %s mục, quá giới hạn %s", groupDigits(int64(v.Len())), groupDigits(MaxListItems))}
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil
		}
		for i := 0; i < v.Len(); i++ {
			if err := checkTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if k := iter.Key(); k.Kind() == reflect.String {
				if msg := textProblem(k.String(), false); msg != "" {
					return &FileError{Path: join(k.String()), Msg: "khoá " + msg}
				}
			}
			if err := checkTexts(iter.Value(), join(fmt.Sprint(iter.Key()))); err != nil {
				return err
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkTexts(v.Elem(), path)
		}
	}
	return nil
}
