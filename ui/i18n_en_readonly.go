package ui

// English for the strings of a library open read-only (kept apart from i18n_en.go's table).
func init() {
	for vi, en := range map[string]string{
		"Thư viện đang mở chỉ để đọc vì bị hỏng — khôi phục từ bản sao lưu": "The library is open read-only because it is damaged — restore it from a backup",
		"Thư viện chỉ để đọc":          "Read-only library",
		"Chỉ đọc – không lưu thay đổi": "Read-only – changes are not saved",
		"Thư viện này bị hỏng nên chỉ mở để xem: ứng dụng không lưu thay đổi nào vào nó, để không làm hỏng thêm. Hãy khôi phục từ bản sao lưu (nút ở dải cảnh báo phía trên) rồi sửa tiếp.": "This library is damaged, so it is open only to look at: the app saves no change to it, so as not to damage it further. Restore it from a backup (the button in the warning strip above), then carry on editing.",
	} {
		english[vi] = en
	}
}
