package ui

// English strings of the officer's review section and the jump to a field (review.go, jump.go),
// kept apart from i18n_en.go so that the two lists change independently.
func init() {
	for vi, en := range map[string]string{
		"Cán bộ thẩm định sẽ hỏi (%d)": "What the appraising officer will ask (%d)",
		"Không thấy điều gì cán bộ thẩm định sẽ hỏi: ngày tháng, nơi nhận, địa chỉ, tên cơ sở, dự toán và người ký khớp nhau.": "Nothing the appraising officer would ask about: dates, recipient, addresses, names, budget and signer agree.",
	} {
		english[vi] = en
	}
}
