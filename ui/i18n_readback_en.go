package ui

// English strings of the read-back of a final PDF in the generation result (generate.go), kept
// apart from i18n_en.go so that the two lists change independently.
func init() {
	for vi, en := range map[string]string{
		"Đã đọc lại PDF: tên, mã số thuế, tổng kinh phí, hỗ trợ, đối ứng và số tiền bằng chữ khớp":                                  "The PDF was read back: name, tax code, total, support, counterpart and amounts in words match",
		"Đọc lại PDF thấy %d chỗ không khớp với số liệu hồ sơ. Đây là lỗi của ứng dụng: đừng nộp bản này, hãy báo lỗi kèm tệp PDF.": "Reading the PDF back found %d place(s) that do not match the dossier's data. This is a fault of the application: do not submit this copy; report it with the PDF file.",
	} {
		english[vi] = en
	}
}
