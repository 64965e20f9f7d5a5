package ui

// English for the conflict dialog (conflict.go), added to english at start.
func init() {
	for vi, en := range map[string]string{
		"Không đọc được bản vừa lưu": "Could not read the version just saved",
		"người kia": "the other person",
		"Bản của bạn khác bản vừa lưu ở:": "Your version differs from the one just saved in:",
		"Dùng bản của %s":                 "Use %s's version",
		"Giữ bản của tôi":                 "Keep my version",
		"Hồ sơ vừa được người khác sửa":   "Someone else has just changed this dossier",
	} {
		english[vi] = en
	}
}
