package forms

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Money is an amount in Vietnamese đồng. VND has no minor unit, so every
// amount is a whole number of đồng; there is no floating point anywhere in
// the computation of a dossier.
type Money int64

// MaxMoney is the largest amount the app accepts (999.999.999.999.999 đồng,
// just under one triệu tỷ). It keeps sums of budget lines far from overflow
// and bounds the reading in words.
const MaxMoney Money = 999_999_999_999_999

// moneyExample is the example shown in every money error message.
const moneyExample = "ví dụ 1.234.567"

// moneyExampleEN is moneyExample in English.
const moneyExampleEN = "e.g. 1.234.567"

// currencySuffixes are the unit markers allowed after an amount, compared
// case-insensitively. Longer markers come first so that "vnđ" is not read as
// "vn" + "đ".
var currencySuffixes = []string{"đồng", "vnđ", "vnd", "đ", "₫"}

// ParseMoney reads an amount typed the Vietnamese way: whole đồng, with dots
// (or spaces, including non-breaking and narrow spaces) separating the
// thousands, as in "1.234.567", "1 234 567" or "1234567". A trailing unit
// "đồng", "đ", "₫" or "VND" (any case) is allowed.
//
// It rejects an empty text, negative amounts, decimals ("12,5", "1.234,5"),
// commas used as thousands separators ("1,234,567": in Vietnamese the comma is
// the decimal mark), ambiguous grouping ("1.23.456", "12.3456"), mixed
// separators, letters and amounts above MaxMoney. The errors are in
// Vietnamese and say how to write the amount.
func ParseMoney(s string) (Money, error) {
	in := Clean(s)
	if in == "" {
		return 0, errorEN("số tiền chưa nhập: hãy nhập số nguyên đồng, "+moneyExample, "no amount: type whole VND, "+moneyExampleEN)
	}
	bad := func(reason, en string) error {
		return errorEN(fmt.Sprintf("số tiền %q không hợp lệ: %s", in, reason), fmt.Sprintf("the amount %q is not valid: %s", in, en))
	}

	t := strings.TrimSpace(trimCurrency(in))
	if t == "" {
		return 0, bad("thiếu phần số; hãy nhập số nguyên đồng, "+moneyExample, "there is no number; type whole VND, "+moneyExampleEN)
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return 0, bad("số tiền không được âm; hãy nhập số nguyên đồng từ 0 trở lên, "+moneyExample, "an amount cannot be negative; type whole VND from 0 up, "+moneyExampleEN)
	}

	var hasDot, hasComma, hasSpace bool
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
		case r == '.':
			hasDot = true
		case r == ',':
			hasComma = true
		case unicode.IsSpace(r):
			hasSpace = true
		default:
			return 0, bad("chỉ được có chữ số và dấu chấm phân cách hàng nghìn (có thể thêm chữ đồng ở cuối), "+moneyExample, "only digits and dots between thousands (optionally followed by VND), "+moneyExampleEN)
		}
	}

	if hasComma {
		if !hasDot && !hasSpace && validGrouping(strings.Split(t, ",")) {
			return 0, bad("dấu phẩy là dấu thập phân trong tiếng Việt; hãy dùng dấu chấm để phân cách hàng nghìn, "+moneyExample, "the comma is the decimal mark in Vietnamese; use dots between thousands, "+moneyExampleEN)
		}
		return 0, bad("chỉ nhập số nguyên đồng, không có phần thập phân; dùng dấu chấm phân cách hàng nghìn, "+moneyExample, "whole VND only, no decimals; use dots between thousands, "+moneyExampleEN)
	}
	if hasDot && hasSpace {
		return 0, bad("không dùng lẫn dấu chấm và dấu cách; hãy dùng dấu chấm phân cách hàng nghìn, "+moneyExample, "do not mix dots and spaces; use dots between thousands, "+moneyExampleEN)
	}

	var groups []string
	switch {
	case hasDot:
		groups = strings.Split(t, ".")
	case hasSpace:
		groups = splitOnSpaces(t)
	default:
		groups = []string{t}
	}
	if len(groups) > 1 {
		if !validGrouping(groups) {
			return 0, bad("dấu phân cách chỉ dùng cho hàng nghìn: mỗi nhóm sau dấu phân cách phải có đúng 3 chữ số và số tiền không có phần thập phân; hãy viết 1.234.567 hoặc 1234567",
				"separators only group thousands: each group after a separator has exactly 3 digits and amounts have no decimals; write 1.234.567 or 1234567")
		}
		if groups[0][0] == '0' {
			return 0, bad("nhóm chữ số đầu tiên không được bắt đầu bằng 0; nếu là số thập phân thì chỉ nhập số nguyên đồng, "+moneyExample,
				"the first group of digits cannot start with 0; if it is a decimal number, type whole VND only, "+moneyExampleEN)
		}
	}

	digits := strings.TrimLeft(strings.Join(groups, ""), "0")
	if digits == "" {
		return 0, nil
	}
	if len(digits) > len(strconv.FormatInt(int64(MaxMoney), 10)) {
		return 0, errorEN(fmt.Sprintf("số tiền %q quá lớn: tối đa %s đồng", in, MaxMoney), fmt.Sprintf("the amount %q is too large: at most %s VND", in, MaxMoney))
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || Money(v) > MaxMoney {
		return 0, errorEN(fmt.Sprintf("số tiền %q quá lớn: tối đa %s đồng", in, MaxMoney), fmt.Sprintf("the amount %q is too large: at most %s VND", in, MaxMoney))
	}
	return Money(v), nil
}

// trimCurrency removes one trailing unit marker ("đồng", "đ", "₫", "VND", "VNĐ"), in any case.
func trimCurrency(s string) string {
	for _, suf := range currencySuffixes {
		if len(s) >= len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// splitOnSpaces splits s at every white-space rune, keeping empty fields so
// that doubled spaces show up as an empty (invalid) group.
func splitOnSpaces(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			out = append(out, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(out, s[start:])
}

// validGrouping reports whether groups is a correct thousands grouping: a
// first group of 1 to 3 digits and then groups of exactly 3 digits.
func validGrouping(groups []string) bool {
	for i, g := range groups {
		if g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			return false
		}
		for j := 0; j < len(g); j++ {
			if g[j] < '0' || g[j] > '9' {
				return false
			}
		}
	}
	return true
}

// String writes the amount with dots between thousands: "1.234.567", "0",
// "-1.234.567".
func (m Money) String() string {
	u := uint64(m)
	if m < 0 {
		u = -u
	}
	out := groupThousands(strconv.FormatUint(u, 10))
	if m < 0 {
		return "-" + out
	}
	return out
}

// groupThousands inserts a dot every three digits from the right of a string of digits.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteByte('.')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// ValidateMoney checks an amount typed in a form field. An empty field is
// accepted (whether the field is required is checked elsewhere); otherwise it
// returns the ParseMoney error.
func ValidateMoney(s string) error {
	if Clean(s) == "" {
		return nil
	}
	_, err := ParseMoney(s)
	return err
}

// FormatMoneyInput regroups the digits typed so far with dots between
// thousands, for use while the user types: "1234567" → "1.234.567",
// "1.2345" → "12.345". Dots and spaces are taken as grouping and redone;
// leading zeros are dropped. Any other input (letters, commas, a minus sign,
// a unit) is returned untouched so that ValidateMoney can report it.
func FormatMoneyInput(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '.' || unicode.IsSpace(r):
		default:
			return s
		}
	}
	if b.Len() == 0 {
		return s
	}
	digits := strings.TrimLeft(b.String(), "0")
	if digits == "" {
		digits = "0"
	}
	return groupThousands(digits)
}

// MarshalJSON writes the amount as a plain JSON integer (1234567).
func (m Money) MarshalJSON() ([]byte, error) {
	return strconv.AppendInt(nil, int64(m), 10), nil
}

// UnmarshalJSON reads a plain JSON integer between 0 and MaxMoney. Fractions
// (1.5), exponents (1e6), strings ("1.000") and negative amounts are refused.
// A JSON null leaves the amount unchanged, as encoding/json does.
func (m *Money) UnmarshalJSON(data []byte) error {
	t := strings.TrimSpace(string(data))
	if t == "null" {
		return nil
	}
	bad := func(reason string) error {
		return fmt.Errorf("số tiền trong tệp dữ liệu (%s) không hợp lệ: %s", shorten(t, 40), reason)
	}
	if t == "" {
		return bad("thiếu giá trị; hãy ghi số nguyên đồng, ví dụ 1234567")
	}
	if strings.HasPrefix(t, `"`) {
		return bad("phải là số nguyên đồng không đặt trong ngoặc kép và không có dấu chấm, ví dụ 1234567")
	}
	if strings.HasPrefix(t, "-") {
		return bad("số tiền không được âm; hãy ghi số nguyên đồng từ 0 trở lên, ví dụ 1234567")
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return bad("phải là số nguyên đồng, không có phần thập phân hay số mũ, ví dụ 1234567")
		}
	}
	if len(t) > 1 && t[0] == '0' {
		return bad("số nguyên không được bắt đầu bằng 0, ví dụ 1234567")
	}
	v, err := strconv.ParseInt(t, 10, 64)
	if err != nil || Money(v) > MaxMoney {
		return bad(fmt.Sprintf("quá lớn, tối đa %d đồng", int64(MaxMoney)))
	}
	*m = Money(v)
	return nil
}

// shorten cuts s to at most n runes, marking the cut with "…", for quoting input in messages.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
