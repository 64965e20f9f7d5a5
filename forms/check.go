package forms

// Completeness counts what has been answered, per step and for the whole dossier, counting only
// the questions and attachments that apply.
type Completeness struct {
	Steps   []StepCompleteness `json:"steps"`
	Done    int                `json:"done"`
	Total   int                `json:"total"`
	Percent int                `json:"percent"` // floor(100 × done / total); 100 when nothing applies
	Missing []MissingItem      `json:"missing"`
}

// StepCompleteness is the completeness of one step.
type StepCompleteness struct {
	StepID  string        `json:"step"`
	Title   string        `json:"title"`
	Done    int           `json:"done"`
	Total   int           `json:"total"`
	Missing []MissingItem `json:"missing"`
}

// Complete reports whether every required item of the step is answered.
func (s StepCompleteness) Complete() bool { return s.Done >= s.Total }

// MissingItem names one unanswered required question or missing attachment.
type MissingItem struct {
	Path    string `json:"path"`
	Step    string `json:"step"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en,omitempty"`
}

// Report is everything known about a dossier: its budget, eligibility, completeness and problems.
type Report struct {
	Pack         *RulePack         `json:"-"`
	Budget       *BudgetResult     `json:"budget"`
	Eligibility  []CriterionResult `json:"eligibility"`
	Completeness Completeness      `json:"completeness"`
	Problems     []Problem         `json:"problems"`
}

// Blocking reports whether a problem of severity error remains: the dossier cannot be submitted
// and only a draft can be printed.
func (r *Report) Blocking() bool {
	for _, p := range r.Problems {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}
