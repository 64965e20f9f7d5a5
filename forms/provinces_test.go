package forms

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestProvincesList(t *testing.T) {
	ps := Provinces()
	if len(ps) != 34 {
		t.Fatalf("%d units; want 34", len(ps))
	}
	wantCodes := []string{"01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
		"42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96"}
	cities, provs := 0, 0
	seenName := map[string]bool{}
	formerCount := 0
	for i, p := range ps {
		if p.Code != wantCodes[i] {
			t.Errorf("unit %d has code %q; want %q (code order)", i, p.Code, wantCodes[i])
		}
		if seenName[p.Name] {
			t.Errorf("name %q twice", p.Name)
		}
		seenName[p.Name] = true
		switch p.Kind {
		case "Thành phố":
			cities++
		case "Tỉnh":
			provs++
		default:
			t.Errorf("%s: kind %q", p.Code, p.Kind)
		}
		for _, s := range append([]string{p.Name, p.Kind, p.Centre}, p.Formerly...) {
			if !norm.NFC.IsNormalString(s) || Clean(s) != s || s == "" {
				t.Errorf("%s: %q is not clean NFC", p.Code, s)
			}
		}
		if len(p.Formerly) == 1 {
			t.Errorf("%s: a merger lists at least two former provinces", p.Code)
		}
		if len(p.Formerly) > 0 && p.Formerly[0] != p.Name {
			t.Errorf("%s: Formerly should start with the kept name %q", p.Code, p.Name)
		}
		if p.Centre != p.Name && !slices.Contains(p.Formerly, p.Centre) {
			t.Errorf("%s: centre %q is not one of the merged provinces", p.Code, p.Centre)
		}
		if len(p.Formerly) == 0 {
			formerCount++
		} else {
			formerCount += len(p.Formerly)
		}
		if got, ok := ProvinceByCode(p.Code); !ok || got.Name != p.Name {
			t.Errorf("ProvinceByCode(%q) = %v, %v", p.Code, got, ok)
		}
		if got, ok := ProvinceByName(p.Name); !ok || got.Code != p.Code {
			t.Errorf("ProvinceByName(%q) = %v, %v", p.Name, got, ok)
		}
		if got, ok := ProvinceByName(p.FullName()); !ok || got.Code != p.Code {
			t.Errorf("ProvinceByName(%q) = %v, %v", p.FullName(), got, ok)
		}
		for _, f := range p.Formerly {
			if got, ok := ProvinceByName(f); !ok || got.Code != p.Code {
				t.Errorf("ProvinceByName(former %q) = %v, %v; want %s", f, got, ok, p.Code)
			}
		}
		if err := ValidateProvinceCode(p.Code); err != nil {
			t.Errorf("ValidateProvinceCode(%q) = %v", p.Code, err)
		}
	}
	if cities != 6 || provs != 28 {
		t.Errorf("%d cities and %d provinces; want 6 and 28", cities, provs)
	}
	// The 34 units were formed from the 63 provinces and cities of before 1 July 2025.
	if formerCount != 63 {
		t.Errorf("the units come from %d former provinces; want 63", formerCount)
	}
	for _, code := range []string{"01", "31", "46", "48", "79", "92"} {
		if p, _ := ProvinceByCode(code); p.Kind != "Thành phố" {
			t.Errorf("%s should be a centrally-run city, is %q", code, p.Kind)
		}
	}
	moved := map[string]string{"15": "Yên Bái", "24": "Bắc Giang", "44": "Quảng Bình", "52": "Bình Định",
		"80": "Long An", "82": "Tiền Giang", "91": "Kiên Giang"}
	for _, p := range ps {
		want := p.Name
		if c, ok := moved[p.Code]; ok {
			want = c
		}
		if p.Centre != want {
			t.Errorf("%s %s: centre %q; want %q", p.Code, p.Name, p.Centre, want)
		}
	}
}

func TestProvinceKeysUnique(t *testing.T) {
	seen := map[string]string{}
	for _, p := range provinces {
		names := append([]string{p.Name, p.FullName()}, p.Formerly...)
		names = append(names, provinceAliases[p.Code]...)
		for _, n := range names {
			k := provinceKey(n)
			if k == "" {
				t.Errorf("empty key for %q", n)
			}
			if other, ok := seen[k]; ok && other != p.Code {
				t.Errorf("key %q of %q is shared by %s and %s", k, n, other, p.Code)
			}
			seen[k] = p.Code
		}
	}
}

func TestProvincesCopy(t *testing.T) {
	ps := Provinces()
	ps[27].Name = "X"
	ps[27].Formerly[1] = "Y"
	p, _ := ProvinceByCode("79")
	if p.Name != "Hồ Chí Minh" || p.Formerly[1] != "Bình Dương" {
		t.Fatalf("Provinces() shares its data: %+v", p)
	}
	p.Formerly[0] = "Z"
	if q, _ := ProvinceByName("Bình Dương"); q.Formerly[0] != "Hồ Chí Minh" {
		t.Fatalf("ProvinceByName shares its data: %+v", q)
	}
}

func TestHoChiMinhCity(t *testing.T) {
	p, ok := ProvinceByCode("79")
	if !ok {
		t.Fatal("79 missing")
	}
	if p.Name != "Hồ Chí Minh" || p.Kind != "Thành phố" {
		t.Errorf("79 = %+v", p)
	}
	if !slices.Contains(p.Formerly, "Bình Dương") || !slices.Contains(p.Formerly, "Bà Rịa - Vũng Tàu") || len(p.Formerly) != 3 {
		t.Errorf("HCMC formed from %v; want HCMC + Bình Dương + Bà Rịa - Vũng Tàu", p.Formerly)
	}
	if got := p.FullName(); got != "Thành phố Hồ Chí Minh" {
		t.Errorf("FullName = %q", got)
	}
	if got := p.PlaceName(); got != "Thành phố Hồ Chí Minh" {
		t.Errorf("PlaceName = %q", got)
	}
}

func TestProvinceNames(t *testing.T) {
	cases := []struct{ code, full, place string }{
		{"01", "Thành phố Hà Nội", "Hà Nội"},
		{"46", "Thành phố Huế", "Huế"},
		{"48", "Thành phố Đà Nẵng", "Đà Nẵng"},
		{"68", "Tỉnh Lâm Đồng", "Lâm Đồng"},
		{"92", "Thành phố Cần Thơ", "Cần Thơ"},
		{"96", "Tỉnh Cà Mau", "Cà Mau"},
	}
	for _, c := range cases {
		p, _ := ProvinceByCode(c.code)
		if p.FullName() != c.full || p.PlaceName() != c.place {
			t.Errorf("%s: FullName %q PlaceName %q; want %q %q", c.code, p.FullName(), p.PlaceName(), c.full, c.place)
		}
	}
}

func TestProvinceByName(t *testing.T) {
	cases := []struct{ in, code string }{
		{"Hồ Chí Minh", "79"},
		{"Thành phố Hồ Chí Minh", "79"},
		{"thành phố hồ chí minh", "79"},
		{"TP Hồ Chí Minh", "79"},
		{"TP. Hồ Chí Minh", "79"},
		{"Tp.Hồ Chí Minh", "79"},
		{"TP. HCM", "79"},
		{"TP.HCM", "79"},
		{"TPHCM", "79"},
		{"HCMC", "79"},
		{"ho chi minh", "79"},
		{"  HO CHI MINH  ", "79"},
		{"Bà Rịa - Vũng Tàu", "79"},
		{"Bà Rịa–Vũng Tàu", "79"},
		{"Tỉnh Bà Rịa - Vũng Tàu", "79"},
		{"ba ria vung tau", "79"},
		{"Bình Dương", "79"},
		{"Quảng Nam", "48"},
		{"Đà Nẵng", "48"},
		{"da nang", "48"},
		{"Hà Nội", "01"},
		{"Thủ đô Hà Nội", ""},
		{"Thừa Thiên Huế", "46"},
		{"Tỉnh Thừa Thiên Huế", "46"},
		{"Huế", "46"},
		{"Lâm Đồng", "68"},
		{"Tỉnh Lâm Đồng", "68"},
		{"Bình Thuận", "68"},
		{"Đắk Nông", "68"},
		{"Dak Nong", "68"},
		{"Hòa Bình", "25"},
		{"Hoà Bình", "25"}, // old-style tone placement
		{"Thanh Hoá", "38"},
		{"Thanh Hóa", "38"},
		{"Hà Giang", "08"},
		{"Yên Bái", "15"},
		{"Kon Tum", "51"},
		{"Bạc Liêu", "96"},
		{"Hậu Giang", "92"},
		{"Sóc Trăng", "92"},
		{"Long An", "80"},
		{"Kiên Giang", "91"},
		{"Hai Duong", "31"},
		{"Hải Phòng", "31"},
		{"H\u00e0 N\u00f4\u0323i", "01"}, // NFD-ish input
		{"", ""},
		{"Sài Gòn", "79"},
		{"Hà Tây", ""}, // merged into Hà Nội in 2008: not a pre-2025 province
		{"Thành phố", ""},
		{"Tỉnh", ""},
		{"Quảng", ""},
	}
	for _, c := range cases {
		p, ok := ProvinceByName(c.in)
		if c.code == "" {
			if ok {
				t.Errorf("ProvinceByName(%q) = %s; want not found", c.in, p.Code)
			}
			continue
		}
		if !ok || p.Code != c.code {
			t.Errorf("ProvinceByName(%q) = %q, %v; want %s", c.in, p.Code, ok, c.code)
		}
	}
}

func TestValidateProvinceCode(t *testing.T) {
	for _, s := range []string{"", " ", "01", "79", " 96 "} {
		if err := ValidateProvinceCode(s); err != nil {
			t.Errorf("ValidateProvinceCode(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"1", "77", "74", "00", "99", "Hà Nội", "079"} {
		err := ValidateProvinceCode(s)
		if err == nil {
			t.Errorf("ValidateProvinceCode(%q) = nil; want an error", s)
			continue
		}
		if !strings.HasPrefix(err.Error(), "mã tỉnh") || !strings.Contains(err.Error(), "34 tỉnh") {
			t.Errorf("ValidateProvinceCode(%q) = %q", s, err)
		}
	}
}
