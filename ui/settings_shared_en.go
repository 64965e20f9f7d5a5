package ui

// English for the shared-library settings (settings_shared.go), added to english at start.
func init() {
	for vi, en := range map[string]string{
		"Ví dụ: Nguyễn Thị Lan":                     "For example: Nguyễn Thị Lan",
		"để trống nếu đã có trong tệp .pgpass":      "leave empty if it is in the .pgpass file",
		"Thử kết nối":                               "Test the connection",
		"Dùng thư viện này":                         "Use this library",
		"Dùng tệp trên máy này":                     "Use the file on this computer",
		"Tên của bạn":                               "Your name",
		"Địa chỉ thư viện":                          "Library address",
		"Mật khẩu":                                  "Password",
		"Phiên bản này không kết nối được máy chủ.": "This version cannot connect to a server.",
		"Thư viện dùng chung trên máy chủ":          "Shared library on a server",
		"Nhiều người cùng làm trên một thư viện PostgreSQL; tên của bạn được ghi vào mỗi lần lưu. Mật khẩu được lưu vào tệp .pgpass, không ghi vào cài đặt.": "Several people work on one PostgreSQL library; your name is recorded with every save. The password goes into the .pgpass file, never into the settings.",
		"Hãy nhập địa chỉ thư viện, ví dụ postgres://lan@may-chu:5432/hoso":                                                                                  "Enter the library's address, for example postgres://lan@server:5432/hoso",
		"Đang dùng thư viện dùng chung ":              "In use: the shared library ",
		"Đang kết nối…":                               "Connecting…",
		"Không kết nối được: ":                        "Could not connect: ",
		"Kết nối tốt: %s có %d khách hàng, %d hồ sơ.": "Connected: %s has %d clients, %d dossiers.",
		"Chép thư viện lên máy chủ?":                  "Copy the library to the server?",
		"Thư viện trên máy chủ còn trống. Chép %d hồ sơ trên máy này (cùng khách hàng, bản lưu và thùng rác) lên đó?": "The library on the server is empty. Copy the %d dossiers on this computer (with clients, revisions and recycle bin) to it?",
		"Đang chép…":              "Copying…",
		"Chép không thành công: ": "The copy failed: ",
		"Đã chọn thư viện dùng chung: hãy đóng và mở lại ứng dụng để làm việc trên đó.": "Shared library chosen: close and reopen the app to work on it.",
		"Lần mở sau, ứng dụng dùng tệp dữ liệu trên máy này.":                           "Next time the app opens the data file on this computer.",
	} {
		english[vi] = en
	}
}
