package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/templates/xlsx"
)

// runBudgetImport is `hoso budget import BẢNG.xlsx --into TỆP.hoso.json [--yes]`: it reads a budget
// sheet edited in Excel or LibreOffice, prints the changes against the dossier, and with --yes
// writes them into the dossier and prints the recomputed totals.
func runBudgetImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("budget import", "budget import BẢNG.xlsx --into TỆP.hoso.json [--yes]",
		"  hoso budget import dutoan-sua.xlsx --into maymoc.hoso.json\n  hoso budget import dutoan-sua.xlsx --into maymoc.hoso.json --yes\n\n"+
			"Không có --yes: chỉ in các thay đổi, không ghi gì. Có --yes: ghi thay đổi vào tệp hồ sơ và tính lại mức hỗ trợ.", stderr)
	into := fs.String("into", "", "tệp hồ sơ .hoso.json nhận các thay đổi (bắt buộc)")
	yes := fs.Bool("yes", false, "ghi các thay đổi vào tệp hồ sơ")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 || *into == "" {
		fs.Usage()
		return 2
	}
	if *into == "-" {
		fmt.Fprintln(stderr, "hoso budget import: --into phải là một tệp hồ sơ (không dùng đầu vào chuẩn) vì tệp sẽ được ghi lại")
		return 2
	}
	// A budget import killed while writing leaves a temporary file beside its dossier file: remove
	// those of every dossier file in the folder (older than a minute), not only of this one.
	cleanDossierTemps(filepath.Dir(*into), filepath.Base(*into))
	app, err := readDossier(*into)
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget import:", forms.UserError(err))
		return 2
	}
	imp, err := readSheet(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "hoso budget import: %s: %s\n", pos[0], forms.UserError(err))
		return 1
	}
	if err := imp.Matches(app); err != nil {
		fmt.Fprintf(stderr, "hoso budget import: %s: %s\n", pos[0], forms.UserError(err))
		return 1
	}
	if !imp.MadeAt.IsZero() && app.UpdatedAt.After(imp.MadeAt) {
		fmt.Fprintf(stdout, "Lưu ý: hồ sơ được sửa (%s) sau khi lập bảng (%s); các thay đổi dưới đây so với hồ sơ hiện tại, kể cả những dòng thêm vào hồ sơ sau khi lập bảng.\n",
			forms.DateOf(app.UpdatedAt.Local()), forms.DateOf(imp.MadeAt.Local()))
	}
	changes := xlsx.Diff(app, imp)
	if len(changes) == 0 {
		fmt.Fprintf(stdout, "Bảng %s không khác hồ sơ %s: không có gì để nhập.\n", pos[0], *into)
		return 0
	}
	fmt.Fprintf(stdout, "Bảng %s khác hồ sơ %s ở %d chỗ:\n", pos[0], *into, len(changes))
	for _, c := range changes {
		fmt.Fprintf(stdout, "  - %s\n", c)
	}

	packs := loadPacks(*rulesDir, stderr)
	pack, err := forms.PackFor(app, packs)
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget import:", forms.UserError(err))
		return 1
	}
	before, err := forms.ComputeBudget(app, pack)
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget import:", forms.UserError(err))
		return 1
	}
	xlsx.Apply(app, changes)
	if err := forms.CheckLimits(app); err != nil {
		fmt.Fprintf(stderr, "hoso budget import: %s: sau khi áp dụng thay đổi, hồ sơ có nội dung không hợp lệ (%s); hãy sửa bảng rồi nhập lại; chưa ghi gì\n", pos[0], limitText(err))
		return 2
	}
	after, err := forms.ComputeBudget(app, pack)
	if err != nil {
		fmt.Fprintf(stderr, "hoso budget import: sau khi áp dụng thay đổi, dự toán không tính được: %v; chưa ghi gì\n", err)
		return 1
	}
	if !*yes {
		fmt.Fprintf(stdout, "Chưa ghi gì vào %s. Kiểm tra các thay đổi ở trên rồi chạy lại lệnh với --yes để ghi.\n", *into)
		return 0
	}
	app.UpdatedAt = time.Now().UTC()
	data, err := forms.MarshalApplication(app)
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget import:", forms.UserError(err))
		return 1
	}
	if err := atomicfile.Write(*into, 0o644, func(w io.Writer) error { return writeDossierData(w, data) }); err != nil {
		fmt.Fprintln(stderr, "hoso budget import:", forms.UserError(err))
		return 1
	}
	fmt.Fprintf(stdout, "Đã ghi %d thay đổi vào %s. Dự toán tính lại theo %s:\n", len(changes), *into, pack.Key())
	row := func(label string, old, now forms.Money) {
		if old == now {
			fmt.Fprintf(stdout, "  %-28s %s đồng (không đổi)\n", label, now)
			return
		}
		fmt.Fprintf(stdout, "  %-28s %s đồng (trước: %s đồng)\n", label, now, old)
	}
	row("Tổng kinh phí:", before.Total, after.Total)
	row("Kinh phí khuyến công hỗ trợ:", before.Support, after.Support)
	row("Kinh phí đối ứng:", before.Counterpart, after.Counterpart)
	fmt.Fprintf(stdout, "  Bằng chữ (hỗ trợ): %s.\n", forms.AmountInWords(after.Support, forms.WordStyle{}))
	fmt.Fprintln(stdout, "Hãy xuất lại hồ sơ (hoso render) để có PDF và bảng Excel theo số liệu mới.")
	return 0
}

// writeDossierData writes the new dossier file's bytes to its temporary file (the kill campaign
// slows it down so that kills land in the middle of it).
var writeDossierData = func(w io.Writer, data []byte) error {
	_, err := w.Write(data)
	return err
}

// cleanDossierTemps removes the temporary files that killed writes left in dir for dossier files
// (*.hoso.json) and for the file named into.
func cleanDossierTemps(dir, into string) {
	atomicfile.CleanStaleMatching(dir, func(name string) bool {
		return name == into || strings.HasSuffix(strings.ToLower(name), ".hoso.json")
	})
}

// readSheet reads an edited budget sheet from a file.
func readSheet(path string) (*xlsx.Imported, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("không tìm thấy tệp")
		}
		return nil, fmt.Errorf("không mở được tệp: %w", err)
	}
	defer f.Close()
	return xlsx.Read(f)
}

// limitText says which answer a limit refused and why, without the "tệp hồ sơ không đọc được"
// prefix of a file error (nothing was read from a file).
func limitText(err error) string {
	var fe *forms.FileError
	if errors.As(err, &fe) && fe.Path != "" {
		return "trường " + fe.Path + ": " + fe.Msg
	}
	return err.Error()
}
