package templates

// registrationForm is the registration for the outstanding rural industrial product selection
// (TT 26/2014/TT-BCT, Phụ lục 1 style). Long answers sit in fixed boxes and continue on a
// numbered continuation page.
func (b *builder) registrationForm() Document {
	t := b.text
	s := t.Selection
	level := s.Level
	blocks := []Block{
		Para(Paragraph{Text: "Phụ lục 1", Align: AlignRight, Bold: true, Size: 12}),
		b.nationalHeader(),
		Space(3),
		H(1, "PHIẾU ĐĂNG KÝ"),
		Para(Paragraph{Text: "Tham gia bình chọn sản phẩm công nghiệp nông thôn tiêu biểu " + level + " năm " + t.Year, Align: AlignCenter, Bold: true}),
		Space(2),
		Para(Paragraph{Text: "Kính gửi: Hội đồng bình chọn sản phẩm công nghiệp nông thôn tiêu biểu " + level, Align: AlignCenter}),
		Space(3),
		F("1. Tên cơ sở công nghiệp nông thôn", t.E.Name, 2),
		F("2. Địa chỉ", t.E.Address, 2),
		F("3. Điện thoại", joinNonEmpty("; thư điện tử: ", t.E.Phone, t.E.Email), 1),
		F("4. Người đại diện", joinNonEmpty(" – chức vụ: ", t.E.Representative, t.E.RepTitle), 1),
		F("5. Mã số thuế (mã số doanh nghiệp)", t.E.TaxCode, 1),
		F("6. Loại hình", t.E.Kind, 1),
		F("7. Tên sản phẩm đăng ký bình chọn", s.Product, 2),
		F("8. Nhóm sản phẩm", s.Group, 1),
		{Kind: KindBox, Box: &Box{Label: "9. Mô tả tóm tắt sản phẩm (nguyên liệu, quy trình, đặc điểm nổi bật)", Text: s.Description, Lines: 4}},
		{Kind: KindBox, Box: &Box{Label: "10. Thị trường tiêu thụ, doanh thu, khả năng phát triển", Text: s.Market, Lines: 3}},
		{Kind: KindBox, Box: &Box{Label: "11. Chứng nhận, giải thưởng đã đạt", Text: s.Certificates, Lines: 2}},
		P("Cơ sở cam kết sản phẩm đăng ký do cơ sở trực tiếp sản xuất, không sao chép, có khả năng sản xuất hàng loạt; các thông tin kê khai là đúng sự thật."),
		b.formSignature(),
	}
	return Document{ID: DocRegistering, Title: "Phiếu đăng ký bình chọn sản phẩm CNNT tiêu biểu (Phụ lục 1)", Orientation: Portrait, PageNumbers: true, Blocks: blocks}
}

// productDescription is the product description (Phụ lục 2 style) with the product photos.
func (b *builder) productDescription() Document {
	t := b.text
	s := t.Selection
	blocks := []Block{
		Para(Paragraph{Text: "Phụ lục 2", Align: AlignRight, Bold: true, Size: 12}),
		b.nationalHeader(),
		Space(3),
		H(1, "BẢN MÔ TẢ SẢN PHẨM"),
		Para(Paragraph{Text: "Đăng ký bình chọn sản phẩm công nghiệp nông thôn tiêu biểu " + s.Level + " năm " + t.Year, Align: AlignCenter, Bold: true}),
		Space(3),
		F("1. Tên sản phẩm", s.Product, 2),
		F("2. Nhóm sản phẩm", s.Group, 1),
		F("3. Cơ sở sản xuất", t.E.Name, 2),
		{Kind: KindBox, Box: &Box{Label: "4. Mô tả sản phẩm: nguyên liệu, quy trình sản xuất, đặc điểm nổi bật", Text: s.Description, Lines: 7}},
		{Kind: KindBox, Box: &Box{Label: "5. Thị trường, doanh thu và khả năng phát triển", Text: s.Market, Lines: 4}},
		{Kind: KindBox, Box: &Box{Label: "6. Chứng nhận chất lượng, an toàn thực phẩm, giải thưởng", Text: s.Certificates, Lines: 3}},
	}
	blocks = append(blocks, H(2, "7. Ảnh sản phẩm"))
	switch {
	case len(b.photos) > 0:
		for i := range b.photos {
			img := b.photos[i]
			img.MaxHeight = 95
			blocks = append(blocks, Block{Kind: KindImage, Image: &img})
		}
	case b.blank():
		blocks = append(blocks, P("Dán 03 ảnh màu kích thước tối thiểu 10×15 cm: chính diện, mặt bên, nhìn từ trên xuống."))
	default:
		blocks = append(blocks, P("03 ảnh màu kích thước tối thiểu 10×15 cm (chính diện, mặt bên, nhìn từ trên xuống) nộp kèm bản giấy."))
	}
	blocks = append(blocks, b.formSignature())
	return Document{ID: DocProductDesc, Title: "Bản mô tả sản phẩm (Phụ lục 2)", Orientation: Portrait, PageNumbers: true, Blocks: blocks}
}

// formSignature is the signature of a form: place and date above "ĐẠI DIỆN CƠ SỞ".
func (b *builder) formSignature() Block {
	sig := b.signature(nil)
	sig.Signature.PlaceDate = b.placeDate()
	sig.Signature.Space = 16
	sig.Signature.Titles = []string{"ĐẠI DIỆN CƠ SỞ"}
	if !b.blank() {
		sig.Signature.Titles = append(sig.Signature.Titles, upper(signerTitle(b.app)))
	}
	return sig
}
