package ui

// English for the strings of opening, printing and choosing files (kept apart from i18n_en.go's
// table so that the two can change independently).
func init() {
	for vi, en := range map[string]string{
		"Đã gửi đi in":                    "Sent to the printer",
		"Đã gửi PDF tới máy in mặc định.": "The PDF was sent to the default printer.",
		"Bấm Ctrl+P để in":                "Press Ctrl+P to print",
		"Máy chưa có lệnh in trực tiếp cho tệp PDF, nên PDF đã được mở trong trình xem. Bấm Ctrl+P để in.": "This computer has no direct print command for PDF files, so the PDF was opened in the viewer. Press Ctrl+P to print.",
		"Mở PDF rồi in từ trình xem PDF (Ctrl+P).":                     "Open the PDF and print from the PDF viewer (Ctrl+P).",
		"phiên bản này không nhập được gói bàn giao":                   "this version cannot import hand-off packages",
		"%s không phải tệp hồ sơ (.hoso.json) hay gói bàn giao (.zip)": "%s is not a dossier file (.hoso.json) or a hand-off package (.zip)",
		"Không mở được tệp hồ sơ":                                      "Could not open the dossier file",
		"Kiểm tra đã chọn đúng tệp .hoso.json và tệp không bị hỏng.":   "Check that you chose the right .hoso.json file and that it is not damaged.",
		"Thư viện đã có khách hàng cùng mã số thuế với hồ sơ này.\nGộp hồ sơ vào khách hàng đó, hay tạo một khách hàng mới (bản sao)?": "The library already has a client with this dossier's tax code.\nMerge the dossier into that client, or create a new client (a copy)?",
		"Không nhập được hồ sơ": "Could not import the dossier",
		"Thử lại; nếu vẫn lỗi, khôi phục thư viện từ bản sao lưu trong Cài đặt.": "Try again; if it still fails, restore the library from a backup in Settings.",
		"Đã nhập hồ sơ":                       "Dossier imported",
		"Hồ sơ %s đã được thêm vào thư viện.": "The dossier %s was added to the library.",
		"Lưu vào…":                            "Save into…",
		"Chọn thư mục này":                    "Choose this folder",
		"Lưu":                                 "Save",
		"Không mở được hộp chọn tệp":          "Could not open the file chooser",
		"Chọn tệp đính kèm":                   "Choose the attachment",
		"Tệp PDF, JPG, PNG":                   "PDF, JPG, PNG files",
		"Lưu gói bàn giao vào…":               "Save the hand-off package into…",
		"Gói bàn giao (*.zip)":                "Hand-off package (*.zip)",
		"Chọn gói bàn giao":                   "Choose the hand-off package",
		"Chọn phông chữ cho PDF":              "Choose the font for the PDF",
		"Phông TrueType (*.ttf)":              "TrueType font (*.ttf)",
		"Lưu gói quy định vào…":               "Save the rule pack into…",
		"Gói quy định (*.json)":               "Rule pack (*.json)",
		"Chọn gói quy định":                   "Choose the rule pack",
	} {
		english[vi] = en
	}
}
