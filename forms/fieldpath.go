package forms

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Field paths name a value of an Application by its JSON keys: "enterprise.tax_code",
// "project.machines[2].name". The guided form reads and writes answers through them, so that
// the registry, not the interface, decides what is asked.

type pathPart struct {
	name  string
	index int // -1 when no index
}

func parsePath(path string) ([]pathPart, error) {
	if path == "" {
		return nil, fmt.Errorf("đường dẫn trường rỗng")
	}
	var parts []pathPart
	for _, seg := range strings.Split(path, ".") {
		p := pathPart{index: -1}
		name, rest, hasIdx := strings.Cut(seg, "[")
		p.name = name
		if hasIdx {
			if !strings.HasSuffix(rest, "]") {
				return nil, fmt.Errorf("đường dẫn %q sai cú pháp", path)
			}
			n, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("đường dẫn %q có chỉ số sai", path)
			}
			p.index = n
		}
		if p.name == "" {
			return nil, fmt.Errorf("đường dẫn %q sai cú pháp", path)
		}
		parts = append(parts, p)
	}
	return parts, nil
}

// resolve walks the path; with grow, missing slice rows are created.
func resolve(app *Application, path string, grow bool) (reflect.Value, error) {
	parts, err := parsePath(path)
	if err != nil {
		return reflect.Value{}, err
	}
	v := reflect.ValueOf(app).Elem()
	for _, p := range parts {
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, fmt.Errorf("trường %q không tồn tại", path)
		}
		f, ok := fieldByJSON(v, p.name)
		if !ok {
			return reflect.Value{}, fmt.Errorf("trường %q không tồn tại", path)
		}
		v = f
		if p.index >= 0 {
			if v.Kind() != reflect.Slice {
				return reflect.Value{}, fmt.Errorf("trường %q không phải danh sách", path)
			}
			if p.index >= v.Len() {
				if !grow || p.index > v.Len()+1000 {
					return reflect.Value{}, fmt.Errorf("dòng %d của %q không tồn tại", p.index+1, path)
				}
				nv := reflect.MakeSlice(v.Type(), p.index+1, p.index+1)
				reflect.Copy(nv, v)
				v.Set(nv)
			}
			v = v.Index(p.index)
		}
	}
	return v, nil
}

func fieldByJSON(v reflect.Value, name string) (reflect.Value, bool) {
	i, ok := jsonFieldIndex(v.Type())[name]
	if !ok {
		return reflect.Value{}, false
	}
	return v.Field(i), true
}

// jsonFieldIndexes caches, per struct type, the index of each exported field by its JSON name:
// paths are resolved for every field of every check, and reading struct tags each time was most
// of the cost of forms.Check.
var jsonFieldIndexes sync.Map // reflect.Type → map[string]int

func jsonFieldIndex(t reflect.Type) map[string]int {
	if m, ok := jsonFieldIndexes.Load(t); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if _, dup := m[jsonName(f)]; !dup {
			m[jsonName(f)] = i
		}
	}
	jsonFieldIndexes.Store(t, m)
	return m
}

var (
	moneyType    = reflect.TypeOf(Money(0))
	quantityType = reflect.TypeOf(Quantity(0))
	dateType     = reflect.TypeOf(Date{})
)

// GetField returns the answer at path as the text a user would type: money "1.234.567",
// quantities "1,5", dates "05/01/2027", booleans "true"/"false", zero numbers and dates as "".
func GetField(app *Application, path string) (string, error) {
	v, err := resolve(app, path, false)
	if err != nil {
		return "", err
	}
	switch v.Type() {
	case moneyType:
		if v.Int() == 0 {
			return "", nil
		}
		return Money(v.Int()).String(), nil
	case quantityType:
		if v.Int() == 0 {
			return "", nil
		}
		return Quantity(v.Int()).String(), nil
	case dateType:
		return v.Interface().(Date).String(), nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return "", nil
		}
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Slice:
		return strconv.Itoa(v.Len()), nil
	}
	return "", fmt.Errorf("trường %q không nhập trực tiếp được", path)
}

// SetField parses text as the user typed it and stores it at path. The text is normalised to NFC.
// On error nothing is changed and the error says, in Vietnamese, what to type instead.
func SetField(app *Application, path, text string) error {
	v, err := resolve(app, path, true)
	if err != nil {
		return err
	}
	clean := Clean(text)
	switch v.Type() {
	case moneyType:
		if clean == "" {
			v.SetInt(0)
			return nil
		}
		m, err := ParseMoney(clean)
		if err != nil {
			return err
		}
		v.SetInt(int64(m))
		return nil
	case quantityType:
		if clean == "" {
			v.SetInt(0)
			return nil
		}
		q, err := ParseQuantity(clean)
		if err != nil {
			return err
		}
		v.SetInt(int64(q))
		return nil
	case dateType:
		if clean == "" {
			v.Set(reflect.ValueOf(Date{}))
			return nil
		}
		d, err := ParseDate(clean)
		if err != nil {
			return err
		}
		v.Set(reflect.ValueOf(d))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		s := clean
		if isMultiline(path) {
			s = strings.TrimSpace(NFC(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")))
		} else if strings.ContainsAny(clean, "\r\n\t") {
			// A one-line answer pasted with line breaks or tabs keeps its words on one line.
			s = strings.Join(strings.FieldsFunc(clean, func(r rune) bool { return r == '\r' || r == '\n' || r == '\t' }), " ")
		}
		if msg := textProblem(s, isMultiline(path)); msg != "" {
			return fmt.Errorf("%s", msg)
		}
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(clean)
		if clean == "" {
			b, err = false, nil
		}
		if err != nil {
			return fmt.Errorf("cần chọn có hoặc không")
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		if clean == "" {
			v.SetInt(0)
			return nil
		}
		n, err := strconv.ParseInt(strings.ReplaceAll(clean, ".", ""), 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("cần một số nguyên không âm, ví dụ 25")
		}
		v.SetInt(n)
	default:
		return fmt.Errorf("trường %q không nhập trực tiếp được", path)
	}
	return nil
}

// RowCount returns the number of rows of the table at path.
func RowCount(app *Application, path string) int {
	v, err := resolve(app, path, false)
	if err != nil || v.Kind() != reflect.Slice {
		return 0
	}
	return v.Len()
}

// AddRow appends an empty row to the table at path and returns its index.
func AddRow(app *Application, path string) (int, error) {
	v, err := resolve(app, path, false)
	if err != nil {
		return 0, err
	}
	if v.Kind() != reflect.Slice {
		return 0, fmt.Errorf("trường %q không phải danh sách", path)
	}
	if v.Len() >= MaxListItems {
		return 0, fmt.Errorf("danh sách đã có %s mục, đủ giới hạn %s", groupDigits(int64(v.Len())), groupDigits(MaxListItems))
	}
	v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
	return v.Len() - 1, nil
}

// RemoveRow deletes row i of the table at path.
func RemoveRow(app *Application, path string, i int) error {
	v, err := resolve(app, path, false)
	if err != nil {
		return err
	}
	if v.Kind() != reflect.Slice || i < 0 || i >= v.Len() {
		return fmt.Errorf("dòng %d của %q không tồn tại", i+1, path)
	}
	nv := reflect.MakeSlice(v.Type(), 0, v.Len()-1)
	nv = reflect.AppendSlice(nv, v.Slice(0, i))
	nv = reflect.AppendSlice(nv, v.Slice(i+1, v.Len()))
	v.Set(nv)
	return nil
}

// MoveRow moves row i of the table at path to position j.
func MoveRow(app *Application, path string, i, j int) error {
	v, err := resolve(app, path, false)
	if err != nil {
		return err
	}
	if v.Kind() != reflect.Slice || i < 0 || i >= v.Len() || j < 0 || j >= v.Len() {
		return fmt.Errorf("không di chuyển được dòng %d của %q", i+1, path)
	}
	row := reflect.New(v.Type().Elem()).Elem()
	row.Set(v.Index(i))
	if i < j {
		reflect.Copy(v.Slice(i, j), v.Slice(i+1, j+1))
	} else if i > j {
		reflect.Copy(v.Slice(j+1, i+1), v.Slice(j, i))
	}
	v.Index(j).Set(row)
	return nil
}
