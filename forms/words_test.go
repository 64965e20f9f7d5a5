package forms

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var (
	styleDefault  = WordStyle{}
	styleSouthern = WordStyle{Le: true, Ngan: true, Tu: true}
	allStyles     = func() []WordStyle {
		var out []WordStyle
		for i := 0; i < 8; i++ {
			out = append(out, WordStyle{Le: i&1 != 0, Ngan: i&2 != 0, Tu: i&4 != 0})
		}
		return out
	}()
)

// TestAmountInWordsDomainExamples checks every worked example of domain.md
// §5. The third column there is the lẻ/ngàn/tư style ("=" rows written out).
func TestAmountInWordsDomainExamples(t *testing.T) {
	cases := []struct {
		m                  Money
		standard, southern string
	}{
		{0, "Không đồng", "Không đồng"},
		{15, "Mười lăm đồng", "Mười lăm đồng"},
		{21, "Hai mươi mốt đồng", "Hai mươi mốt đồng"},
		{24, "Hai mươi bốn đồng", "Hai mươi tư đồng"},
		{25, "Hai mươi lăm đồng", "Hai mươi lăm đồng"},
		{101, "Một trăm linh một đồng", "Một trăm lẻ một đồng"},
		{105, "Một trăm linh năm đồng", "Một trăm lẻ năm đồng"},
		{110, "Một trăm mười đồng", "Một trăm mười đồng"},
		{115, "Một trăm mười lăm đồng", "Một trăm mười lăm đồng"},
		{1_001, "Một nghìn không trăm linh một đồng", "Một ngàn không trăm lẻ một đồng"},
		{1_010, "Một nghìn không trăm mười đồng", "Một ngàn không trăm mười đồng"},
		{21_000, "Hai mươi mốt nghìn đồng", "Hai mươi mốt ngàn đồng"},
		{100_500, "Một trăm nghìn năm trăm đồng", "Một trăm ngàn năm trăm đồng"},
		{1_005_000, "Một triệu không trăm linh năm nghìn đồng", "Một triệu không trăm lẻ năm ngàn đồng"},
		{1_250_000, "Một triệu hai trăm năm mươi nghìn đồng", "Một triệu hai trăm năm mươi ngàn đồng"},
		{10_500_000, "Mười triệu năm trăm nghìn đồng", "Mười triệu năm trăm ngàn đồng"},
		{300_000_000, "Ba trăm triệu đồng", "Ba trăm triệu đồng"},
		{450_000_000, "Bốn trăm năm mươi triệu đồng", "Bốn trăm năm mươi triệu đồng"},
		{1_000_000_015, "Một tỷ không trăm mười lăm đồng", "Một tỷ không trăm mười lăm đồng"},
		{1_000_500_000, "Một tỷ năm trăm nghìn đồng", "Một tỷ năm trăm ngàn đồng"},
		{1_234_567_890,
			"Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
			"Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy ngàn tám trăm chín mươi đồng"},
		{3_300_000_000, "Ba tỷ ba trăm triệu đồng", "Ba tỷ ba trăm triệu đồng"},
		{5_700_000_000, "Năm tỷ bảy trăm triệu đồng", "Năm tỷ bảy trăm triệu đồng"},
		{9_000_000_000, "Chín tỷ đồng", "Chín tỷ đồng"},
		{1_000_000_000_000, "Một nghìn tỷ đồng", "Một ngàn tỷ đồng"},
	}
	for _, c := range cases {
		if got := AmountInWords(c.m, styleDefault); got != c.standard {
			t.Errorf("AmountInWords(%s, default) = %q; want %q", c.m, got, c.standard)
		}
		if got := AmountInWords(c.m, styleSouthern); got != c.southern {
			t.Errorf("AmountInWords(%s, lẻ/ngàn/tư) = %q; want %q", c.m, got, c.southern)
		}
	}
}

func TestAmountInWordsMore(t *testing.T) {
	le := WordStyle{Le: true}
	ngan := WordStyle{Ngan: true}
	tu := WordStyle{Tu: true}
	cases := []struct {
		m     Money
		style WordStyle
		want  string
	}{
		{1, styleDefault, "Một đồng"},
		{4, tu, "Bốn đồng"},
		{5, styleDefault, "Năm đồng"},
		{10, styleDefault, "Mười đồng"},
		{11, styleDefault, "Mười một đồng"},
		{14, styleDefault, "Mười bốn đồng"},
		{14, tu, "Mười bốn đồng"},
		{20, styleDefault, "Hai mươi đồng"},
		{31, styleDefault, "Ba mươi mốt đồng"},
		{44, tu, "Bốn mươi tư đồng"},
		{44, styleDefault, "Bốn mươi bốn đồng"},
		{55, styleDefault, "Năm mươi lăm đồng"},
		{99, styleDefault, "Chín mươi chín đồng"},
		{100, styleDefault, "Một trăm đồng"},
		{104, tu, "Một trăm linh bốn đồng"},
		{104, styleSouthern, "Một trăm lẻ bốn đồng"},
		{111, styleDefault, "Một trăm mười một đồng"},
		{114, tu, "Một trăm mười bốn đồng"},
		{121, styleDefault, "Một trăm hai mươi mốt đồng"},
		{505, le, "Năm trăm lẻ năm đồng"},
		{999, styleDefault, "Chín trăm chín mươi chín đồng"},
		{1_000, styleDefault, "Một nghìn đồng"},
		{1_000, ngan, "Một ngàn đồng"},
		{1_005, styleDefault, "Một nghìn không trăm linh năm đồng"},
		{1_015, styleDefault, "Một nghìn không trăm mười lăm đồng"},
		{1_021, styleDefault, "Một nghìn không trăm hai mươi mốt đồng"},
		{1_100, styleDefault, "Một nghìn một trăm đồng"},
		{1_500, styleDefault, "Một nghìn năm trăm đồng"},
		{10_000, styleDefault, "Mười nghìn đồng"},
		{15_000, styleDefault, "Mười lăm nghìn đồng"},
		{24_000, tu, "Hai mươi tư nghìn đồng"},
		{100_000, styleDefault, "Một trăm nghìn đồng"},
		{101_000, styleDefault, "Một trăm linh một nghìn đồng"},
		{1_000_000, styleDefault, "Một triệu đồng"},
		{1_000_001, styleDefault, "Một triệu không trăm linh một đồng"},
		{1_001_000, styleDefault, "Một triệu không trăm linh một nghìn đồng"},
		{2_000_021, styleDefault, "Hai triệu không trăm hai mươi mốt đồng"},
		{25_125_000, styleDefault, "Hai mươi lăm triệu một trăm hai mươi lăm nghìn đồng"},
		{1_000_000_000, styleDefault, "Một tỷ đồng"},
		{1_000_000_001, styleDefault, "Một tỷ không trăm linh một đồng"},
		{1_001_000_000, styleDefault, "Một tỷ không trăm linh một triệu đồng"},
		{21_000_000_000, styleDefault, "Hai mươi mốt tỷ đồng"},
		{5_000_000_000_000, styleDefault, "Năm nghìn tỷ đồng"},
		{5_000_000_000_000, ngan, "Năm ngàn tỷ đồng"},
		{1_001_000_000_000, styleDefault, "Một nghìn không trăm linh một tỷ đồng"},
		{2_000_000_000_001, styleDefault, "Hai nghìn tỷ không trăm linh một đồng"},
		{2_000_000_001_000, styleDefault, "Hai nghìn tỷ không trăm linh một nghìn đồng"},
		{2_000_001_000_000, styleDefault, "Hai nghìn tỷ không trăm linh một triệu đồng"},
		{1_500_000_000_000, styleDefault, "Một nghìn năm trăm tỷ đồng"},
		{15_000_000_000_000, styleDefault, "Mười lăm nghìn tỷ đồng"},
		{100_000_000_000_000, styleDefault, "Một trăm nghìn tỷ đồng"},
		{123_456_789_012_345, styleDefault,
			"Một trăm hai mươi ba nghìn bốn trăm năm mươi sáu tỷ bảy trăm tám mươi chín triệu không trăm mười hai nghìn ba trăm bốn mươi lăm đồng"},
		{MaxMoney, styleDefault,
			"Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"},
		{MaxMoney + 1, styleDefault, "Một triệu tỷ đồng"},
		{-5, styleDefault, "Âm năm đồng"},
		{-1_005_000, styleDefault, "Âm một triệu không trăm linh năm nghìn đồng"},
		{-24, tu, "Âm hai mươi tư đồng"},
		{math.MinInt64, styleDefault,
			"Âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám đồng"},
	}
	for _, c := range cases {
		if got := AmountInWords(c.m, c.style); got != c.want {
			t.Errorf("AmountInWords(%s, %s) = %q; want %q", c.m, c.style, got, c.want)
		}
	}
}

func TestWordStyle(t *testing.T) {
	ok := []struct {
		in   string
		want WordStyle
	}{
		{"", WordStyle{}},
		{"  ", WordStyle{}},
		{"linh,nghin,bon", WordStyle{}},
		{"linh,nghìn,bốn", WordStyle{}},
		{"le", WordStyle{Le: true}},
		{"lẻ", WordStyle{Le: true}},
		{"LẺ, Ngàn", WordStyle{Le: true, Ngan: true}},
		{"ngan", WordStyle{Ngan: true}},
		{"tu", WordStyle{Tu: true}},
		{"tư", WordStyle{Tu: true}},
		{"le,ngan,tu", styleSouthern},
		{"lẻ,ngàn,tư", styleSouthern},
		{"tu,,le", WordStyle{Le: true, Tu: true}},
		{"le,le", WordStyle{Le: true}},
	}
	for _, c := range ok {
		got, err := ParseWordStyle(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseWordStyle(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"x", "linh,xyz", "lẹ", "linh le", "linh,le", "nghin,ngàn", "bốn,tu"} {
		_, err := ParseWordStyle(in)
		if err == nil {
			t.Errorf("ParseWordStyle(%q) = nil error; want one", in)
			continue
		}
		if !strings.Contains(err.Error(), "kiểu đọc số tiền") {
			t.Errorf("ParseWordStyle(%q) error %q does not name the setting", in, err)
		}
	}
	if _, err := ParseWordStyle("xyz"); err == nil || !strings.Contains(err.Error(), "linh, lẻ") {
		t.Errorf("unknown option error %v should list the valid options", err)
	}
	if got := (WordStyle{}).String(); got != "linh,nghìn,bốn" {
		t.Errorf("default String() = %q", got)
	}
	if got := styleSouthern.String(); got != "lẻ,ngàn,tư" {
		t.Errorf("southern String() = %q", got)
	}
	for _, st := range allStyles {
		back, err := ParseWordStyle(st.String())
		if err != nil || back != st {
			t.Errorf("ParseWordStyle(%q) = %+v, %v; want %+v", st.String(), back, err, st)
		}
	}
}

// forbidden are the forms that must never appear in an amount in words.
var forbidden = []string{
	"không nghìn", "không ngàn", "không triệu", "không tỷ", "mười tư", "mươi một", "linh mốt", "lẻ mốt",
	"linh lăm", "lẻ lăm", "nghìn mốt", "ngàn mốt", "rưỡi", "nhăm", "mươi năm", "mười năm", "linh tư", "lẻ tư",
	"  ", "chẵn", "tỉ", "mốt mươi", "lăm mươi",
}

// checkWords checks the invariants of AmountInWords(m, st) and returns the text.
func checkWords(t *testing.T, m Money, st WordStyle) string {
	t.Helper()
	w := AmountInWords(m, st)
	for _, bad := range forbidden {
		if strings.Contains(w, bad) {
			t.Fatalf("AmountInWords(%s, %s) = %q contains %q", m, st, w, bad)
		}
	}
	if !norm.NFC.IsNormalString(w) {
		t.Fatalf("AmountInWords(%s) = %q is not NFC", m, w)
	}
	if !strings.HasSuffix(w, " đồng") || strings.TrimSpace(w) != w {
		t.Fatalf("AmountInWords(%s) = %q: bad ending or spaces", m, w)
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
		t.Fatalf("AmountInWords(%s) = %q does not start with a capital", m, w)
	}
	style := []struct {
		on         bool
		yes, never string
	}{
		{st.Le, "lẻ", "linh"},
		{st.Ngan, "ngàn", "nghìn"},
		{st.Tu, "mươi tư", "mươi bốn"},
	}
	for _, s := range style {
		never := s.never
		if !s.on {
			never = s.yes
		}
		if strings.Contains(w, never) {
			t.Fatalf("AmountInWords(%s, %s) = %q contains %q", m, st, w, never)
		}
	}
	if !st.Tu && strings.Contains(w, " tư") {
		t.Fatalf("AmountInWords(%s, %s) = %q uses tư", m, st, w)
	}
	return w
}

// trămCount is the number of "trăm" that a correct reading of n > 0 has:
// one for every non-zero group of three digits after the first (they are
// padded), plus one when the first group is 100 or more.
func trămCount(n uint64) int {
	var groups []uint64
	for ; n > 0; n /= 1000 {
		if g := n % 1000; g != 0 {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return 0
	}
	c := len(groups) - 1
	if groups[len(groups)-1] >= 100 {
		c++
	}
	return c
}

func TestAmountInWordsRoundTrip(t *testing.T) {
	var values []Money
	for n := Money(0); n <= 2_100; n++ {
		values = append(values, n)
	}
	for _, base := range []Money{1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000} {
		for _, k := range []Money{1, 2, 5, 10, 14, 15, 21, 24, 25, 100, 101, 105, 110, 999} {
			values = append(values, base*k, base*k+1, base*k+15, base*k+105, base*k+base/1000*21)
		}
	}
	values = append(values, MaxMoney, MaxMoney-1, 999_000_000_000_000, 100_000_000_000_001)
	for _, m := range values {
		for _, st := range allStyles {
			for _, v := range []Money{m, -m} {
				w := checkWords(t, v, st)
				got, err := parseVietnameseAmount(w)
				if err != nil || got != int64(v) {
					t.Fatalf("parse(AmountInWords(%d, %s) = %q) = %d, %v", v, st, w, got, err)
				}
			}
		}
		if m > 0 {
			w := AmountInWords(m, styleDefault)
			if got, want := strings.Count(w, "trăm"), trămCount(uint64(m)); got != want {
				t.Fatalf("AmountInWords(%s) = %q has %d × trăm; want %d", m, w, got, want)
			}
		}
	}
}

func TestParseVietnameseAmount(t *testing.T) {
	// The test parser must itself refuse malformed readings, or the round trip proves little.
	for _, s := range []string{
		"", "đồng", "một đồng", "Một", "Một  đồng", "Không nghìn đồng", "Một triệu không triệu đồng",
		"Hai mươi một đồng", "Mười tư đồng", "Một trăm linh mốt đồng", "Một trăm linh lăm đồng",
		"Hai mươi năm đồng", "Mốt đồng", "Một trăm mươi đồng", "Một mươi đồng", "Một nghìn một triệu đồng",
		"Một nghìn mốt đồng", "Linh một đồng", "Một trăm trăm đồng", "Hai hai đồng", "Âm không đồng",
	} {
		if n, err := parseVietnameseAmount(s); err == nil {
			t.Errorf("parseVietnameseAmount(%q) = %d; want an error", s, n)
		}
	}
	for s, want := range map[string]int64{
		"Không đồng":                            0,
		"Hai mươi tư đồng":                      24,
		"Một trăm lẻ năm ngàn đồng":             105_000,
		"Âm một nghìn tỷ đồng":                  -1_000_000_000_000,
		"Hai nghìn tỷ không trăm linh một đồng": 2_000_000_000_001,
	} {
		if n, err := parseVietnameseAmount(s); err != nil || n != want {
			t.Errorf("parseVietnameseAmount(%q) = %d, %v; want %d", s, n, err, want)
		}
	}
}

func FuzzAmountInWords(f *testing.F) {
	for _, n := range []int64{0, 1, 15, 21, 24, 101, 105, 1_001, 1_005_000, 1_000_000_015, 1_000_500_000,
		1_234_567_890, 1_000_000_000_000, 2_000_000_000_001, int64(MaxMoney), -5, math.MinInt64, math.MaxInt64} {
		f.Add(n, uint8(0))
		f.Add(n, uint8(7))
	}
	f.Fuzz(func(t *testing.T, n int64, styleBits uint8) {
		st := WordStyle{Le: styleBits&1 != 0, Ngan: styleBits&2 != 0, Tu: styleBits&4 != 0}
		// Any int64 must not panic.
		raw := AmountInWords(Money(n), st)
		if !strings.HasSuffix(raw, " đồng") {
			t.Fatalf("AmountInWords(%d) = %q", n, raw)
		}
		// In range, the full set of invariants and the round trip.
		m := Money(n % int64(MaxMoney+1))
		w := checkWords(t, m, st)
		got, err := parseVietnameseAmount(w)
		if err != nil || got != int64(m) {
			t.Fatalf("parse(AmountInWords(%d, %s) = %q) = %d, %v", m, st, w, got, err)
		}
		abs := uint64(m)
		if m < 0 {
			abs = uint64(-m)
		}
		if abs > 0 {
			if c, want := strings.Count(w, "trăm"), trămCount(abs); c != want {
				t.Fatalf("AmountInWords(%d) = %q has %d × trăm; want %d", m, w, c, want)
			}
		}
	})
}

// parseVietnameseAmount reads an amount in words, as AmountInWords writes
// it, back to a number. It is written independently of AmountInWords: it
// scans the words left to right, building the current group of three
// digits, and folds groups into terms whenever a scale word (nghìn/ngàn,
// triệu, tỷ) comes; a scale word right after another one ("nghìn tỷ")
// multiplies the terms below it. It refuses readings that break the
// conventions (mươi một, mười tư, linh mốt, không nghìn, ...).
func parseVietnameseAmount(s string) (int64, error) {
	body, ok := strings.CutSuffix(s, " đồng")
	if !ok || body == "" {
		return 0, errors.New("no ' đồng' ending")
	}
	neg := false
	if rest, ok := strings.CutPrefix(body, "Âm "); ok {
		neg, body = true, rest
	} else {
		r, size := utf8.DecodeRuneInString(body)
		if !unicode.IsUpper(r) {
			return 0, errors.New("no capital")
		}
		body = string(unicode.ToLower(r)) + body[size:]
	}
	tokens := strings.Split(body, " ")
	if len(tokens) == 1 && tokens[0] == "không" {
		if neg {
			return 0, errors.New("âm không")
		}
		return 0, nil
	}

	digits := map[string]uint64{"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	scales := map[string]uint64{"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9}
	type term struct{ value, mag uint64 }
	var terms []term
	var group uint64   // the value of the group being read
	pending := -1      // a digit waiting for trăm or mươi, or the last units digit
	prev := ""         // the previous token
	unitsDone := false // the units of the current group have been read

	flushPending := func() {
		if pending >= 0 {
			group += uint64(pending)
			pending = -1
		}
	}
	for i, tok := range tokens {
		switch {
		case tok == "":
			return 0, errors.New("double space")
		case tok == "trăm":
			if pending < 0 || unitsDone || prev == "mươi" {
				return 0, fmt.Errorf("trăm without a digit at %d", i)
			}
			group += uint64(pending) * 100
			pending = -1
		case tok == "mươi":
			if pending < 2 {
				return 0, fmt.Errorf("mươi after %q", prev)
			}
			group += uint64(pending) * 10
			pending = -1
		case tok == "mười":
			if pending >= 0 || unitsDone || prev == "mươi" || prev == "mười" || prev == "linh" || prev == "lẻ" {
				return 0, fmt.Errorf("mười after %q", prev)
			}
			group += 10
		case tok == "linh" || tok == "lẻ":
			if prev != "trăm" || i+1 >= len(tokens) {
				return 0, fmt.Errorf("%s after %q", tok, prev)
			}
			next := tokens[i+1]
			if d, ok := digits[next]; !ok || d == 0 {
				return 0, fmt.Errorf("%s before %q", tok, next)
			}
		case tok == "mốt" || tok == "tư" || tok == "lăm":
			ok := prev == "mươi" || (tok == "lăm" && prev == "mười")
			if !ok {
				return 0, fmt.Errorf("%s after %q", tok, prev)
			}
			group += map[string]uint64{"mốt": 1, "tư": 4, "lăm": 5}[tok]
			unitsDone = true
		case digits[tok] > 0 || tok == "không":
			d := digits[tok]
			switch prev {
			case "mươi":
				if d == 1 || d == 5 || d == 0 {
					return 0, fmt.Errorf("%q after mươi", tok)
				}
				group += d
				unitsDone = true
			case "mười":
				if d == 5 || d == 0 {
					return 0, fmt.Errorf("%q after mười", tok)
				}
				group += d
				unitsDone = true
			case "linh", "lẻ":
				group += d
				unitsDone = true
			default:
				if pending >= 0 || unitsDone {
					return 0, fmt.Errorf("two digits in a row at %d", i)
				}
				if d == 0 && (i+1 >= len(tokens) || tokens[i+1] != "trăm") {
					return 0, fmt.Errorf("không not followed by trăm at %d", i)
				}
				pending = int(d)
			}
		default:
			scale, ok := scales[tok]
			if !ok {
				return 0, fmt.Errorf("unknown word %q", tok)
			}
			flushPending()
			compound := scales[prev] != 0
			if group == 0 && !compound {
				return 0, fmt.Errorf("empty group before %q", tok)
			}
			if compound && group != 0 {
				return 0, errors.New("impossible")
			}
			sum, mag := group, uint64(1)
			// Only tỷ takes the terms below it as its count ("một nghìn không
			// trăm linh một tỷ"); "một nghìn một triệu" is not a reading.
			for tok == "tỷ" && len(terms) > 0 && terms[len(terms)-1].mag < scale {
				top := terms[len(terms)-1]
				terms = terms[:len(terms)-1]
				sum += top.value
				mag = max(mag, top.mag)
			}
			if sum == 0 {
				return 0, fmt.Errorf("nothing to multiply by %q", tok)
			}
			nt := term{sum * scale, mag * scale}
			if len(terms) > 0 && terms[len(terms)-1].mag <= nt.mag {
				return 0, fmt.Errorf("scales out of order at %q", tok)
			}
			terms = append(terms, nt)
			group, unitsDone = 0, false
		}
		prev = tok
	}
	if scales[prev] == 0 {
		flushPending()
		if group == 0 {
			return 0, errors.New("empty last group")
		}
	}
	total := group
	for _, tm := range terms {
		total += tm.value
	}
	if total > math.MaxInt64 {
		return 0, errors.New("overflow")
	}
	if neg {
		return -int64(total), nil
	}
	return int64(total), nil
}
