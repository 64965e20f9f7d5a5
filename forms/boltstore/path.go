package boltstore

import (
	"fmt"
	"os"
	"path/filepath"
)

// EnvPath is the environment variable that overrides the data file's location.
const EnvPath = "HOSO_DB"

// DefaultPath is the data file's location: $HOSO_DB when set, else HosoKhuyenCong/hoso.db in the
// user's configuration folder (%AppData% on Windows, ~/.config on Linux, ~/Library/Application
// Support on macOS). The folder is created.
func DefaultPath() (string, error) {
	path := os.Getenv(EnvPath)
	if path == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("không xác định được thư mục dữ liệu của người dùng (%w); hãy đặt biến môi trường %s trỏ tới tệp dữ liệu", err, EnvPath)
		}
		path = filepath.Join(dir, "HosoKhuyenCong", "hoso.db")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("không tạo được thư mục dữ liệu %s: %w", filepath.Dir(path), err)
	}
	return path, nil
}
