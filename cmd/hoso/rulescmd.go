package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
)

// defaultRulesDir is where imported rule packs live: HOSO_RULES, else "rules" beside the data file.
func defaultRulesDir() string {
	if d := os.Getenv("HOSO_RULES"); d != "" {
		return d
	}
	if db := os.Getenv("HOSO_DB"); db != "" {
		return filepath.Join(filepath.Dir(db), "rules")
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "HosoKhuyenCong", "rules")
}

func loadPacks(dir string, stderr io.Writer) []*forms.RulePack {
	packs, errs := forms.LoadPacks(dir)
	for _, err := range errs {
		fmt.Fprintf(stderr, "hoso: bỏ qua gói quy định %v\n", err)
	}
	return packs
}

func runRules(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stdout, `Cách dùng: hoso rules list|show|export|import [--rules THƯ_MỤC]

  list                 liệt kê các gói quy định (có sẵn và đã nhập)
  show MÃ              in mức hỗ trợ, mức trần, tiêu chí và căn cứ pháp lý của gói
  export MÃ -o TỆP     xuất gói ra tệp JSON để sửa
  import TỆP.json      kiểm tra và nhập gói đã sửa (ví dụ gói của tỉnh: id "local-79")
    --override         cho phép gói nhập vào thay gói có sẵn (national, local); mọi dự toán sẽ ghi rõ

Ví dụ:
  hoso rules export national -o tinh79.json
  hoso rules import tinh79.json`)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	sub, rest := args[0], args[1:]
	fs := newFlags("rules "+sub, "rules "+sub, "", stderr)
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	out := fs.String("o", "", "tệp ra (export)")
	override := fs.Bool("override", false, "cho phép gói nhập vào thay gói có sẵn (cùng mã, nguồn quốc gia, hoặc gói địa phương mặc định); mọi dự toán tính theo gói này sẽ ghi rõ điều đó")
	pos, code := parseFlags(fs, rest)
	if code >= 0 {
		return code
	}
	packs := loadPacks(*rulesDir, stderr)
	find := func(key string) *forms.RulePack {
		var found *forms.RulePack
		for _, p := range packs {
			if p.Key() == key || p.ID == key {
				found = p
			}
		}
		return found
	}
	switch sub {
	case "list":
		for _, p := range packs {
			flag := ""
			if p.HasUnverified() {
				flag = "  [có giá trị chưa xác minh]"
			}
			to := "nay"
			if !p.EffectiveTo.IsZero() {
				to = p.EffectiveTo.String()
			}
			fmt.Fprintf(stdout, "%-22s %-9s từ %s đến %s  %s%s\n", p.Key(), p.Fund, p.EffectiveFrom, to, p.Title, flag)
		}
		return 0
	case "show":
		if len(pos) != 1 {
			fmt.Fprintln(stderr, "hoso rules show: cần mã gói, ví dụ: hoso rules show national")
			return 2
		}
		p := find(pos[0])
		if p == nil {
			fmt.Fprintf(stderr, "hoso rules show: không có gói %q; xem \"hoso rules list\"\n", pos[0])
			return 1
		}
		showPack(stdout, p)
		return 0
	case "export":
		if len(pos) != 1 || *out == "" {
			fmt.Fprintln(stderr, "hoso rules export: cần mã gói và -o TỆP, ví dụ: hoso rules export national -o goi.json")
			return 2
		}
		p := find(pos[0])
		if p == nil {
			fmt.Fprintf(stderr, "hoso rules export: không có gói %q\n", pos[0])
			return 1
		}
		data, err := forms.MarshalPack(p)
		if err == nil {
			err = writeFileAtomic(*out, data)
		}
		if err != nil {
			fmt.Fprintln(stderr, "hoso rules export:", forms.UserError(err))
			return 1
		}
		fmt.Fprintf(stdout, "Đã xuất gói %s ra %s\n", p.Key(), *out)
		return 0
	case "import":
		if len(pos) == 0 {
			fmt.Fprintln(stderr, "hoso rules import: cần tệp gói quy định .json")
			return 2
		}
		if *rulesDir == "" {
			fmt.Fprintln(stderr, "hoso rules import: không xác định được thư mục gói quy định; dùng --rules THƯ_MỤC")
			return 2
		}
		exit := 0
		for _, f := range pos {
			data, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintf(stderr, "hoso rules import: %s: %s\n", f, forms.UserError(err))
				exit = 1
				continue
			}
			p, err := forms.ParsePack(data)
			if err == nil {
				err = forms.CheckImport(p, *override)
			}
			if err == nil && p.Override {
				data, err = forms.MarshalPack(p) // the file records the override
			}
			if err != nil {
				fmt.Fprintf(stderr, "hoso rules import: %s: %s\n", f, forms.UserError(err))
				exit = 1
				continue
			}
			if err := os.MkdirAll(*rulesDir, 0o755); err != nil {
				fmt.Fprintln(stderr, "hoso rules import:", forms.UserError(err))
				return 1
			}
			name := safeFileName(p.ID+"@"+p.Version) + ".json"
			if err := writeFileAtomic(filepath.Join(*rulesDir, name), data); err != nil {
				fmt.Fprintln(stderr, "hoso rules import:", forms.UserError(err))
				exit = 1
				continue
			}
			fmt.Fprintf(stdout, "Đã nhập gói %s (%s) vào %s\n", p.Key(), p.Title, *rulesDir)
			if p.Override {
				fmt.Fprintf(stdout, "Lưu ý: %s; mọi dự toán tính theo gói này sẽ ghi rõ điều đó.\n", forms.ReplacesShipped(p))
			}
		}
		return exit
	}
	fmt.Fprintf(stderr, "hoso rules: lệnh con %q không tồn tại (list, show, export, import)\n", sub)
	return 2
}

func showPack(w io.Writer, p *forms.RulePack) {
	fmt.Fprintf(w, "%s – %s\nNguồn: %s", p.Key(), p.Title, p.Fund)
	if p.Province != "" {
		fmt.Fprintf(w, " (tỉnh %s)", p.Province)
	}
	fmt.Fprintf(w, "\nHiệu lực từ: %s\nCăn cứ: %s\n", p.EffectiveFrom, p.Citation)
	if p.Notes != "" {
		fmt.Fprintf(w, "Ghi chú: %s\n", p.Notes)
	}
	flag := func(u bool) string {
		if u {
			return " [CHƯA XÁC MINH]"
		}
		return ""
	}
	for _, prog := range forms.Programmes() {
		pr := p.Programmes[prog]
		if pr == nil {
			continue
		}
		def := forms.Definition(prog)
		fmt.Fprintf(w, "\n== %s ==\n", prog.Label())
		for _, sc := range def.Scopes {
			sr := pr.Scopes[sc.Value]
			if sr == nil {
				continue
			}
			fmt.Fprintf(w, "  %s:\n", sc.Label)
			for _, ct := range def.CostTypes {
				r := sr.CostTypes[ct.ID]
				switch {
				case r == nil:
					fmt.Fprintf(w, "    - %s: không hỗ trợ\n", ct.Label)
				case r.Eligible:
					fmt.Fprintf(w, "    - %s: hỗ trợ %s (%s)%s\n", ct.Label, forms.PercentBP(r.RateBP), r.Citation, flag(r.Unverified))
				default:
					fmt.Fprintf(w, "    - %s: không hỗ trợ (%s)%s\n", ct.Label, r.Citation, flag(r.Unverified))
				}
			}
			for _, c := range sr.Caps {
				fmt.Fprintf(w, "    * mức trần (%s): %s đồng (%s)%s\n", c.Per, c.Amount, c.Citation, flag(c.Unverified))
			}
		}
		var ids []string
		for _, c := range pr.Criteria {
			ids = append(ids, fmt.Sprintf("%s (%s)%s", c.ID, c.Citation, flag(c.Unverified)))
		}
		sort.Strings(ids)
		fmt.Fprintf(w, "  Tiêu chí: %s\n", strings.Join(ids, "; "))
	}
}

func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == '@':
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	return b.String()
}

// writeFileAtomic writes data beside path and renames it into place (see atomicfile).
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteBytes(path, 0o644, data)
}
