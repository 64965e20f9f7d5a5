package forms

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	ok := []struct {
		in   string
		want Money
	}{
		{"0", 0},
		{"5", 5},
		{"007", 7},
		{"1234567", 1_234_567},
		{"1.234.567", 1_234_567},
		{"1 234 567", 1_234_567},
		{"1\u00a0234\u00a0567", 1_234_567},
		{"1\u202f234\u202f567", 1_234_567},
		{"  1.234.567  ", 1_234_567},
		{"1.500", 1_500},
		{"999", 999},
		{"100.000", 100_000},
		{"1.234.567 đồng", 1_234_567},
		{"1.234.567đồng", 1_234_567},
		{"1.234.567 ĐỒNG", 1_234_567},
		{"1.234.567 Đồng", 1_234_567},
		{"1.234.567đ", 1_234_567},
		{"1.234.567 đ", 1_234_567},
		{"1.234.567 Đ", 1_234_567},
		{"1.234.567₫", 1_234_567},
		{"1.234.567 ₫", 1_234_567},
		{"1.234.567 VND", 1_234_567},
		{"1234567vnd", 1_234_567},
		{"1.234.567 VNĐ", 1_234_567},
		{"1.234.567 \u0111\u00f4\u0300ng", 1_234_567}, // "đồng" decomposed (NFD), as pasted from some editors
		{"999.999.999.999.999", MaxMoney},
		{"999999999999999", MaxMoney},
		{"0000999999999999999", MaxMoney},
	}
	for _, c := range ok {
		got, err := ParseMoney(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d, nil", c.in, got, err, c.want)
		}
	}

	bad := []struct {
		in   string
		want string // part of the message
	}{
		{"", "chưa nhập"},
		{"   ", "chưa nhập"},
		{"đồng", "thiếu phần số"},
		{"-5", "không được âm"},
		{"−5", "không được âm"},
		{"-1.000 đ", "không được âm"},
		{"1.234,5", "không có phần thập phân"},
		{"12,5", "không có phần thập phân"},
		{"1,5", "không có phần thập phân"},
		{"1,234,567", "dấu phẩy là dấu thập phân"},
		{"1,500", "dấu phẩy là dấu thập phân"},
		{"1.23.456", "đúng 3 chữ số"},
		{"12.3456", "đúng 3 chữ số"},
		{"1.5", "đúng 3 chữ số"},
		{"1234.567", "đúng 3 chữ số"},
		{"1.234.", "đúng 3 chữ số"},
		{".234", "đúng 3 chữ số"},
		{"1..234", "đúng 3 chữ số"},
		{"1  234", "đúng 3 chữ số"},
		{"0.500", "bắt đầu bằng 0"},
		{"01.234", "bắt đầu bằng 0"},
		{"1.234 567", "không dùng lẫn"},
		{"1.234,567", "không có phần thập phân"},
		{"12a", "chỉ được có chữ số"},
		{"abc", "chỉ được có chữ số"},
		{"+5", "chỉ được có chữ số"},
		{"1e6", "chỉ được có chữ số"},
		{"5 triệu", "chỉ được có chữ số"},
		{"1.000.000.000.000.000", "quá lớn"},
		{"1000000000000000", "quá lớn"},
		{"99999999999999999999999", "quá lớn"},
		{"đ 1.000", "chỉ được có chữ số"},
	}
	for _, c := range bad {
		got, err := ParseMoney(c.in)
		if err == nil {
			t.Errorf("ParseMoney(%q) = %d, nil; want an error", c.in, got)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseMoney(%q) error %q; want it to mention %q", c.in, err, c.want)
		}
		if got != 0 {
			t.Errorf("ParseMoney(%q) returned %d with its error; want 0", c.in, got)
		}
	}
}

func TestParseMoneyMessage(t *testing.T) {
	_, err := ParseMoney("1,5")
	want := `số tiền "1,5" không hợp lệ: chỉ nhập số nguyên đồng, không có phần thập phân; dùng dấu chấm phân cách hàng nghìn, ví dụ 1.234.567`
	if err == nil || err.Error() != want {
		t.Errorf("ParseMoney(\"1,5\") error = %v; want %s", err, want)
	}
	_, err = ParseMoney("1,234,567")
	if err == nil || !strings.Contains(err.Error(), "ví dụ 1.234.567") {
		t.Errorf("ParseMoney(\"1,234,567\") error = %v; want a suggestion with dots", err)
	}
}

func TestMoneyString(t *testing.T) {
	cases := []struct {
		m    Money
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1.000"},
		{12_345, "12.345"},
		{123_456, "123.456"},
		{1_234_567, "1.234.567"},
		{-1_234_567, "-1.234.567"},
		{-5, "-5"},
		{MaxMoney, "999.999.999.999.999"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, c := range cases {
		if got := c.m.String(); got != c.want {
			t.Errorf("Money(%d).String() = %q; want %q", int64(c.m), got, c.want)
		}
	}
}

func TestValidateMoney(t *testing.T) {
	for _, s := range []string{"", "  ", "0", "1.234.567", "1234567 đồng"} {
		if err := ValidateMoney(s); err != nil {
			t.Errorf("ValidateMoney(%q) = %v; want nil", s, err)
		}
	}
	for _, s := range []string{"1,5", "-1", "x", "1.23.456"} {
		if err := ValidateMoney(s); err == nil {
			t.Errorf("ValidateMoney(%q) = nil; want an error", s)
		}
	}
}

func TestFormatMoneyInput(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"1", "1"},
		{"123", "123"},
		{"1234", "1.234"},
		{"1234567", "1.234.567"},
		{"1.2345", "12.345"},
		{"1.234.5678", "12.345.678"},
		{"12.345.", "12.345"},
		{"1 234 567", "1.234.567"},
		{"0", "0"},
		{"000", "0"},
		{"01234", "1.234"},
		{".", "."},
		{"1,5", "1,5"},
		{"-1234", "-1234"},
		{"1234 đ", "1234 đ"},
		{"12a34", "12a34"},
		{"1000000000000000000000", "1.000.000.000.000.000.000.000"},
	}
	for _, c := range cases {
		got := FormatMoneyInput(c.in)
		if got != c.want {
			t.Errorf("FormatMoneyInput(%q) = %q; want %q", c.in, got, c.want)
		}
		if again := FormatMoneyInput(got); again != got {
			t.Errorf("FormatMoneyInput is not idempotent on %q: %q then %q", c.in, got, again)
		}
	}
}

func TestMoneyJSON(t *testing.T) {
	type doc struct {
		Amount Money `json:"amount"`
	}
	b, err := json.Marshal(doc{1_234_567})
	if err != nil || string(b) != `{"amount":1234567}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"amount": 999999999999999}`), &d); err != nil || d.Amount != MaxMoney {
		t.Errorf("Unmarshal MaxMoney = %d, %v", d.Amount, err)
	}
	d = doc{42}
	if err := json.Unmarshal([]byte(`{"amount": null}`), &d); err != nil || d.Amount != 42 {
		t.Errorf("Unmarshal null = %d, %v; want unchanged 42", d.Amount, err)
	}
	if err := json.Unmarshal([]byte(`{"amount": 0}`), &d); err != nil || d.Amount != 0 {
		t.Errorf("Unmarshal 0 = %d, %v", d.Amount, err)
	}
	for _, in := range []string{`1.5`, `1e6`, `1E6`, `"1000"`, `"1.000"`, `-5`, `-0`, `1000000000000000`,
		`99999999999999999999`, `true`, `[]`, `{}`, `1.0`} {
		var m Money = 7
		err := json.Unmarshal([]byte(`{"amount":`+in+`}`), &struct {
			Amount *Money `json:"amount"`
		}{&m})
		if err == nil {
			t.Errorf("Unmarshal %s succeeded with %d; want an error", in, m)
		}
		if m != 7 {
			t.Errorf("Unmarshal %s changed the value to %d", in, m)
		}
		var direct Money
		if err := direct.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("UnmarshalJSON(%s) succeeded; want an error", in)
		} else if !strings.Contains(err.Error(), "số tiền") {
			t.Errorf("UnmarshalJSON(%s) error %q is not in Vietnamese", in, err)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"0", "1.234.567", "1 234 567", "1234567 đồng", "1,5", "-5", "1.23.456",
		"999.999.999.999.999", "1000000000000000", "₫", "1\u00a0000", "12.3456", "0.500", "VND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if m != 0 {
				t.Fatalf("ParseMoney(%q) returned %d with an error", s, m)
			}
			if ValidateMoney(s) == nil && Clean(s) != "" {
				t.Fatalf("ValidateMoney(%q) accepts what ParseMoney rejects", s)
			}
			return
		}
		if m < 0 || m > MaxMoney {
			t.Fatalf("ParseMoney(%q) = %d, out of range", s, m)
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("round trip of %q: %d → %q → %d, %v", s, m, m.String(), back, err)
		}
		if got := FormatMoneyInput(m.String()); got != m.String() {
			t.Fatalf("FormatMoneyInput(%q) = %q", m.String(), got)
		}
		b, _ := m.MarshalJSON()
		var j Money
		if err := j.UnmarshalJSON(b); err != nil || j != m {
			t.Fatalf("JSON round trip of %d: %s → %d, %v", m, b, j, err)
		}
	})
}
