package boltstore

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Đồng Tháp":                       "dong thap",
		"CÔNG TY TNHH ĂN UỐNG":            "cong ty tnhh an uong",
		"Hợp tác xã Ê Đê Buôn Đôn":        "hop tac xa e de buon don",
		norm.NFD.String("Nguyễn Thị Hoa"): "nguyen thi hoa",
		"0314409058-002":                  "0314409058-002",
		"Ư Ơ ư ơ ỹ Ỵ":                     "u o u o y y",
		"Straße 東京":                       "straße 東京",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
