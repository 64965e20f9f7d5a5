package forms

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportDirection makes the architecture's table of imports (docs/architecture.md, and
// shared/docs/architecture.md) executable as an allow-list: each package may import the standard
// library and what its row lists, nothing else; a new package needs a row. Some rows also forbid a
// module anywhere among the package's dependencies (so that hoso builds without Fyne).
func TestImportDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const (
		fyne   = "fyne.io/fyne/v2"
		bbolt  = "go.etcd.io/bbolt"
		gofpdf = "github.com/jung-kurt/gofpdf"
		xlsx   = "github.com/xuri/excelize/v2"
	)
	type rule struct {
		allow  []string          // direct imports besides the standard library
		never  map[string]string // modules forbidden anywhere among the dependencies, with the reason
		anyway bool              // cmd/*: wiring, may import anything
	}
	headless := map[string]string{fyne: "it must build and run without Fyne, cgo or a display"}
	rules := map[string]rule{
		"khuyencong/forms": {allow: []string{"golang.org/x/text"},
			never: map[string]string{fyne: "the domain is the centre", bbolt: "storage is an adapter", gofpdf: "PDF is a renderer", xlsx: "Excel is a renderer"}},
		"khuyencong/forms/atomicfile":     {never: headless},
		"khuyencong/forms/boltstore":      {allow: []string{"khuyencong/forms", "khuyencong/forms/atomicfile", bbolt, "golang.org/x/text"}, never: headless},
		"khuyencong/forms/handoff":        {allow: []string{"khuyencong/forms", "khuyencong/forms/atomicfile"}, never: map[string]string{fyne: "packages are made and read headless", bbolt: "handoff works on a forms.Store"}},
		"khuyencong/forms/pgstore":        {allow: []string{"khuyencong/forms", "khuyencong/forms/atomicfile", "github.com/jackc/pgx"}, never: map[string]string{fyne: "the store runs headless", bbolt: "one store, one database"}},
		"khuyencong/forms/storetest":      {allow: []string{"khuyencong/forms"}, never: headless},
		"khuyencong/forms/pgstore/pgtest": {allow: []string{"github.com/jackc/pgx", "khuyencong/forms/peertest"}, never: headless},
		"khuyencong/forms/peertest":       {never: headless},
		"khuyencong/forms/childtest":      {never: headless},
		"khuyencong/forms/library":        {allow: []string{"khuyencong/forms", "khuyencong/forms/atomicfile", "khuyencong/forms/boltstore", "khuyencong/forms/pgstore", "github.com/jackc/pgx"}, never: map[string]string{fyne: "hoso opens libraries without Fyne"}},
		"khuyencong/templates/readback":   {allow: []string{"khuyencong/forms", "khuyencong/templates", "khuyencong/templates/pdf"}, never: headless},
		"khuyencong/ui/nativedialog":      {allow: []string{"golang.org/x/sys"}, never: map[string]string{bbolt: "dialogs know no store"}},
		"khuyencong/ui/wintyping":         {allow: []string{fyne, "golang.org/x/sys"}, never: map[string]string{bbolt: "typing knows no store"}},
		"khuyencong/templates":            {allow: []string{"khuyencong/forms", "golang.org/x/text"}, never: headless},
		"khuyencong/templates/pdf": {allow: []string{"khuyencong/forms", "khuyencong/templates", "khuyencong/assets", gofpdf, "github.com/phpdave11/gofpdi", "golang.org/x/image", "github.com/go-fonts/liberation"},
			never: map[string]string{fyne: "the fallback font comes from a font module, so hoso builds without Fyne"}},
		"khuyencong/templates/xlsx":   {allow: []string{"khuyencong/forms", "khuyencong/templates", "khuyencong/assets", xlsx}, never: headless},
		"khuyencong/templates/docx":   {allow: []string{"khuyencong/forms", "khuyencong/templates", "khuyencong/assets"}, never: headless},
		"khuyencong/templates/export": {allow: []string{"khuyencong/forms", "khuyencong/forms/atomicfile", "khuyencong/templates", "khuyencong/templates/pdf", "khuyencong/templates/xlsx", "khuyencong/templates/docx"}, never: map[string]string{fyne: "hoso render uses it without a display", bbolt: "documents are built from an Application"}},
		"khuyencong/ui": {allow: []string{fyne, "khuyencong/forms", "khuyencong/forms/atomicfile", "khuyencong/templates", "khuyencong/assets", "khuyencong/ui/nativedialog", "golang.org/x/text"},
			never: map[string]string{bbolt: "the interface is handed a forms.Store", gofpdf: "the interface is handed an exporter", xlsx: "the interface is handed an exporter"}},
		"khuyencong/assets":          {never: headless},
		"khuyencong/cmd/hoso":        {anyway: true, never: map[string]string{fyne: "hoso builds and runs without Fyne, cgo or a display", "github.com/go-gl": "hoso builds without cgo", "khuyencong/ui": "hoso has no interface"}},
		"khuyencong/cmd/khuyencong":  {anyway: true},
		"khuyencong/cmd/benchreport": {anyway: true},
		"khuyencong/cmd/checkdist":   {anyway: true},
	}
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \",\"}}", "khuyencong/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	std := standardPackages(t)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, "|")
		t.Run(pkg, func(t *testing.T) {
			r, ok := rules[pkg]
			if !ok && strings.HasPrefix(pkg, "khuyencong/cmd/") {
				r, ok = rule{anyway: true}, true
			}
			if !ok {
				t.Fatalf("%s has no row in the import allow-list (forms/arch_test.go, docs/architecture.md): say what it may import", pkg)
			}
			if !r.anyway {
				for _, imp := range strings.Split(imports, ",") {
					if imp == "" || std[imp] {
						continue
					}
					if !allowed(imp, r.allow) {
						t.Errorf("%s imports %s, which its row does not allow (%v)", pkg, imp, r.allow)
					}
				}
			}
			if len(r.never) == 0 {
				return
			}
			deps, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list -deps: %v\n%s", err, deps)
			}
			for _, dep := range strings.Fields(string(deps)) {
				for bad, why := range r.never {
					if under(dep, bad) {
						t.Errorf("%s depends on %s: %s", pkg, dep, why)
					}
				}
			}
		})
	}
}

// under reports whether the import path p is pkg or inside it.
func under(p, pkg string) bool { return p == pkg || strings.HasPrefix(p, pkg+"/") }

// allowed reports whether the import p is in the allow-list: a project package by its exact path,
// a module with its packages.
func allowed(p string, allow []string) bool {
	for _, a := range allow {
		if p == a || (!strings.HasPrefix(a, "khuyencong/") && under(p, a)) {
			return true
		}
	}
	return false
}

func standardPackages(t *testing.T) map[string]bool {
	out, err := exec.Command("go", "list", "std").CombinedOutput()
	if err != nil {
		t.Fatalf("go list std: %v\n%s", err, out)
	}
	std := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		std[p] = true
	}
	return std
}
