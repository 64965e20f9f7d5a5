package forms

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// taxCodeWeights are the weights of the first nine digits of a tax code in
// the check-digit formula used in practice (python-stdnum vn.mst).
var taxCodeWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// taxCodeFormats describes the accepted tax code forms, for error messages.
const taxCodeFormats = "mã số thuế gồm 10 chữ số (doanh nghiệp, hợp tác xã), " +
	"13 chữ số viết dạng 0314409058-002 (chi nhánh, đơn vị phụ thuộc) " +
	"hoặc 12 chữ số (số định danh cá nhân của hộ kinh doanh, cá nhân)"

// taxCodeFormatsEN is taxCodeFormats in English.
const taxCodeFormatsEN = "a tax code has 10 digits (enterprise, cooperative), " +
	"13 digits written 0314409058-002 (branch, dependent unit) " +
	"or 12 digits (the personal number of a household business or person)"

// isDash reports whether r is a hyphen or one of the dashes that word
// processors substitute for it.
func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '−':
		return true
	}
	return false
}

// allDigits reports whether s is non-empty and made only of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// NormaliseTaxCode tidies a tax code as typed or pasted: it removes spaces
// and dots, turns any dash into "-", and writes a 13-digit code of a
// dependent unit with its hyphen: "0314409058002" and "0314409058 - 002"
// both give "0314409058-002". Other text is returned cleaned but otherwise
// unchanged, for ValidateTaxCode to report.
func NormaliseTaxCode(s string) string {
	var b strings.Builder
	// Invalid bytes become U+FFFD before normalisation, so that a second
	// pass gives the same text.
	for _, r := range Clean(strings.ToValidUTF8(s, "\uFFFD")) {
		switch {
		case unicode.IsSpace(r) || r == '.':
		case isDash(r):
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if len(t) == 13 && allDigits(t) {
		return t[:10] + "-" + t[10:]
	}
	return t
}

// ValidateTaxCode checks a tax code (mã số thuế). It accepts:
//   - 10 digits: enterprises, cooperatives and other organisations; the
//     10th digit is a check digit (weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on
//     the first nine digits; N10 = 10 − sum mod 11, and a sum divisible by 11
//     is never issued); digits 3 to 9 cannot all be 0;
//   - 13 digits written "NNNNNNNNNN-BBB": a valid 10-digit code plus a branch
//     number 001 to 999;
//   - 12 digits: the personal identification number that household
//     businesses and individuals use as their tax code, which has no check
//     digit but must have a plausible century and year of birth.
//
// Spaces, dots and a missing hyphen are tolerated (see NormaliseTaxCode).
// An empty text is accepted: whether the field is required is checked
// elsewhere.
func ValidateTaxCode(s string) error {
	in := Clean(s)
	if in == "" {
		return nil
	}
	t := NormaliseTaxCode(in)
	base, branch, hasBranch := strings.Cut(t, "-")
	if !allDigits(base) || (hasBranch && !allDigits(branch)) {
		return errorEN(fmt.Sprintf("mã số thuế %q không hợp lệ: chỉ được có chữ số (và một dấu gạch ngang trước 3 số cuối của đơn vị phụ thuộc); %s", in, taxCodeFormats),
			fmt.Sprintf("the tax code %q is not valid: digits only (and a hyphen before a branch's last 3 digits); %s", in, taxCodeFormatsEN))
	}
	if hasBranch {
		if len(base) != 10 || len(branch) != 3 {
			return errorEN(fmt.Sprintf("mã số thuế %q không hợp lệ: mã của đơn vị phụ thuộc viết dạng 10 chữ số, dấu gạch ngang, 3 chữ số, ví dụ 0314409058-002", in),
				fmt.Sprintf("the tax code %q is not valid: a branch's code is 10 digits, a hyphen and 3 digits, e.g. 0314409058-002", in))
		}
		if branch == "000" {
			return errorEN(fmt.Sprintf("mã số thuế %q không hợp lệ: 3 số cuối của đơn vị phụ thuộc chạy từ 001 đến 999, không thể là 000; hãy đối chiếu lại với giấy chứng nhận đăng ký hoạt động chi nhánh", in),
				fmt.Sprintf("the tax code %q is not valid: a branch's last 3 digits run from 001 to 999, never 000; check it against the branch's registration certificate", in))
		}
		return checkTaxCode10(in, base)
	}
	switch len(base) {
	case 10:
		return checkTaxCode10(in, base)
	case 12:
		if err := checkIDNumber(base, time.Now()); err != nil {
			return errorEN(fmt.Sprintf("mã số thuế %q có 12 chữ số (số định danh cá nhân) nhưng %s; hãy đối chiếu lại với thẻ căn cước của chủ hộ kinh doanh", in, err.Error()),
				fmt.Sprintf("the tax code %q has 12 digits (a personal number) but %s; check it against the household head's citizen ID card", in, EnglishOf(err)))
		}
		return nil
	}
	return errorEN(fmt.Sprintf("mã số thuế %q không hợp lệ: có %d chữ số; %s", in, len(base), taxCodeFormats),
		fmt.Sprintf("the tax code %q is not valid: it has %d digits; %s", in, len(base), taxCodeFormatsEN))
}

// checkTaxCode10 checks the 10-digit code d (the whole input in is quoted in messages).
func checkTaxCode10(in, d string) error {
	if d[2:9] == "0000000" {
		return errorEN(fmt.Sprintf("mã số thuế %q không hợp lệ: các chữ số thứ 3 đến thứ 9 không thể đều là 0; hãy đối chiếu lại với giấy chứng nhận đăng ký doanh nghiệp", in),
			fmt.Sprintf("the tax code %q is not valid: digits 3 to 9 cannot all be 0; check it against the registration certificate", in))
	}
	sum := 0
	for i, w := range taxCodeWeights {
		sum += w * int(d[i]-'0')
	}
	r := sum % 11
	if r == 0 || int(d[9]-'0') != 10-r {
		return errorEN(fmt.Sprintf("mã số thuế %q sai chữ số kiểm tra (chữ số thứ 10): hãy đối chiếu lại với giấy chứng nhận đăng ký doanh nghiệp", in),
			fmt.Sprintf("the tax code %q has a wrong check digit (the 10th): check it against the registration certificate", in))
	}
	return nil
}

// checkIDNumber checks the century/sex digit and the year of birth of a
// 12-digit personal identification number d, relative to now. The message
// it returns is a fragment for the caller to embed.
func checkIDNumber(d string, now time.Time) error {
	code := int(d[3] - '0')
	year := 1900 + 100*(code/2) + int(d[4]-'0')*10 + int(d[5]-'0')
	if year > now.Year() {
		return errorEN(fmt.Sprintf("chữ số thứ 4 (thế kỷ) và thứ 5–6 (năm sinh) cho năm sinh %d, là năm chưa tới", year),
			fmt.Sprintf("digit 4 (century) and digits 5–6 (year of birth) give a birth year of %d, which is still to come", year))
	}
	return nil
}

// ValidateCCCD checks a citizen identity card number (căn cước công dân,
// also the personal identification number): 12 digits without a check
// digit. Digits 1–3 are the code of the place of birth registration, digit
// 4 gives sex and century (0/1: 1900s, 2/3: 2000s, 4/5: 2100s, ...), digits
// 5–6 the last two digits of the year of birth; a year of birth in the
// future is refused. Spaces are ignored. The old 9-digit CMND is refused
// with a message asking for the 12-digit number. An empty text is accepted.
func ValidateCCCD(s string) error {
	return validateCCCDAt(s, time.Now())
}

// validateCCCDAt is ValidateCCCD relative to the given current time.
func validateCCCDAt(s string, now time.Time) error {
	in := Clean(s)
	if in == "" {
		return nil
	}
	d := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, in)
	if !allDigits(d) {
		return errorEN(fmt.Sprintf("số CCCD %q không hợp lệ: chỉ được có chữ số; hãy nhập đủ 12 chữ số trên thẻ căn cước", in),
			fmt.Sprintf("the citizen ID %q is not valid: digits only; type all 12 digits on the ID card", in))
	}
	switch len(d) {
	case 12:
	case 9:
		return errorEN(fmt.Sprintf("số CCCD %q là số chứng minh nhân dân cũ (9 chữ số): hãy nhập số căn cước công dân / số định danh cá nhân gồm 12 chữ số", in),
			fmt.Sprintf("%q is an old 9-digit identity card number: type the 12-digit citizen ID / personal number", in))
	default:
		return errorEN(fmt.Sprintf("số CCCD %q không hợp lệ: có %d chữ số, cần đủ 12 chữ số như trên thẻ căn cước", in, len(d)),
			fmt.Sprintf("the citizen ID %q is not valid: it has %d digits; all 12 digits on the ID card are needed", in, len(d)))
	}
	if err := checkIDNumber(d, now); err != nil {
		return errorEN(fmt.Sprintf("số CCCD %q không hợp lệ: %s; hãy đối chiếu lại với thẻ căn cước", in, err.Error()),
			fmt.Sprintf("the citizen ID %q is not valid: %s; check it against the ID card", in, EnglishOf(err)))
	}
	return nil
}

// phoneFormats describes the accepted phone numbers, for error messages.
const phoneFormats = "số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678); " +
	"số cố định gồm 11 chữ số bắt đầu bằng 02 (ví dụ 028 3930 3279)"

// phoneFormatsEN is phoneFormats in English.
const phoneFormatsEN = "a mobile number has 10 digits starting 03, 05, 07, 08 or 09 (e.g. 0912 345 678); " +
	"a landline has 11 digits starting 02 (e.g. 028 3930 3279)"

// NormalisePhone returns a Vietnamese phone number as bare digits in the
// national form: spaces, dots, dashes and parentheses are removed and the
// country code +84, 84 or 0084 is replaced by 0 (a "(0)" after it is
// tolerated). The result must be a mobile number (10 digits starting 03, 05,
// 07, 08 or 09) or a landline (11 digits starting 02). An empty text gives
// "" and no error.
func NormalisePhone(s string) (string, error) {
	in := Clean(s)
	if in == "" {
		return "", nil
	}
	var b strings.Builder
	for _, r := range in {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '.' || r == '(' || r == ')' || isDash(r):
		case r == '+' && b.Len() == 0:
			b.WriteRune(r)
		default:
			return "", errorEN(fmt.Sprintf("số điện thoại %q không hợp lệ: chỉ được có chữ số (có thể có +84 ở đầu); %s", in, phoneFormats),
				fmt.Sprintf("the phone number %q is not valid: digits only (+84 allowed at the start); %s", in, phoneFormatsEN))
		}
	}
	d := b.String()
	for _, cc := range []string{"+84", "0084", "84"} {
		if rest, ok := strings.CutPrefix(d, cc); ok {
			if !strings.HasPrefix(rest, "0") {
				rest = "0" + rest
			}
			d = rest
			break
		}
	}
	if strings.HasPrefix(d, "+") {
		return "", errorEN(fmt.Sprintf("số điện thoại %q không hợp lệ: chỉ nhận số Việt Nam (mã quốc gia +84); %s", in, phoneFormats),
			fmt.Sprintf("the phone number %q is not valid: only Vietnamese numbers (country code +84); %s", in, phoneFormatsEN))
	}
	switch {
	case len(d) == 10 && strings.ContainsRune("35789", rune(d[1])) && d[0] == '0':
		return d, nil
	case len(d) == 11 && strings.HasPrefix(d, "02"):
		return d, nil
	case !strings.HasPrefix(d, "0"):
		return "", errorEN(fmt.Sprintf("số điện thoại %q không hợp lệ: số trong nước bắt đầu bằng 0 (hoặc +84); %s", in, phoneFormats),
			fmt.Sprintf("the phone number %q is not valid: a domestic number starts with 0 (or +84); %s", in, phoneFormatsEN))
	}
	return "", errorEN(fmt.Sprintf("số điện thoại %q không hợp lệ: có %d chữ số; %s", in, len(d), phoneFormats),
		fmt.Sprintf("the phone number %q is not valid: it has %d digits; %s", in, len(d), phoneFormatsEN))
}

// ValidatePhone checks a Vietnamese phone number (see NormalisePhone). An
// empty text is accepted.
func ValidatePhone(s string) error {
	_, err := NormalisePhone(s)
	return err
}

// FormatPhone writes a phone number for display. Mobiles are grouped 4-3-3:
// "0912 345 678". Landlines are split after the area code, then the
// subscriber number in two parts: the two 3-digit area codes 024 (Hà Nội)
// and 028 (Hồ Chí Minh) give "028 3930 3279" (3-4-4); every other area code
// has 4 digits (02xx) and gives "0254 354 3551" (4-3-4). A number that
// NormalisePhone rejects is returned cleaned but otherwise as typed.
func FormatPhone(s string) string {
	d, err := NormalisePhone(s)
	if err != nil || d == "" {
		return Clean(s)
	}
	if len(d) == 10 {
		return d[:4] + " " + d[4:7] + " " + d[7:]
	}
	if d[:3] == "024" || d[:3] == "028" {
		return d[:3] + " " + d[3:7] + " " + d[7:]
	}
	return d[:4] + " " + d[4:7] + " " + d[7:]
}

// ValidateEmail makes a pragmatic check of an e-mail address: no spaces,
// exactly one "@", a non-empty local part, and a domain with at least one
// dot whose labels are non-empty and do not start or end with a hyphen. A
// display name ("Nguyễn Văn A <a@b.vn>") is not accepted. An empty text is
// accepted.
func ValidateEmail(s string) error {
	in := Clean(s)
	if in == "" {
		return nil
	}
	bad := func(reason, en string) error {
		return errorEN(fmt.Sprintf("email %q không hợp lệ: %s; hãy viết dạng ten@congty.vn", in, reason),
			fmt.Sprintf("the email %q is not valid: %s; write it as name@company.vn", in, en))
	}
	if strings.IndexFunc(in, unicode.IsSpace) >= 0 {
		return bad("không được có dấu cách", "no spaces")
	}
	if strings.ContainsAny(in, `<>()[]\,;:"`) {
		return bad(`có ký tự không được phép (< > ( ) [ ] \ , ; : ")`, `a character that is not allowed (< > ( ) [ ] \ , ; : ")`)
	}
	local, domain, ok := strings.Cut(in, "@")
	switch {
	case !ok:
		return bad("thiếu dấu @", "the @ is missing")
	case strings.Contains(domain, "@"):
		return bad("chỉ được có một dấu @", "only one @")
	case local == "":
		return bad("thiếu phần tên trước dấu @", "the name before the @ is missing")
	case domain == "":
		return bad("thiếu tên miền sau dấu @", "the domain after the @ is missing")
	case !strings.Contains(domain, "."):
		return bad("tên miền sau dấu @ phải có dấu chấm, ví dụ congty.vn", "the domain after the @ needs a dot, e.g. company.vn")
	}
	labels := strings.Split(domain, ".")
	if tld := labels[len(labels)-1]; utf8.RuneCountInString(tld) < 2 || strings.IndexFunc(tld, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return bad("phần cuối của tên miền (như .vn, .com) phải là chữ, ít nhất 2 chữ cái", "the end of the domain (like .vn, .com) is letters, at least 2")
	}
	for _, label := range labels {
		if label == "" || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return bad("tên miền "+domain+" viết sai (dấu chấm hoặc gạch ngang đặt không đúng chỗ)", "the domain "+domain+" is miswritten (a dot or hyphen in the wrong place)")
		}
		for _, r := range label {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
				return bad("tên miền chỉ gồm chữ, số, dấu chấm và gạch ngang", "a domain has only letters, digits, dots and hyphens")
			}
		}
	}
	addr, err := mail.ParseAddress(in)
	if err != nil || addr.Address != in || addr.Name != "" {
		return bad("phần tên trước dấu @ viết sai (có ký tự không được phép hoặc dấu chấm đặt không đúng chỗ)", "the name before the @ is miswritten (a character not allowed or a dot in the wrong place)")
	}
	return nil
}
