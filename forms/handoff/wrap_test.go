package handoff

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
)

// The cause of a failure stays reachable (errors.Is/As) under the Vietnamese message: a missing
// file is fs.ErrNotExist, a manifest refusal is ErrRefused and carries its *forms.FileError.
func TestErrorsKeepTheirCause(t *testing.T) {
	s := library(t)
	for _, name := range []string{"khong-co.zip", "khong-co.hoso.json"} {
		_, _, err := ImportInto(s, filepath.Join(t.TempDir(), name), forms.ImportAsk, fixedNow)
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "không mở được tệp") {
			t.Errorf("%s: %v (cause lost or message changed)", name, err)
		}
	}
}
