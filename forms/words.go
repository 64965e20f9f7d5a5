package forms

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordStyle chooses between the regional variants used when an amount is
// written in words. The zero value is the default style of official
// documents: "linh", "nghìn", "bốn".
type WordStyle struct {
	// Le writes "lẻ" instead of "linh" for a zero tens digit (một trăm lẻ năm).
	Le bool
	// Ngan writes "ngàn" instead of "nghìn" for thousands.
	Ngan bool
	// Tu writes "tư" instead of "bốn" for a units digit 4 after a tens digit
	// of 2 or more (hai mươi tư). It never gives "mười tư" or "linh tư".
	Tu bool
}

// wordStyleOptions names the accepted options, for error messages.
const wordStyleOptions = "linh, lẻ (le), nghìn, ngàn (ngan), bốn (bon), tư (tu)"

// ParseWordStyle reads a comma-separated list of options among linh, lẻ,
// nghìn, ngàn, bốn and tư, with or without diacritics and in any case, e.g.
// "lẻ,ngàn,tư" or "le, ngan". Options left out keep their default; an empty
// text gives the default style.
func ParseWordStyle(s string) (WordStyle, error) {
	var st WordStyle
	seen := map[string]string{} // setting → option that set it
	for _, part := range strings.Split(Clean(s), ",") {
		opt := strings.ToLower(Clean(part))
		if opt == "" {
			continue
		}
		var setting string
		var value bool
		switch opt {
		case "linh":
			setting, value = "linh/lẻ", false
		case "le", "lẻ":
			setting, value = "linh/lẻ", true
		case "nghin", "nghìn":
			setting, value = "nghìn/ngàn", false
		case "ngan", "ngàn":
			setting, value = "nghìn/ngàn", true
		case "bon", "bốn":
			setting, value = "bốn/tư", false
		case "tu", "tư":
			setting, value = "bốn/tư", true
		default:
			return WordStyle{}, fmt.Errorf("kiểu đọc số tiền %q không hợp lệ: tùy chọn %q không có; chỉ dùng %s, cách nhau bởi dấu phẩy, ví dụ \"lẻ,ngàn,tư\"",
				Clean(s), opt, wordStyleOptions)
		}
		if prev, ok := seen[setting]; ok && prev != opt {
			return WordStyle{}, fmt.Errorf("kiểu đọc số tiền %q không hợp lệ: %q và %q mâu thuẫn nhau; chỉ chọn một trong hai (%s)",
				Clean(s), prev, opt, setting)
		}
		seen[setting] = opt
		switch setting {
		case "linh/lẻ":
			st.Le = value
		case "nghìn/ngàn":
			st.Ngan = value
		default:
			st.Tu = value
		}
	}
	return st, nil
}

// String lists the style's three choices, e.g. "linh,nghìn,bốn" or
// "lẻ,ngàn,tư". ParseWordStyle reads it back.
func (s WordStyle) String() string {
	parts := [3]string{"linh", "nghìn", "bốn"}
	if s.Le {
		parts[0] = "lẻ"
	}
	if s.Ngan {
		parts[1] = "ngàn"
	}
	if s.Tu {
		parts[2] = "tư"
	}
	return strings.Join(parts[:], ",")
}

// digitWords are the plain names of the digits 0 to 9.
var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// AmountInWords writes an amount in Vietnamese words for the "Bằng chữ"
// line, e.g. "Một triệu không trăm linh năm nghìn đồng": first letter
// capitalised, ending in " đồng", without "chẵn" or "./.".
//
// The number is read in groups of three digits from the right. The first
// group is read as it is; every later non-zero group is read with all three
// digits ("không trăm", "linh"); all-zero groups are skipped. Above tỷ the
// count of tỷ is itself read as a number, so 10^12 is "một nghìn tỷ" and
// 1.001.000.000.000 is "một nghìn không trăm linh một tỷ"; after "tỷ" the
// remaining nine digits are read as later groups ("hai nghìn tỷ không trăm
// linh một"). Amounts beyond MaxMoney are read by the same rule ("một triệu
// tỷ"). A negative amount is written "Âm " followed by the words of its
// absolute value.
func AmountInWords(m Money, style WordStyle) string {
	u := uint64(m)
	if m < 0 {
		u = -u
	}
	var w []string
	if u == 0 {
		w = []string{digitWords[0]}
	} else {
		w = readNumber(nil, u, true, style)
	}
	text := strings.Join(w, " ") + " đồng"
	if m < 0 {
		return "Âm " + text
	}
	return capitaliseFirst(text)
}

// readNumber appends the words for n > 0. With leading set, n is the start
// of the amount and its first group is read unpadded; otherwise every
// non-zero group is padded to three digits.
func readNumber(w []string, n uint64, leading bool, style WordStyle) []string {
	const billion = 1_000_000_000
	if n >= billion {
		w = readNumber(w, n/billion, leading, style)
		w = append(w, "tỷ")
		if rest := n % billion; rest > 0 {
			w = readNumber(w, rest, false, style)
		}
		return w
	}
	thousand := "nghìn"
	if style.Ngan {
		thousand = "ngàn"
	}
	scales := [3]struct {
		div  uint64
		word string
	}{{1_000_000, "triệu"}, {1_000, thousand}, {1, ""}}
	padded := !leading
	for _, sc := range scales {
		g := int(n / sc.div % 1000)
		if g == 0 {
			continue
		}
		w = readGroup(w, g, padded, style)
		if sc.word != "" {
			w = append(w, sc.word)
		}
		padded = true
	}
	return w
}

// readGroup appends the words for a group 1..999. A padded group is read
// with all three digits: 5 → "không trăm linh năm", 15 → "không trăm mười lăm".
func readGroup(w []string, g int, padded bool, style WordStyle) []string {
	h, t, u := g/100, g/10%10, g%10
	if padded || h > 0 {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0:
		if u == 0 {
			break
		}
		if padded || h > 0 {
			if style.Le {
				w = append(w, "lẻ")
			} else {
				w = append(w, "linh")
			}
		}
		w = append(w, digitWords[u]) // linh một, linh năm, linh bốn
	case t == 1:
		w = append(w, "mười")
		switch u {
		case 0:
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digitWords[u]) // mười một, mười bốn
		}
	default:
		w = append(w, digitWords[t], "mươi")
		switch u {
		case 0:
		case 1:
			w = append(w, "mốt")
		case 4:
			if style.Tu {
				w = append(w, "tư")
			} else {
				w = append(w, "bốn")
			}
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digitWords[u])
		}
	}
	return w
}

// capitaliseFirst upper-cases the first letter of s. The words are stored
// precomposed (NFC), so a single rune changes: "một" → "Một", "âm" → "Âm".
func capitaliseFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
