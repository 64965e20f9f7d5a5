package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"khuyencong/forms"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "render TỆP.hoso.json ... -o THƯ_MỤC [--draft|--blank]",
		"  hoso render maymoc.hoso.json -o ra/\n  hoso render --draft *.hoso.json -o ra/\n\nBản chính thức bị từ chối khi hồ sơ còn lỗi chặn nộp; dùng --draft để in bản nháp có chữ BẢN NHÁP.", stderr)
	outDir := fs.String("o", ".", "thư mục ghi tệp PDF và Excel")
	draft := fs.Bool("draft", false, "bản nháp (có dấu BẢN NHÁP trên mọi trang)")
	blank := fs.Bool("blank", false, "mẫu trống để điền tay")
	noXLSX := fs.Bool("no-xlsx", false, "không xuất bảng dự toán Excel")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	if *draft && *blank {
		fmt.Fprintln(stderr, "hoso render: chọn một trong --draft hoặc --blank")
		return 2
	}
	variant := "final"
	switch {
	case *draft:
		variant = "draft"
	case *blank:
		variant = "blank"
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		fmt.Fprintf(stderr, "hoso render: không tạo được thư mục %s: %v\n", *outDir, err)
		return 1
	}
	packs := loadPacks(*rulesDir, stderr)
	exit := 0
	for _, path := range pos {
		app, err := readDossier(path)
		if err != nil {
			fmt.Fprintln(stderr, "hoso render:", err)
			exit = 2
			continue
		}
		rep := forms.Check(app, packs)
		if variant == "final" && rep.Blocking() {
			fmt.Fprintf(stderr, "hoso render: %s còn lỗi chặn nộp, không xuất bản chính thức (dùng --draft để in bản nháp):\n", displayName(path))
			for _, p := range rep.Problems {
				if p.Severity == forms.SeverityError {
					fmt.Fprintf(stderr, "  - %s: %s\n", p.Path, p.Message)
				}
			}
			exit = 1
			continue
		}
		base := filepath.Join(*outDir, OutputBaseName(app, variant))
		warnings, err := renderPDF(app, rep, variant, base+".pdf")
		if err != nil {
			fmt.Fprintf(stderr, "hoso render: %s: %v\n", displayName(path), err)
			exit = 1
			continue
		}
		for _, w := range warnings {
			fmt.Fprintf(stderr, "hoso render: cảnh báo: %s\n", w)
		}
		fmt.Fprintln(stdout, base+".pdf")
		if !*noXLSX && variant != "blank" {
			if err := renderXLSX(app, rep, base+".xlsx"); err != nil {
				fmt.Fprintf(stderr, "hoso render: %s: %v\n", displayName(path), err)
				exit = 1
				continue
			}
			fmt.Fprintln(stdout, base+".xlsx")
		}
	}
	return exit
}

// OutputBaseName names the output files: tax code, programme and year, e.g.
// "0701234567_equipment_2027", with "_ban-nhap" or "_mau-trong" for the other variants.
func OutputBaseName(app *forms.Application, variant string) string {
	tax := strings.ReplaceAll(forms.NormaliseTaxCode(app.Enterprise.TaxCode), "-", "")
	if tax == "" {
		tax = "chua-co-mst"
	}
	name := fmt.Sprintf("%s_%s_%d", safeFileName(tax), safeFileName(string(app.Programme)), app.Year)
	switch variant {
	case "draft":
		name += "_ban-nhap"
	case "blank":
		name += "_mau-trong"
	}
	return name
}

func runDBCommand(args []string, stdout, stderr io.Writer) int {
	return runDB(args, stdout, stderr)
}
