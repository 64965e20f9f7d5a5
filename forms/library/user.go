package library

import (
	"os"
	"os/user"
)

// EnvUser names who saves from this computer (recorded with every save and revision).
const EnvUser = "HOSO_USER"

// DefaultUser is who saves from this computer when nothing else names them: $HOSO_USER, else the
// account's full name, else its login ("" when none is known).
func DefaultUser() string {
	if n := os.Getenv(EnvUser); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}
