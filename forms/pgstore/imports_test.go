package pgstore

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports: the PostgreSQL store depends on forms and pgx only (and the standard library).
func TestImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, "khuyencong/forms/pgstore").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, imp := range strings.Fields(string(out)) {
		ok := imp == "khuyencong/forms" || strings.HasPrefix(imp, "github.com/jackc/pgx/v5") || !strings.Contains(strings.Split(imp, "/")[0], ".") && !strings.HasPrefix(imp, "khuyencong/")
		if !ok {
			t.Errorf("forms/pgstore imports %s: it may import forms, pgx and the standard library only", imp)
		}
	}
}
