package forms

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// PlanInput is one dossier offered to the plan, with where it came from (a file path or a library id).
type PlanInput struct {
	Source string
	App    *Application
}

// PlanOptions choose the dossiers of a plan and the data it is built with.
type PlanOptions struct {
	Year     int      // plan year; 0: every year
	Province string   // province whose Department receives the dossiers; "": every province
	Fund     FundKind // "": both funds
	// Ceiling is the province's budget for khuyến công support, entered by the user; 0: none.
	Ceiling Money

	Packs      []*RulePack     // rule packs for each dossier's budget (nil: DefaultPacks)
	Groups     []*GroupPack    // content-group packs (nil: DefaultGroupPacks)
	Priorities []*PriorityPack // priority packs (nil: DefaultPriorityPacks)
}

// Plan is a province's khuyến công plan assembled from dossiers: the items, their totals by content
// group and overall, the dossiers left out and why, and the flags an officer must look at. Every
// figure comes from ComputeBudget of the dossier itself.
type Plan struct {
	Year     int      `json:"year"`
	Province string   `json:"province,omitempty"`
	Fund     FundKind `json:"fund,omitempty"`

	GroupPack     string `json:"group_pack"`
	GroupCitation string `json:"group_citation"`
	PriorityPack  string `json:"priority_pack"`
	PriorityYear  int    `json:"priority_year"`
	PriorityCite  string `json:"priority_citation"`

	Items    []PlanItem       `json:"items"`
	Groups   []PlanGroupTotal `json:"groups"`
	Dossiers int              `json:"dossiers"`
	PlanTotals

	Excluded   []PlanExcluded  `json:"excluded"`   // dossiers with blocking problems: listed, not summed
	Duplicates []PlanDuplicate `json:"duplicates"` // one applicant, two dossiers of the same content group
	Ceiling    Money           `json:"ceiling,omitempty"`
	OverBy     Money           `json:"over_by,omitempty"` // support above the ceiling: how much to cut
}

// PlanTotals are the three sums of a plan or a group.
type PlanTotals struct {
	Total       Money `json:"total"`
	Support     Money `json:"support"`
	Counterpart Money `json:"counterpart"`
}

func (t *PlanTotals) add(it PlanItem) {
	t.Total += it.Total
	t.Support += it.Support
	t.Counterpart += it.Counterpart
}

// PlanItem is one dossier in the plan.
type PlanItem struct {
	Number           int            `json:"number"` // running number inside its group, from 1
	ID               string         `json:"id"`     // library id or file path
	Title            string         `json:"title"`
	Applicant        string         `json:"applicant"`
	TaxCode          string         `json:"tax_code"`
	ImplementingUnit string         `json:"implementing_unit"`
	Place            string         `json:"place"`
	Programme        Programme      `json:"programme"`
	Scope            string         `json:"scope"`
	Group            string         `json:"group"`
	Start            Date           `json:"start"`
	End              Date           `json:"end"`
	Total            Money          `json:"total"`
	Support          Money          `json:"support"`
	Counterpart      Money          `json:"counterpart"`
	Priority         PriorityResult `json:"priority"`
}

// PlanGroupTotal is one content group of the plan with its sums.
type PlanGroupTotal struct {
	Group    string `json:"group"`
	Label    string `json:"label"`
	LabelEN  string `json:"label_en,omitempty"`
	Dossiers int    `json:"dossiers"`
	PlanTotals
}

// PlanExcluded is a dossier left out of the plan's sums, with the problems that block it.
type PlanExcluded struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Applicant string   `json:"applicant"`
	Reasons   []string `json:"reasons"`
}

// PlanDuplicate flags one applicant with several dossiers in the same content group: the same
// content must not be funded twice.
type PlanDuplicate struct {
	Applicant string   `json:"applicant"`
	TaxCode   string   `json:"tax_code"`
	Group     string   `json:"group"`
	Items     []string `json:"items"` // ids of the dossiers
}

// InPlan reports whether the dossier belongs to a plan with these options (year, province, fund).
func (o PlanOptions) InPlan(app *Application) bool {
	if o.Year != 0 && app.Year != o.Year {
		return false
	}
	if o.Fund != "" && app.Fund.Kind != o.Fund {
		return false
	}
	if o.Province != "" && PlanProvince(app) != o.Province {
		return false
	}
	return true
}

// PlanProvince is the province whose Department receives the dossier: the fund's province, else
// the establishment's.
func PlanProvince(app *Application) string {
	if app.Fund.Province != "" {
		return app.Fund.Province
	}
	return app.Enterprise.Address.Province
}

// BuildPlan assembles the plan from the dossiers that match the options. Dossiers with blocking
// problems are listed apart and not summed; every sum is the sum of ComputeBudget's results.
func BuildPlan(inputs []PlanInput, opts PlanOptions) (*Plan, error) {
	if opts.Packs == nil {
		opts.Packs = DefaultPacks()
	}
	if opts.Groups == nil {
		opts.Groups = DefaultGroupPacks()
	}
	if opts.Priorities == nil {
		opts.Priorities = DefaultPriorityPacks()
	}
	gp, err := GroupPackFor(opts.Province, opts.Year, opts.Groups)
	if err != nil {
		return nil, err
	}
	pp, err := PriorityPackFor(opts.Year, opts.Priorities)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Year: opts.Year, Province: opts.Province, Fund: opts.Fund,
		GroupPack: gp.Key(), GroupCitation: gp.Citation,
		PriorityPack: pp.Key(), PriorityYear: pp.Year, PriorityCite: pp.Citation,
		Ceiling: opts.Ceiling}

	byGroup := map[string][]PlanItem{}
	for _, in := range inputs {
		app := in.App
		if app == nil || !opts.InPlan(app) {
			continue
		}
		rep := Check(app, opts.Packs)
		if rep.Blocking() || rep.Budget == nil {
			plan.Excluded = append(plan.Excluded, PlanExcluded{ID: in.Source, Title: app.Project.Title,
				Applicant: app.Enterprise.Name, Reasons: blockingReasons(rep)})
			continue
		}
		g, ok := gp.Group(app.Programme)
		if !ok {
			plan.Excluded = append(plan.Excluded, PlanExcluded{ID: in.Source, Title: app.Project.Title, Applicant: app.Enterprise.Name,
				Reasons: []string{fmt.Sprintf("chương trình %s không thuộc nhóm nội dung nào của kế hoạch (%s)", app.Programme.Label(), gp.Title)}})
			continue
		}
		it := PlanItem{ID: in.Source, Title: app.Project.Title, Applicant: app.Enterprise.Name, TaxCode: app.Enterprise.TaxCode,
			ImplementingUnit: app.ImplementingUnitName(), Place: planPlace(app), Programme: app.Programme, Scope: app.Project.Scope,
			Group: g.ID, Start: app.Project.StartDate, End: app.Project.EndDate,
			Total: rep.Budget.Total, Support: rep.Budget.Support, Counterpart: rep.Budget.Counterpart,
			Priority: EvaluatePriority(app, pp)}
		byGroup[g.ID] = append(byGroup[g.ID], it)
	}

	col := collate.New(language.Vietnamese)
	for _, g := range gp.Groups {
		items := byGroup[g.ID]
		sort.SliceStable(items, func(i, j int) bool {
			ri, rj := priorityRank(pp, items[i].Priority.Level), priorityRank(pp, items[j].Priority.Level)
			if ri != rj {
				return ri < rj
			}
			if c := col.CompareString(items[i].Applicant, items[j].Applicant); c != 0 {
				return c < 0
			}
			return items[i].ID < items[j].ID
		})
		gt := PlanGroupTotal{Group: g.ID, Label: g.Label, LabelEN: g.LabelEN, Dossiers: len(items)}
		for i := range items {
			items[i].Number = i + 1
			gt.add(items[i])
			plan.add(items[i])
		}
		plan.Groups = append(plan.Groups, gt)
		plan.Items = append(plan.Items, items...)
		plan.Dossiers += len(items)
		plan.Duplicates = append(plan.Duplicates, duplicatesIn(items)...)
	}
	if opts.Ceiling > 0 && plan.Support > opts.Ceiling {
		plan.OverBy = plan.Support - opts.Ceiling
	}
	return plan, nil
}

func blockingReasons(rep *Report) []string {
	var out []string
	for _, p := range rep.Problems {
		if p.Severity == SeverityError {
			out = append(out, p.Message)
		}
	}
	if len(out) == 0 {
		out = append(out, "không tính được dự toán")
	}
	return out
}

func planPlace(app *Application) string {
	if s := strings.TrimSpace(app.Project.Location); s != "" {
		return s
	}
	return app.Enterprise.Address.String()
}

func priorityRank(pp *PriorityPack, level string) int {
	for i, l := range pp.Levels {
		if l.Level == level {
			return i
		}
	}
	return len(pp.Levels)
}

// duplicatesIn finds applicants (by tax code, else by name) with more than one dossier in a group.
func duplicatesIn(items []PlanItem) []PlanDuplicate {
	type key struct{ who, group string }
	seen := map[key][]int{}
	var order []key
	for i, it := range items {
		who := it.TaxCode
		if who == "" {
			who = strings.ToLower(Clean(it.Applicant))
		}
		k := key{who, it.Group}
		if _, ok := seen[k]; !ok {
			order = append(order, k)
		}
		seen[k] = append(seen[k], i)
	}
	var out []PlanDuplicate
	for _, k := range order {
		idx := seen[k]
		if len(idx) < 2 {
			continue
		}
		d := PlanDuplicate{Applicant: items[idx[0]].Applicant, TaxCode: items[idx[0]].TaxCode, Group: k.group}
		for _, i := range idx {
			d.Items = append(d.Items, items[i].ID)
		}
		out = append(out, d)
	}
	return out
}
