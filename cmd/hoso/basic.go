package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
)

// newFlags makes a flag set whose -h prints the command's usage and example in Vietnamese.
func newFlags(name, synopsis, example string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Cách dùng: hoso %s\n\n", synopsis)
		fs.PrintDefaults()
		if example != "" {
			fmt.Fprintf(fs.Output(), "\nVí dụ:\n%s\n", example)
		}
	}
	return fs
}

// parseFlags parses interspersed flags and arguments; it returns the positional arguments and
// an exit code (-1 to go on).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0
			}
			return nil, 2
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, -1
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// readDossier reads a dossier file, or standard input for "-".
func readDossier(path string) (*forms.Application, error) {
	var r io.Reader
	if path == "-" {
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("không tìm thấy tệp %s", path)
			}
			return nil, fmt.Errorf("không mở được tệp %s: %w", path, err)
		}
		defer f.Close()
		r = f
	}
	app, err := forms.ReadApplication(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(path), err)
	}
	return app, nil
}

func displayName(path string) string {
	if path == "-" {
		return "(đầu vào chuẩn)"
	}
	return path
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", "  hoso version", stderr)
	if _, code := parseFlags(fs, args); code >= 0 {
		return code
	}
	fmt.Fprintf(stdout, "hoso %s (định dạng hồ sơ %s)\n", assets.Version(), forms.FormatVersion)
	return 0
}

func runSample(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sample", "sample --programme equipment|cleaner-production|trade-fair | sample --portfolio N -o THƯ_MỤC",
		"  hoso sample --programme equipment > maymoc.hoso.json\n  hoso sample --programme trade-fair | hoso check -\n"+
			"  hoso sample --portfolio 11 -o hoso/    (11 hồ sơ mẫu của nhiều cơ sở, để thử hoso plan)", stderr)
	prog := fs.String("programme", "equipment", "chương trình: equipment, cleaner-production hoặc trade-fair")
	portfolio := fs.Int("portfolio", 0, "ghi N hồ sơ mẫu của N cơ sở khác nhau vào thư mục -o")
	outDir := fs.String("o", "", "thư mục ghi các hồ sơ mẫu (với --portfolio)")
	if _, code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if *portfolio != 0 {
		return writeSamplePortfolio(*portfolio, *outDir, stdout, stderr)
	}
	app := forms.Sample(forms.Programme(*prog))
	if app == nil {
		fmt.Fprintf(stderr, "hoso sample: chương trình %q không tồn tại; chọn equipment, cleaner-production hoặc trade-fair\n", *prog)
		return 2
	}
	if err := forms.EncodeApplication(stdout, app); err != nil {
		fmt.Fprintln(stderr, "hoso sample:", forms.UserError(err))
		return 1
	}
	return 0
}

func writeSamplePortfolio(n int, dir string, stdout, stderr io.Writer) int {
	if n < 1 || n > 10_000 {
		fmt.Fprintln(stderr, "hoso sample: --portfolio cần một số từ 1 đến 10000")
		return 2
	}
	if dir == "" {
		fmt.Fprintln(stderr, "hoso sample: cho thư mục ghi các hồ sơ (-o THƯ_MỤC)")
		return 2
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "hoso sample: không tạo được thư mục %s: %v\n", dir, err)
		return 1
	}
	for i, app := range forms.SamplePortfolio(n) {
		data, err := forms.MarshalApplication(app)
		if err == nil {
			path := filepath.Join(dir, fmt.Sprintf("mau-%04d-%s.hoso.json", i+1, app.Programme))
			if err = atomicfile.WriteBytes(path, 0o644, data); err == nil {
				fmt.Fprintln(stdout, path)
				continue
			}
		}
		fmt.Fprintln(stderr, "hoso sample:", err)
		return 1
	}
	return 0
}

func runWords(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("words", "words [--style linh|le,nghin|ngan,bon|tu] SỐ_TIỀN",
		"  hoso words 1005000            → Một triệu không trăm linh năm nghìn đồng\n  hoso words --style le,ngan 1.005.000", stderr)
	style := fs.String("style", "", "kiểu đọc: linh hoặc le, nghin hoặc ngan, bon hoặc tu (mặc định linh,nghin,bon)")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	ws, err := forms.ParseWordStyle(*style)
	if err != nil {
		fmt.Fprintln(stderr, "hoso words:", forms.UserError(err))
		return 2
	}
	m, err := forms.ParseMoney(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "hoso words:", forms.UserError(err))
		return 2
	}
	fmt.Fprintln(stdout, forms.AmountInWords(m, ws))
	return 0
}

// checkOutput is the machine-readable result of hoso check.
type checkOutput struct {
	File         string                  `json:"file"`
	Programme    forms.Programme         `json:"programme"`
	RulePack     string                  `json:"rule_pack,omitempty"`
	Blocking     bool                    `json:"blocking"`
	Problems     []forms.Problem         `json:"problems"`
	Eligibility  []forms.CriterionResult `json:"eligibility"`
	Completeness forms.Completeness      `json:"completeness"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [--json] [--rules THƯ_MỤC] TỆP.hoso.json ... | --portfolio THƯ_MỤC | --db TỆP_DỮ_LIỆU",
		"  hoso check maymoc.hoso.json\n  hoso sample --programme equipment | hoso check -\n  hoso check --portfolio ho-so/        (mọi hồ sơ trong thư mục, mỗi vấn đề một dòng)\n  hoso check --db thu-vien.db          (mọi hồ sơ trong thư viện)\n\nMã thoát: 0 không có lỗi chặn nộp; 1 có lỗi chặn nộp; 2 không đọc được tệp.", stderr)
	asJSON := fs.Bool("json", false, "in kết quả dạng JSON")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	portfolio := fs.String("portfolio", "", "kiểm tra mọi tệp .hoso.json trong thư mục (kể cả thư mục con)")
	library := fs.String("db", "", "kiểm tra mọi hồ sơ trong thư viện (tệp dữ liệu .db)")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if *portfolio != "" || *library != "" {
		if len(pos) > 0 || (*portfolio != "" && *library != "") {
			fs.Usage()
			return 2
		}
		return runPortfolio(*portfolio, *library, *asJSON, loadPacks(*rulesDir, stderr), stdout, stderr)
	}
	if len(pos) == 0 {
		fs.Usage()
		return 2
	}
	packs := loadPacks(*rulesDir, stderr)
	exit := 0
	var outs []checkOutput
	for _, path := range pos {
		app, err := readDossier(path)
		if err != nil {
			fmt.Fprintln(stderr, "hoso check:", forms.UserError(err))
			exit = 2
			continue
		}
		rep := forms.Check(app, packs)
		out := checkOutput{File: path, Programme: app.Programme, Blocking: rep.Blocking(), Problems: rep.Problems,
			Eligibility: rep.Eligibility, Completeness: rep.Completeness}
		if out.Problems == nil {
			out.Problems = []forms.Problem{}
		}
		if rep.Pack != nil {
			out.RulePack = rep.Pack.Key()
		}
		if rep.Blocking() && exit == 0 {
			exit = 1
		}
		if *asJSON {
			outs = append(outs, out)
			continue
		}
		printCheck(stdout, out, len(pos) > 1)
	}
	if *asJSON {
		var v any = outs
		if len(outs) == 1 {
			v = outs[0]
		}
		if err := printJSON(stdout, v); err != nil {
			fmt.Fprintln(stderr, "hoso check:", forms.UserError(err))
			return 1
		}
	}
	return exit
}

var severityLabel = map[forms.Severity]string{
	forms.SeverityError:   "LỖI",
	forms.SeverityWarning: "CẢNH BÁO",
	forms.SeverityInfo:    "GHI CHÚ",
}

func printCheck(w io.Writer, out checkOutput, withName bool) {
	prefix := ""
	if withName {
		prefix = out.File + ": "
	}
	for _, p := range out.Problems {
		line := fmt.Sprintf("%s%s\t%s\t%s\t%s", prefix, severityLabel[p.Severity], p.Code, p.Path, p.Message)
		if p.Citation != "" {
			line += " (" + p.Citation + ")"
		}
		fmt.Fprintln(w, line)
	}
	for _, c := range out.Eligibility {
		mark := map[forms.CriterionStatus]string{forms.CriterionMet: "ĐẠT", forms.CriterionFailed: "KHÔNG ĐẠT", forms.CriterionUnknown: "CHƯA RÕ"}[c.Status]
		flag := ""
		if c.Unverified {
			flag = " [căn cứ chưa xác minh]"
		}
		fmt.Fprintf(w, "%sĐIỀU KIỆN\t%s\t%s: %s (%s)%s\n", prefix, mark, c.Label, c.Reason, c.Citation, flag)
	}
	fmt.Fprintf(w, "%sHOÀN THÀNH\t%d%%\t%d/%d mục", prefix, out.Completeness.Percent, out.Completeness.Done, out.Completeness.Total)
	if n := len(out.Completeness.Missing); n > 0 {
		var names []string
		for _, m := range out.Completeness.Missing {
			names = append(names, m.Label)
		}
		fmt.Fprintf(w, "; còn thiếu: %s", strings.Join(names, "; "))
	}
	fmt.Fprintln(w)
	if out.Blocking {
		fmt.Fprintf(w, "%sKẾT LUẬN\tCHƯA NỘP ĐƯỢC\tcòn lỗi cần sửa (chỉ in được bản nháp)\n", prefix)
	} else {
		fmt.Fprintf(w, "%sKẾT LUẬN\tĐỦ ĐIỀU KIỆN NỘP\tkhông còn lỗi chặn nộp\n", prefix)
	}
}
