package forms

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ok := []struct {
		in   string
		want Date
	}{
		{"", Date{}},
		{"   ", Date{}},
		{"5/1/2027", Date{2027, 1, 5}},
		{"05/01/2027", Date{2027, 1, 5}},
		{"05-01-2027", Date{2027, 1, 5}},
		{"05.01.2027", Date{2027, 1, 5}},
		{"2027-01-05", Date{2027, 1, 5}},
		{"2027-1-5", Date{2027, 1, 5}},
		{" 05 / 01 / 2027 ", Date{2027, 1, 5}},
		{"31/12/2026", Date{2026, 12, 31}},
		{"29/02/2028", Date{2028, 2, 29}},
		{"29/02/2000", Date{2000, 2, 29}},
		{"01/01/1900", Date{1900, 1, 1}},
		{"31/12/2200", Date{2200, 12, 31}},
	}
	for _, c := range ok {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
		if err := ValidateDate(c.in); err != nil {
			t.Errorf("ValidateDate(%q) = %v", c.in, err)
		}
	}
	bad := []struct{ in, want string }{
		{"31/02/2027", "tháng 2 năm 2027 chỉ có 28 ngày"},
		{"29/02/2027", "chỉ có 28 ngày"},
		{"29/02/1900", "chỉ có 28 ngày"},
		{"31/04/2027", "chỉ có 30 ngày"},
		{"00/01/2027", "chỉ có 31 ngày"},
		{"05/13/2027", "tháng 13 không có"},
		{"05/00/2027", "tháng 0 không có"},
		{"01/01/1899", "ngoài khoảng 1900–2200"},
		{"01/01/2201", "ngoài khoảng 1900–2200"},
		{"0001-01-01", "ngoài khoảng"},
		{"05/01/27", "đủ 4 chữ số"},
		{"05/01/02027", "đủ 4 chữ số"},
		{"005/01/2027", "1 hoặc 2 chữ số"},
		{"2027/01/05", "đủ 4 chữ số"},
		{"05/01-2027", "cùng một loại dấu phân cách"},
		{"05/01", "ba phần"},
		{"05/01/2027/1", "ba phần"},
		{"05012027", "thiếu dấu phân cách"},
		{"05 01 2027", "thiếu dấu phân cách"},
		{"5 tháng 1 2027", "chỉ dùng dấu /"},
		{"05//2027", "chỉ gồm chữ số"},
		{"/01/2027", "chỉ gồm chữ số"},
		{"ab/01/2027", "chỉ dùng dấu /"},
		{"05/0a/2027", "chỉ gồm chữ số"},
		{"05,01,2027", "chỉ dùng dấu /"},
	}
	for _, c := range bad {
		got, err := ParseDate(c.in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %+v, nil; want an error", c.in, got)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "ngày ") || !strings.Contains(msg, c.want) || !strings.Contains(msg, "ví dụ 05/01/2027") {
			t.Errorf("ParseDate(%q) error %q; want it to mention %q and the dd/mm/yyyy form", c.in, msg, c.want)
		}
		if ValidateDate(c.in) == nil {
			t.Errorf("ValidateDate(%q) = nil", c.in)
		}
	}
}

func TestDateString(t *testing.T) {
	cases := []struct {
		d    Date
		want string
	}{
		{Date{}, ""},
		{Date{2027, 1, 5}, "05/01/2027"},
		{Date{2026, 12, 31}, "31/12/2026"},
		{Date{1900, 3, 10}, "10/03/1900"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("%+v.String() = %q; want %q", c.d, got, c.want)
		}
	}
	if !(Date{}).IsZero() || (Date{2027, 1, 5}).IsZero() {
		t.Error("IsZero")
	}
}

func TestDateBeforeAndTime(t *testing.T) {
	a, b := Date{2026, 12, 31}, Date{2027, 1, 1}
	if !a.Before(b) || b.Before(a) || a.Before(a) {
		t.Error("Before across a year")
	}
	if !(Date{2027, 1, 5}).Before(Date{2027, 2, 1}) || !(Date{2027, 1, 5}).Before(Date{2027, 1, 6}) {
		t.Error("Before within a year")
	}
	if !(Date{}).Before(a) {
		t.Error("the zero date sorts first")
	}
	tm := (Date{2027, 1, 5}).Time()
	if tm.Year() != 2027 || tm.Month() != time.January || tm.Day() != 5 || tm.Hour() != 0 || tm.Location() != time.Local {
		t.Errorf("Time() = %v", tm)
	}
	if !(Date{}).Time().IsZero() {
		t.Error("zero Date's Time should be zero")
	}
	if got := DateOf(tm); got != (Date{2027, 1, 5}) {
		t.Errorf("DateOf(Time()) = %+v", got)
	}
	if got := DateOf(time.Time{}); !got.IsZero() {
		t.Errorf("DateOf(zero) = %+v", got)
	}
	hcm := time.FixedZone("ICT", 7*3600)
	late := time.Date(2026, 12, 31, 23, 30, 0, 0, hcm)
	if got := DateOf(late); got != (Date{2026, 12, 31}) {
		t.Errorf("DateOf keeps the time's own zone: got %+v", got)
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		On Date `json:"on"`
	}
	b, err := json.Marshal(doc{Date{2027, 1, 5}})
	if err != nil || string(b) != `{"on":"2027-01-05"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	b, err = json.Marshal(doc{})
	if err != nil || string(b) != `{"on":""}` {
		t.Fatalf("Marshal zero = %s, %v", b, err)
	}
	for in, want := range map[string]Date{
		`{"on":"2027-01-05"}`: {2027, 1, 5},
		`{"on":""}`:           {},
		`{"on":null}`:         {},
		`{}`:                  {2000, 1, 1}, // absent: unchanged
		`{"on":"2028-02-29"}`: {2028, 2, 29},
	} {
		d := doc{Date{2000, 1, 1}}
		if err := json.Unmarshal([]byte(in), &d); err != nil || d.On != want {
			t.Errorf("Unmarshal %s = %+v, %v; want %+v", in, d.On, err, want)
		}
	}
	for _, in := range []string{`"05/01/2027"`, `"2027-1-5"`, `"2027-02-30"`, `"2027-13-01"`, `"1899-12-31"`, `20270105`, `"x"`, `{}`, `"2027-01-05T00:00:00Z"`} {
		var d Date
		err := d.UnmarshalJSON([]byte(in))
		if err == nil {
			t.Errorf("UnmarshalJSON(%s) = %+v; want an error", in, d)
			continue
		}
		if !strings.HasPrefix(err.Error(), "ngày trong tệp dữ liệu") {
			t.Errorf("UnmarshalJSON(%s) error %q", in, err)
		}
	}
}

func TestPlaceDateLine(t *testing.T) {
	cases := []struct {
		place string
		d     Date
		want  string
	}{
		{"Thành phố Hồ Chí Minh", Date{2027, 1, 5}, "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2027"},
		{"Hà Nội", Date{2020, 1, 5}, "Hà Nội, ngày 05 tháng 01 năm 2020"},
		{"Huế", Date{2027, 2, 28}, "Huế, ngày 28 tháng 02 năm 2027"},
		{"Lâm Đồng", Date{2027, 3, 9}, "Lâm Đồng, ngày 09 tháng 3 năm 2027"},
		{"Đà Nẵng", Date{2026, 12, 10}, "Đà Nẵng, ngày 10 tháng 12 năm 2026"},
		{" Cần Thơ ", Date{2026, 11, 26}, "Cần Thơ, ngày 26 tháng 11 năm 2026"},
		{"Hà Nội", Date{}, "Hà Nội, ngày ..... tháng ..... năm ....."},
		{"", Date{}, "....., ngày ..... tháng ..... năm ....."},
		{"", Date{2027, 1, 5}, "....., ngày 05 tháng 01 năm 2027"},
	}
	for _, c := range cases {
		if got := PlaceDateLine(c.place, c.d); got != c.want {
			t.Errorf("PlaceDateLine(%q, %+v) = %q; want %q", c.place, c.d, got, c.want)
		}
	}
	p, _ := ProvinceByCode("79")
	if got := PlaceDateLine(p.PlaceName(), Date{2027, 1, 5}); got != "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2027" {
		t.Errorf("HCMC line = %q", got)
	}
	for m := 1; m <= 12; m++ {
		line := PlaceDateLine("Hà Nội", Date{2027, m, 1})
		padded := strings.Contains(line, "tháng 0")
		if padded != (m <= 2) {
			t.Errorf("month %d: %q", m, line)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"5/1/2027", "05/01/2027", "05-01-2027", "05.01.2027", "2027-01-05", "31/02/2027", "",
		"29/02/2028", "1/1/1900", "9999-99-99", "--", "1/1/-200"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) returned %+v with an error", s, d)
			}
			if !strings.HasPrefix(err.Error(), "ngày ") {
				t.Fatalf("message does not name the field: %v", err)
			}
			return
		}
		if ValidateDate(s) != nil {
			t.Fatalf("ValidateDate(%q) disagrees with ParseDate", s)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %+v; re-parsing %q gives %+v, %v", s, d, d.String(), back, err)
		}
		if d.IsZero() {
			return
		}
		if got := DateOf(d.Time()); got != d {
			t.Fatalf("DateOf(%+v.Time()) = %+v", d, got)
		}
		b, _ := d.MarshalJSON()
		var j Date
		if err := j.UnmarshalJSON(b); err != nil || j != d {
			t.Fatalf("JSON round trip of %+v: %s → %+v, %v", d, b, j, err)
		}
		_ = PlaceDateLine("Hà Nội", d)
	})
}
