package ui

// English for the strings of opening, printing and choosing files (kept apart from i18n_en.go's
// table so that the two can change independently).
func init() {
	for vi, en := range map[string]string{
		"Đã gửi đi in":                    "Sent to the printer",
		"Đã gửi PDF tới máy in mặc định.": "The PDF was sent to the default printer.",
		"Bấm Ctrl+P để in":                "Press Ctrl+P to print",
		"Máy chưa có lệnh in trực tiếp cho tệp PDF, nên PDF đã được mở trong trình xem. Bấm Ctrl+P để in.": "This computer has no direct print command for PDF files, so the PDF was opened in the viewer. Press Ctrl+P to print.",
		"Mở PDF rồi in từ trình xem PDF (Ctrl+P).": "Open the PDF and print from the PDF viewer (Ctrl+P).",
	} {
		english[vi] = en
	}
}
