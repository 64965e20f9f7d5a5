package forms

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar date without time of day or time zone, as written on
// documents. The zero value means "not set".
type Date struct{ Y, M, D int }

// The years a date may have.
const (
	minDateYear = 1900
	maxDateYear = 2200
)

// dateHint ends every date error message.
const dateHint = "hãy viết theo dạng ngày/tháng/năm, ví dụ 05/01/2027"

// dateHintEN is dateHint in English.
const dateHintEN = "write it as day/month/year, e.g. 05/01/2027"

// IsZero reports whether the date is not set.
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date as dd/mm/yyyy ("05/01/2027"), or "" when it is not set.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.D, d.M, d.Y)
}

// ParseDate reads a date written day first, "5/1/2027", "05/01/2027",
// "05-01-2027" or "05.01.2027", or in ISO form "2027-01-05". The year has
// four digits, between 1900 and 2200, and the day must exist in its month
// (31/02/2027 is refused). An empty text gives the zero Date (not set) and
// no error.
func ParseDate(s string) (Date, error) {
	in := Clean(s)
	if in == "" {
		return Date{}, nil
	}
	bad := func(reason, en string) error {
		return errorEN(fmt.Sprintf("ngày %q không hợp lệ: %s; %s", in, reason, dateHint),
			fmt.Sprintf("the date %q is not valid: %s; %s", in, en, dateHintEN))
	}
	t := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, in)

	sep := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if sep < 0 {
		return Date{}, bad("thiếu dấu phân cách giữa ngày, tháng và năm", "the day, month and year are not separated")
	}
	sepChar := t[sep]
	if sepChar != '/' && sepChar != '-' && sepChar != '.' {
		return Date{}, bad("chỉ dùng dấu / (hoặc - hay .) giữa ngày, tháng và năm", "only / (or - or .) separates the day, month and year")
	}
	parts := strings.Split(t, string(sepChar))
	if len(parts) != 3 {
		return Date{}, bad("cần đủ ba phần ngày, tháng, năm với cùng một loại dấu phân cách", "a day, a month and a year are needed, with the same separator")
	}
	for _, p := range parts {
		if !allDigits(p) {
			return Date{}, bad("ngày, tháng, năm chỉ gồm chữ số, cách nhau bằng cùng một loại dấu phân cách", "the day, month and year are digits only, with the same separator")
		}
	}

	day, month, year := parts[0], parts[1], parts[2]
	if len(parts[0]) == 4 && sepChar == '-' {
		year, month, day = parts[0], parts[1], parts[2] // ISO yyyy-mm-dd
	}
	switch {
	case len(year) != 4:
		return Date{}, bad("năm phải viết đủ 4 chữ số", "the year needs all 4 digits")
	case len(day) > 2 || len(month) > 2:
		return Date{}, bad("ngày và tháng có 1 hoặc 2 chữ số", "the day and the month have 1 or 2 digits")
	}
	y, _ := strconv.Atoi(year)
	m, _ := strconv.Atoi(month)
	dd, _ := strconv.Atoi(day)
	d := Date{Y: y, M: m, D: dd}
	if err := d.check(); err != "" {
		return Date{}, bad(err, d.checkEN())
	}
	return d, nil
}

// check returns what is wrong with a set date, or "" when it exists and its
// year is in range.
func (d Date) check() string {
	switch {
	case d.Y < minDateYear || d.Y > maxDateYear:
		return fmt.Sprintf("năm %d nằm ngoài khoảng %d–%d", d.Y, minDateYear, maxDateYear)
	case d.M < 1 || d.M > 12:
		return fmt.Sprintf("tháng %d không có (tháng từ 1 đến 12)", d.M)
	case d.D < 1 || d.D > daysIn(d.M, d.Y):
		return fmt.Sprintf("tháng %d năm %d chỉ có %d ngày", d.M, d.Y, daysIn(d.M, d.Y))
	}
	return ""
}

// checkEN is check in English.
func (d Date) checkEN() string {
	switch {
	case d.Y < minDateYear || d.Y > maxDateYear:
		return fmt.Sprintf("the year %d is outside %d–%d", d.Y, minDateYear, maxDateYear)
	case d.M < 1 || d.M > 12:
		return fmt.Sprintf("there is no month %d (months run from 1 to 12)", d.M)
	case d.D < 1 || d.D > daysIn(d.M, d.Y):
		return fmt.Sprintf("month %d of %d has only %d days", d.M, d.Y, daysIn(d.M, d.Y))
	}
	return ""
}

// daysIn is the number of days of month m (1..12) in year y.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ValidateDate checks a date typed in a form field (see ParseDate). An
// empty text is accepted: whether the field is required is checked elsewhere.
func ValidateDate(s string) error {
	_, err := ParseDate(s)
	return err
}

// Before reports whether d is earlier than o. A zero Date sorts before every set date.
func (d Date) Before(o Date) bool {
	if d.Y != o.Y {
		return d.Y < o.Y
	}
	if d.M != o.M {
		return d.M < o.M
	}
	return d.D < o.D
}

// Time is the start of the day in the local time zone, or the zero
// time.Time when the date is not set.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.Local)
}

// DateOf is the calendar date of t in t's own time zone; the zero
// time.Time gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	return Date{Y: y, M: int(m), D: d}
}

// MarshalJSON writes the date as an ISO string "2027-01-05", or "" when it is not set.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte(`""`), nil
	}
	return []byte(fmt.Sprintf(`"%04d-%02d-%02d"`, d.Y, d.M, d.D)), nil
}

// UnmarshalJSON reads an ISO date string "2027-01-05"; "" and null give the
// zero Date. Other forms and dates that do not exist are refused.
func (d *Date) UnmarshalJSON(data []byte) error {
	if strings.TrimSpace(string(data)) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("ngày trong tệp dữ liệu (%s) không hợp lệ: phải là chuỗi dạng năm-tháng-ngày, ví dụ \"2027-01-05\"", shorten(string(data), 40))
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	bad := func(reason string) error {
		return fmt.Errorf("ngày trong tệp dữ liệu %q không hợp lệ: %s; phải viết dạng năm-tháng-ngày, ví dụ \"2027-01-05\"", shorten(s, 40), reason)
	}
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) != 2 || len(parts[2]) != 2 ||
		!allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]) {
		return bad("sai định dạng")
	}
	y, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	dd, _ := strconv.Atoi(parts[2])
	v := Date{Y: y, M: m, D: dd}
	if reason := v.check(); reason != "" {
		return bad(reason)
	}
	*d = v
	return nil
}

// dateBlank is left in place of a missing part of the place-and-date line,
// for the signer to fill in by hand.
const dateBlank = "....."

// PlaceDateLine writes the place-and-date line of a document (ND 30/2020):
// "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2027". Days below 10 and
// the months 1 and 2 get a leading zero ("tháng 01", "tháng 02"); months 3
// to 12 do not ("tháng 3", "tháng 12"). Pass Province.PlaceName() as place.
// When the date is not set, dots are left to fill in by hand:
// "Hà Nội, ngày ..... tháng ..... năm .....", and likewise for an empty place.
func PlaceDateLine(place string, d Date) string {
	place = Clean(place)
	if place == "" {
		place = dateBlank
	}
	if d.IsZero() {
		return place + ", ngày " + dateBlank + " tháng " + dateBlank + " năm " + dateBlank
	}
	month := strconv.Itoa(d.M)
	if d.M == 1 || d.M == 2 {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, d.D, month, d.Y)
}
