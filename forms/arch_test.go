package forms

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportDirection makes the architecture's table of imports executable: each layer lists what
// it must never depend on, with the reason.
func TestImportDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	layers := []struct {
		pkg       string
		forbidden map[string]string
	}{
		{"khuyencong/forms", map[string]string{
			"fyne.io/fyne/v2":             "the domain must not depend on the interface",
			"go.etcd.io/bbolt":            "storage is an adapter (forms/boltstore), not the domain",
			"github.com/jung-kurt/gofpdf": "PDF is a renderer (templates/pdf)",
			"github.com/xuri/excelize":    "Excel is a renderer (templates/xlsx)",
			"khuyencong/":                 "forms is the centre: it imports no other project package",
		}},
		{"khuyencong/forms/boltstore", map[string]string{
			"fyne.io/fyne/v2":      "the store must run headless (hoso db)",
			"khuyencong/templates": "storage knows nothing of documents",
			"khuyencong/ui":        "storage knows nothing of the interface",
		}},
		{"khuyencong/forms/handoff", map[string]string{
			"fyne.io/fyne/v2":      "packages are made and read headless",
			"go.etcd.io/bbolt":     "handoff works on a forms.Store, not on bbolt",
			"khuyencong/templates": "a package carries data and files, not documents",
		}},
		{"khuyencong/templates/export", map[string]string{
			"fyne.io/fyne/v2/app": "hoso render uses it without cgo or a display",
			"go.etcd.io/bbolt":    "documents are built from an Application, not from storage",
			"khuyencong/ui":       "the interface calls the exporter, not the other way round",
		}},
		{"khuyencong/templates", map[string]string{
			"fyne.io/fyne/v2":             "the document model is headless",
			"go.etcd.io/bbolt":            "documents are built from an Application, not from storage",
			"github.com/jung-kurt/gofpdf": "the model has no PDF types",
			"github.com/xuri/excelize":    "the model has no Excel types",
		}},
		{"khuyencong/templates/pdf", map[string]string{
			"go.etcd.io/bbolt":         "renderers print what they are given",
			"khuyencong/ui":            "renderers are headless",
			"github.com/xuri/excelize": "one renderer, one library",
			"fyne.io/fyne/v2/app":      "only the theme's font bytes may come from Fyne",
			"github.com/go-gl":         "the renderer must build without cgo",
		}},
		{"khuyencong/templates/xlsx", map[string]string{
			"fyne.io/fyne/v2":             "renderers are headless",
			"go.etcd.io/bbolt":            "renderers print what they are given",
			"github.com/jung-kurt/gofpdf": "one renderer, one library",
		}},
		{"khuyencong/ui", map[string]string{
			"go.etcd.io/bbolt":            "the interface is handed a forms.Store",
			"github.com/jung-kurt/gofpdf": "the interface is handed an exporter",
			"github.com/xuri/excelize":    "the interface is handed an exporter",
		}},
		{"khuyencong/cmd/hoso", map[string]string{
			"fyne.io/fyne/v2/app": "hoso builds and runs without cgo or a display",
			"github.com/go-gl":    "hoso builds and runs without cgo or a display",
		}},
	}
	for _, l := range layers {
		t.Run(l.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", l.pkg).CombinedOutput()
			if err != nil {
				if strings.Contains(string(out), "cannot find") || strings.Contains(string(out), "no Go files") {
					t.Skipf("%s does not exist yet", l.pkg)
				}
				t.Fatalf("go list: %v\n%s", err, out)
			}
			for _, dep := range strings.Fields(string(out)) {
				if dep == l.pkg {
					continue
				}
				for bad, why := range l.forbidden {
					if strings.HasPrefix(dep, bad) {
						t.Errorf("%s imports %s: %s", l.pkg, dep, why)
					}
				}
			}
		})
	}
}
