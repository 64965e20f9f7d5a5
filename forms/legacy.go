package forms

import (
	"strings"
	"unicode"
)

// Text typed with the old TCVN3 (ABC) fonts (.VnTime and friends) and pasted today arrives as
// Latin-1 look-alikes: "Céng hßa x· héi chñ nghÜa ViÖt Nam". LooksLikeTCVN3 spots it, FromTCVN3
// turns it into Unicode.

// tcvn3 maps the TCVN3 (ABC, TCVN 5712:1993 VN3) codes to Unicode. Toned capitals do not exist in
// TCVN3 (capital fonts reuse the small-letter codes), so they come out as small letters.
var tcvn3 = map[rune]string{
	'µ': "à", '¶': "ả", '·': "ã", '¸': "á", '¹': "ạ",
	'¨': "ă", '»': "ằ", '¼': "ẳ", '½': "ẵ", '¾': "ắ", 'Æ': "ặ",
	'©': "â", 'Ç': "ầ", 'È': "ẩ", 'É': "ẫ", 'Ê': "ấ", 'Ë': "ậ",
	'®': "đ",
	'Ì': "è", 'Î': "ẻ", 'Ï': "ẽ", 'Ð': "é", 'Ñ': "ẹ",
	'ª': "ê", 'Ò': "ề", 'Ó': "ể", 'Ô': "ễ", 'Õ': "ế", 'Ö': "ệ",
	'×': "ì", 'Ø': "ỉ", 'Ü': "ĩ", 'Ý': "í", 'Þ': "ị",
	'ß': "ò", 'á': "ỏ", 'â': "õ", 'ã': "ó", 'ä': "ọ",
	'«': "ô", 'å': "ồ", 'æ': "ổ", 'ç': "ỗ", 'è': "ố", 'é': "ộ",
	'¬': "ơ", 'ê': "ờ", 'ë': "ở", 'ì': "ỡ", 'í': "ớ", 'î': "ợ",
	'ï': "ù", 'ñ': "ủ", 'ò': "ũ", 'ó': "ú", 'ô': "ụ",
	'\u00ad': "ư", 'õ': "ừ", 'ö': "ử", '÷': "ữ", 'ø': "ứ", 'ù': "ự",
	'ú': "ỳ", 'û': "ỷ", 'ü': "ỹ", 'ý': "ý", 'þ': "ỵ",
	'¡': "Ă", '¢': "Â", '£': "Ê", '¤': "Ô", '¥': "Ơ", '¦': "Ư", '§': "Đ",
}

// vietnameseOnly are letters that only Unicode Vietnamese text has: TCVN3 text never contains them.
func vietnameseOnly(r rune) bool {
	switch {
	case r >= 0x1EA0 && r <= 0x1EF9: // ạ … ỹ
		return true
	}
	switch unicode.ToLower(r) {
	case 'ă', 'đ', 'ĩ', 'ũ', 'ơ', 'ư':
		return true
	}
	return false
}

// vietnameseLetter reports whether r is a letter of the Vietnamese alphabet as Unicode writes it.
func vietnameseLetter(r rune) bool {
	if vietnameseOnly(r) {
		return true
	}
	return strings.ContainsRune("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ", r)
}

// LooksLikeTCVN3 reports whether s reads like TCVN3 text: it has at least two characters that are
// TCVN3 codes but not Vietnamese letters (§, µ, ¸, Ö, « …), and none of the letters only Unicode
// Vietnamese has (ạ, ư, ơ, đ …).
func LooksLikeTCVN3(s string) bool {
	signals := 0
	for _, r := range s {
		if vietnameseOnly(r) {
			return false
		}
		if _, ok := tcvn3[r]; ok && !vietnameseLetter(r) {
			signals++
		}
	}
	return signals >= 2
}

// FromTCVN3 converts TCVN3 text to Unicode (NFC). Characters outside the table are kept.
func FromTCVN3(s string) string {
	var b strings.Builder
	for _, r := range s {
		if u, ok := tcvn3[r]; ok {
			b.WriteString(u)
		} else {
			b.WriteRune(r)
		}
	}
	return NFC(b.String())
}
