package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"khuyencong/forms"
)

// A folder that cannot be made keeps its cause under the Vietnamese message.
func TestFolderErrorKeepsItsCause(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tep")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.TradeFair)
	_, err := Write(context.Background(), app, forms.Check(app, forms.DefaultPacks()), filepath.Join(file, "ho-so"), Options{Now: fixedNow}, nil)
	if !errors.Is(err, syscall.ENOTDIR) || !strings.Contains(err.Error(), "không tạo được thư mục") {
		t.Errorf("%v (cause lost or message changed)", err)
	}
}
