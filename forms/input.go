package forms

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
)

// This file holds the checks a form makes while the user types: plain func(string) error
// validators and the helpers the interface calls on every keystroke. The interface only shows
// their messages.

// RegroupMoneyInput is FormatMoneyInput for typing: prev is the text before the keystroke, next
// after it. Digits typed or deleted are regrouped ("1.500" + "0" → "15.000", "1 500" + "0" →
// "15 000": the user's separator, dot or space, is kept); a separator the user typed is kept as
// typed, and so is what follows it until the user's own grouping is complete ("1.5" stays "1.5"
// so that ValidateMoney can refuse it, instead of silently becoming 15); any text that is not
// digits and separators is returned untouched.
func RegroupMoneyInput(prev, next string) string {
	if separators(next) > separators(prev) || regroupWith(prev, moneySeparator(prev)) != prev {
		return next
	}
	return regroupWith(next, moneySeparator(next))
}

// moneySeparator is the thousands separator a typed amount uses: a space when it has spaces and
// no dots, else a dot.
func moneySeparator(s string) string {
	if strings.ContainsFunc(s, unicode.IsSpace) && !strings.Contains(s, ".") {
		return " "
	}
	return "."
}

// regroupWith is FormatMoneyInput with the given separator.
func regroupWith(s, sep string) string {
	g := FormatMoneyInput(s)
	if sep == "." || g == s {
		return g
	}
	return strings.ReplaceAll(g, ".", sep)
}

// separators counts the dots and spaces of s.
func separators(s string) int {
	n := 0
	for _, r := range s {
		if r == '.' || unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// unitPriceBounds are the largest unit prices that look plausible per cost type: a machine of
// 100 tỷ đồng is possible, a booth rent of 5 tỷ is a typing slip. A cost type not listed has the
// general bound.
var unitPriceBounds = map[string]Money{
	"machinery":           100_000_000_000,
	"equipment":           100_000_000_000,
	"construction":        50_000_000_000,
	"technology-transfer": 20_000_000_000,
	"installation":        10_000_000_000,
	"consultancy":         10_000_000_000,
	"documentation":       2_000_000_000,
	"training":            2_000_000_000,
	"booth-rent":          5_000_000_000,
	"booth-build":         5_000_000_000,
	"publicity":           5_000_000_000,
	"transport":           2_000_000_000,
	"travel":              500_000_000,
	"accommodation":       500_000_000,
	"other":               5_000_000_000,
}

// generalUnitPriceBound applies to a line whose cost type is not chosen yet.
const generalUnitPriceBound Money = 100_000_000_000

// UnitPriceBound is the largest plausible unit price for a cost type.
func UnitPriceBound(costType string) Money {
	if b, ok := unitPriceBounds[costType]; ok {
		return b
	}
	return generalUnitPriceBound
}

// UnitPriceValidator checks a unit price typed for a line of the given cost type: a valid amount
// (ValidateMoney) no larger than UnitPriceBound, so that a slip such as 999999999999999 does not
// reach the totals. Empty text is accepted (completeness reports it).
func UnitPriceValidator(costType string) func(string) error {
	return func(s string) error {
		if Clean(s) == "" {
			return nil
		}
		m, err := ParseMoney(s)
		if err != nil {
			return err
		}
		if b := UnitPriceBound(costType); m > b {
			return &ValueError{Msg: fmt.Sprintf("đơn giá %s đồng vượt mức hợp lý cho loại chi phí này (tối đa %s đồng); kiểm tra số chữ số, ví dụ 25.000.000", m, b),
				MsgEN: fmt.Sprintf("a unit price of %s VND is above what is plausible for this cost type (at most %s VND); check the number of digits, e.g. 25.000.000", m, b)}
		}
		return nil
	}
}

// ValidateCount checks a count typed in a form field ("2", not "hai" nor "-2"); empty is accepted.
func ValidateCount(s string) error {
	if Clean(s) == "" {
		return nil
	}
	return validateCount(s)
}

// datePartners pairs each date field with the date it must not come before, for the pairs a form
// shows side by side. Table rows use the column paths ("project.schedule[].end").
var datePartners = map[string]string{
	"project.end_date":       "project.start_date",
	"project.fair.end":       "project.fair.start",
	"project.schedule[].end": "project.schedule[].start",
}

// DatePair returns, for a date field, the field it is paired with and whether path is the later
// of the two; ok is false when the field has no partner. Row indexes are kept:
// "project.schedule[2].start" pairs with "project.schedule[2].end".
func DatePair(path string) (partner string, later, ok bool) {
	generic, idx := genericPath(path)
	for end, start := range datePartners {
		switch generic {
		case end:
			return specificPath(start, idx), true, true
		case start:
			return specificPath(end, idx), false, true
		}
	}
	return "", false, false
}

// DateOrderError says what is wrong when the dates at path and its partner are in the wrong
// order, or nil. Both are read from app.
func DateOrderError(app *Application, path string) error {
	partner, later, ok := DatePair(path)
	if !ok {
		return nil
	}
	start, end := partner, path
	if !later {
		start, end = path, partner
	}
	s, err1 := GetField(app, start)
	e, err2 := GetField(app, end)
	if err1 != nil || err2 != nil || s == "" || e == "" {
		return nil
	}
	sd, err1 := ParseDate(s)
	ed, err2 := ParseDate(e)
	if err1 != nil || err2 != nil || !ed.Before(sd) {
		return nil
	}
	if later {
		return &ValueError{Msg: fmt.Sprintf("ngày %s trước ngày bắt đầu %s; ngày kết thúc phải từ %s trở đi", e, s, s),
			MsgEN: fmt.Sprintf("%s is before the start %s; the end must be on or after %s", e, s, s)}
	}
	return &ValueError{Msg: fmt.Sprintf("ngày %s sau ngày kết thúc %s; ngày bắt đầu phải trước hoặc bằng %s", s, e, e),
		MsgEN: fmt.Sprintf("%s is after the end %s; the start must be on or before %s", s, e, e)}
}

// genericPath replaces the first row index of a path by "[]" and returns it.
func genericPath(path string) (string, string) {
	i := strings.IndexByte(path, '[')
	j := strings.IndexByte(path, ']')
	if i < 0 || j < i {
		return path, ""
	}
	return path[:i+1] + path[j:], path[i+1 : j]
}

// specificPath puts a row index back into a generic path.
func specificPath(generic, idx string) string {
	if idx == "" {
		return generic
	}
	return strings.Replace(generic, "[]", "["+idx+"]", 1)
}

// TakeRow removes row i of the table at path and returns it, for InsertRow to put back (undo).
func TakeRow(app *Application, path string, i int) (any, error) {
	v, err := resolve(app, path, false)
	if err != nil {
		return nil, err
	}
	if v.Kind() != reflect.Slice || i < 0 || i >= v.Len() {
		return nil, fmt.Errorf("dòng %d của %q không tồn tại", i+1, path)
	}
	row := reflect.New(v.Type().Elem()).Elem()
	row.Set(v.Index(i))
	return row.Interface(), RemoveRow(app, path, i)
}

// InsertRow puts a row taken by TakeRow back at position i of the table at path (at the end when
// i is past it).
func InsertRow(app *Application, path string, i int, row any) error {
	v, err := resolve(app, path, true)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(row)
	if v.Kind() != reflect.Slice || !rv.IsValid() || rv.Type() != v.Type().Elem() {
		return fmt.Errorf("không đặt lại được dòng vào %q", path)
	}
	i = min(max(i, 0), v.Len())
	nv := reflect.MakeSlice(v.Type(), 0, v.Len()+1)
	nv = reflect.AppendSlice(nv, v.Slice(0, i))
	nv = reflect.Append(nv, rv)
	nv = reflect.AppendSlice(nv, v.Slice(i, v.Len()))
	v.Set(nv)
	return nil
}
