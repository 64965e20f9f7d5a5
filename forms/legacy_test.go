package forms

import "testing"

func TestTCVN3(t *testing.T) {
	cases := map[string]string{
		"Céng hßa x· héi chñ nghÜa ViÖt Nam":                       "Cộng hòa xã hội chủ nghĩa Việt Nam",
		"§éc lËp - Tù do - H¹nh phóc":                              "Độc lập - Tự do - Hạnh phúc",
		"Thµnh phè Hå ChÝ Minh":                                    "Thành phố Hồ Chí Minh",
		"C«ng ty TNHH ChÕ biÕn N«ng s¶n Ph\u00ad\u00edc H\u00adng": "Công ty TNHH Chế biến Nông sản Phước Hưng",
		"Hîp t¸c x· DÖt thæ cÈm":                                   "Hợp tác xã Dệt thổ cẩm",
		"M\u00adêng Kh\u00ad¬ng, B¸t X¸t, B¶o Th¾ng":               "Mường Khương, Bát Xát, Bảo Thắng",
	}
	for in, want := range cases {
		if !LooksLikeTCVN3(in) {
			t.Errorf("%q not recognised as TCVN3", in)
		}
		if got := FromTCVN3(in); got != want {
			t.Errorf("FromTCVN3(%q) = %q, want %q", in, got, want)
		}
	}
	for _, unicode := range []string{
		"Cộng hòa xã hội chủ nghĩa Việt Nam", "Ảnh màu 10×15 cm", "Công ty cổ phần gốm sứ", "ABC 123", "",
		"Bánh tráng phơi sương, ô mai, cà phê", "Khô gà lá chanh – 250 g × 2",
	} {
		if LooksLikeTCVN3(unicode) {
			t.Errorf("Unicode text %q taken for TCVN3", unicode)
		}
	}
}
