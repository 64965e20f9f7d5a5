package library

import "testing"

func TestDefaultUserIsHosoUserFirst(t *testing.T) {
	t.Setenv(EnvUser, "Nguyễn Thị Lan")
	if got := DefaultUser(); got != "Nguyễn Thị Lan" {
		t.Errorf("DefaultUser() = %q with %s set", got, EnvUser)
	}
	t.Setenv(EnvUser, "")
	if got := DefaultUser(); got == "Nguyễn Thị Lan" {
		t.Errorf("DefaultUser() = %q with %s empty", got, EnvUser)
	}
}
