package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/templates"
	"khuyencong/templates/export"
)

// planJSON is what `hoso plan --json` prints (documented in docs/plan.md).
type planJSON struct {
	Year        int                   `json:"year"`
	Province    string                `json:"province,omitempty"`
	Fund        forms.FundKind        `json:"fund,omitempty"`
	Dossiers    int                   `json:"dossiers"`
	Total       forms.Money           `json:"total"`
	Support     forms.Money           `json:"support"`
	Counterpart forms.Money           `json:"counterpart"`
	Groups      []planGroupJSON       `json:"groups"`
	Items       []planItemJSON        `json:"items"`
	Excluded    []forms.PlanExcluded  `json:"excluded"`
	Duplicates  []forms.PlanDuplicate `json:"duplicates"`
	Ceiling     forms.Money           `json:"ceiling,omitempty"`
	OverBy      forms.Money           `json:"over_by,omitempty"`
	Files       []string              `json:"files,omitempty"`
}

type planGroupJSON struct {
	Group       string      `json:"group"`
	Label       string      `json:"label"`
	Dossiers    int         `json:"dossiers"`
	Total       forms.Money `json:"total"`
	Support     forms.Money `json:"support"`
	Counterpart forms.Money `json:"counterpart"`
}

type planItemJSON struct {
	ID          string                `json:"id"`
	Title       string                `json:"title"`
	Applicant   string                `json:"applicant"`
	Programme   forms.Programme       `json:"programme"`
	Group       string                `json:"group"`
	Total       forms.Money           `json:"total"`
	Support     forms.Money           `json:"support"`
	Counterpart forms.Money           `json:"counterpart"`
	Priority    string                `json:"priority"`
	Reasons     []forms.PriorityMatch `json:"priority_reasons"`
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", "plan --year NĂM [--province MÃ] [--fund local|national] (--db THƯ_VIỆN | TỆP.hoso.json ...) -o THƯ_MỤC [--json]",
		"  hoso plan --year 2027 --province 79 --fund local --db ~/.config/HosoKhuyenCong/hoso.db -o kehoach/\n"+
			"  hoso plan --year 2027 --json hoso/*.hoso.json\n\n"+
			"Lập biểu tổng hợp đề án khuyến công của tỉnh từ các hồ sơ: tổng theo nhóm nội dung và toàn bộ, mức ưu tiên;\n"+
			"hồ sơ còn lỗi chặn nộp được liệt kê riêng, không cộng vào kế hoạch.", stderr)
	year := fs.Int("year", 0, "năm kế hoạch (bắt buộc)")
	province := fs.String("province", "", "mã tỉnh, thành phố nhận hồ sơ (34 đơn vị từ 1/7/2025), ví dụ 79")
	fund := fs.String("fund", "", "nguồn kinh phí: local (địa phương) hoặc national (quốc gia); trống: cả hai")
	db := fs.String("db", "", "thư viện khách hàng (tệp .db) thay cho danh sách tệp hồ sơ")
	outDir := fs.String("o", "", "thư mục ghi biểu tổng hợp PDF và Excel")
	asJSON := fs.Bool("json", false, "in kết quả dạng JSON")
	ceiling := fs.String("ceiling", "", "kinh phí khuyến công được giao (đồng), để biết phải cắt giảm bao nhiêu")
	draft := fs.Bool("draft", false, "bản nháp: thêm trang ghi chú cho người lập (hồ sơ bị loại, trùng, vượt mức)")
	signer := fs.String("signer", "", "họ tên người ký")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
	font := fs.String("font", os.Getenv("HOSO_FONT"), "tệp phông TrueType dùng cho PDF")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if *year < 2000 || *year > 2200 {
		fmt.Fprintln(stderr, "hoso plan: hãy cho năm kế hoạch, ví dụ --year 2027")
		return 2
	}
	opts := forms.PlanOptions{Year: *year, Province: *province, Fund: forms.FundKind(*fund)}
	if *province != "" {
		if _, ok := forms.ProvinceByCode(*province); !ok {
			fmt.Fprintf(stderr, "hoso plan: mã tỉnh %q không thuộc 34 tỉnh, thành phố (ví dụ 79 là Thành phố Hồ Chí Minh)\n", *province)
			return 2
		}
	}
	switch opts.Fund {
	case "", forms.FundLocal, forms.FundNational:
	default:
		fmt.Fprintf(stderr, "hoso plan: --fund phải là local hoặc national, không phải %q\n", *fund)
		return 2
	}
	if *ceiling != "" {
		m, err := forms.ParseMoney(*ceiling)
		if err != nil {
			fmt.Fprintf(stderr, "hoso plan: --ceiling: %v\n", err)
			return 2
		}
		opts.Ceiling = m
	}
	if (*db == "") == (len(pos) == 0) {
		fmt.Fprintln(stderr, "hoso plan: cho các tệp hồ sơ hoặc --db THƯ_VIỆN (một trong hai)")
		return 2
	}
	if *outDir == "" && !*asJSON {
		fmt.Fprintln(stderr, "hoso plan: cho thư mục ghi kết quả (-o THƯ_MỤC) hoặc --json")
		return 2
	}
	opts.Packs = loadPacks(*rulesDir, stderr)

	var inputs []forms.PlanInput
	if *db != "" {
		in, ok := planFromLibrary(*db, opts, stderr)
		if !ok {
			return 1
		}
		inputs = in
	} else {
		for _, path := range pos {
			app, err := readDossier(path)
			if err != nil {
				fmt.Fprintln(stderr, "hoso plan:", err)
				return 2
			}
			inputs = append(inputs, forms.PlanInput{Source: path, App: app})
		}
	}
	plan, err := forms.BuildPlan(inputs, opts)
	if err != nil {
		fmt.Fprintln(stderr, "hoso plan:", err)
		return 1
	}
	var files []string
	if *outDir != "" {
		files, err = writePlanFiles(plan, *outDir, *draft, *signer, *font)
		if err != nil {
			fmt.Fprintln(stderr, "hoso plan:", err)
			return 1
		}
	}
	if *asJSON {
		if err := printJSON(stdout, planOutput(plan, files)); err != nil {
			return 1
		}
	} else {
		printPlan(stdout, plan)
		for _, f := range files {
			fmt.Fprintln(stdout, f)
		}
	}
	for _, n := range templates.PlanNotes(plan) {
		fmt.Fprintln(stderr, "hoso plan: cần xử lý:", n)
	}
	return 0
}

// planFromLibrary reads the dossiers of the library that belong to the plan.
func planFromLibrary(path string, opts forms.PlanOptions, stderr io.Writer) ([]forms.PlanInput, bool) {
	s, ok := openDB("plan", path, stderr)
	if !ok {
		return nil, false
	}
	defer s.Close()
	sums, err := s.Applications(forms.Query{Year: opts.Year})
	if err != nil {
		fmt.Fprintln(stderr, "hoso plan:", err)
		return nil, false
	}
	var out []forms.PlanInput
	for _, sum := range sums {
		app, err := s.Application(sum.ID)
		if err != nil {
			fmt.Fprintf(stderr, "hoso plan: hồ sơ %s: %v\n", sum.ID, err)
			return nil, false
		}
		if opts.InPlan(app) {
			out = append(out, forms.PlanInput{Source: sum.ID, App: app})
		}
	}
	return out, true
}

// writePlanFiles writes the plan's PDF and workbook.
func writePlanFiles(plan *forms.Plan, dir string, draft bool, signer, font string) ([]string, error) {
	res, err := export.WritePlan(plan, dir, export.PlanOptions{Draft: draft, SignerName: signer, FontPath: font, AppVersion: assets.Version()})
	if err != nil {
		return nil, err
	}
	return []string{res.PDFPath, res.XLSXPath}, nil
}

func planOutput(p *forms.Plan, files []string) planJSON {
	out := planJSON{Year: p.Year, Province: p.Province, Fund: p.Fund, Dossiers: p.Dossiers, Total: p.Total, Support: p.Support,
		Counterpart: p.Counterpart, Excluded: p.Excluded, Duplicates: p.Duplicates, Ceiling: p.Ceiling, OverBy: p.OverBy, Files: files,
		Groups: []planGroupJSON{}, Items: []planItemJSON{}}
	if out.Excluded == nil {
		out.Excluded = []forms.PlanExcluded{}
	}
	if out.Duplicates == nil {
		out.Duplicates = []forms.PlanDuplicate{}
	}
	for _, g := range p.Groups {
		out.Groups = append(out.Groups, planGroupJSON{Group: g.Group, Label: g.Label, Dossiers: g.Dossiers, Total: g.Total, Support: g.Support, Counterpart: g.Counterpart})
	}
	for _, it := range p.Items {
		out.Items = append(out.Items, planItemJSON{ID: it.ID, Title: it.Title, Applicant: it.Applicant, Programme: it.Programme, Group: it.Group,
			Total: it.Total, Support: it.Support, Counterpart: it.Counterpart, Priority: it.Priority.Level, Reasons: it.Priority.Met})
	}
	return out
}

func printPlan(w io.Writer, p *forms.Plan) {
	rows := [][]string{{"Nhóm", "Số đề án", "Tổng kinh phí", "Khuyến công hỗ trợ", "Đối ứng"}}
	for i, g := range p.Groups {
		rows = append(rows, []string{forms.Roman(i+1) + ". " + shorten(g.Label, 48), fmt.Sprint(g.Dossiers), g.Total.String(), g.Support.String(), g.Counterpart.String()})
	}
	rows = append(rows, []string{"TỔNG CỘNG", fmt.Sprint(p.Dossiers), p.Total.String(), p.Support.String(), p.Counterpart.String()})
	printTable(w, rows, map[int]bool{1: true, 2: true, 3: true, 4: true})
	fmt.Fprintf(w, "\nTổng kinh phí: %s đồng (%s)\n", p.Total, forms.AmountInWords(p.Total, forms.WordStyle{}))
	fmt.Fprintf(w, "Kinh phí khuyến công hỗ trợ: %s đồng (%s)\n", p.Support, forms.AmountInWords(p.Support, forms.WordStyle{}))
	fmt.Fprintf(w, "Kinh phí đối ứng: %s đồng (%s)\n", p.Counterpart, forms.AmountInWords(p.Counterpart, forms.WordStyle{}))
	if len(p.Items) > 0 {
		fmt.Fprintln(w, "\nMức ưu tiên:")
		for _, it := range p.Items {
			why := make([]string, 0, len(it.Priority.Met))
			for _, m := range it.Priority.Met {
				why = append(why, m.Reason)
			}
			line := fmt.Sprintf("  %s – %s: %s", it.Applicant, shorten(it.Title, 50), it.Priority.Label)
			if len(why) > 0 {
				line += " (" + strings.Join(why, "; ") + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
