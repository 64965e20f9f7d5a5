package forms

import (
	"fmt"
	"sort"
	"strings"
)

// PriorityResult is how a dossier stands against the year's priorities: its level, the priorities it
// meets with the reason, and those it could still meet with what to do.
type PriorityResult struct {
	Pack    string          `json:"pack"`  // the priority pack's key
	Level   string          `json:"level"` // "high", "priority", "none"
	Label   string          `json:"label"` // "Ưu tiên cao" …
	LabelEN string          `json:"label_en,omitempty"`
	Met     []PriorityMatch `json:"met"`
	Missing []PriorityMatch `json:"missing"` // priorities of the programme not met, with Hint
}

// PriorityMatch is one priority met (with the reason) or not met (with the hint).
type PriorityMatch struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Reason   string `json:"reason,omitempty"`
	Hint     string `json:"hint,omitempty"`
	LabelEN  string `json:"label_en,omitempty"`
	ReasonEN string `json:"reason_en,omitempty"`
	HintEN   string `json:"hint_en,omitempty"`
}

// priorityFunc decides one priority from the dossier's answers: whether it is met and why.
type priorityFunc func(app *Application) (met bool, why, whyEN string)

var priorityFuncs = map[string]priorityFunc{
	"self-made-machine":           prioritySelfMadeMachine,
	"cp-rapid-assessment":         priorityCPAssessment,
	"pollution-treatment":         priorityPollutionTreatment,
	"cp-pilot-model":              priorityCPPilotModel,
	"selection-regional-national": prioritySelectionLevel,
}

// PriorityCriterionIDs lists the priorities the program knows how to decide.
func PriorityCriterionIDs() []string {
	ids := make([]string, 0, len(priorityFuncs))
	for id := range priorityFuncs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func prioritySelfMadeMachine(app *Application) (bool, string, string) {
	for _, m := range app.Project.Machines {
		if m.SelfMade && strings.TrimSpace(m.Recognition) != "" {
			return true, fmt.Sprintf("%s do cơ sở công nghiệp nông thôn tự chế tạo, được công nhận: %s", m.Name, m.Recognition),
				fmt.Sprintf("%s built by a rural industrial establishment, recognised: %s", m.Name, m.Recognition)
		}
	}
	return false, "", ""
}

// cpAssessmentAttachments are the checklist items that hold a cleaner-production assessment report.
var cpAssessmentAttachments = []string{"assessment-report", "cp-assessment"}

func priorityCPAssessment(app *Application) (bool, string, string) {
	for _, a := range app.Attachments {
		for _, id := range cpAssessmentAttachments {
			if a.ID != id {
				continue
			}
			switch {
			case a.File != "":
				return true, "có báo cáo đánh giá sản xuất sạch hơn kèm hồ sơ", "a cleaner-production assessment report is attached"
			case a.Paper:
				return true, "báo cáo đánh giá sản xuất sạch hơn nộp kèm bản giấy", "the cleaner-production assessment report is submitted on paper"
			}
		}
	}
	return false, "", ""
}

func priorityPollutionTreatment(app *Application) (bool, string, string) {
	if app.Project.PollutionTreatment {
		return true, "đề án sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường", "the project repairs or upgrades a pollution treatment system"
	}
	return false, "", ""
}

func priorityCPPilotModel(app *Application) (bool, string, string) {
	if app.Programme == CleanerProduction && app.Project.Scope == "pilot-model" {
		return true, "mô hình thí điểm áp dụng sản xuất sạch hơn", "a cleaner-production pilot model"
	}
	return false, "", ""
}

func prioritySelectionLevel(app *Application) (bool, string, string) {
	s := app.Project.Selection
	if !s.Enter {
		return false, "", ""
	}
	switch s.Level {
	case "khu-vuc":
		return true, "đăng ký bình chọn sản phẩm CNNT tiêu biểu cấp khu vực", "entered in the regional outstanding-product selection"
	case "quoc-gia":
		return true, "đăng ký bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia", "entered in the national outstanding-product selection"
	}
	return false, "", ""
}

// EvaluatePriority gives the dossier its priority level under the pack, with the reasons, and
// lists the priorities of its programme it does not meet with what would raise it.
func EvaluatePriority(app *Application, pack *PriorityPack) PriorityResult {
	r := PriorityResult{Pack: pack.Key()}
	for _, c := range pack.Criteria {
		if !programmeIn(app.Programme, c.Programmes) {
			continue
		}
		f := priorityFuncs[c.ID]
		if f == nil {
			continue
		}
		if ok, why, whyEN := f(app); ok {
			r.Met = append(r.Met, PriorityMatch{ID: c.ID, Label: c.Label, Reason: why, LabelEN: c.LabelEN, ReasonEN: whyEN})
		} else {
			r.Missing = append(r.Missing, PriorityMatch{ID: c.ID, Label: c.Label, Hint: c.Hint, LabelEN: c.LabelEN, HintEN: c.HintEN})
		}
	}
	for _, l := range pack.Levels {
		if len(r.Met) >= l.Min {
			r.Level, r.Label, r.LabelEN = l.Level, l.Label, l.LabelEN
			break
		}
	}
	return r
}

func programmeIn(p Programme, list []Programme) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}
