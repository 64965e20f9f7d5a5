package forms

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Plan packs are data, like rule packs: the content groups of a provincial khuyến công plan (they
// differ by province and year) and the priorities of a year's guidance, each dated and cited.

//go:embed plans/*.json
var embeddedPlanPacks embed.FS

// GroupPack is the list of content groups (nhóm nội dung) of a province's khuyến công plan, with
// the programmes whose dossiers fall in each group.
type GroupPack struct {
	ID            string      `json:"id"`
	Version       string      `json:"version"`
	Title         string      `json:"title"`
	Province      string      `json:"province"` // code of one of the 34 provinces; empty: any province
	EffectiveFrom Date        `json:"effective_from"`
	Citation      string      `json:"citation"`
	Unverified    bool        `json:"unverified,omitempty"`
	Groups        []PlanGroup `json:"groups"`
}

// PlanGroup is one content group of a plan.
type PlanGroup struct {
	ID         string      `json:"id"` // "1" … "5": the group's number in the plan
	Label      string      `json:"label"`
	LabelEN    string      `json:"label_en,omitempty"`
	Programmes []Programme `json:"programmes"` // dossiers of these programmes belong to the group
}

// PriorityPack is the list of priorities of one year's guidance for the khuyến công plan.
type PriorityPack struct {
	ID         string              `json:"id"`
	Version    string              `json:"version"`
	Title      string              `json:"title"`
	Year       int                 `json:"year"` // the plan year of the guidance
	Citation   string              `json:"citation"`
	Unverified bool                `json:"unverified,omitempty"`
	Notes      string              `json:"notes,omitempty"`
	Criteria   []PriorityCriterion `json:"criteria"`
	Levels     []PriorityLevelRule `json:"levels"` // from the highest minimum down
}

// PriorityCriterion is one priority of the guidance. Its id names the Go function that decides it
// from the dossier's answers (see PriorityCriterionIDs).
type PriorityCriterion struct {
	ID         string      `json:"id"`
	Label      string      `json:"label"`
	Programmes []Programme `json:"programmes"` // the programmes the priority can apply to
	Hint       string      `json:"hint"`       // what the applicant can do to meet it
	LabelEN    string      `json:"label_en,omitempty"`
	HintEN     string      `json:"hint_en,omitempty"`
}

// PriorityLevelRule gives a level to a dossier that meets at least Min priorities.
type PriorityLevelRule struct {
	Min     int    `json:"min"`
	Level   string `json:"level"` // "high", "priority", "none"
	Label   string `json:"label"`
	LabelEN string `json:"label_en,omitempty"`
}

// Key identifies a pack version: "groups-default@2023.1".
func (p *GroupPack) Key() string { return p.ID + "@" + p.Version }

// Key identifies a pack version: "priorities-national@2023.1".
func (p *PriorityPack) Key() string { return p.ID + "@" + p.Version }

// Group returns the group a programme's dossiers belong to.
func (p *GroupPack) Group(prog Programme) (PlanGroup, bool) {
	for _, g := range p.Groups {
		for _, q := range g.Programmes {
			if q == prog {
				return g, true
			}
		}
	}
	return PlanGroup{}, false
}

var (
	planPacksOnce sync.Once
	planGroups    []*GroupPack
	planPriors    []*PriorityPack
)

func loadEmbeddedPlanPacks() {
	entries, err := embeddedPlanPacks.ReadDir("plans")
	if err != nil {
		panic("embedded plan packs missing: " + err.Error())
	}
	for _, e := range entries {
		data, err := embeddedPlanPacks.ReadFile("plans/" + e.Name())
		if err != nil {
			panic(err)
		}
		switch {
		case strings.HasPrefix(e.Name(), "groups-"):
			g, err := ParseGroupPack(data)
			if err != nil {
				panic(fmt.Sprintf("embedded group pack %s is invalid: %v", e.Name(), err))
			}
			planGroups = append(planGroups, g)
		case strings.HasPrefix(e.Name(), "priorities-"):
			p, err := ParsePriorityPack(data)
			if err != nil {
				panic(fmt.Sprintf("embedded priority pack %s is invalid: %v", e.Name(), err))
			}
			planPriors = append(planPriors, p)
		default:
			panic("embedded plan pack with an unknown name: " + e.Name())
		}
	}
}

// DefaultGroupPacks returns the embedded content-group packs (fresh copies).
func DefaultGroupPacks() []*GroupPack {
	planPacksOnce.Do(loadEmbeddedPlanPacks)
	out := make([]*GroupPack, len(planGroups))
	for i, p := range planGroups {
		c := *p
		c.Groups = append([]PlanGroup(nil), p.Groups...)
		out[i] = &c
	}
	return out
}

// DefaultPriorityPacks returns the embedded priority packs (fresh copies).
func DefaultPriorityPacks() []*PriorityPack {
	planPacksOnce.Do(loadEmbeddedPlanPacks)
	out := make([]*PriorityPack, len(planPriors))
	for i, p := range planPriors {
		c := *p
		c.Criteria = append([]PriorityCriterion(nil), p.Criteria...)
		c.Levels = append([]PriorityLevelRule(nil), p.Levels...)
		out[i] = &c
	}
	return out
}

func decodePlanPack(data []byte, v any) error {
	if len(data) > 1<<20 {
		return &PackError{Problems: []string{"tệp lớn hơn 1 MB, không phải gói kế hoạch"}}
	}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &PackError{Problems: []string{fileErrorFrom(data, err).Error()}}
	}
	if err := normaliseValue(reflectValueOf(v), ""); err != nil {
		return &PackError{Problems: []string{err.Error()}}
	}
	return nil
}

// ParseGroupPack decodes and validates a content-group pack: every group needs an id and a label,
// and a programme may belong to one group only.
func ParseGroupPack(data []byte) (*GroupPack, error) {
	var p GroupPack
	if err := decodePlanPack(data, &p); err != nil {
		return nil, err
	}
	var probs []string
	add := func(format string, a ...any) { probs = append(probs, fmt.Sprintf(format, a...)) }
	checkPackHead(p.ID, p.Version, p.Title, p.Citation, add)
	if p.Province != "" {
		if _, ok := ProvinceByCode(p.Province); !ok {
			add("mã tỉnh %q không thuộc 34 tỉnh, thành phố", p.Province)
		}
	}
	if p.EffectiveFrom.IsZero() {
		add("thiếu ngày hiệu lực (effective_from)")
	}
	if len(p.Groups) == 0 {
		add("gói không có nhóm nội dung nào (groups)")
	}
	ids := map[string]bool{}
	owner := map[Programme]string{}
	for i, g := range p.Groups {
		where := fmt.Sprintf("groups[%d]", i)
		if g.ID == "" {
			add("%s: thiếu số nhóm (id)", where)
		} else if ids[g.ID] {
			add("%s: số nhóm %q trùng", where, g.ID)
		}
		ids[g.ID] = true
		if g.Label == "" {
			add("%s: thiếu tên nhóm (label)", where)
		}
		for _, prog := range g.Programmes {
			if !prog.Valid() {
				add("%s: chương trình %q không tồn tại (chọn equipment, cleaner-production hoặc trade-fair)", where, prog)
				continue
			}
			if o, dup := owner[prog]; dup {
				add("%s: chương trình %s đã thuộc nhóm %s", where, prog, o)
			}
			owner[prog] = g.ID
		}
	}
	if len(probs) > 0 {
		return nil, &PackError{Problems: probs}
	}
	return &p, nil
}

// ParsePriorityPack decodes and validates a priority pack: every criterion must be one the program
// knows how to decide, for programmes that exist, and the levels must end at a minimum of 0.
func ParsePriorityPack(data []byte) (*PriorityPack, error) {
	var p PriorityPack
	if err := decodePlanPack(data, &p); err != nil {
		return nil, err
	}
	var probs []string
	add := func(format string, a ...any) { probs = append(probs, fmt.Sprintf(format, a...)) }
	checkPackHead(p.ID, p.Version, p.Title, p.Citation, add)
	if p.Year < minDateYear || p.Year > maxDateYear {
		add("năm kế hoạch (year) %d không hợp lệ", p.Year)
	}
	if len(p.Criteria) == 0 {
		add("gói không có nội dung ưu tiên nào (criteria)")
	}
	seen := map[string]bool{}
	for i, c := range p.Criteria {
		where := fmt.Sprintf("criteria[%d] %q", i, c.ID)
		if _, ok := priorityFuncs[c.ID]; !ok {
			add("%s: nội dung ưu tiên không có cách xét (chọn một trong: %s)", where, strings.Join(PriorityCriterionIDs(), ", "))
		}
		if seen[c.ID] {
			add("%s: trùng", where)
		}
		seen[c.ID] = true
		if c.Label == "" {
			add("%s: thiếu tên (label)", where)
		}
		if len(c.Programmes) == 0 {
			add("%s: thiếu chương trình áp dụng (programmes)", where)
		}
		for _, prog := range c.Programmes {
			if !prog.Valid() {
				add("%s: chương trình %q không tồn tại", where, prog)
			}
		}
	}
	if len(p.Levels) == 0 {
		add("thiếu các mức ưu tiên (levels)")
	}
	for i, l := range p.Levels {
		where := fmt.Sprintf("levels[%d]", i)
		if l.Level == "" || l.Label == "" {
			add("%s: thiếu mã (level) hoặc tên (label)", where)
		}
		if i > 0 && l.Min >= p.Levels[i-1].Min {
			add("%s: các mức phải xếp theo số nội dung tối thiểu (min) giảm dần", where)
		}
	}
	if n := len(p.Levels); n > 0 && p.Levels[n-1].Min != 0 {
		add("mức cuối cùng phải có min = 0 để mọi hồ sơ đều có mức")
	}
	if len(probs) > 0 {
		return nil, &PackError{Problems: probs}
	}
	return &p, nil
}

func checkPackHead(id, version, title, citation string, add func(string, ...any)) {
	if id == "" {
		add("thiếu mã gói (id)")
	} else if strings.ContainsAny(id, `/\@ `) || strings.Contains(id, "..") {
		add("mã gói %q chỉ được gồm chữ, số và dấu gạch ngang", id)
	}
	if version == "" {
		add("thiếu phiên bản (version)")
	}
	if title == "" {
		add("thiếu tên gói (title)")
	}
	if citation == "" {
		add("thiếu căn cứ (citation)")
	}
}

// GroupPackFor picks the content groups of a province's plan for a year: the province's own pack in
// force on 1 January of the year, else the default pack (empty province), the latest in force.
func GroupPackFor(province string, year int, packs []*GroupPack) (*GroupPack, error) {
	ref := Date{year, 1, 1}
	var best *GroupPack
	better := func(p *GroupPack) bool {
		if best == nil {
			return true
		}
		if (p.Province != "") != (best.Province != "") {
			return p.Province != ""
		}
		return best.EffectiveFrom.Before(p.EffectiveFrom)
	}
	for _, p := range packs {
		if p.Province != "" && p.Province != province {
			continue
		}
		if year > 0 && ref.Before(p.EffectiveFrom) {
			continue
		}
		if better(p) {
			best = p
		}
	}
	if best == nil {
		return nil, fmt.Errorf("không có danh mục nhóm nội dung kế hoạch khuyến công có hiệu lực năm %d", year)
	}
	return best, nil
}

// PriorityPackFor picks the priorities of the year's guidance: the pack of that year, else the
// latest earlier one (the caller says so: PriorityPack.Year differs from the plan year).
func PriorityPackFor(year int, packs []*PriorityPack) (*PriorityPack, error) {
	sorted := append([]*PriorityPack(nil), packs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Year > sorted[j].Year })
	for _, p := range sorted {
		if year == 0 || p.Year <= year {
			return p, nil
		}
	}
	return nil, fmt.Errorf("không có hướng dẫn nội dung ưu tiên cho kế hoạch năm %d", year)
}
