package forms

import (
	"fmt"
	"sort"
	"strings"
)

// criterion evaluates one eligibility criterion of a rule pack.
type criterion struct {
	label, labelEN string
	path           string
	eval           func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) // status, reason, applies
}

// reason is a criterion's reason in Vietnamese and English.
type reason struct{ vi, en string }

var criteria = map[string]criterion{
	"kind": {"Loại hình cơ sở", "Legal form", "enterprise.kind", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		k := app.Enterprise.Kind
		if k == "" {
			return CriterionUnknown, reason{"chưa chọn loại hình cơ sở", "the legal form is not chosen"}, true
		}
		for _, a := range c.Kinds {
			if a == k {
				return CriterionMet, reason{k.Label() + " thuộc đối tượng được hỗ trợ", k.LabelEN() + " is a legal form that may be supported"}, true
			}
		}
		return CriterionFailed, reason{k.Label() + " không thuộc đối tượng được hỗ trợ", k.LabelEN() + " is not a legal form that may be supported"}, true
	}},
	"sme": {"Quy mô doanh nghiệp nhỏ và vừa", "Small or medium enterprise", "enterprise.insured_employees", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		class, why, whyEN := app.Enterprise.SizeBoth()
		r := reason{why, whyEN}
		if class == SizeNotApplicable {
			return CriterionMet, r, true
		}
		if class == SizeUnknown {
			return CriterionUnknown, r, true
		}
		for _, s := range c.SizeClasses {
			if s == class {
				return CriterionMet, r, true
			}
		}
		return CriterionFailed, r, true
	}},
	"industry": {"Ngành nghề được khuyến công", "Eligible industry", "enterprise.industry", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		code := app.Enterprise.Industry
		in, ok := IndustryByCode(code)
		if code == "" {
			return CriterionUnknown, reason{"chưa chọn ngành nghề", "the industry is not chosen"}, true
		}
		if !ok {
			return CriterionFailed, reason{fmt.Sprintf("ngành %q không thuộc danh mục được khuyến công", code),
				fmt.Sprintf("industry %q is not on the list of industries industrial promotion supports", code)}, true
		}
		if len(c.Industries) == 0 {
			return CriterionMet, reason{in.Label + " thuộc ngành nghề được khuyến công", in.LabelEN + " is an industry industrial promotion supports"}, true
		}
		for _, a := range c.Industries {
			if a == code {
				return CriterionMet, reason{in.Label + " thuộc ngành nghề được hỗ trợ", in.LabelEN + " is an industry this programme supports"}, true
			}
		}
		return CriterionFailed, reason{in.Label + " không thuộc ngành nghề của chương trình này", in.LabelEN + " is not an industry of this programme"}, true
	}},
	"new-equipment": {"Máy móc thiết bị mới 100%", "Machinery 100% new", "project.machines", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		ms := app.Project.Machines
		if len(ms) == 0 {
			return CriterionUnknown, reason{"chưa kê khai máy móc thiết bị", "no machine is listed"}, true
		}
		var old []string
		for i, m := range ms {
			if !m.New {
				old = append(old, fmt.Sprintf("%d. %s", i+1, m.Name))
			}
		}
		if len(old) > 0 {
			return CriterionFailed, reason{"máy móc không phải mới 100%: " + strings.Join(old, "; "), "machines not 100% new: " + strings.Join(old, "; ")}, true
		}
		return CriterionMet, reason{fmt.Sprintf("cả %d máy móc thiết bị đều mới 100%%", len(ms)), fmt.Sprintf("all %d machines are 100%% new", len(ms))}, true
	}},
	"counterpart": {"Cam kết bố trí kinh phí đối ứng", "Commitment to fund the counterpart", "commitments.counterpart", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		if app.Commitments.Counterpart {
			return CriterionMet, reason{"đã cam kết đầu tư toàn bộ phần kinh phí còn lại", "the applicant commits to fund the whole remaining cost"}, true
		}
		return CriterionFailed, reason{"chưa cam kết bố trí kinh phí đối ứng", "the commitment to fund the counterpart is not ticked"}, true
	}},
	"no-other-funding": {"Không trùng nguồn kinh phí nhà nước", "No other state funding for the same work", "commitments.no_other_funding", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		if app.Commitments.NoOtherFunding {
			return CriterionMet, reason{"đã cam kết nội dung chưa nhận hỗ trợ từ nguồn nhà nước khác", "the applicant commits that no other state source supports this work"}, true
		}
		return CriterionFailed, reason{"chưa cam kết không nhận hỗ trợ trùng từ nguồn nhà nước khác", "the commitment that no other state source supports this work is not ticked"}, true
	}},
	"foreign-fairs": {"Số lần tham gia hội chợ nước ngoài trong năm", "Fairs abroad this year", "project.foreign_fairs_this_year", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		def := Definition(app.Programme)
		if def == nil || def.ScopeOf(app) != "abroad" {
			return "", reason{}, false
		}
		n := app.Project.ForeignFairsThisYear
		if n+1 > c.Max {
			return CriterionFailed, reason{fmt.Sprintf("đã được hỗ trợ %d lần trong năm; lần này là lần thứ %d, vượt tối đa %d lần/năm", n, n+1, c.Max),
				fmt.Sprintf("supported %d times this year already; this would be number %d, above the limit of %d a year", n, n+1, c.Max)}, true
		}
		return CriterionMet, reason{fmt.Sprintf("lần này là lần thứ %d trong năm (tối đa %d lần)", n+1, c.Max),
			fmt.Sprintf("this is number %d this year (at most %d)", n+1, c.Max)}, true
	}},
	"area": {"Địa bàn của cơ sở", "Where the establishment is", "enterprise.address.province", func(app *Application, c CriterionRule) (CriterionStatus, reason, bool) {
		prov := app.Enterprise.Address.Province
		if prov == "" {
			return CriterionUnknown, reason{"chưa chọn tỉnh, thành phố của cơ sở", "the establishment's province is not chosen"}, true
		}
		name := prov
		if p, ok := ProvinceByCode(prov); ok {
			name = p.FullName()
		}
		if len(c.Provinces) > 0 {
			for _, a := range c.Provinces {
				if a == prov {
					return CriterionMet, reason{"cơ sở đặt tại " + name, "the establishment is in " + name}, true
				}
			}
			return CriterionFailed, reason{"cơ sở đặt tại " + name + ", ngoài địa bàn áp dụng của gói quy định",
				"the establishment is in " + name + ", outside the area these rules apply to"}, true
		}
		if app.Fund.Kind == FundLocal && app.Fund.Province != "" && app.Fund.Province != prov {
			fund := app.Fund.Province
			if p, ok := ProvinceByCode(fund); ok {
				fund = p.FullName()
			}
			return CriterionFailed, reason{"cơ sở đặt tại " + name + " nhưng đề nghị kinh phí khuyến công địa phương của " + fund,
				"the establishment is in " + name + " but asks for the local industrial promotion fund of " + fund}, true
		}
		return CriterionMet, reason{"cơ sở đặt tại " + name, "the establishment is in " + name}, true
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
		status, why, applies := cr.eval(app, c)
		if !applies {
			continue
		}
		out = append(out, CriterionResult{ID: c.ID, Label: cr.label, LabelEN: cr.labelEN, Status: status, Reason: why.vi, ReasonEN: why.en,
			Citation: c.Citation, Unverified: c.Unverified, Path: cr.path})
	}
	return out
}
