package forms

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The officer's eye: checks across the documents of a dossier that an appraising officer makes
// before sending a dossier back — dates in order and inside the plan year, the letter addressed
// to the right Department, addresses without the units abolished on 1/7/2025, no other
// establishment's name left in the narrative of a copied dossier, no budget line twice, machines
// in the đề án matching the budget, a signer with authority, machines really new, well-formed
// contact and bank details. Messages name the field and say how to fix it.

const (
	citeUnits  = "NQ 202/2025/QH15: 34 tỉnh, thành phố; chính quyền địa phương hai cấp, không còn cấp huyện từ 01/7/2025"
	citeSigner = "NĐ 30/2020/NĐ-CP Điều 13 (thẩm quyền ký văn bản)"
	citeNew    = "điểm b khoản 4 Điều 4 TT 46/2012/TT-BCT (máy móc thiết bị mới 100%)"
	citePlan   = "TT 36/2013/TT-BCT Điều 10 (đề án đăng ký theo kế hoạch khuyến công hằng năm)"
)

// reviewer gathers the findings of Review.
type reviewer struct {
	app   *Application
	def   *ProgrammeDef
	probs []Problem
}

func (r *reviewer) add(code, path string, sev Severity, cite, vi, en string) {
	r.probs = append(r.probs, Problem{Code: code, Path: path, Step: r.def.StepOfPath(path), Severity: sev,
		Message: vi, MessageEN: en, Citation: cite})
}

// label is the Vietnamese and English label of the field at path (a table cell gives "table, dòng n:
// column").
func (r *reviewer) label(path string) (string, string) {
	for _, s := range r.def.Steps {
		for _, f := range s.Fields {
			if f.Path == path {
				return f.Label, f.LabelEN
			}
			if f.Kind == FieldTable && strings.HasPrefix(path, f.Path+"[") {
				var row int
				var col string
				if _, err := fmt.Sscanf(path[len(f.Path):], "[%d].%s", &row, &col); err == nil {
					for _, c := range f.Columns {
						if c.Path == col {
							return fmt.Sprintf("%s, dòng %d: %s", f.Label, row+1, c.Label), fmt.Sprintf("%s, row %d: %s", f.LabelEN, row+1, c.LabelEN)
						}
					}
				}
			}
		}
	}
	return path, path
}

// Review runs the officer's checks (the codes of ReviewCodes but "attachment", "phone" and "email",
// which Validate raises). Check runs it after validation, eligibility and completeness.
func Review(app *Application) []Problem {
	def := Definition(app.Programme)
	if def == nil {
		return nil
	}
	r := &reviewer{app: app, def: def}
	r.dates()
	r.planYear()
	r.recipient()
	r.oldAddresses()
	r.foreignNames()
	r.duplicateLines()
	r.machines()
	r.signer()
	r.bankAccount()
	return r.probs
}

// ---- date-order and plan-year ----

var textDate = regexp.MustCompile(`(?i)ngày\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})`)

// datesIn returns the dates written "ngày dd/mm/yyyy" in a text.
func datesIn(s string) []Date {
	var out []Date
	for _, m := range textDate.FindAllStringSubmatch(NFC(s), -1) {
		if d, err := ParseDate(m[1]); err == nil && !d.IsZero() {
			out = append(out, d)
		}
	}
	return out
}

func (r *reviewer) dates() {
	app, p := r.app, r.app.Project
	letter := app.Letter.Date
	if !letter.IsZero() && !p.StartDate.IsZero() && p.StartDate.Before(letter) {
		r.add(CodeDateOrder, "letter.date", SeverityError, "",
			fmt.Sprintf("Ngày ký công văn (%s) sau thời gian bắt đầu đề án (%s): cán bộ thẩm định sẽ hỏi vì sao xin hỗ trợ cho việc đã làm. Sửa ngày ký công văn về trước ngày bắt đầu, hoặc dời thời gian bắt đầu đề án", letter, p.StartDate),
			fmt.Sprintf("The letter's date (%s) is after the project start (%s): the officer will ask why support is asked for work already begun. Date the letter before the start, or move the start", letter, p.StartDate))
	}
	if r.def.Programme == TradeFair && !p.StartDate.IsZero() && !p.EndDate.IsZero() {
		f := p.Fair
		if (!f.Start.IsZero() && f.Start.Before(p.StartDate)) || (!f.End.IsZero() && p.EndDate.Before(f.End)) {
			r.add(CodeDateOrder, "project.fair.start", SeverityError, "",
				fmt.Sprintf("Hội chợ diễn ra %s – %s, ngoài thời gian thực hiện đề án (%s – %s): sửa ngày khai mạc, bế mạc hoặc thời gian thực hiện đề án cho hội chợ nằm trong đề án", f.Start, f.End, p.StartDate, p.EndDate),
				fmt.Sprintf("The fair (%s – %s) falls outside the project period (%s – %s): correct the fair's dates or the project period", f.Start, f.End, p.StartDate, p.EndDate))
		}
	}
	if letter.IsZero() {
		return
	}
	late := func(path, what, whatEN string, d Date) {
		vi, en := r.label(path)
		r.add(CodeDateOrder, path, SeverityError, "",
			fmt.Sprintf("%s: %s ngày %s, sau ngày ký công văn %s; công văn không thể kèm văn bản lập sau nó. Kiểm tra lại ngày của %s hoặc ngày ký công văn", vi, what, d, letter, what),
			fmt.Sprintf("%s: the %s is dated %s, after the letter (%s); a letter cannot enclose a later paper. Check the %s's date or the letter's", en, whatEN, d, letter, whatEN))
	}
	for i, m := range p.Machines {
		if r.def.Programme != Equipment {
			break
		}
		for _, d := range datesIn(m.Quotations) {
			if letter.Before(d) {
				late(fmt.Sprintf("project.machines[%d].quotations", i), "báo giá, hợp đồng", "quotation or contract", d)
				break
			}
		}
	}
	for i, l := range app.Budget.Lines {
		for _, d := range datesIn(l.Note + " " + l.Description) {
			if letter.Before(d) {
				late(fmt.Sprintf("budget.lines[%d].note", i), "báo giá, hợp đồng", "quotation or contract", d)
				break
			}
		}
	}
	for _, a := range app.Attachments {
		for _, d := range datesIn(a.Title + " " + a.Note) {
			if letter.Before(d) {
				path := "attachments." + a.ID
				title := a.Title
				if def, ok := r.def.Attachment(a.ID); ok && title == "" {
					title = def.Title
				}
				r.add(CodeDateOrder, path, SeverityError, "",
					fmt.Sprintf("Tài liệu kèm theo \"%s\": ghi ngày %s, sau ngày ký công văn %s; công văn không thể kèm văn bản lập sau nó. Kiểm tra lại ngày của tài liệu hoặc ngày ký công văn", title, d, letter),
					fmt.Sprintf("Attachment \"%s\" is dated %s, after the letter (%s); a letter cannot enclose a later paper. Check the dates", title, d, letter))
				break
			}
		}
	}
	if r.def.Programme == CleanerProduction {
		if d := p.Assessment.Date; !d.IsZero() && letter.Before(d) {
			late("project.assessment.date", "báo cáo đánh giá sản xuất sạch hơn", "cleaner-production assessment", d)
		}
	}
}

func (r *reviewer) planYear() {
	app, p := r.app, r.app.Project
	if app.Year <= 0 || p.StartDate.IsZero() || p.EndDate.IsZero() {
		return
	}
	if p.StartDate.Y != app.Year || p.EndDate.Y != app.Year {
		r.add(CodePlanYear, "project.start_date", SeverityError, citePlan,
			fmt.Sprintf("Thời gian thực hiện đề án (%s – %s) không nằm trong năm kế hoạch %d: kinh phí khuyến công được giao và quyết toán theo năm. Sửa thời gian bắt đầu, kết thúc trong năm %d, hoặc sửa năm kế hoạch", p.StartDate, p.EndDate, app.Year, app.Year),
			fmt.Sprintf("The project period (%s – %s) is not inside the plan year %d: support is granted and settled by year. Keep the period inside %d, or correct the plan year", p.StartDate, p.EndDate, app.Year, app.Year))
	}
}

// ---- recipient and old-address ----

// oldProvinceNames maps the lookup key (provinceKey) of every pre-2025 province name that is no
// longer the name of a unit to the unit it became part of.
var oldProvinceNames = func() map[string]Province {
	m := map[string]Province{}
	for _, p := range provinces {
		olds := append([]string(nil), p.Formerly...)
		if p.Code == "46" {
			olds = append(olds, provinceAliases["46"]...)
		}
		for _, f := range olds {
			if k := provinceKey(f); k != provinceKey(p.Name) {
				m[k] = p
			}
		}
	}
	return m
}()

// provinceAtEnd finds the province named by the last words of s ("Sở Công Thương tỉnh Bình
// Dương" → Hồ Chí Minh, "tỉnh Bình Dương"), longest match first.
func provinceAtEnd(s string) (Province, string, bool) {
	words := strings.Fields(s)
	for k := min(7, len(words)); k >= 1; k-- {
		cand := strings.Join(words[len(words)-k:], " ")
		if p, ok := ProvinceByName(cand); ok {
			return p, cand, true
		}
	}
	return Province{}, "", false
}

func (r *reviewer) recipient() {
	rec := Clean(r.app.Letter.Recipient)
	want, ok := ProvinceByCode(r.app.Fund.Province)
	if rec == "" || !ok {
		return
	}
	right := "Sở Công Thương " + want.FullName()
	if want.Kind == kindProvince {
		right = "Sở Công Thương tỉnh " + want.Name
	}
	f := foldVN(rec)
	if !strings.Contains(f, "cong thuong") && !strings.Contains(f, "khuyen cong") {
		r.add(CodeRecipient, "letter.recipient", SeverityWarning, "",
			fmt.Sprintf("Kính gửi: \"%s\" không phải Sở Công Thương (hay Trung tâm Khuyến công) của tỉnh, thành phố nhận hồ sơ (%s): hồ sơ được Sở Công Thương thẩm định cấp cơ sở. Sửa thành \"%s\"", rec, want.FullName(), right),
			fmt.Sprintf("Addressed to \"%s\", not the Department of Industry and Trade (or promotion centre) of the province receiving the dossier (%s). Write \"%s\"", rec, want.FullName(), right))
		return
	}
	got, named, found := provinceAtEnd(rec)
	switch {
	case !found:
		r.add(CodeRecipient, "letter.recipient", SeverityWarning, "",
			fmt.Sprintf("Kính gửi: \"%s\" không ghi tỉnh, thành phố: ghi đầy đủ \"%s\"", rec, right),
			fmt.Sprintf("Addressed to \"%s\" without the province: write \"%s\" in full", rec, right))
	case got.Code != want.Code:
		r.add(CodeRecipient, "letter.recipient", SeverityError, "",
			fmt.Sprintf("Kính gửi: \"%s\" là cơ quan của %s, nhưng hồ sơ nộp cho %s (Thông tin chung: Tỉnh / thành phố nhận hồ sơ) — dấu vết của hồ sơ chép từ tỉnh khác. Sửa thành \"%s\", hoặc sửa tỉnh nhận hồ sơ", rec, got.FullName(), want.FullName(), right),
			fmt.Sprintf("Addressed to \"%s\", a body of %s, but the dossier goes to %s (General: province receiving the dossier). Write \"%s\", or correct the receiving province", rec, got.FullName(), want.FullName(), right))
	default:
		if _, old := oldProvinceNames[provinceKey(named)]; old {
			r.add(CodeRecipient, "letter.recipient", SeverityError, citeUnits,
				fmt.Sprintf("Kính gửi: \"%s\" dùng tên tỉnh trước 01/7/2025 (\"%s\"); nay là %s. Sửa thành \"%s\"", rec, named, got.FullName(), right),
				fmt.Sprintf("Addressed to \"%s\", a province name from before 1 July 2025 (\"%s\"); it is now %s. Write \"%s\"", rec, named, got.FullName(), right))
		}
	}
}

// oldUnit says why one comma-separated part of an address names a unit that no longer exists,
// and what to write instead; ok is false when the part is fine.
func oldUnit(part string) (vi, en string, ok bool) {
	f := foldVN(part)
	for _, pre := range []string{"huyen ", "quan ", "thi xa ", "thi tran ", "h. ", "q. ", "tx. ", "tt. "} {
		if strings.HasPrefix(f, pre) {
			return fmt.Sprintf("\"%s\" là đơn vị cấp huyện hoặc thị trấn, không còn từ 01/7/2025: bỏ cấp huyện, ghi xã/phường mới và tỉnh, thành phố mới", part),
				fmt.Sprintf("\"%s\" is a district-level unit or township, abolished on 1 July 2025: drop it and write the new commune or ward and the new province", part), true
		}
	}
	words := strings.Fields(part)
	fw := strings.Fields(f)
	rest, city := part, false
	switch {
	case len(fw) > 2 && fw[0] == "thanh" && fw[1] == "pho":
		rest, city = strings.Join(words[2:], " "), true
	case len(fw) > 1 && (fw[0] == "tp" || fw[0] == "tp."):
		rest, city = strings.Join(words[1:], " "), true
	case len(fw) > 0 && strings.HasPrefix(fw[0], "tp.") && len(fw[0]) > 3:
		rest, city = part[3:], true
	case len(fw) > 1 && fw[0] == "tinh":
		rest = strings.Join(words[1:], " ")
	}
	if p, old := oldProvinceNames[provinceKey(rest)]; old {
		return fmt.Sprintf("\"%s\" là tên tỉnh trước 01/7/2025, nay thuộc %s: ghi \"%s\"", part, p.FullName(), p.FullName()),
			fmt.Sprintf("\"%s\" is a province name from before 1 July 2025, now part of %s: write \"%s\"", part, p.FullName(), p.FullName()), true
	}
	if city {
		if _, cur := ProvinceByName(rest); !cur {
			return fmt.Sprintf("\"%s\" là thành phố thuộc tỉnh (cấp huyện), không còn từ 01/7/2025: ghi xã/phường mới và tỉnh, thành phố mới", part),
				fmt.Sprintf("\"%s\" is a provincial city (district level), abolished on 1 July 2025: write the new ward and the new province", part), true
		}
	}
	return "", "", false
}

func (r *reviewer) oldAddresses() {
	paths := []string{"enterprise.address.street", "enterprise.address.commune", "project.location"}
	if r.def.Programme == TradeFair && r.def.ScopeOf(r.app) != "abroad" {
		paths = append(paths, "project.fair.place")
	}
	for _, path := range paths {
		text, err := GetField(r.app, path)
		if err != nil || text == "" {
			continue
		}
		for _, part := range strings.FieldsFunc(text, func(c rune) bool { return c == ',' || c == ';' || c == '\n' }) {
			part = Clean(part)
			if vi, en, old := oldUnit(part); old {
				lv, le := r.label(path)
				r.add(CodeOldAddress, path, SeverityError, citeUnits, lv+": "+vi, le+": "+en)
				break
			}
		}
	}
}

// ---- foreign-name ----

// establishmentPrefixes open the name of an establishment.
var establishmentPrefixes = []string{"Công ty", "Hợp tác xã", "HTX", "Hộ kinh doanh", "Doanh nghiệp tư nhân", "DNTN", "Tổ hợp tác"}

// legalFormWords follow "Công ty" before the distinctive name.
var legalFormWords = []string{"trach nhiem huu han", "hai thanh vien tro len", "mot thanh vien", "co phan", "hop danh", "tnhh", "mtv", "cp"}

// distinctive is the folded distinctive part of an establishment's name: without its prefix and
// legal form ("Công ty TNHH Chế biến Nông sản Phước Hưng" → "che bien nong san phuoc hung").
func distinctive(name string) string {
	f := foldVN(name)
	for _, p := range establishmentPrefixes {
		if fp := foldVN(p); strings.HasPrefix(f, fp+" ") {
			f = f[len(fp)+1:]
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range legalFormWords {
			if f == w {
				f, changed = "", true
			} else if strings.HasPrefix(f, w+" ") {
				f, changed = f[len(w)+1:], true
			}
		}
	}
	return f
}

var taxCodeMention = regexp.MustCompile(`(?i)(mã số thuế|mst|mã số doanh nghiệp|mã số hợp tác xã)\s*(?:là|:)?\s*([0-9][0-9 .\-]{8,16}[0-9])`)

// narrativePaths are the answers where only the applicant should be named.
var narrativePaths = map[string]bool{
	"project.title": true, "project.current_production": true, "project.problem": true, "project.objectives": true,
	"project.scale": true, "project.improvements": true, "project.organisation": true, "project.effects": true,
	"project.assessment.findings": true, "enterprise.main_products": true, "project.selection.description": true,
	"project.selection.market": true,
}

func (r *reviewer) foreignNames() {
	app := r.app
	own := []string{distinctive(app.Enterprise.Name), distinctive(app.Enterprise.ShortName), foldVN(app.Enterprise.Abbreviation)}
	// Other parties named where they belong: suppliers, organiser, consultant, those responsible.
	for _, m := range app.Project.Machines {
		own = append(own, distinctive(m.Supplier))
	}
	own = append(own, distinctive(app.Project.Fair.Organiser), distinctive(app.Project.Assessment.Consultant))
	for _, t := range app.Project.Schedule {
		own = append(own, distinctive(t.Responsible))
	}
	ownTax := strings.SplitN(NormaliseTaxCode(app.Enterprise.TaxCode), "-", 2)[0]
	check := func(path, text string) {
		if name, found := foreignEstablishment(text, own); found {
			// A warning: a name may also be a partner's or a utility's ("Công ty Điện lực …").
			lv, le := r.label(path)
			r.add(CodeForeignName, path, SeverityWarning, "",
				fmt.Sprintf("%s: nêu \"%s\", không phải cơ sở đề nghị hỗ trợ (%s) — dấu vết của hồ sơ chép từ khách hàng khác. Thay bằng tên của cơ sở, hoặc xóa", lv, name, app.Enterprise.Name),
				fmt.Sprintf("%s: names \"%s\", which is not the applicant (%s) — residue of a dossier copied from another client. Replace it with the applicant's name, or delete it", le, name, app.Enterprise.Name))
			return
		}
		for _, m := range taxCodeMention.FindAllStringSubmatch(text, -1) {
			code := strings.SplitN(NormaliseTaxCode(m[2]), "-", 2)[0]
			if code != ownTax {
				lv, le := r.label(path)
				r.add(CodeForeignName, path, SeverityError, "",
					fmt.Sprintf("%s: ghi mã số thuế %s, không phải mã số thuế của cơ sở (%s) — dấu vết của hồ sơ chép từ khách hàng khác. Sửa lại cho đúng", lv, Clean(m[2]), app.Enterprise.TaxCode),
					fmt.Sprintf("%s: gives the tax code %s, not the applicant's (%s) — residue of a copied dossier. Correct it", le, Clean(m[2]), app.Enterprise.TaxCode))
				return
			}
		}
	}
	for _, s := range r.def.VisibleSteps(app) {
		for _, f := range s.Fields {
			if !narrativePaths[f.Path] || !f.Applies(app) {
				continue
			}
			if text, err := GetField(app, f.Path); err == nil && text != "" {
				check(f.Path, text)
			}
		}
	}
	if r.def.Programme == CleanerProduction {
		for i, sol := range app.Project.Solutions {
			check(fmt.Sprintf("project.solutions[%d].name", i), sol.Name)
			check(fmt.Sprintf("project.solutions[%d].savings", i), sol.Savings)
		}
	}
}

// foreignEstablishment finds in text a named establishment ("Công ty TNHH Hải Long") whose name
// starts with none of the known distinctive names. A prefix followed by a lower-case word ("HTX có
// 26 thành viên", "các công ty") is a common noun, not a name.
func foreignEstablishment(text string, known []string) (string, bool) {
	text = NFC(text)
	for _, pre := range establishmentPrefixes {
		for from := 0; ; {
			i := strings.Index(text[from:], pre)
			if i < 0 {
				break
			}
			i += from
			from = i + len(pre)
			if i > 0 && isLetterBefore(text[:i]) {
				continue
			}
			tail := text[from:]
			if end := strings.IndexAny(tail, ",;.:()\n\"“”"); end >= 0 {
				tail = tail[:end]
			}
			words := strings.Fields(tail)
			if len(words) > 8 {
				words = words[:8]
			}
			rest := distinctive(pre + " " + strings.Join(words, " "))
			if rest == "" {
				continue
			}
			// The first word of the distinctive part must be capitalised (or a digit) to be a name.
			fw := firstDistinctWord(words, rest)
			if fw == "" || !startsUpper(fw) {
				continue
			}
			if isKnown(rest, known) {
				continue
			}
			// Show the name without the words that follow it: up to its last capitalised word.
			for len(words) > 1 && !startsUpper(words[len(words)-1]) {
				words = words[:len(words)-1]
			}
			return Clean(pre + " " + strings.Join(words, " ")), true
		}
	}
	return "", false
}

// firstDistinctWord is the first original word of words that begins the distinctive part rest.
func firstDistinctWord(words []string, rest string) string {
	first := strings.Fields(rest)[0]
	for _, w := range words {
		if foldVN(w) == first {
			return w
		}
	}
	return ""
}

func startsUpper(w string) bool {
	for _, c := range w {
		return c >= '0' && c <= '9' || strings.ToUpper(string(c)) == string(c) && strings.ToLower(string(c)) != string(c)
	}
	return false
}

func isLetterBefore(s string) bool {
	r := []rune(s)
	c := r[len(r)-1]
	return strings.ToLower(string(c)) != strings.ToUpper(string(c))
}

// isKnown reports whether the folded name rest starts with one of the known distinctive names
// (the text may go on after the name), or is the beginning of one (a name cut short).
func isKnown(rest string, known []string) bool {
	for _, k := range known {
		if k == "" {
			continue
		}
		if rest == k || strings.HasPrefix(rest, k+" ") || strings.HasPrefix(k, rest+" ") {
			return true
		}
	}
	return false
}

// ---- duplicate-line ----

func (r *reviewer) duplicateLines() {
	seen := map[string]int{}
	for i, l := range r.app.Budget.Lines {
		key := l.CostType + "\x00" + foldVN(l.Description) + "\x00" + fmt.Sprint(l.UnitPrice)
		if foldVN(l.Description) == "" {
			continue
		}
		if j, dup := seen[key]; dup {
			r.add(CodeDuplicateLine, fmt.Sprintf("budget.lines[%d].description", i), SeverityError, "",
				fmt.Sprintf("Dự toán, dòng %d trùng dòng %d (cùng loại chi phí, nội dung \"%s\" và đơn giá %s đồng): một khoản chi bị kê hai lần. Xóa dòng thừa, hoặc gộp số lượng vào một dòng", i+1, j+1, Clean(l.Description), l.UnitPrice),
				fmt.Sprintf("Budget line %d repeats line %d (same cost type, description \"%s\" and unit price %s): one cost counted twice. Delete the extra line or merge the quantities", i+1, j+1, Clean(l.Description), l.UnitPrice))
			continue
		}
		seen[key] = i
	}
}

// ---- machines: quantity against the budget, new 100% ----

var (
	usedWords       = []string{"da qua su dung", "qua su dung", "da su dung", "hang cu", "may cu", "second hand", "second-hand", "tan trang", "thanh ly"}
	manufactureYear = regexp.MustCompile(`(?:nam san xuat|san xuat nam|nam sx|sx nam)\s*:?\s*(\d{4})`)
)

func (r *reviewer) machines() {
	if r.def.Programme != Equipment {
		return
	}
	app := r.app
	for i, m := range app.Project.Machines {
		key := foldVN(m.Model)
		if len(key) < 2 {
			key = foldVN(m.Name)
		}
		if key == "" {
			continue
		}
		var sum Quantity
		var lines []string
		for j, l := range app.Budget.Lines {
			if l.CostType == "machinery" && strings.Contains(foldVN(l.Description), key) {
				sum += l.Quantity
				lines = append(lines, fmt.Sprint(j+1))
			}
		}
		path := fmt.Sprintf("project.machines[%d].quantity", i)
		switch {
		case len(lines) == 0:
			r.add(CodeMachineQuantity, path, SeverityWarning, "",
				fmt.Sprintf("Máy \"%s\" (model %s) không có dòng máy móc thiết bị nào trong dự toán ghi tên hoặc model của nó: cán bộ thẩm định đối chiếu danh mục máy với dự toán. Ghi model vào nội dung dòng dự toán của máy", m.Name, m.Model),
				fmt.Sprintf("Machine \"%s\" (model %s) has no machinery budget line naming it or its model: the officer matches the machine list against the budget. Put the model in the budget line's description", m.Name, m.Model))
		case sum != m.Quantity:
			r.add(CodeMachineQuantity, path, SeverityError, "",
				fmt.Sprintf("Máy \"%s\": đề án ghi số lượng %s, dự toán (dòng %s) ghi %s. Sửa cho hai nơi khớp nhau", m.Name, m.Quantity, strings.Join(lines, ", "), sum),
				fmt.Sprintf("Machine \"%s\": the project lists %s, the budget (line %s) %s. Make them agree", m.Name, m.Quantity, strings.Join(lines, ", "), sum))
		}
		desc := foldVN(m.Name + " " + m.Specifications + " " + m.Origin)
		if m.New {
			for _, w := range usedWords {
				if strings.Contains(desc, w) {
					r.add(CodeMachineNew, fmt.Sprintf("project.machines[%d].specifications", i), SeverityError, citeNew,
						fmt.Sprintf("Máy \"%s\" được đánh dấu mới 100%% nhưng phần mô tả ghi là máy đã qua sử dụng (\"%s\"): chỉ máy mới 100%% được hỗ trợ. Sửa mô tả, hoặc thay bằng máy mới", m.Name, w),
						fmt.Sprintf("Machine \"%s\" is marked new but its description says used (\"%s\"): only new machines are supported. Correct the description or choose a new machine", m.Name, w))
					break
				}
			}
		}
		if mm := manufactureYear.FindStringSubmatch(desc); mm != nil && app.Year > 0 {
			var y int
			fmt.Sscan(mm[1], &y)
			switch {
			case y > app.Year:
				r.add(CodeMachineNew, fmt.Sprintf("project.machines[%d].specifications", i), SeverityError, citeNew,
					fmt.Sprintf("Máy \"%s\": năm sản xuất %d sau năm kế hoạch %d. Kiểm tra lại năm sản xuất", m.Name, y, app.Year),
					fmt.Sprintf("Machine \"%s\": made in %d, after the plan year %d. Check the year of manufacture", m.Name, y, app.Year))
			case m.New && y < app.Year-2:
				r.add(CodeMachineNew, fmt.Sprintf("project.machines[%d].specifications", i), SeverityWarning, citeNew,
					fmt.Sprintf("Máy \"%s\" ghi mới 100%% nhưng sản xuất năm %d, trước năm kế hoạch %d hơn hai năm: cán bộ thẩm định sẽ hỏi máy có thật mới không. Kiểm tra năm sản xuất trong báo giá", m.Name, y, app.Year),
					fmt.Sprintf("Machine \"%s\" is said new but was made in %d, over two years before the plan year %d: the officer will ask whether it is really new. Check the year in the quotation", m.Name, y, app.Year))
			}
		}
	}
}

// ---- signer ----

func (r *reviewer) signer() {
	app := r.app
	rep, signer := Clean(app.Enterprise.Representative.Name), Clean(app.Signer.Name)
	if rep == "" || signer == "" || foldVN(rep) == foldVN(signer) {
		return
	}
	for _, a := range app.Attachments {
		if (a.File != "" || a.Paper) && (a.ID == "authorisation" || strings.Contains(foldVN(a.Title+" "+a.Note), "uy quyen")) {
			return
		}
	}
	// A warning, not an error: the authorisation may come on paper, and the checklist has no item
	// for it yet (an attachment with id "authorisation" or a title naming "ủy quyền" counts).
	r.add(CodeSigner, "signer.name", SeverityWarning, citeSigner,
		fmt.Sprintf("Người ký công văn (%s) không phải %s (%s) và hồ sơ không có giấy ủy quyền: công văn sẽ bị coi là ký không đúng thẩm quyền. Sửa tên người ký, hoặc thêm \"Giấy ủy quyền\" vào tài liệu kèm theo (tệp hoặc nộp kèm bản giấy)", signer, app.Enterprise.Kind.RepresentativeRole(), rep),
		fmt.Sprintf("The letter's signer (%s) is not the legal representative (%s) and no authorisation is attached: the letter would be signed without authority. Correct the signer, or add an authorisation (\"Giấy ủy quyền\") to the attachments (file or on paper)", signer, rep))
}

// ---- bank account ----

func (r *reviewer) bankAccount() {
	acc := Clean(r.app.Enterprise.BankAccount)
	if acc == "" {
		return
	}
	d := strings.Map(func(c rune) rune {
		if c == ' ' || c == '.' || isDash(c) {
			return -1
		}
		return c
	}, acc)
	if !allDigits(d) || len(d) < 6 || len(d) > 19 {
		r.add(CodeBankAccount, "enterprise.bank_account", SeverityError, "",
			fmt.Sprintf("Số tài khoản \"%s\" không hợp lệ: số tài khoản ngân hàng gồm 6 đến 19 chữ số (có thể cách nhau bằng dấu cách). Chép lại từ sổ tài khoản hoặc sao kê", acc),
			fmt.Sprintf("Bank account \"%s\" is not valid: an account number has 6 to 19 digits (spaces allowed). Copy it from the bank statement", acc))
		return
	}
	if Clean(r.app.Enterprise.BankName) == "" {
		r.add(CodeBankAccount, "enterprise.bank_name", SeverityWarning, "",
			"Có số tài khoản nhưng chưa ghi tại ngân hàng nào: ghi tên ngân hàng và chi nhánh",
			"A bank account without its bank: write the bank and branch")
	}
}

// foldVN folds Vietnamese text for comparison: NFC, no tone or vowel marks, đ → d, lower case,
// white space collapsed.
func foldVN(s string) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, c):
		case c == 'đ' || c == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
