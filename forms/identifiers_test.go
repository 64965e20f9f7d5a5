package forms

import (
	"strings"
	"testing"
	"time"
)

func TestNormaliseTaxCode(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{" 0100233488 ", "0100233488"},
		{"0100 233 488", "0100233488"},
		{"0100.233.488", "0100233488"},
		{"0314409058-002", "0314409058-002"},
		{"0314409058002", "0314409058-002"},
		{"0314409058 - 002", "0314409058-002"},
		{"0314409058–002", "0314409058-002"},
		{"079 123 456 789", "079123456789"},
		{"abc 12", "abc12"},
	}
	for _, c := range cases {
		if got := NormaliseTaxCode(c.in); got != c.want {
			t.Errorf("NormaliseTaxCode(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestValidateTaxCode(t *testing.T) {
	for _, s := range []string{
		"", "   ",
		"0100233488", "0314409058", "0100109106", "3501822119",
		"0100 233 488", "0100.233.488",
		"0314409058-002", "0314409058002", "0314409058 - 002", "0100233488-001", "0100233488-999",
		"0100000010",   // N3–N9 = 0000001 is the first number of a range
		"079085001234", // 12-digit personal identification number, born 1985
		"001205012345", // born 2005
	} {
		if err := ValidateTaxCode(s); err != nil {
			t.Errorf("ValidateTaxCode(%q) = %v; want nil", s, err)
		}
	}
	bad := []struct{ in, want string }{
		{"0100233480", "sai chữ số kiểm tra (chữ số thứ 10)"},
		{"0314409059", "sai chữ số kiểm tra"},
		{"1000000080", "sai chữ số kiểm tra"}, // weighted sum divisible by 11: never issued
		{"1000000089", "sai chữ số kiểm tra"},
		{"0100000003", "thứ 3 đến thứ 9"},
		{"0314409058-000", "000"},
		{"0314409058000", "000"},
		{"0314409059-002", "sai chữ số kiểm tra"},
		{"0314409058-02", "10 chữ số, dấu gạch ngang, 3 chữ số"},
		{"031440905-002", "10 chữ số, dấu gạch ngang, 3 chữ số"},
		{"0314409058-002-1", "chỉ được có chữ số"},
		{"010023348", "có 9 chữ số"},
		{"01002334881", "có 11 chữ số"},
		{"01002334A8", "chỉ được có chữ số"},
		{"MST0100233488", "chỉ được có chữ số"},
		{"079485001234", "năm sinh 2185"}, // century digit 4 = 2100s
		{"079999001234", "năm sinh 2399"},
	}
	for _, c := range bad {
		err := ValidateTaxCode(c.in)
		if err == nil {
			t.Errorf("ValidateTaxCode(%q) = nil; want an error", c.in)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "mã số thuế") {
			t.Errorf("ValidateTaxCode(%q) = %q; want a message about %q", c.in, err, c.want)
		}
	}
	want := `mã số thuế "0100233480" sai chữ số kiểm tra (chữ số thứ 10): hãy đối chiếu lại với giấy chứng nhận đăng ký doanh nghiệp`
	if err := ValidateTaxCode("0100233480"); err == nil || err.Error() != want {
		t.Errorf("ValidateTaxCode(0100233480) = %v; want %s", err, want)
	}
}

// TestTaxCodeEveryCheckDigit checks that exactly one last digit is valid
// for bases whose weighted sum is not divisible by 11, and none otherwise.
func TestTaxCodeEveryCheckDigit(t *testing.T) {
	for _, base := range []string{"010023348", "031440905", "010010910", "350182211", "100000008", "123456789", "987654321"} {
		valid := 0
		for d := '0'; d <= '9'; d++ {
			if ValidateTaxCode(base+string(d)) == nil {
				valid++
			}
		}
		sum := 0
		for i, w := range taxCodeWeights {
			sum += w * int(base[i]-'0')
		}
		want := 1
		if sum%11 == 0 {
			want = 0
		}
		if valid != want {
			t.Errorf("base %s: %d valid check digits; want %d", base, valid, want)
		}
	}
}

func TestValidateCCCD(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, s := range []string{"", "  ", "001085012345", "079185012345", "001 085 012 345", "001205012345", "001326012345", "001300012345"} {
		if err := validateCCCDAt(s, now); err != nil {
			t.Errorf("ValidateCCCD(%q) = %v; want nil", s, err)
		}
	}
	bad := []struct{ in, want string }{
		{"123456789", "12 chữ số"}, // old CMND
		{"123 456 789", "chứng minh nhân dân"},
		{"00108501234", "có 11 chữ số"},
		{"0010850123456", "có 13 chữ số"},
		{"00108501234A", "chỉ được có chữ số"},
		{"001-085-012345", "chỉ được có chữ số"},
		{"001227012345", "năm sinh 2027"}, // after 2026
		{"001327012345", "năm sinh 2027"},
		{"001405012345", "năm sinh 2105"},
		{"001999012345", "năm sinh 2399"},
	}
	for _, c := range bad {
		err := validateCCCDAt(c.in, now)
		if err == nil {
			t.Errorf("ValidateCCCD(%q) = nil; want an error", c.in)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "số CCCD") {
			t.Errorf("ValidateCCCD(%q) = %q; want a message about %q", c.in, err, c.want)
		}
	}
	if err := ValidateCCCD("079085001234"); err != nil {
		t.Errorf("ValidateCCCD with the real clock: %v", err)
	}
}

func TestNormalisePhone(t *testing.T) {
	ok := []struct{ in, want string }{
		{"", ""},
		{"0912345678", "0912345678"},
		{"0912 345 678", "0912345678"},
		{"0912.345.678", "0912345678"},
		{"0912-345-678", "0912345678"},
		{"(+84) 912 345 678", "0912345678"},
		{"+84 912 345 678", "0912345678"},
		{"+84912345678", "0912345678"},
		{"84912345678", "0912345678"},
		{"0084 912 345 678", "0912345678"},
		{"+84 (0) 912 345 678", "0912345678"},
		{"0312345678", "0312345678"},
		{"0512345678", "0512345678"},
		{"0712345678", "0712345678"},
		{"0812345678", "0812345678"},
		{"028 3930 3279", "02839303279"},
		{"(028) 3930 3279", "02839303279"},
		{"0254 3543551", "02543543551"},
		{"+84 28 3930 3279", "02839303279"},
		{"84 254 354 3551", "02543543551"},
	}
	for _, c := range ok {
		got, err := NormalisePhone(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormalisePhone(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
		if err := ValidatePhone(c.in); err != nil {
			t.Errorf("ValidatePhone(%q) = %v", c.in, err)
		}
	}
	bad := []struct{ in, want string }{
		{"091234567", "có 9 chữ số"},
		{"09123456789", "có 11 chữ số"},
		{"0212345678", "có 10 chữ số"}, // 02 is a landline prefix: needs 11 digits
		{"0112345678", "có 10 chữ số"},
		{"0612345678", "có 10 chữ số"},
		{"02839303279 1", "có 12 chữ số"},
		{"912345678", "bắt đầu bằng 0"},
		{"+1 212 555 0100", "+84"},
		{"0912 345 678 ext 12", "chỉ được có chữ số"},
		{"09123a5678", "chỉ được có chữ số"},
		{"0912+345678", "chỉ được có chữ số"},
	}
	for _, c := range bad {
		got, err := NormalisePhone(c.in)
		if err == nil {
			t.Errorf("NormalisePhone(%q) = %q, nil; want an error", c.in, got)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "số điện thoại") {
			t.Errorf("NormalisePhone(%q) error %q; want it to mention %q", c.in, err, c.want)
		}
		if ValidatePhone(c.in) == nil {
			t.Errorf("ValidatePhone(%q) = nil", c.in)
		}
	}
}

func TestFormatPhone(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0912345678", "0912 345 678"},
		{"+84 912.345.678", "0912 345 678"},
		{"02839303279", "028 3930 3279"},
		{"02438253536", "024 3825 3536"},
		{"0254 3543551", "0254 354 3551"},
		{"02363822222", "0236 382 2222"},
		{"", ""},
		{" 12ab ", "12ab"},
	}
	for _, c := range cases {
		got := FormatPhone(c.in)
		if got != c.want {
			t.Errorf("FormatPhone(%q) = %q; want %q", c.in, got, c.want)
		}
		if c.in != "" && ValidatePhone(c.in) == nil {
			if n, err := NormalisePhone(got); err != nil || FormatPhone(got) != got {
				t.Errorf("FormatPhone(%q) = %q does not re-normalise: %q, %v", c.in, got, n, err)
			}
		}
	}
}

func TestValidateEmail(t *testing.T) {
	for _, s := range []string{"", " ", "ten@congty.vn", "nguyen.van.a@sct.hochiminhcity.gov.vn", "a+b@x-y.com.vn", " info@abc.vn "} {
		if err := ValidateEmail(s); err != nil {
			t.Errorf("ValidateEmail(%q) = %v; want nil", s, err)
		}
	}
	bad := []struct{ in, want string }{
		{"ten congty.vn", "dấu cách"},
		{"ten@cong ty.vn", "dấu cách"},
		{"tencongty.vn", "thiếu dấu @"},
		{"a@b@c.vn", "một dấu @"},
		{"@congty.vn", "trước dấu @"},
		{"ten@", "sau dấu @"},
		{"ten@congty", "phải có dấu chấm"},
		{"ten@congty.", "phần cuối của tên miền"},
		{"ten@.congty.vn", "viết sai"},
		{"ten@congty..vn", "viết sai"},
		{"ten@-congty.vn", "viết sai"},
		{"ten@congty.v", "phần cuối của tên miền"},
		{"ten@192.168.1.1", "phần cuối của tên miền"},
		{"ten@cong_ty.vn", "tên miền chỉ gồm"},
		{"Nguyễn <ten@congty.vn>", "dấu cách"},
		{"<ten@congty.vn>", "ký tự không được phép"},
		{"ten@[192.168.1.1]", "ký tự không được phép"},
		{`"ten"@congty.vn`, "ký tự không được phép"},
		{"te..n@congty.vn", "ký tự không được phép"},
		{".ten@congty.vn", "ký tự không được phép"},
		{"ten,a@congty.vn", "ký tự không được phép"},
	}
	for _, c := range bad {
		err := ValidateEmail(c.in)
		if err == nil {
			t.Errorf("ValidateEmail(%q) = nil; want an error", c.in)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "email") {
			t.Errorf("ValidateEmail(%q) = %q; want a message about %q", c.in, err, c.want)
		}
	}
}

func FuzzValidateTaxCode(f *testing.F) {
	for _, s := range []string{"0100233488", "0314409058-002", "0314409058002", "0100233480", "079085001234",
		"0100 233 488", "0314409058 – 002", "", "-", "0000000000", "1000000080", "0314409058-000", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormaliseTaxCode(s)
		if NormaliseTaxCode(n) != n {
			t.Fatalf("NormaliseTaxCode not idempotent: %q → %q → %q", s, n, NormaliseTaxCode(n))
		}
		err := ValidateTaxCode(s)
		// Punctuation alone (".") normalises to "" and is then "not entered".
		if n != "" && (ValidateTaxCode(n) == nil) != (err == nil) {
			t.Fatalf("ValidateTaxCode(%q) = %v but on its normal form %q = %v", s, err, n, ValidateTaxCode(n))
		}
		if err == nil && n != "" {
			base, branch, _ := strings.Cut(n, "-")
			if !allDigits(base) || (len(base) != 10 && len(base) != 12) || (branch != "" && len(branch) != 3) {
				t.Fatalf("ValidateTaxCode accepted %q (normal form %q)", s, n)
			}
		}
		if err != nil && !strings.HasPrefix(err.Error(), "mã số thuế") {
			t.Fatalf("message does not name the field: %v", err)
		}
	})
}

func FuzzNormalisePhone(f *testing.F) {
	for _, s := range []string{"0912 345 678", "+84 912 345 678", "028 3930 3279", "84", "+", "0084", "(0)", "+84 (0) 28 3930 3279", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalisePhone(s)
		formatted := FormatPhone(s)
		if err != nil {
			if ValidatePhone(s) == nil {
				t.Fatalf("ValidatePhone(%q) = nil but NormalisePhone fails: %v", s, err)
			}
			return
		}
		if n == "" {
			if Clean(s) != "" {
				t.Fatalf("NormalisePhone(%q) = \"\" without error", s)
			}
			return
		}
		if !allDigits(n) || (len(n) != 10 && len(n) != 11) || n[0] != '0' {
			t.Fatalf("NormalisePhone(%q) = %q", s, n)
		}
		if again, err := NormalisePhone(n); err != nil || again != n {
			t.Fatalf("NormalisePhone(%q) = %q re-normalises to %q, %v", s, n, again, err)
		}
		if again, err := NormalisePhone(formatted); err != nil || again != n {
			t.Fatalf("FormatPhone(%q) = %q re-normalises to %q, %v", s, formatted, again, err)
		}
	})
}

func FuzzValidateCCCD(f *testing.F) {
	for _, s := range []string{"001085012345", "123456789", "001 085 012 345", "001999012345", "", "０01085012345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := ValidateCCCD(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "số CCCD") {
				t.Fatalf("message does not name the field: %v", err)
			}
			return
		}
		c := Clean(s)
		if c == "" {
			return
		}
		d := strings.Join(strings.Fields(c), "")
		if len(d) != 12 || !allDigits(d) {
			t.Fatalf("ValidateCCCD accepted %q", s)
		}
		if err := ValidateCCCD(d); err != nil {
			t.Fatalf("ValidateCCCD(%q) ok but its digits %q fail: %v", s, d, err)
		}
		// A valid CCCD is also a valid 12-digit tax code of a household business.
		if err := ValidateTaxCode(d); err != nil {
			t.Fatalf("ValidateTaxCode(%q) = %v", d, err)
		}
	})
}
