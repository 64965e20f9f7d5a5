package ui

// English for the shared library's data card (settings_data.go) and attachments kept on a server.
func init() {
	for vi, en := range map[string]string{
		"Máy chủ: ":                 "Server: ",
		"Người dùng trên máy chủ: ": "User on the server: ",
		"Tên ghi vào mỗi lần lưu: ": "Name recorded with each save: ",
		"Đính kèm lại tệp này.":     "Attach this file again.",
		"(chưa đặt tên: hãy nhập tên của bạn ở thẻ “Thư viện dùng chung trên máy chủ”)": "(no name yet: enter your name in the “Shared library on a server” card)",
		"Sao lưu thư viện dùng chung là việc của máy chủ: người quản trị sao lưu cơ sở dữ liệu bằng pg_dump. Để có một bản trên máy này, chép cả thư viện (hồ sơ, bản lưu và tệp đính kèm) vào một tệp mới:\nhoso db copy --from %s --to ban-sao.db": "Backing up a shared library is the server's job: the administrator backs the database up with pg_dump. For a copy on this computer, copy the whole library (dossiers, revisions and attached files) into a new file:\nhoso db copy --from %s --to copy.db",
		"Mọi khách hàng, hồ sơ và tệp đính kèm nằm trong thư viện dùng chung trên máy chủ": "All clients, dossiers and attached files are in the shared library on the server",
	} {
		english[vi] = en
	}
}

// English for the password prompt at start (password.go).
func init() {
	for vi, en := range map[string]string{
		"Thư viện dùng chung cần mật khẩu": "The shared library needs a password",
		"Máy chủ %s cần mật khẩu để mở thư viện. Mật khẩu chỉ dùng cho lần mở này, không ghi vào cài đặt.":                                                                              "The server %s needs a password to open the library. It is used for this session only, never written to the settings.",
		"Để không phải nhập lại: trong Cài đặt, thẻ “Thư viện dùng chung trên máy chủ”, nhập mật khẩu và chọn “Dùng thư viện này”; mật khẩu được ghi vào tệp .pgpass chỉ bạn đọc được.": "To avoid typing it again: in Settings, card “Shared library on a server”, enter the password and choose “Use this library”; it goes into the .pgpass file only you can read.",
		"Hãy nhập mật khẩu.": "Enter the password.",
		"Kết nối":            "Connect",
		"Thoát":              "Quit",
	} {
		english[vi] = en
	}
}
