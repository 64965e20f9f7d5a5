package forms

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Quantity is an amount of units with at most two decimals, stored as hundredths (150 = 1,5).
type Quantity int64

// MaxQuantity bounds quantities so that quantity × unit price never overflows.
const MaxQuantity Quantity = 1_000_000 * 100

// QuantityOf returns a whole quantity n.
func QuantityOf(n int64) Quantity { return Quantity(n * 100) }

// String writes the quantity the Vietnamese way: "2", "1,5", "1.250,25".
func (q Quantity) String() string {
	neg := q < 0
	if neg {
		q = -q
	}
	whole := Money(q / 100).String()
	frac := int64(q % 100)
	s := whole
	if frac != 0 {
		f := fmt.Sprintf("%02d", frac)
		f = strings.TrimRight(f, "0")
		s += "," + f
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Decimal writes the quantity with a dot decimal mark, as in JSON and spreadsheets: "1.5".
func (q Quantity) Decimal() string {
	s := strconv.FormatInt(int64(q)/100, 10)
	if frac := int64(q) % 100; frac != 0 {
		if frac < 0 {
			frac = -frac
		}
		s += "." + strings.TrimRight(fmt.Sprintf("%02d", frac), "0")
	}
	return s
}

// ParseQuantity reads a quantity typed in Vietnamese style: "2", "1,5", "1.000", "1.000,25".
// A dot followed by other than three digits is refused as ambiguous.
func ParseQuantity(s string) (Quantity, error) {
	s = strings.ReplaceAll(Clean(s), " ", "")
	if s == "" {
		return 0, errorEN("số lượng chưa nhập: hãy nhập một số, ví dụ 2 hoặc 1,5", "no quantity: type a number, e.g. 2 or 1,5")
	}
	if strings.HasPrefix(s, "-") {
		return 0, errorEN(fmt.Sprintf("số lượng %q không được âm", s), fmt.Sprintf("the quantity %q cannot be negative", s))
	}
	whole, frac, hasFrac := strings.Cut(s, ",")
	if hasFrac && (len(frac) == 0 || len(frac) > 2 || !allDigits(frac)) {
		return 0, errorEN(fmt.Sprintf("số lượng %q không hợp lệ: phần thập phân sau dấu phẩy tối đa 2 chữ số, ví dụ 1,5 hoặc 0,25", s),
			fmt.Sprintf("the quantity %q is not valid: at most 2 decimals after the comma, e.g. 1,5 or 0,25", s))
	}
	groups := strings.Split(whole, ".")
	for i, g := range groups {
		if !allDigits(g) || g == "" || (i > 0 && len(g) != 3) || (i == 0 && len(groups) > 1 && len(g) > 3) {
			return 0, errorEN(fmt.Sprintf("số lượng %q không hợp lệ: dùng dấu chấm phân cách hàng nghìn và dấu phẩy cho phần thập phân, ví dụ 1.000 hoặc 1,5", s),
				fmt.Sprintf("the quantity %q is not valid: use dots between thousands and a comma for decimals, e.g. 1.000 or 1,5", s))
		}
	}
	digits := strings.Join(groups, "")
	if len(digits) > 9 {
		return 0, errorEN(fmt.Sprintf("số lượng %q quá lớn (tối đa %s)", s, (MaxQuantity/100).String()),
			fmt.Sprintf("the quantity %q is too large (at most %s)", s, (MaxQuantity/100).String()))
	}
	n, _ := strconv.ParseInt(digits, 10, 64)
	q := Quantity(n * 100)
	if hasFrac {
		f, _ := strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
		q += Quantity(f)
	}
	if q > MaxQuantity {
		return 0, errorEN(fmt.Sprintf("số lượng %q quá lớn (tối đa %s)", s, (MaxQuantity/100).String()),
			fmt.Sprintf("the quantity %q is too large (at most %s)", s, (MaxQuantity/100).String()))
	}
	return q, nil
}

// ValidateQuantity is the plain validator for quantity entries; empty is accepted.
func ValidateQuantity(s string) error {
	if Clean(s) == "" {
		return nil
	}
	_, err := ParseQuantity(s)
	return err
}

// MarshalJSON writes the quantity as a JSON number with up to two decimals.
func (q Quantity) MarshalJSON() ([]byte, error) { return []byte(q.Decimal()), nil }

// UnmarshalJSON reads a JSON number with at most two decimals, exactly (no float).
func (q *Quantity) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*q = 0
		return nil
	}
	s := string(b)
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) || len(whole) > 9 || (hasFrac && (frac == "" || len(frac) > 2 || !allDigits(frac))) {
		return fmt.Errorf("số lượng %s không hợp lệ: cần một số không âm, tối đa 2 chữ số thập phân", truncateForError(s))
	}
	n, _ := strconv.ParseInt(whole, 10, 64)
	v := n * 100
	if hasFrac {
		f, _ := strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
		v += f
	}
	if Quantity(v) > MaxQuantity {
		return fmt.Errorf("số lượng %s quá lớn (tối đa %s)", s, (MaxQuantity / 100).String())
	}
	*q = Quantity(v)
	return nil
}

func truncateForError(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
