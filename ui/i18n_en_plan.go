package ui

// English for the plan screen.
func init() {
	for vi, en := range map[string]string{
		"Kế hoạch":                            "Plan",
		"Kế hoạch khuyến công":                "Khuyến công plan",
		"Mọi tỉnh, thành phố":                 "All provinces",
		"Cả hai nguồn":                        "Both funds",
		"Khuyến công địa phương":              "Local khuyến công",
		"Khuyến công quốc gia":                "National khuyến công",
		"không bắt buộc, ví dụ 5.700.000.000": "optional, e.g. 5.700.000.000",
		"Lập kế hoạch":                        "Build the plan",
		"Xuất PDF và Excel…":                  "Export PDF and Excel…",
		"Chọn năm, tỉnh và nguồn kinh phí rồi bấm \"Lập kế hoạch\".": "Choose the year, province and fund, then click \"Build the plan\".",
		"STT":                        "No.",
		"Đề án":                      "Project",
		"Đơn vị thụ hưởng":           "Beneficiary",
		"Tổng kinh phí":              "Total cost",
		"Khuyến công hỗ trợ":         "Support",
		"Đối ứng":                    "Counterpart",
		"Mức ưu tiên":                "Priority",
		"Năm kế hoạch":               "Plan year",
		"Tỉnh, thành phố nhận hồ sơ": "Province receiving the dossiers",
		"Nguồn kinh phí":             "Fund",
		"Kinh phí được giao (đồng)":  "Budget allocated (VND)",
		"năm kế hoạch phải là một năm như 2027": "the plan year must be a year such as 2027",
		"Kinh phí được giao: %v":                "Budget allocated: %v",
		"Đang đọc các hồ sơ trong thư viện…":    "Reading the dossiers of the library…",
		"Không lập được kế hoạch: ":             "Could not build the plan: ",
		"hồ sơ %s của %s: %v":                   "dossier %s of %s: %v",
		"%d đề án. Tổng kinh phí %s đồng (%s); khuyến công hỗ trợ %s đồng (%s); đối ứng %s đồng.": "%d projects. Total cost %s VND (%s); support %s VND (%s); counterpart %s VND.",
		"Chưa đưa vào kế hoạch (còn lỗi chặn nộp): %s – %s":                                       "Left out of the plan (blocking problems): %s – %s",
		"%s có %d đề án cùng nhóm nội dung %s: kiểm tra để không hỗ trợ trùng":                    "%s has %d projects in content group %s: make sure the same content is not funded twice",
		"Hỗ trợ vượt kinh phí được giao %s đồng: cần cắt giảm %s đồng":                            "Support exceeds the allocated %s VND: cut %s VND",
		"%d đề án":                                  "%d projects",
		"Chưa xuất được kế hoạch":                   "Could not export the plan",
		"phiên bản này chưa có bộ tạo PDF và Excel": "this version has no PDF and Excel writer",
		"Đóng tệp cùng tên nếu đang mở trong Excel hoặc trình xem PDF, rồi thử lại.": "Close a file of the same name if it is open in Excel or a PDF viewer, then try again.",
		"Đã ghi:": "Written:",
		"Đây là bản nháp: còn hồ sơ bị loại, trùng nội dung hoặc vượt kinh phí được giao (xem trang cuối).": "This is a draft: dossiers were left out, funded twice or over the allocation (see the last page).",
		"Không mở được tệp": "Could not open the file",
		"Nội dung ưu tiên":  "Priorities",
		"Mức ưu tiên: %s":   "Priority level: %s",
		"Để được ưu tiên: ": "To qualify: ",
		"Theo hướng dẫn xây dựng kế hoạch khuyến công năm %d": "Under the guidance for the %d khuyến công plan",
		" (chưa có hướng dẫn năm %d)":                         " (no guidance yet for %d)",
	} {
		if _, ok := english[vi]; !ok {
			english[vi] = en
		}
	}
}
