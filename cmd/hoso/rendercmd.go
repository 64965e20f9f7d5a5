package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/templates"
	"khuyencong/templates/export"
	"khuyencong/templates/readback"
)

// verifyPDF reads the PDF back and says whether the letter, the đề án and the budget table state
// the applicant and the money as computed.
func verifyPDF(res export.Result, app *forms.Application, rep *forms.Report, ws forms.WordStyle, stderr io.Writer) bool {
	ms, err := readback.Verify(context.Background(), res.PDFPath, res.Documents, app, rep.Budget, ws)
	if err != nil {
		fmt.Fprintf(stderr, "hoso render: không đọc lại được %s: %v\n", res.PDFPath, err)
		return false
	}
	for _, m := range ms {
		fmt.Fprintf(stderr, "hoso render: %s: PDF không khớp số liệu – %s\n", res.PDFPath, m)
	}
	if len(ms) == 0 {
		fmt.Fprintf(stderr, "hoso render: đã đọc lại %s: tên, mã số thuế, tổng kinh phí, hỗ trợ, đối ứng và số tiền bằng chữ khớp trong công văn, đề án và bảng dự toán\n", res.PDFPath)
	}
	return len(ms) == 0
}

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", "render TỆP.hoso.json ... -o THƯ_MỤC [--draft|--blank] [--docx]",
		"  hoso render maymoc.hoso.json -o ra/\n  hoso render --docx maymoc.hoso.json -o ra/\n  hoso render --draft *.hoso.json -o ra/\n\nBản chính thức bị từ chối khi hồ sơ còn lỗi chặn nộp; dùng --draft để in bản nháp có chữ BẢN NHÁP.", stderr)
	outDir := fs.String("o", ".", "thư mục ghi tệp PDF và Excel")
	draft := fs.Bool("draft", false, "bản nháp (có dấu BẢN NHÁP trên mọi trang)")
	blank := fs.Bool("blank", false, "mẫu trống để điền tay")
	noXLSX := fs.Bool("no-xlsx", false, "không xuất bảng dự toán Excel")
	withDOCX := fs.Bool("docx", false, "xuất thêm tệp Word (.docx) để chỉnh sửa, cạnh tệp PDF")
	dossierPages := fs.Bool("dossier-pages", false, "in số trang toàn hồ sơ (\"Hồ sơ: trang 2/11\") ở lề trên mỗi trang; mặc định tắt theo Nghị định 30/2020")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	font := fs.String("font", os.Getenv("HOSO_FONT"), "tệp phông TrueType dùng cho PDF (mặc định: Times New Roman của hệ thống hoặc tương đương)")
	style := fs.String("style", "", "kiểu đọc số tiền bằng chữ: linh|le, nghin|ngan, bon|tu")
	verify := fs.Bool("verify", false, "đọc lại PDF vừa tạo (cần pdftotext) và đối chiếu tên, mã số thuế, tổng kinh phí, hỗ trợ, đối ứng và số tiền bằng chữ")
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
		fmt.Fprintln(stderr, "hoso render:", forms.UserError(err))
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
		fmt.Fprintf(stderr, "hoso render: không tạo được thư mục %s: %s\n", *outDir, forms.UserError(err))
		return 1
	}
	packs := loadPacks(*rulesDir, stderr)
	exit := 0
	fontSaid := false
	for _, path := range pos {
		app, err := readDossier(path)
		if err != nil {
			fmt.Fprintln(stderr, "hoso render:", forms.UserError(err))
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
			BaseDir: baseDir, SkipXLSX: *noXLSX, DOCX: *withDOCX, DossierPages: *dossierPages,
			AttachmentsInsideBaseDir: true}, nil)
		if err != nil {
			fmt.Fprintf(stderr, "hoso render: %s: %s\n", displayName(path), forms.UserError(err))
			exit = 1
			continue
		}
		if !fontSaid && res.Font != "" {
			fmt.Fprintln(stderr, "hoso render: "+fontNote(res.Font, *font))
			fontSaid = true
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "hoso render: cảnh báo: %s\n", w)
		}
		fmt.Fprintln(stdout, res.PDFPath)
		if res.XLSXPath != "" {
			fmt.Fprintln(stdout, res.XLSXPath)
		}
		if res.DOCXPath != "" {
			fmt.Fprintln(stdout, res.DOCXPath)
		}
		if *verify && variant != "blank" && rep.Budget != nil {
			if !verifyPDF(res, app, rep, ws, stderr) {
				exit = 1
			}
		}
	}
	return exit
}

func runDBCommand(args []string, stdout, stderr io.Writer) int {
	return runDB(args, stdout, stderr)
}

// fontNote says which font the PDF used and, when it is not Times New Roman (the font of
// administrative documents, ND 30/2020), that it was not found and how to choose one.
func fontNote(name, picked string) string {
	note := "phông chữ PDF: " + name
	switch {
	case strings.HasPrefix(name, "Times New Roman"):
		return note
	case picked != "":
		return note + " (theo --font/HOSO_FONT)"
	case strings.Contains(name, "Liberation Serif") || strings.Contains(name, "Tinos"):
		return note + " (không tìm thấy Times New Roman trên máy; phông này cùng cỡ chữ với Times New Roman; chọn phông khác bằng --font TỆP.ttf)"
	default:
		return note + " (không tìm thấy Times New Roman trên máy; đây là phông không chân, khác mẫu văn bản hành chính: cài Times New Roman hoặc chỉ phông bằng --font TỆP.ttf)"
	}
}
