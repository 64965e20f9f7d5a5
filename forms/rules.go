package forms

// A rule pack holds, for one fund (the national one or a province's), the support rates, caps and
// eligibility criteria of each programme, each number with its legal citation and a flag when the
// value was not verified in a source. Packs are data: embedded defaults in forms/rules, and copies a
// user exports, edits and imports. No rate or cap lives in Go code.

// RulePack is one versioned, dated set of rules for a fund.
type RulePack struct {
	ID            string                        `json:"id"`      // "national", "local-79"
	Version       string                        `json:"version"` // "2018.1"
	Title         string                        `json:"title"`
	Fund          FundKind                      `json:"fund"`
	Province      string                        `json:"province,omitempty"` // for local packs
	EffectiveFrom Date                          `json:"effective_from"`
	EffectiveTo   Date                          `json:"effective_to"` // zero = open-ended
	Citation      string                        `json:"citation"`     // the legal documents the pack follows
	Notes         string                        `json:"notes,omitempty"`
	Programmes    map[Programme]*ProgrammeRules `json:"programmes"`
	// Override is set by `hoso rules import --override` on an imported pack that stands in for a
	// pack shipped with the program (same id, the national fund, or the default local pack); every
	// budget computed with it says so.
	Override bool `json:"override,omitempty"`
}

// ProgrammeRules are a pack's rules for one programme.
type ProgrammeRules struct {
	Scopes   map[string]*ScopeRules `json:"scopes"`   // by scope id, e.g. "machinery"
	Criteria []CriterionRule        `json:"criteria"` // eligibility criteria checked, in order
}

// ScopeRules are the rates and caps for one scope of a programme.
type ScopeRules struct {
	Label     string               `json:"label"`
	CostTypes map[string]*CostRule `json:"cost_types"` // by cost type id; a cost type absent here is not eligible
	Caps      []Cap                `json:"caps"`
}

// CostRule is the support for one cost type.
type CostRule struct {
	Eligible   bool   `json:"eligible"`
	RateBP     int64  `json:"rate_bp"` // support rate in basis points: 5000 = 50 %
	Citation   string `json:"citation"`
	Unverified bool   `json:"unverified,omitempty"`
	CapPerLine Money  `json:"cap_per_line,omitempty"` // 0 = none
}

// CapPer says what a cap limits.
type CapPer string

// The kinds of cap.
const (
	CapPerCostType      CapPer = "cost-type"     // the support of one cost type in the project
	CapPerProject       CapPer = "project"       // the support of the whole project
	CapPerEstablishment CapPer = "establishment" // the support one establishment receives (this project)
	CapPerYear          CapPer = "year"          // the support one establishment receives in a year (minus support already received)
)

// Cap is a ceiling on support.
type Cap struct {
	Per        CapPer `json:"per"`
	CostType   string `json:"cost_type,omitempty"` // for Per == cost-type
	Amount     Money  `json:"amount"`
	Citation   string `json:"citation"`
	Unverified bool   `json:"unverified,omitempty"`
}

// CriterionRule is an eligibility criterion with its parameters. ID names the check (see Criteria).
type CriterionRule struct {
	ID          string           `json:"id"`
	Citation    string           `json:"citation"`
	Unverified  bool             `json:"unverified,omitempty"`
	Kinds       []EnterpriseKind `json:"kinds,omitempty"`        // kind: allowed legal forms
	SizeClasses []SizeClass      `json:"size_classes,omitempty"` // sme: allowed size classes
	Industries  []string         `json:"industries,omitempty"`   // industry: allowed ND 45 Art. 5 codes
	Max         int              `json:"max,omitempty"`          // foreign-fairs: the most per year
	Provinces   []string         `json:"provinces,omitempty"`    // area: provinces where the fund applies
}

// Severity says whether a problem blocks submission.
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"   // blocks a final render and submission
	SeverityWarning Severity = "warning" // should be looked at
	SeverityInfo    Severity = "info"
)

// Problem is one finding about a dossier, tied to the field it concerns.
type Problem struct {
	// Code names the kind of problem, stable across versions ("date-order", "required"); see
	// ProblemCodes and docs/format.md.
	Code      string   `json:"code"`
	Path      string   `json:"path"` // field path, e.g. "enterprise.tax_code" or "budget.lines[2].unit_price"
	Step      string   `json:"step,omitempty"`
	Severity  Severity `json:"severity"`
	Message   string   `json:"message"`              // Vietnamese, says what is wrong and how to fix it
	MessageEN string   `json:"message_en,omitempty"` // the same in English
	Citation  string   `json:"citation,omitempty"`
}

// CriterionStatus is the outcome of one eligibility criterion.
type CriterionStatus string

// The outcomes.
const (
	CriterionMet     CriterionStatus = "met"
	CriterionFailed  CriterionStatus = "failed"
	CriterionUnknown CriterionStatus = "unknown"
)

// CriterionResult is one eligibility criterion's outcome with its reason and legal clause.
type CriterionResult struct {
	ID         string          `json:"id"`
	Label      string          `json:"label"`
	LabelEN    string          `json:"label_en,omitempty"`
	Status     CriterionStatus `json:"status"`
	Reason     string          `json:"reason"`
	ReasonEN   string          `json:"reason_en,omitempty"`
	Citation   string          `json:"citation"`
	Unverified bool            `json:"unverified,omitempty"`
	Path       string          `json:"path,omitempty"` // the field to fix
}

// BudgetResult is the one computation of a dossier's money: every total on the screen, in the PDF
// and in the sheet comes from here.
type BudgetResult struct {
	PackID      string        `json:"pack_id"`
	PackVersion string        `json:"pack_version"`
	PackTitle   string        `json:"pack_title"`
	Scope       string        `json:"scope"`
	Lines       []LineResult  `json:"lines"`
	Groups      []GroupResult `json:"groups"`
	Total       Money         `json:"total"`
	Eligible    Money         `json:"eligible"` // the part of the total whose cost types are eligible
	Support     Money         `json:"support"`
	Counterpart Money         `json:"counterpart"`
	Notes       []BudgetNote  `json:"notes"`
}

// LineResult is one budget line with its computed figures.
type LineResult struct {
	Index       int      `json:"index"`  // index in Application.Budget.Lines
	Number      int      `json:"number"` // running number inside its group (STT), from 1
	CostType    string   `json:"cost_type"`
	Description string   `json:"description"`
	Unit        string   `json:"unit"`
	Quantity    Quantity `json:"quantity"`
	UnitPrice   Money    `json:"unit_price"`
	Total       Money    `json:"total"` // floor(quantity × unit price)
	Eligible    bool     `json:"eligible"`
	RateBP      int64    `json:"rate_bp"`
	Support     Money    `json:"support"`
	Counterpart Money    `json:"counterpart"`
	Note        string   `json:"note,omitempty"`
}

// GroupResult is a group of lines of one cost type (a Roman-numbered row of the table).
type GroupResult struct {
	CostType    string `json:"cost_type"`
	Label       string `json:"label"`
	Numeral     string `json:"numeral"` // "I", "II" ...
	Lines       []int  `json:"lines"`   // indexes into BudgetResult.Lines
	Total       Money  `json:"total"`
	Support     Money  `json:"support"`
	Counterpart Money  `json:"counterpart"`
	RateBP      int64  `json:"rate_bp"`
}

// BudgetNote explains a cap that bit, an ineligible line, or a rounding.
type BudgetNote struct {
	Kind       string `json:"kind"`           // "cap", "ineligible", "rate", "rounding"
	Line       int    `json:"line,omitempty"` // 1-based line index when the note is about one line, else 0
	Message    string `json:"message"`
	MessageEN  string `json:"message_en,omitempty"` // the same in English
	Citation   string `json:"citation,omitempty"`
	Unverified bool   `json:"unverified,omitempty"`
}
