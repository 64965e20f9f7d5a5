package forms

// FieldKind says how a field is entered and checked.
type FieldKind string

// The kinds of field.
const (
	FieldText      FieldKind = "text"
	FieldMultiline FieldKind = "multiline"
	FieldMoney     FieldKind = "money"
	FieldQuantity  FieldKind = "quantity"
	FieldInt       FieldKind = "int"
	FieldDate      FieldKind = "date"
	FieldChoice    FieldKind = "choice"
	FieldBool      FieldKind = "bool"
	FieldTable     FieldKind = "table" // a list of rows; Columns describe a row
)

// Choice is one option of a choice field.
type Choice struct {
	Value   string `json:"value"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

// Field is one question of the guided interview.
type Field struct {
	Path     string    // JSON path in the Application, e.g. "project.title"; for a table's column, relative to the row
	Kind     FieldKind //
	Label    string    // Vietnamese
	LabelEN  string    // English
	Help     string    // Vietnamese help text
	HelpEN   string    // English help text
	Required bool      // must be answered when the field applies
	// RequiredIf narrows Required to the applications it returns true for; nil means always.
	RequiredIf func(*Application) bool
	Choices    []Choice // for FieldChoice
	// Validate checks a typed value; nil when any text is accepted. Empty input is checked by Required, not here.
	Validate func(string) error
	// ShowIf decides whether the field applies to the application; nil means always.
	ShowIf func(*Application) bool
	// Columns describe a table's row; MinRows is the least number of rows a required table needs.
	Columns []Field
	MinRows int
}

// Applies reports whether the field applies to the application.
func (f Field) Applies(app *Application) bool { return f.ShowIf == nil || f.ShowIf(app) }

// RequiredFor reports whether the field must be answered in the application.
func (f Field) RequiredFor(app *Application) bool {
	return f.Required && (f.RequiredIf == nil || app == nil || f.RequiredIf(app))
}

// StepKind tells the interface how to draw a step.
type StepKind string

// The kinds of step: ordinary questions, or one of the special editors.
const (
	StepQuestions   StepKind = "questions"
	StepBudget      StepKind = "budget"
	StepAttachments StepKind = "attachments"
)

// Step is one screen of the guided interview.
type Step struct {
	ID      string
	Kind    StepKind
	Title   string
	TitleEN string
	Help    string
	HelpEN  string
	Fields  []Field
	ShowIf  func(*Application) bool
}

// Applies reports whether the step applies to the application.
func (s Step) Applies(app *Application) bool { return s.ShowIf == nil || s.ShowIf(app) }

// CostType is a kind of cost in a programme's budget; rule packs give each a rate.
type CostType struct {
	ID          string
	Label       string
	LabelEN     string
	DefaultUnit string
}

// AttachmentDef is one item of a programme's attachments checklist.
type AttachmentDef struct {
	ID       string
	Title    string
	TitleEN  string
	Help     string
	Required bool
	ShowIf   func(*Application) bool
}

// Applies reports whether the attachment is needed for the application.
func (a AttachmentDef) Applies(app *Application) bool { return a.ShowIf == nil || a.ShowIf(app) }

// ProgrammeDef is everything the app, hoso and the documents know about a programme's forms.
type ProgrammeDef struct {
	Programme    Programme
	Scopes       []Choice // the project.scope choices; the first is the default
	Steps        []Step
	CostTypes    []CostType
	Attachments  []AttachmentDef
	DocumentName string // what the đề án is called for this programme
}

// CostType finds a cost type of the programme.
func (d *ProgrammeDef) CostType(id string) (CostType, bool) {
	for _, c := range d.CostTypes {
		if c.ID == id {
			return c, true
		}
	}
	return CostType{}, false
}

// Step finds a step by id.
func (d *ProgrammeDef) Step(id string) (Step, bool) {
	for _, s := range d.Steps {
		if s.ID == id {
			return s, true
		}
	}
	return Step{}, false
}

// Attachment finds a checklist item by id.
func (d *ProgrammeDef) Attachment(id string) (AttachmentDef, bool) {
	for _, a := range d.Attachments {
		if a.ID == id {
			return a, true
		}
	}
	return AttachmentDef{}, false
}

// ScopeOf returns the application's scope, or the programme's default when none is set.
func (d *ProgrammeDef) ScopeOf(app *Application) string {
	if app.Project.Scope != "" {
		return app.Project.Scope
	}
	if len(d.Scopes) > 0 {
		return d.Scopes[0].Value
	}
	return ""
}

// VisibleSteps returns the steps that apply to the application, in order.
func (d *ProgrammeDef) VisibleSteps(app *Application) []Step {
	var out []Step
	for _, s := range d.Steps {
		if s.Applies(app) {
			out = append(out, s)
		}
	}
	return out
}

// StepOfPath returns the id of the step that asks the field at path (the longest matching prefix).
func (d *ProgrammeDef) StepOfPath(path string) string {
	best, bestLen := "", -1
	for _, s := range d.Steps {
		switch s.Kind {
		case StepBudget:
			if hasPathPrefix(path, "budget") && len("budget") > bestLen {
				best, bestLen = s.ID, len("budget")
			}
		case StepAttachments:
			if hasPathPrefix(path, "attachments") && len("attachments") > bestLen {
				best, bestLen = s.ID, len("attachments")
			}
		}
		for _, f := range s.Fields {
			if hasPathPrefix(path, f.Path) && len(f.Path) > bestLen {
				best, bestLen = s.ID, len(f.Path)
			}
		}
	}
	return best
}

func hasPathPrefix(path, prefix string) bool {
	if len(path) < len(prefix) || path[:len(prefix)] != prefix {
		return false
	}
	if len(path) == len(prefix) {
		return true
	}
	c := path[len(prefix)]
	return c == '.' || c == '['
}

// Definition returns the registry entry of a programme, or nil for an unknown programme.
func Definition(p Programme) *ProgrammeDef {
	return registry[p]
}
