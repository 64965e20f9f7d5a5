package forms

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Province is one of the 34 provincial-level units in force from 1 July 2025
// (NQ 202/2025/QH15): 28 provinces (tỉnh) and 6 centrally-run cities
// (thành phố trực thuộc trung ương).
type Province struct {
	// Code is the two-digit code of the unit (list 915/CTK-CSCL), e.g. "79".
	Code string
	// Name is the short name, e.g. "Hồ Chí Minh", "Lâm Đồng", "Hà Nội".
	Name string
	// Kind is "Thành phố" for the six centrally-run cities and "Tỉnh" otherwise.
	Kind string
	// Formerly lists the pre-2025 provinces merged into the unit, the one
	// whose name was kept first; it is empty when the unit was unchanged.
	Formerly []string
	// Centre is the former province where the unit's political and
	// administrative centre lies (NQ 60-NQ/TW); it differs from Name for the
	// seven units whose centre moved to a merged province, e.g. Lào Cai →
	// "Yên Bái".
	Centre string
}

// The kinds of provincial-level unit (Province.Kind).
const (
	kindCity     = "Thành phố"
	kindProvince = "Tỉnh"
)

// provinces is the list of domain.md §6, in code order.
var provinces = []Province{
	{"01", "Hà Nội", kindCity, nil, "Hà Nội"},
	{"04", "Cao Bằng", kindProvince, nil, "Cao Bằng"},
	{"08", "Tuyên Quang", kindProvince, []string{"Tuyên Quang", "Hà Giang"}, "Tuyên Quang"},
	{"11", "Điện Biên", kindProvince, nil, "Điện Biên"},
	{"12", "Lai Châu", kindProvince, nil, "Lai Châu"},
	{"14", "Sơn La", kindProvince, nil, "Sơn La"},
	{"15", "Lào Cai", kindProvince, []string{"Lào Cai", "Yên Bái"}, "Yên Bái"},
	{"19", "Thái Nguyên", kindProvince, []string{"Thái Nguyên", "Bắc Kạn"}, "Thái Nguyên"},
	{"20", "Lạng Sơn", kindProvince, nil, "Lạng Sơn"},
	{"22", "Quảng Ninh", kindProvince, nil, "Quảng Ninh"},
	{"24", "Bắc Ninh", kindProvince, []string{"Bắc Ninh", "Bắc Giang"}, "Bắc Giang"},
	{"25", "Phú Thọ", kindProvince, []string{"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"}, "Phú Thọ"},
	{"31", "Hải Phòng", kindCity, []string{"Hải Phòng", "Hải Dương"}, "Hải Phòng"},
	{"33", "Hưng Yên", kindProvince, []string{"Hưng Yên", "Thái Bình"}, "Hưng Yên"},
	{"37", "Ninh Bình", kindProvince, []string{"Ninh Bình", "Hà Nam", "Nam Định"}, "Ninh Bình"},
	{"38", "Thanh Hóa", kindProvince, nil, "Thanh Hóa"},
	{"40", "Nghệ An", kindProvince, nil, "Nghệ An"},
	{"42", "Hà Tĩnh", kindProvince, nil, "Hà Tĩnh"},
	{"44", "Quảng Trị", kindProvince, []string{"Quảng Trị", "Quảng Bình"}, "Quảng Bình"},
	{"46", "Huế", kindCity, nil, "Huế"},
	{"48", "Đà Nẵng", kindCity, []string{"Đà Nẵng", "Quảng Nam"}, "Đà Nẵng"},
	{"51", "Quảng Ngãi", kindProvince, []string{"Quảng Ngãi", "Kon Tum"}, "Quảng Ngãi"},
	{"52", "Gia Lai", kindProvince, []string{"Gia Lai", "Bình Định"}, "Bình Định"},
	{"56", "Khánh Hòa", kindProvince, []string{"Khánh Hòa", "Ninh Thuận"}, "Khánh Hòa"},
	{"66", "Đắk Lắk", kindProvince, []string{"Đắk Lắk", "Phú Yên"}, "Đắk Lắk"},
	{"68", "Lâm Đồng", kindProvince, []string{"Lâm Đồng", "Đắk Nông", "Bình Thuận"}, "Lâm Đồng"},
	{"75", "Đồng Nai", kindProvince, []string{"Đồng Nai", "Bình Phước"}, "Đồng Nai"},
	{"79", "Hồ Chí Minh", kindCity, []string{"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}, "Hồ Chí Minh"},
	{"80", "Tây Ninh", kindProvince, []string{"Tây Ninh", "Long An"}, "Long An"},
	{"82", "Đồng Tháp", kindProvince, []string{"Đồng Tháp", "Tiền Giang"}, "Tiền Giang"},
	{"86", "Vĩnh Long", kindProvince, []string{"Vĩnh Long", "Bến Tre", "Trà Vinh"}, "Vĩnh Long"},
	{"91", "An Giang", kindProvince, []string{"An Giang", "Kiên Giang"}, "Kiên Giang"},
	{"92", "Cần Thơ", kindCity, []string{"Cần Thơ", "Sóc Trăng", "Hậu Giang"}, "Cần Thơ"},
	{"96", "Cà Mau", kindProvince, []string{"Cà Mau", "Bạc Liêu"}, "Cà Mau"},
}

// provinceAliases are further names that people still write, by code: the
// pre-2025 name of Huế, common abbreviations and spelling variants.
var provinceAliases = map[string][]string{
	"46": {"Thừa Thiên Huế", "Thừa Thiên - Huế"},
	"79": {"HCM", "TPHCM", "HCMC", "Sài Gòn"},
	"01": {"HN", "TPHN"},
	"19": {"Bắc Cạn"},
	"66": {"Đắc Lắc"},
	"68": {"Đắc Nông"},
}

// provinceIndex maps the lookup key of every name, full name, former name
// and alias to the index of its unit in provinces.
var provinceIndex = func() map[string]int {
	idx := map[string]int{}
	for i, p := range provinces {
		idx[provinceKey(p.Name)] = i
		idx[provinceKey(p.FullName())] = i
		for _, f := range p.Formerly {
			idx[provinceKey(f)] = i
		}
		for _, a := range provinceAliases[p.Code] {
			idx[provinceKey(a)] = i
		}
	}
	return idx
}()

// FullName is the name with its kind: "Thành phố Hồ Chí Minh", "Tỉnh Lâm Đồng".
func (p Province) FullName() string {
	return p.Kind + " " + p.Name
}

// PlaceName is the place written before ", ngày … tháng … năm …" on a
// document. ND 30/2020 requires place names taken from a person, a number
// or an event to be written in full, so Hồ Chí Minh gives "Thành phố Hồ Chí
// Minh"; every other unit gives its short name ("Hà Nội", "Huế", "Lâm Đồng").
func (p Province) PlaceName() string {
	if p.Code == "79" {
		return p.FullName()
	}
	return p.Name
}

// Provinces returns the 34 provincial-level units in code order. The slice
// and its Formerly lists are copies that the caller may change.
func Provinces() []Province {
	out := make([]Province, len(provinces))
	for i, p := range provinces {
		out[i] = p.clone()
	}
	return out
}

// clone copies p, including its Formerly list.
func (p Province) clone() Province {
	if p.Formerly != nil {
		p.Formerly = append([]string(nil), p.Formerly...)
	}
	return p
}

// ProvinceByCode finds a unit by its two-digit code, e.g. "79".
func ProvinceByCode(code string) (Province, bool) {
	code = Clean(code)
	for _, p := range provinces {
		if p.Code == code {
			return p.clone(), true
		}
	}
	return Province{}, false
}

// ProvinceByName finds a unit by name, ignoring case, diacritics, spaces
// and dashes: the short name ("Hồ Chí Minh", "ho chi minh"), the full name
// or a prefixed form ("Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP. HCM",
// "Tỉnh Lâm Đồng"), or the name of a pre-2025 province merged into it
// ("Bà Rịa - Vũng Tàu", "Bình Dương" → Hồ Chí Minh; "Quảng Nam" → Đà Nẵng).
func ProvinceByName(name string) (Province, bool) {
	if i, ok := provinceIndex[provinceKey(name)]; ok {
		return provinces[i].clone(), true
	}
	return Province{}, false
}

// provinceKey is the lookup key of a name: without diacritics, lower case,
// without the prefixes "thành phố", "tp", "tỉnh", and with everything but
// letters and digits removed. "TP. Hồ Chí Minh" and "ho chi minh" both give
// "hochiminh".
func provinceKey(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(Clean(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	switch {
	case len(words) > 2 && words[0] == "thanh" && words[1] == "pho":
		words = words[2:]
	case len(words) > 1 && (words[0] == "tp" || words[0] == "tinh"):
		words = words[1:]
	}
	return strings.Join(words, "")
}

// ValidateProvinceCode checks that s is the code of one of the 34 units in
// force from 1 July 2025. An empty text is accepted.
func ValidateProvinceCode(s string) error {
	in := Clean(s)
	if in == "" {
		return nil
	}
	if _, ok := ProvinceByCode(in); ok {
		return nil
	}
	return errorEN(fmt.Sprintf("mã tỉnh, thành phố %q không hợp lệ: hãy chọn một trong 34 tỉnh, thành phố từ 01/7/2025 và dùng mã 2 chữ số của nó (ví dụ 01 Hà Nội, 79 Thành phố Hồ Chí Minh); mã của các tỉnh đã hợp nhất không còn dùng", in),
		fmt.Sprintf("the province code %q is not valid: choose one of the 34 provinces and cities in place since 1 July 2025 and use its 2-digit code (e.g. 01 for Hanoi, 79 for Ho Chi Minh City); codes of merged provinces are no longer used", in))
}
