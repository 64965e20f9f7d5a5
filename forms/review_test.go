package forms

import (
	"strings"
	"testing"
)

func TestOldUnit(t *testing.T) {
	cases := map[string]string{ // part → "" when fine, else a word the message must contain
		"Phường Vũng Tàu":           "",
		"Thành phố Hồ Chí Minh":     "",
		"TP. HCM":                   "",
		"Tỉnh Lâm Đồng":             "",
		"Đặc khu Côn Đảo":           "",
		"Phường Bình Dương":         "", // a ward named after the old province exists
		"Số 15 Đường Đoàn Thị Điểm": "",
		"Thành phố Huế":             "",
		"Huyện Đất Đỏ":              "cấp huyện",
		"Quận 1":                    "cấp huyện",
		"Q. Bình Thạnh":             "cấp huyện",
		"Thị xã Phú Mỹ":             "cấp huyện",
		"Thị trấn Long Điền":        "thị trấn",
		"Thành phố Vũng Tàu":        "thành phố thuộc tỉnh",
		"TP. Thủ Dầu Một":           "thành phố thuộc tỉnh",
		"Tỉnh Bà Rịa - Vũng Tàu":    "Thành phố Hồ Chí Minh",
		"Bình Dương":                "Thành phố Hồ Chí Minh",
		"tỉnh Quảng Nam":            "Thành phố Đà Nẵng",
		"Thừa Thiên Huế":            "Thành phố Huế",
		"Tỉnh Hà Giang":             "Tỉnh Tuyên Quang",
	}
	for part, want := range cases {
		vi, en, old := oldUnit(part)
		switch {
		case want == "" && old:
			t.Errorf("%q: false alarm: %s", part, vi)
		case want != "" && !old:
			t.Errorf("%q: not caught", part)
		case want != "" && (!strings.Contains(vi, want) || en == ""):
			t.Errorf("%q: message %q does not say %q", part, vi, want)
		}
	}
}

func TestForeignEstablishment(t *testing.T) {
	known := []string{distinctive("Công ty TNHH Chế biến Nông sản Phước Hưng"), distinctive("Phước Hưng"), foldVN("PH"),
		distinctive("Công ty Cổ phần Cơ khí Bình Dương Xanh"), distinctive("HTX Thổ cẩm Buôn Đôn")}
	cases := map[string]string{ // text → the name found, "" for none
		"tại Công ty TNHH Chế biến Nông sản Phước Hưng":                 "",
		"Công ty TNHH Chế biến Nông sản Phước Hưng cam kết đối ứng":     "",
		"Công ty Phước Hưng có 38 lao động":                             "",
		"Công ty cam kết bố trí đủ vốn":                                 "",
		"các công ty cùng ngành":                                        "",
		"HTX có 26 thành viên":                                          "",
		"HTX Thổ cẩm Buôn Đôn có 26 thành viên":                         "",
		"máy do Công ty Cổ phần Cơ khí Bình Dương Xanh cung cấp":        "",
		"Công ty TNHH MTV":                                              "",
		"Doanh nghiệp tư nhân Minh Phát chịu trách nhiệm chung":         "Doanh nghiệp tư nhân Minh Phát",
		"Hộ kinh doanh Nguyễn Văn Tư mở rộng thị trường":                "Hộ kinh doanh Nguyễn Văn Tư",
		"tại Công ty TNHH Cơ khí Hải Long, Phường Lái Thiêu":            "Công ty TNHH Cơ khí Hải Long",
		"Kết quả đánh giá tại HTX Mây tre đan Phú Vinh: ba dòng thải":   "HTX Mây tre đan Phú Vinh",
		"Công ty Cổ phần Thực phẩm Sao Mai cam kết duy trì sản xuất":    "Công ty Cổ phần Thực phẩm Sao Mai",
		"Công ty TNHH Phú Thành giữ bản quyền mẫu":                      "Công ty TNHH Phú Thành", // not the abbreviation PH
		"Hợp tác xã Dệt may Hòa Bình xả nước thải":                      "Hợp tác xã Dệt may Hòa Bình",
		"xuất khẩu qua Công ty TNHH Thương mại Phước Hưng Long An nữa ": "Công ty TNHH Thương mại Phước Hưng Long An",
	}
	for text, want := range cases {
		got, found := foreignEstablishment(text, known)
		if (want == "") == found || got != want {
			t.Errorf("%q: found %v %q, want %q", text, found, got, want)
		}
	}
}

func TestRecipient(t *testing.T) {
	cases := []struct {
		province, recipient string
		sev                 Severity // "" = no finding
		says                string
	}{
		{"79", "Sở Công Thương Thành phố Hồ Chí Minh", "", ""},
		{"79", "Sở Công Thương TP. HCM", "", ""},
		{"66", "Sở Công Thương tỉnh Đắk Lắk", "", ""},
		{"66", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp tỉnh Đắk Lắk", "", ""},
		{"46", "Sở Công Thương tỉnh Thừa Thiên Huế", SeverityError, "Sở Công Thương Thành phố Huế"},
		{"79", "Sở Công Thương tỉnh Bình Dương", SeverityError, "Sở Công Thương Thành phố Hồ Chí Minh"},
		{"66", "Sở Công Thương tỉnh Lâm Đồng", SeverityError, "Sở Công Thương tỉnh Đắk Lắk"},
		{"66", "Sở Công Thương", SeverityWarning, "Sở Công Thương tỉnh Đắk Lắk"},
		{"66", "Ủy ban nhân dân xã Buôn Đôn", SeverityWarning, "Sở Công Thương tỉnh Đắk Lắk"},
	}
	for _, c := range cases {
		app := Sample(CleanerProduction)
		app.Fund.Province, app.Letter.Recipient = c.province, c.recipient
		var got []Problem
		for _, p := range Review(app) {
			if p.Code == CodeRecipient {
				got = append(got, p)
			}
		}
		switch {
		case c.sev == "" && len(got) > 0:
			t.Errorf("%s → %s: false alarm %s", c.recipient, c.province, got[0].Message)
		case c.sev != "" && (len(got) != 1 || got[0].Severity != c.sev || !strings.Contains(got[0].Message, c.says)):
			t.Errorf("%s → %s: got %+v, want %s saying %q", c.recipient, c.province, got, c.sev, c.says)
		}
	}
}

func TestSignerWithAuthorisationIsFine(t *testing.T) {
	app := Sample(Equipment)
	app.Signer.Name = "Phạm Văn Lộc"
	has := func() bool {
		for _, p := range Review(app) {
			if p.Code == CodeSigner {
				return true
			}
		}
		return false
	}
	if !has() {
		t.Fatal("another signer without authorisation is not caught")
	}
	app.Attachments = append(app.Attachments, Attachment{ID: "uq", Title: "Giấy ủy quyền số 02/UQ", Paper: true})
	if has() {
		t.Error("an authorisation on paper should satisfy the check")
	}
	app.Signer.Name = "nguyễn thị ngọc hường"
	app.Attachments = app.Attachments[:len(app.Attachments)-1]
	if has() {
		t.Error("the representative written in lower case is the same person")
	}
}

func TestEveryProblemHasACode(t *testing.T) {
	app := &Application{Programme: Equipment, Budget: Budget{Lines: []BudgetLine{{CostType: "nope"}}}}
	app.Enterprise.Email = "x@"
	for _, p := range Check(app, DefaultPacks()).Problems {
		if p.Code == "" {
			t.Errorf("no code: %+v", p)
		}
	}
	for _, p := range Check(&Application{Programme: "nope"}, DefaultPacks()).Problems {
		if p.Code == "" {
			t.Errorf("no code: %+v", p)
		}
	}
}
