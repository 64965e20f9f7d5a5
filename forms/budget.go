package forms

import (
	"fmt"
	"math/big"
	"math/bits"
	"sort"
)

// ComputeBudget is the one computation of a dossier's money. For each line:
//
//   - thành tiền = quantity × unit price, rounded down to the đồng (quantities have two decimals);
//   - support = thành tiền × the cost type's rate, rounded down to the đồng, then the line cap;
//   - caps per cost type, per project, per establishment and per year are applied in that order;
//     when a cap bites, the capped amount is spread over the lines it covers in proportion to
//     their uncapped support by the largest-remainder method, so the per-line support adds up
//     exactly to the capped total;
//   - counterpart (đối ứng) = thành tiền − support.
//
// Every cap that bit and every ineligible line is explained in Notes, with its legal citation.
func ComputeBudget(app *Application, pack *RulePack) (*BudgetResult, error) {
	def := Definition(app.Programme)
	if def == nil {
		return nil, errorEN(fmt.Sprintf("chương trình %q không tồn tại", app.Programme), fmt.Sprintf("there is no programme %q", app.Programme))
	}
	if pack == nil {
		return nil, errorEN("chưa có gói quy định", "no rules are chosen")
	}
	scope := def.ScopeOf(app)
	res := &BudgetResult{PackID: pack.ID, PackVersion: pack.Version, PackTitle: pack.Title, Scope: scope}
	var sr *ScopeRules
	if pr := pack.Programmes[app.Programme]; pr != nil {
		sr = pr.Scopes[scope]
	}
	if sr == nil {
		return nil, errorEN(fmt.Sprintf("gói quy định %s không có mức hỗ trợ cho %s, nội dung %q", pack.Key(), app.Programme.Label(), scope),
			fmt.Sprintf("the rules %s give no support rates for %s, scope %q", pack.Key(), app.Programme.LabelEN(), scope))
	}

	lines, raw, err := lineResults(app.Budget.Lines, def, sr, res)
	if err != nil {
		return nil, err
	}
	support := append([]Money(nil), raw...)
	res.Notes = append(res.Notes, applyCostTypeCaps(support, lines, sr.Caps, def)...)
	res.Notes = append(res.Notes, applyProjectCaps(support, sr.Caps, app.Project.PriorSupportThisYear)...)

	for i := range lines {
		lines[i].Support = support[i]
		lines[i].Counterpart = lines[i].Total - support[i]
		res.Support += support[i]
	}
	res.Counterpart = res.Total - res.Support

	res.Groups, res.Lines = groupLines(lines, def, sr)
	for _, g := range res.Groups {
		if g.RateBP > 0 {
			r := sr.CostTypes[g.CostType]
			res.Notes = append(res.Notes, BudgetNote{Kind: "rate", Citation: r.Citation, Unverified: r.Unverified,
				Message:   fmt.Sprintf("%s: hỗ trợ %s chi phí theo %s", g.Label, PercentBP(g.RateBP), r.Citation),
				MessageEN: fmt.Sprintf("%s: %s of the cost is supported under %s", costTypeEN(def, g.CostType), PercentBP(g.RateBP), r.Citation)})
		}
	}
	if pack.Override {
		res.Notes = append(res.Notes, BudgetNote{Kind: "override", Message: OverrideNote(pack), MessageEN: OverrideNoteEN(pack)})
	}
	res.Notes = append(res.Notes, BudgetNote{Kind: "rounding",
		Message:   "Thành tiền và kinh phí hỗ trợ làm tròn xuống đến đồng; khi áp mức trần, kinh phí hỗ trợ được phân bổ cho các dòng theo tỷ lệ, phần lẻ đồng chia theo phương pháp số dư lớn nhất.",
		MessageEN: "Line totals and support are rounded down to whole VND; when a cap applies, the support is spread over the lines in proportion, the odd VND going by the largest-remainder method."})
	return res, nil
}

// lineResults computes each line's total and its uncapped support (rate, then the line cap), adds
// the totals to res and notes ineligible lines and line caps in res.Notes. It returns the lines in
// the dossier's order and their support before the cost-type and project caps.
func lineResults(in []BudgetLine, def *ProgrammeDef, sr *ScopeRules, res *BudgetResult) ([]LineResult, []Money, error) {
	lines := make([]LineResult, len(in))
	raw := make([]Money, len(lines))
	for i, l := range in {
		total, err := lineTotal(l.Quantity, l.UnitPrice)
		if err != nil {
			return nil, nil, errorEN(fmt.Sprintf("dòng %d: %v", i+1, err), fmt.Sprintf("line %d: %s", i+1, EnglishOf(err)))
		}
		lr := LineResult{Index: i, CostType: l.CostType, Description: l.Description, Unit: l.Unit,
			Quantity: l.Quantity, UnitPrice: l.UnitPrice, Total: total, Note: l.Note}
		ct, known := def.CostType(l.CostType)
		rule := sr.CostTypes[l.CostType]
		switch {
		case !known:
			res.Notes = append(res.Notes, BudgetNote{Kind: "ineligible", Line: i + 1,
				Message:   fmt.Sprintf("Dòng %d (%s): loại chi phí %q không có trong chương trình; không tính hỗ trợ", i+1, l.Description, l.CostType),
				MessageEN: fmt.Sprintf("Line %d (%s): cost type %q is not one of the programme's; no support is counted", i+1, l.Description, l.CostType)})
		case rule == nil || !rule.Eligible:
			cit, unv := "", false
			if rule != nil {
				cit, unv = rule.Citation, rule.Unverified
			}
			res.Notes = append(res.Notes, BudgetNote{Kind: "ineligible", Line: i + 1, Citation: cit, Unverified: unv,
				Message:   fmt.Sprintf("Dòng %d (%s): %s không thuộc nội dung được hỗ trợ; toàn bộ do cơ sở đối ứng", i+1, l.Description, lower(ct.Label)),
				MessageEN: fmt.Sprintf("Line %d (%s): %s is not supported; the establishment pays all of it", i+1, l.Description, lower(ct.LabelEN))})
		default:
			lr.Eligible = true
			lr.RateBP = rule.RateBP
			s := mulDiv(total, rule.RateBP, 10000)
			if rule.CapPerLine > 0 && s > rule.CapPerLine {
				res.Notes = append(res.Notes, BudgetNote{Kind: "cap", Line: i + 1, Citation: rule.Citation, Unverified: rule.Unverified,
					Message:   fmt.Sprintf("Dòng %d: hỗ trợ %s đồng vượt mức trần %s đồng mỗi dòng theo %s; giảm còn %s đồng", i+1, s, rule.CapPerLine, rule.Citation, rule.CapPerLine),
					MessageEN: fmt.Sprintf("Line %d: support of %s VND is above the cap of %s VND a line under %s; lowered to %s VND", i+1, s, rule.CapPerLine, rule.Citation, rule.CapPerLine)})
				s = rule.CapPerLine
			}
			raw[i] = s
			res.Eligible += total
		}
		res.Total += total
		if res.Total > MaxMoney {
			return nil, nil, errorEN(fmt.Sprintf("tổng kinh phí vượt quá %s đồng", MaxMoney), fmt.Sprintf("the total cost is above %s VND", MaxMoney))
		}
		lines[i] = lr
	}
	return lines, raw, nil
}

// applyCostTypeCaps lowers support so that each cost type with a cap stays within it, and returns
// a note for every cap that bit.
func applyCostTypeCaps(support []Money, lines []LineResult, caps []Cap, def *ProgrammeDef) []BudgetNote {
	var notes []BudgetNote
	for _, c := range caps {
		if c.Per != CapPerCostType {
			continue
		}
		var idx []int
		var sum Money
		for i := range lines {
			if lines[i].CostType == c.CostType && support[i] > 0 {
				idx = append(idx, i)
				sum += support[i]
			}
		}
		if sum > c.Amount {
			spread(support, idx, c.Amount)
			label := c.CostType
			if ct, ok := def.CostType(c.CostType); ok {
				label = ct.Label
			}
			notes = append(notes, BudgetNote{Kind: "cap", Citation: c.Citation, Unverified: c.Unverified,
				Message:   fmt.Sprintf("Hỗ trợ %s %s đồng vượt mức trần %s đồng theo %s; giảm còn %s đồng", lower(label), sum, c.Amount, c.Citation, c.Amount),
				MessageEN: fmt.Sprintf("Support for %s of %s VND is above the cap of %s VND under %s; lowered to %s VND", lower(costTypeEN(def, c.CostType)), sum, c.Amount, c.Citation, c.Amount)})
		}
	}
	return notes
}

// applyProjectCaps lowers support so that the whole project stays within the caps per project,
// establishment and year (the year's cap less the support already received this year); the smallest
// applies. It returns a note for every cap that bit, the binding one last.
func applyProjectCaps(support []Money, caps []Cap, prior Money) []BudgetNote {
	var notes []BudgetNote
	var all []int
	var sum Money
	for i := range support {
		if support[i] > 0 {
			all = append(all, i)
			sum += support[i]
		}
	}
	for _, c := range projectCaps(caps, prior) {
		if sum <= c.limit {
			continue
		}
		spread(support, all, c.limit)
		notes = append(notes, BudgetNote{Kind: "cap", Citation: c.Citation, Unverified: c.Unverified, Message: c.message(sum), MessageEN: c.messageEN(sum)})
		sum = c.limit
	}
	return notes
}

// groupLines groups the lines by cost type in the programme's cost-type order (unknown cost types
// last), numbers the groups in Roman numerals and the lines within each group, and returns the
// groups with the lines in table order.
func groupLines(lines []LineResult, def *ProgrammeDef, sr *ScopeRules) ([]GroupResult, []LineResult) {
	order := map[string]int{}
	for i, c := range def.CostTypes {
		order[c.ID] = i
	}
	groupOf := map[string]int{}
	var groups []GroupResult
	for i := range lines {
		ct := lines[i].CostType
		if _, ok := groupOf[ct]; !ok {
			label := ct
			if c, ok := def.CostType(ct); ok {
				label = c.Label
			}
			groupOf[ct] = len(groups)
			groups = append(groups, GroupResult{CostType: ct, Label: label})
		}
	}
	sort.SliceStable(groups, func(a, b int) bool { return rank(order, groups[a].CostType) < rank(order, groups[b].CostType) })
	for gi := range groups {
		groups[gi].Numeral = Roman(gi + 1)
		if r := sr.CostTypes[groups[gi].CostType]; r != nil && r.Eligible {
			groups[gi].RateBP = r.RateBP
		}
	}
	out := make([]LineResult, 0, len(lines))
	for gi := range groups {
		n := 0
		for i := range lines {
			if lines[i].CostType != groups[gi].CostType {
				continue
			}
			n++
			l := lines[i]
			l.Number = n
			groups[gi].Lines = append(groups[gi].Lines, len(out))
			groups[gi].Total += l.Total
			groups[gi].Support += l.Support
			groups[gi].Counterpart += l.Counterpart
			out = append(out, l)
		}
	}
	return groups, out
}

func rank(order map[string]int, ct string) int {
	if r, ok := order[ct]; ok {
		return r
	}
	return len(order)
}

type projectCap struct {
	Cap
	limit Money
	prior Money
}

func (c projectCap) message(before Money) string {
	switch c.Per {
	case CapPerYear:
		return fmt.Sprintf("Tổng hỗ trợ %s đồng vượt mức trần %s đồng mỗi năm theo %s (đã nhận %s đồng trong năm); giảm còn %s đồng", before, c.Amount, c.Citation, c.prior, c.limit)
	case CapPerEstablishment:
		return fmt.Sprintf("Tổng hỗ trợ %s đồng vượt mức trần %s đồng cho một cơ sở theo %s; giảm còn %s đồng", before, c.Amount, c.Citation, c.limit)
	}
	return fmt.Sprintf("Tổng hỗ trợ %s đồng vượt mức trần %s đồng cho một đề án theo %s; giảm còn %s đồng", before, c.Amount, c.Citation, c.limit)
}

func (c projectCap) messageEN(before Money) string {
	switch c.Per {
	case CapPerYear:
		return fmt.Sprintf("Total support of %s VND is above the cap of %s VND a year under %s (%s VND already received this year); lowered to %s VND", before, c.Amount, c.Citation, c.prior, c.limit)
	case CapPerEstablishment:
		return fmt.Sprintf("Total support of %s VND is above the cap of %s VND for one establishment under %s; lowered to %s VND", before, c.Amount, c.Citation, c.limit)
	}
	return fmt.Sprintf("Total support of %s VND is above the cap of %s VND for one project under %s; lowered to %s VND", before, c.Amount, c.Citation, c.limit)
}

// costTypeEN is the English name of a cost type of the programme, or its id.
func costTypeEN(def *ProgrammeDef, id string) string {
	if ct, ok := def.CostType(id); ok && ct.LabelEN != "" {
		return ct.LabelEN
	}
	return id
}

// projectCaps returns the project-wide caps, each with its effective limit, smallest last so that the
// note of the binding cap comes last.
func projectCaps(caps []Cap, prior Money) []projectCap {
	var out []projectCap
	for _, c := range caps {
		pc := projectCap{Cap: c, limit: c.Amount}
		switch c.Per {
		case CapPerProject, CapPerEstablishment:
		case CapPerYear:
			pc.prior = prior
			pc.limit = c.Amount - prior
			if pc.limit < 0 {
				pc.limit = 0
			}
		default:
			continue
		}
		out = append(out, pc)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].limit > out[b].limit })
	return out
}

// lineTotal is quantity (hundredths) × unit price, divided by 100 and rounded down, without overflow.
func lineTotal(q Quantity, price Money) (Money, error) {
	if q < 0 || price < 0 {
		return 0, errorEN("số lượng và đơn giá không được âm", "the quantity and the unit price cannot be negative")
	}
	hi, lo := bits.Mul64(uint64(q), uint64(price))
	if hi >= 100 {
		return 0, errorEN(fmt.Sprintf("thành tiền vượt quá %s đồng", MaxMoney), fmt.Sprintf("the line total is above %s VND", MaxMoney))
	}
	t, _ := bits.Div64(hi, lo, 100)
	if t > uint64(MaxMoney) {
		return 0, errorEN(fmt.Sprintf("thành tiền vượt quá %s đồng", MaxMoney), fmt.Sprintf("the line total is above %s VND", MaxMoney))
	}
	return Money(t), nil
}

// mulDiv returns floor(m × num / den) for non-negative values without overflow.
func mulDiv(m Money, num, den int64) Money {
	hi, lo := bits.Mul64(uint64(m), uint64(num))
	q, _ := bits.Div64(hi, lo, uint64(den))
	return Money(q)
}

// spread lowers support[i] for i in idx so that they add up to limit, in proportion to their
// current values, giving leftover đồng to the largest remainders (ties to the earlier line).
func spread(support []Money, idx []int, limit Money) {
	var sum big.Int
	for _, i := range idx {
		sum.Add(&sum, big.NewInt(int64(support[i])))
	}
	if sum.Sign() == 0 {
		return
	}
	type share struct {
		i   int
		rem *big.Int
	}
	shares := make([]share, 0, len(idx))
	var given Money
	L := big.NewInt(int64(limit))
	for _, i := range idx {
		var prod, q, r big.Int
		prod.Mul(L, big.NewInt(int64(support[i])))
		q.QuoRem(&prod, &sum, &r)
		support[i] = Money(q.Int64())
		given += support[i]
		shares = append(shares, share{i, &r})
	}
	sort.SliceStable(shares, func(a, b int) bool { return shares[a].rem.Cmp(shares[b].rem) > 0 })
	for k := 0; given < limit && k < len(shares); k++ {
		support[shares[k].i]++
		given++
	}
}

// Roman writes n (1–3999) in Roman numerals, for the group rows of the budget table.
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	out := ""
	for i, v := range vals {
		for n >= v {
			out += syms[i]
			n -= v
		}
	}
	return out
}

// PercentBP writes a rate in basis points as a Vietnamese percentage: 5000 → "50%", 3750 → "37,5%".
func PercentBP(bp int64) string {
	whole := bp / 100
	frac := bp % 100
	if frac == 0 {
		return fmt.Sprintf("%d%%", whole)
	}
	s := fmt.Sprintf("%d,%02d", whole, frac)
	if s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return s + "%"
}

func lower(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return string(append([]rune(toLowerRune(r[0])), r[1:]...))
}
