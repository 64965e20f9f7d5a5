package forms

// Industry is one of the industries eligible for khuyến công (ND 45/2012/NĐ-CP Art. 5).
type Industry struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

// Industries lists the eligible industries of ND 45/2012 Art. 5 (original text) and those ND 235/2025 adds.
func Industries() []Industry {
	return []Industry{
		{"a", "Chế biến nông - lâm - thủy sản và chế biến thực phẩm", "Agro-forestry-fishery and food processing"},
		{"b", "Sản xuất hàng tiêu dùng, hàng xuất khẩu, hàng thay thế hàng nhập khẩu", "Consumer, export and import-substituting goods"},
		{"c", "Hóa chất phục vụ nông nghiệp, nông thôn; sản xuất vật liệu xây dựng", "Agro-chemicals; building materials"},
		{"d", "Sản xuất, lắp ráp, sửa chữa máy móc cơ khí, điện, điện tử - tin học; linh kiện, công nghiệp hỗ trợ", "Mechanical, electrical and electronic machinery, parts, supporting industry"},
		{"dd", "Sản xuất sản phẩm, hàng thủ công mỹ nghệ, tiểu thủ công nghiệp", "Handicraft and small-industry goods"},
		{"e", "Khai thác, chế biến khoáng sản tại địa bàn có điều kiện kinh tế - xã hội khó khăn", "Mining and mineral processing in disadvantaged areas"},
		{"g", "Sản xuất sạch hơn, xử lý ô nhiễm môi trường", "Cleaner production and pollution treatment"},
		{"h", "Công nghệ cao, công nghiệp sạch, tiết kiệm năng lượng, công nghiệp môi trường, năng lượng xanh", "High-tech, clean industry, energy saving, environmental industry, green energy"},
	}
}

// IndustryByCode finds an eligible industry by its code.
func IndustryByCode(code string) (Industry, bool) {
	for _, in := range Industries() {
		if in.Code == code {
			return in, true
		}
	}
	return Industry{}, false
}
