package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"khuyencong/forms"
)

// budgetJSON is the machine-readable budget of hoso budget --json; money in integer đồng.
type budgetJSON struct {
	Programme      forms.Programme     `json:"programme"`
	RulePack       string              `json:"rule_pack"`
	Scope          string              `json:"scope"`
	Total          forms.Money         `json:"total"`
	Eligible       forms.Money         `json:"eligible"`
	Support        forms.Money         `json:"support"`
	Counterpart    forms.Money         `json:"counterpart"`
	TotalWords     string              `json:"total_words"`
	SupportWords   string              `json:"support_words"`
	CounterpartWds string              `json:"counterpart_words"`
	Lines          []forms.LineResult  `json:"lines"`
	Groups         []forms.GroupResult `json:"groups"`
	Notes          []forms.BudgetNote  `json:"notes"`
}

func runBudget(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "import" {
		return runBudgetImport(args[1:], stdout, stderr)
	}
	fs := newFlags("budget", "budget [--json] [--style ...] TỆP.hoso.json\n       hoso budget import BẢNG.xlsx --into TỆP.hoso.json [--yes]",
		"  hoso budget maymoc.hoso.json\n  hoso budget --json maymoc.hoso.json | jq .support", stderr)
	asJSON := fs.Bool("json", false, "in dạng JSON (số tiền là số nguyên đồng)")
	style := fs.String("style", "", "kiểu đọc số tiền bằng chữ: linh|le, nghin|ngan, bon|tu")
	rulesDir := fs.String("rules", defaultRulesDir(), "thư mục gói quy định của người dùng")
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
		fmt.Fprintln(stderr, "hoso budget:", forms.UserError(err))
		return 2
	}
	app, err := readDossier(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget:", forms.UserError(err))
		return 2
	}
	pack, err := forms.PackFor(app, loadPacks(*rulesDir, stderr))
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget:", forms.UserError(err))
		return 1
	}
	b, err := forms.ComputeBudget(app, pack)
	if err != nil {
		fmt.Fprintln(stderr, "hoso budget:", forms.UserError(err))
		return 1
	}
	if *asJSON {
		out := budgetJSON{Programme: app.Programme, RulePack: pack.Key(), Scope: b.Scope, Total: b.Total, Eligible: b.Eligible,
			Support: b.Support, Counterpart: b.Counterpart, Lines: b.Lines, Groups: b.Groups, Notes: b.Notes,
			TotalWords: forms.AmountInWords(b.Total, ws), SupportWords: forms.AmountInWords(b.Support, ws),
			CounterpartWds: forms.AmountInWords(b.Counterpart, ws)}
		if err := printJSON(stdout, out); err != nil {
			fmt.Fprintln(stderr, "hoso budget:", forms.UserError(err))
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "DỰ TOÁN KINH PHÍ – %s\nGói quy định: %s (%s)\n\n", strings.ToUpper(app.Project.Title), pack.Title, pack.Key())
	rows := [][]string{{"STT", "Nội dung chi", "ĐVT", "Số lượng", "Đơn giá", "Thành tiền", "KC hỗ trợ", "Đối ứng"}}
	for _, g := range b.Groups {
		label := g.Label
		if g.RateBP > 0 {
			label += " (" + forms.PercentBP(g.RateBP) + ")"
		}
		rows = append(rows, []string{g.Numeral, label, "", "", "", g.Total.String(), g.Support.String(), g.Counterpart.String()})
		for _, i := range g.Lines {
			l := b.Lines[i]
			rows = append(rows, []string{fmt.Sprint(l.Number), "  " + l.Description, l.Unit, l.Quantity.String(), l.UnitPrice.String(),
				l.Total.String(), l.Support.String(), l.Counterpart.String()})
		}
	}
	rows = append(rows, []string{"", "TỔNG CỘNG", "", "", "", b.Total.String(), b.Support.String(), b.Counterpart.String()})
	printTable(stdout, rows, map[int]bool{0: true, 3: true, 4: true, 5: true, 6: true, 7: true})
	fmt.Fprintf(stdout, "\nTổng kinh phí: %s đồng (%s)\n", b.Total, forms.AmountInWords(b.Total, ws))
	fmt.Fprintf(stdout, "Kinh phí khuyến công hỗ trợ: %s đồng (%s)\n", b.Support, forms.AmountInWords(b.Support, ws))
	fmt.Fprintf(stdout, "Kinh phí đối ứng của cơ sở: %s đồng (%s)\n", b.Counterpart, forms.AmountInWords(b.Counterpart, ws))
	if len(b.Notes) > 0 {
		fmt.Fprintln(stdout, "\nGhi chú:")
		for _, n := range b.Notes {
			flag := ""
			if n.Unverified {
				flag = " [căn cứ chưa xác minh]"
			}
			fmt.Fprintf(stdout, "- %s%s\n", n.Message, flag)
		}
	}
	return 0
}

// printTable writes rows in columns two spaces apart; the columns in right are right-aligned, the
// others left-aligned. Widths count letters (runes), so Vietnamese text lines up.
func printTable(w io.Writer, rows [][]string, right map[int]bool) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
	}
}
