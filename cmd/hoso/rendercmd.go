package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/templates"
	"khuyencong/templates/export"
)

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "render TỆP.hoso.json ... -o THƯ_MỤC [--draft|--blank]",
		"  hoso render maymoc.hoso.json -o ra/\n  hoso render --draft *.hoso.json -o ra/\n\nBản chính thức bị từ chối khi hồ sơ còn lỗi chặn nộp; dùng --draft để in bản nháp có chữ BẢN NHÁP.", stderr)
	outDir := fs.String("o", ".", "thư mục ghi tệp PDF và Excel")
	draft := fs.Bool("draft", false, "bản nháp (có dấu BẢN NHÁP trên mọi trang)")
	blank := fs.Bool("blank", false, "mẫu trống để điền tay")
	noXLSX := fs.Bool("no-xlsx", false, "không xuất bảng dự toán Excel")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	font := fs.String("font", os.Getenv("HOSO_FONT"), "tệp phông TrueType dùng cho PDF (mặc định: Times New Roman của hệ thống hoặc tương đương)")
	style := fs.String("style", "", "kiểu đọc số tiền bằng chữ: linh|le, nghin|ngan, bon|tu")
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
	ws, err := forms.ParseWordStyle(*style)
	if err != nil {
		fmt.Fprintln(stderr, "hoso render:", err)
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
		baseDir := "."
		if path != "-" {
			baseDir = filepath.Dir(path)
		}
		res, err := export.Write(context.Background(), app, rep, *outDir, export.Options{
			Variant: templates.Variant(variant), WordStyle: ws, FontPath: *font, AppVersion: assets.Version(),
			BaseDir: baseDir, SkipXLSX: *noXLSX, AttachmentsInsideBaseDir: true}, nil)
		if err != nil {
			fmt.Fprintf(stderr, "hoso render: %s: %v\n", displayName(path), err)
			exit = 1
			continue
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "hoso render: cảnh báo: %s\n", w)
		}
		fmt.Fprintln(stdout, res.PDFPath)
		if res.XLSXPath != "" {
			fmt.Fprintln(stdout, res.XLSXPath)
		}
	}
	return exit
}

func runDBCommand(args []string, stdout, stderr io.Writer) int {
	return runDB(args, stdout, stderr)
}
