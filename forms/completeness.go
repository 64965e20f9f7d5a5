package forms

import "fmt"

// CheckCompleteness counts, per step and for the whole dossier, the required questions that apply
// and are answered, and the required attachments that apply and are provided. A table counts as one
// item, complete when it has its minimum rows with every required cell filled.
func CheckCompleteness(app *Application) Completeness {
	var c Completeness
	def := Definition(app.Programme)
	if def == nil {
		return c
	}
	checklist := Checklist(app)
	for _, step := range def.VisibleSteps(app) {
		sc := StepCompleteness{StepID: step.ID, Title: step.Title}
		miss := func(path, label, labelEN string) {
			sc.Missing = append(sc.Missing, MissingItem{Path: path, Step: step.ID, Label: label, LabelEN: labelEN})
		}
		switch step.Kind {
		case StepBudget:
			sc.Total = 1
			if budgetComplete(app) {
				sc.Done = 1
			} else {
				miss("budget.lines", "Dự toán kinh phí (mỗi dòng cần loại chi phí, nội dung, số lượng và đơn giá)",
					"Budget (each line needs a cost type, a description, a quantity and a unit price)")
			}
		case StepAttachments:
			for _, it := range checklist {
				if !it.Def.Required {
					continue
				}
				sc.Total++
				if it.Status != AttachmentMissing {
					sc.Done++
				} else {
					miss("attachments."+it.Def.ID, it.Def.Title, it.Def.TitleEN)
				}
			}
		}
		for _, f := range step.Fields {
			if !f.RequiredFor(app) || !f.Applies(app) {
				continue
			}
			sc.Total++
			if fieldAnswered(app, f) {
				sc.Done++
			} else {
				miss(f.Path, f.Label, f.LabelEN)
			}
		}
		c.Steps = append(c.Steps, sc)
		c.Done += sc.Done
		c.Total += sc.Total
		c.Missing = append(c.Missing, sc.Missing...)
	}
	c.Percent = 100
	if c.Total > 0 {
		c.Percent = 100 * c.Done / c.Total
	}
	return c
}

func fieldAnswered(app *Application, f Field) bool {
	if f.Kind == FieldTable {
		n := RowCount(app, f.Path)
		if n < max(f.MinRows, 1) {
			return false
		}
		for r := 0; r < n; r++ {
			for _, col := range f.Columns {
				if !col.Required {
					continue
				}
				v, err := GetField(app, fmt.Sprintf("%s[%d].%s", f.Path, r, col.Path))
				if err != nil || v == "" {
					return false
				}
			}
		}
		return true
	}
	v, err := GetField(app, f.Path)
	if err != nil || v == "" {
		return false
	}
	return !(f.Kind == FieldBool && v == "false")
}

func budgetComplete(app *Application) bool {
	if len(app.Budget.Lines) == 0 {
		return false
	}
	for _, l := range app.Budget.Lines {
		if l.CostType == "" || Clean(l.Description) == "" || l.Quantity <= 0 || l.UnitPrice <= 0 {
			return false
		}
	}
	return true
}

// Check runs every check on the application: it chooses the rule pack, computes the budget,
// evaluates eligibility and completeness, and gathers all problems. Eligibility criteria that fail
// block submission; criteria that cannot be decided are warnings.
func Check(app *Application, packs []*RulePack) *Report {
	r := &Report{}
	r.Problems = Validate(app)
	r.Completeness = CheckCompleteness(app)
	pack, err := PackFor(app, packs)
	if err != nil {
		r.Problems = append(r.Problems, Problem{Code: CodeFund, Path: "fund", Step: "general", Severity: SeverityError, Message: err.Error(), MessageEN: EnglishOf(err)})
		r.Problems = append(r.Problems, Review(app)...)
		return r
	}
	r.Pack = pack
	if b, err := ComputeBudget(app, pack); err != nil {
		r.Problems = append(r.Problems, Problem{Code: CodeBudget, Path: "budget.lines", Step: "budget", Severity: SeverityError,
			Message: "Không tính được dự toán: " + err.Error(), MessageEN: "The budget cannot be computed: " + EnglishOf(err)})
	} else {
		r.Budget = b
		for _, n := range b.Notes {
			if n.Kind == "ineligible" && n.Line > 0 {
				r.Problems = append(r.Problems, Problem{Code: CodeIneligibleCost, Path: fmt.Sprintf("budget.lines[%d].cost_type", n.Line-1), Step: "budget",
					Severity: SeverityInfo, Message: n.Message, MessageEN: n.MessageEN, Citation: n.Citation})
			}
		}
	}
	r.Eligibility = Evaluate(app, pack)
	def := Definition(app.Programme)
	for _, c := range r.Eligibility {
		step := ""
		if def != nil {
			step = def.StepOfPath(c.Path)
		}
		switch c.Status {
		case CriterionFailed:
			r.Problems = append(r.Problems, Problem{Code: CodeEligibility, Path: c.Path, Step: step, Severity: SeverityError, Citation: c.Citation,
				Message:   fmt.Sprintf("Không đủ điều kiện – %s: %s", c.Label, c.Reason),
				MessageEN: fmt.Sprintf("Not eligible – %s: %s", c.LabelEN, c.ReasonEN)})
		case CriterionUnknown:
			r.Problems = append(r.Problems, Problem{Code: CodeEligibilityUnknown, Path: c.Path, Step: step, Severity: SeverityWarning, Citation: c.Citation,
				Message:   fmt.Sprintf("Chưa xác định được điều kiện – %s: %s", c.Label, c.Reason),
				MessageEN: fmt.Sprintf("Eligibility not yet known – %s: %s", c.LabelEN, c.ReasonEN)})
		}
	}
	if pack.Override {
		r.Problems = append(r.Problems, Problem{Code: CodeRulePackOverride, Path: "rule_pack", Severity: SeverityWarning, Message: OverrideNote(pack), MessageEN: OverrideNoteEN(pack)})
	}
	if pack.HasUnverified() {
		r.Problems = append(r.Problems, Problem{Code: CodeUnverified, Path: "rule_pack", Severity: SeverityInfo,
			Message:   fmt.Sprintf("%s có giá trị chưa xác minh với văn bản gốc; đối chiếu với Sở Công Thương trước khi nộp", pack.Title),
			MessageEN: fmt.Sprintf("The rules \"%s\" hold values not verified against the legal texts; check with the Department of Industry and Trade before submitting", pack.Title)})
	}
	r.Problems = append(r.Problems, Review(app)...)
	// Fill in the step of each problem from the registry.
	if def != nil {
		for i := range r.Problems {
			if r.Problems[i].Step == "" {
				r.Problems[i].Step = def.StepOfPath(r.Problems[i].Path)
			}
		}
	}
	return r
}
