package forms

import (
	"fmt"
	"sort"
	"strings"
)

// criterion evaluates one eligibility criterion of a rule pack.
type criterion struct {
	label string
	path  string
	eval  func(app *Application, c CriterionRule) (CriterionStatus, string, bool) // status, reason, applies
}

var criteria = map[string]criterion{
	"kind": {"Loại hình cơ sở", "enterprise.kind", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		k := app.Enterprise.Kind
		if k == "" {
			return CriterionUnknown, "chưa chọn loại hình cơ sở", true
		}
		for _, a := range c.Kinds {
			if a == k {
				return CriterionMet, k.Label() + " thuộc đối tượng được hỗ trợ", true
			}
		}
		return CriterionFailed, k.Label() + " không thuộc đối tượng được hỗ trợ", true
	}},
	"sme": {"Quy mô doanh nghiệp nhỏ và vừa", "enterprise.insured_employees", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		class, why := app.Enterprise.Size()
		if class == SizeNotApplicable {
			return CriterionMet, why, true
		}
		if class == SizeUnknown {
			return CriterionUnknown, why, true
		}
		for _, s := range c.SizeClasses {
			if s == class {
				return CriterionMet, why, true
			}
		}
		return CriterionFailed, why, true
	}},
	"industry": {"Ngành nghề được khuyến công", "enterprise.industry", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		code := app.Enterprise.Industry
		in, ok := IndustryByCode(code)
		if code == "" {
			return CriterionUnknown, "chưa chọn ngành nghề", true
		}
		if !ok {
			return CriterionFailed, fmt.Sprintf("ngành %q không thuộc danh mục được khuyến công", code), true
		}
		if len(c.Industries) == 0 {
			return CriterionMet, in.Label + " thuộc ngành nghề được khuyến công", true
		}
		for _, a := range c.Industries {
			if a == code {
				return CriterionMet, in.Label + " thuộc ngành nghề được hỗ trợ", true
			}
		}
		return CriterionFailed, in.Label + " không thuộc ngành nghề của chương trình này", true
	}},
	"new-equipment": {"Máy móc thiết bị mới 100%", "project.machines", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		ms := app.Project.Machines
		if len(ms) == 0 {
			return CriterionUnknown, "chưa kê khai máy móc thiết bị", true
		}
		var old []string
		for i, m := range ms {
			if !m.New {
				old = append(old, fmt.Sprintf("%d. %s", i+1, m.Name))
			}
		}
		if len(old) > 0 {
			return CriterionFailed, "máy móc không phải mới 100%: " + strings.Join(old, "; "), true
		}
		return CriterionMet, fmt.Sprintf("cả %d máy móc thiết bị đều mới 100%%", len(ms)), true
	}},
	"counterpart": {"Cam kết bố trí kinh phí đối ứng", "commitments.counterpart", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		if app.Commitments.Counterpart {
			return CriterionMet, "đã cam kết đầu tư toàn bộ phần kinh phí còn lại", true
		}
		return CriterionFailed, "chưa cam kết bố trí kinh phí đối ứng", true
	}},
	"no-other-funding": {"Không trùng nguồn kinh phí nhà nước", "commitments.no_other_funding", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		if app.Commitments.NoOtherFunding {
			return CriterionMet, "đã cam kết nội dung chưa nhận hỗ trợ từ nguồn nhà nước khác", true
		}
		return CriterionFailed, "chưa cam kết không nhận hỗ trợ trùng từ nguồn nhà nước khác", true
	}},
	"foreign-fairs": {"Số lần tham gia hội chợ nước ngoài trong năm", "project.foreign_fairs_this_year", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		def := Definition(app.Programme)
		if def == nil || def.ScopeOf(app) != "abroad" {
			return "", "", false
		}
		n := app.Project.ForeignFairsThisYear
		if n+1 > c.Max {
			return CriterionFailed, fmt.Sprintf("đã được hỗ trợ %d lần trong năm; lần này là lần thứ %d, vượt tối đa %d lần/năm", n, n+1, c.Max), true
		}
		return CriterionMet, fmt.Sprintf("lần này là lần thứ %d trong năm (tối đa %d lần)", n+1, c.Max), true
	}},
	"area": {"Địa bàn của cơ sở", "enterprise.address.province", func(app *Application, c CriterionRule) (CriterionStatus, string, bool) {
		prov := app.Enterprise.Address.Province
		if prov == "" {
			return CriterionUnknown, "chưa chọn tỉnh, thành phố của cơ sở", true
		}
		name := prov
		if p, ok := ProvinceByCode(prov); ok {
			name = p.FullName()
		}
		if len(c.Provinces) > 0 {
			for _, a := range c.Provinces {
				if a == prov {
					return CriterionMet, "cơ sở đặt tại " + name, true
				}
			}
			return CriterionFailed, "cơ sở đặt tại " + name + ", ngoài địa bàn áp dụng của gói quy định", true
		}
		if app.Fund.Kind == FundLocal && app.Fund.Province != "" && app.Fund.Province != prov {
			fund := app.Fund.Province
			if p, ok := ProvinceByCode(fund); ok {
				fund = p.FullName()
			}
			return CriterionFailed, "cơ sở đặt tại " + name + " nhưng đề nghị kinh phí khuyến công địa phương của " + fund, true
		}
		return CriterionMet, "cơ sở đặt tại " + name, true
	}},
}

// CriterionIDs lists the criteria a rule pack may use.
func CriterionIDs() []string {
	ids := make([]string, 0, len(criteria))
	for id := range criteria {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Evaluate checks the application against the pack's eligibility criteria for its programme, one
// result per criterion that applies, each with its reason and legal clause.
func Evaluate(app *Application, pack *RulePack) []CriterionResult {
	if pack == nil {
		return nil
	}
	pr := pack.Programmes[app.Programme]
	if pr == nil {
		return nil
	}
	var out []CriterionResult
	for _, c := range pr.Criteria {
		cr, ok := criteria[c.ID]
		if !ok {
			continue
		}
		status, reason, applies := cr.eval(app, c)
		if !applies {
			continue
		}
		out = append(out, CriterionResult{ID: c.ID, Label: cr.label, Status: status, Reason: reason,
			Citation: c.Citation, Unverified: c.Unverified, Path: cr.path})
	}
	return out
}
