package xlsx

import (
	"fmt"
	"math/big"

	"khuyencong/forms"
)

// planChecks lists the checks written under the table: one per cap of the scope, then the per-line
// checks and the check that the amounts in words still match the figures.
func (b *builder) planChecks() []check {
	var out []check
	support := NameSupport
	ok := func(v forms.Money, limit forms.Money) string {
		if v <= limit {
			return "Đúng mức trần"
		}
		return ""
	}
	if sr := b.scopeRules(); sr != nil {
		for _, c := range sr.Caps {
			limit := fmt.Sprintf("%d", int64(c.Amount))
			cite := b.citeSuffix(c.Citation, c.Unverified)
			over := fmt.Sprintf("Vượt mức trần: tổng hỗ trợ lớn hơn %s đồng", c.Amount)
			switch c.Per {
			case forms.CapPerCostType:
				gi := b.groupByCostType(c.CostType)
				if gi < 0 {
					continue
				}
				g := b.res.Groups[gi]
				ref := cell(colSupport, b.groupRow[gi])
				over = fmt.Sprintf("Vượt mức trần: hỗ trợ nhóm %s lớn hơn %s đồng", g.Numeral, c.Amount)
				out = append(out, check{
					label:   fmt.Sprintf("Trần hỗ trợ nhóm %s (%s): %s đồng%s", g.Numeral, g.Label, c.Amount, cite),
					formula: fmt.Sprintf(`IF(%s<=%s,"Đúng mức trần","%s")`, ref, limit, over),
					cached:  orText(ok(g.Support, c.Amount), over),
				})
			case forms.CapPerYear:
				prior := b.app.Project.PriorSupportThisYear
				out = append(out, check{
					label: fmt.Sprintf("Trần hỗ trợ một cơ sở trong năm: %s đồng, đã nhận trong năm %s đồng%s",
						c.Amount, prior, cite),
					formula: fmt.Sprintf(`IF(%s<=%s-%d,"Đúng mức trần","Vượt mức trần: tổng hỗ trợ cộng số đã nhận trong năm lớn hơn %s đồng")`,
						support, limit, int64(prior), c.Amount),
					cached: orText(ok(b.res.Support+prior, c.Amount),
						fmt.Sprintf("Vượt mức trần: tổng hỗ trợ cộng số đã nhận trong năm lớn hơn %s đồng", c.Amount)),
				})
			default:
				what := "đề án"
				if c.Per == forms.CapPerEstablishment {
					what = "một cơ sở"
				}
				out = append(out, check{
					label:   fmt.Sprintf("Trần hỗ trợ %s: %s đồng%s", what, c.Amount, cite),
					formula: fmt.Sprintf(`IF(%s<=%s,"Đúng mức trần","%s")`, support, limit, over),
					cached:  orText(ok(b.res.Support, c.Amount), over),
				})
			}
		}
	}
	first, last := b.firstRow, b.lastTableRow()
	if last < first {
		last = first
	}
	sum := func(c int) string { return fmt.Sprintf("SUM($%s$%d:$%s$%d)", col(c), first, col(c), last) }
	var overTotal, overRate int
	for _, l := range b.res.Lines {
		overTotal += oneIf(l.Support > l.Total)
		overRate += oneIf(exceedsRate(l))
	}
	out = append(out,
		check{
			label:   "Hỗ trợ của từng dòng không lớn hơn thành tiền của dòng",
			formula: fmt.Sprintf(`IF(%s=0,"Đúng","Sai: có "&%s&" dòng hỗ trợ lớn hơn thành tiền")`, sum(colOverTotal), sum(colOverTotal)),
			cached:  orText(map[bool]string{true: "Đúng"}[overTotal == 0], fmt.Sprintf("Sai: có %d dòng hỗ trợ lớn hơn thành tiền", overTotal)),
		},
		check{
			label:   "Hỗ trợ của từng dòng không vượt tỷ lệ hỗ trợ nhân thành tiền",
			formula: fmt.Sprintf(`IF(%s=0,"Đúng","Sai: có "&%s&" dòng hỗ trợ vượt tỷ lệ")`, sum(colOverRate), sum(colOverRate)),
			cached:  orText(map[bool]string{true: "Đúng"}[overRate == 0], fmt.Sprintf("Sai: có %d dòng hỗ trợ vượt tỷ lệ", overRate)),
		},
		check{
			label: "Số tiền bằng chữ khớp với số liệu của bảng",
			formula: fmt.Sprintf(`IF(AND(%s=%d,%s=%d,%s=%d),"Đúng","Số liệu đã sửa sau khi lập bảng: số tiền bằng chữ chưa cập nhật, hãy lập lại bảng bằng ứng dụng")`,
				NameTotal, int64(b.res.Total), NameSupport, int64(b.res.Support), NameCounterpart, int64(b.res.Counterpart)),
			cached: "Đúng",
		},
	)
	return out
}

// exceedsRate reports whether a line's support is above floor(total × rate / 10000), exactly as the
// sheet's check column tests it. It predicts the check's cached value; it is never shown as a figure.
func exceedsRate(l forms.LineResult) bool {
	limit := new(big.Int).Mul(big.NewInt(int64(l.Total)), big.NewInt(l.RateBP))
	limit.Quo(limit, big.NewInt(10000))
	return big.NewInt(int64(l.Support)).Cmp(limit) > 0
}

func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orText(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

// citeSuffix is " (citation)", with the unverified flag in a draft; a final sheet prints only
// what official paper may (forms.OfficialText).
func (b *builder) citeSuffix(citation string, unverified bool) string {
	if !b.opts.Draft {
		citation, unverified = officialOrEmpty(citation), false
	}
	s := ""
	if citation != "" {
		s = " (" + citation + ")"
	}
	if unverified {
		s += " [chưa xác minh]"
	}
	return s
}
