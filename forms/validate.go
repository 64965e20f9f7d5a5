package forms

import (
	"fmt"
	"strings"
)

// Validate checks every answer that applies: required answers, the format of each value, tables,
// the budget lines, dates in order, attachments, and the consistency of names across the dossier.
// It does not evaluate eligibility (see Evaluate) or money caps (see ComputeBudget).
func Validate(app *Application) []Problem {
	var probs []Problem
	def := Definition(app.Programme)
	if def == nil {
		probs = append(probs, Problem{Code: CodeProgramme, Path: "programme", Severity: SeverityError, Message: fmt.Sprintf("chương trình %q không tồn tại: chọn equipment (máy móc thiết bị), cleaner-production (sản xuất sạch hơn) hoặc trade-fair (hội chợ triển lãm)", app.Programme),
			MessageEN: fmt.Sprintf("there is no programme %q: choose equipment, cleaner-production or trade-fair", app.Programme)})
		return probs
	}
	for _, step := range def.VisibleSteps(app) {
		for _, f := range step.Fields {
			if !f.Applies(app) {
				continue
			}
			probs = append(probs, checkField(app, step.ID, f)...)
		}
	}
	probs = append(probs, checkBudgetLines(app, def)...)
	probs = append(probs, checkAttachments(app, def)...)
	probs = append(probs, checkDates(app)...)
	probs = append(probs, checkConsistency(app)...)
	return probs
}

func checkField(app *Application, step string, f Field) []Problem {
	var probs []Problem
	if f.Kind == FieldTable {
		n := RowCount(app, f.Path)
		if f.Required && n < max(f.MinRows, 1) {
			probs = append(probs, Problem{Code: CodeRequired, Path: f.Path, Step: step, Severity: SeverityError,
				Message:   fmt.Sprintf("%s: cần ít nhất %d dòng; bấm \"Thêm dòng\" để nhập", f.Label, max(f.MinRows, 1)),
				MessageEN: fmt.Sprintf("%s: at least %d row(s) needed; press \"Add row\" to enter them", f.LabelEN, max(f.MinRows, 1))})
		}
		for r := 0; r < n; r++ {
			for _, col := range f.Columns {
				cf := col
				cf.Path = fmt.Sprintf("%s[%d].%s", f.Path, r, col.Path)
				cf.Label = fmt.Sprintf("%s, dòng %d: %s", f.Label, r+1, col.Label)
				cf.LabelEN = fmt.Sprintf("%s, row %d: %s", f.LabelEN, r+1, col.LabelEN)
				probs = append(probs, checkField(app, step, cf)...)
			}
		}
		return probs
	}
	text, err := GetField(app, f.Path)
	if err != nil {
		return []Problem{{Code: CodeFormat, Path: f.Path, Step: step, Severity: SeverityError, Message: err.Error(),
			MessageEN: fmt.Sprintf("%s: the stored answer cannot be read; type it again", f.LabelEN)}}
	}
	empty := text == "" || (f.Kind == FieldBool && text == "false")
	if empty {
		if f.RequiredFor(app) {
			verb := "chưa nhập"
			if f.Kind == FieldChoice {
				verb = "chưa chọn"
			}
			if f.Kind == FieldBool {
				verb = "chưa đánh dấu"
			}
			probs = append(probs, Problem{Code: CodeRequired, Path: f.Path, Step: step, Severity: SeverityError, Message: fmt.Sprintf("%s: %s", f.Label, verb),
				MessageEN: fmt.Sprintf("%s: not answered", f.LabelEN)})
		}
		return probs
	}
	if (f.Kind == FieldText || f.Kind == FieldMultiline) && LooksLikeTCVN3(text) {
		probs = append(probs, Problem{Code: CodeTCVN3, Path: f.Path, Step: step, Severity: SeverityWarning,
			Message:   fmt.Sprintf("%s: văn bản có vẻ ở bảng mã TCVN3 (ABC) cũ, sẽ in sai dấu: \"%s\" nên là \"%s\"; hãy chuyển sang Unicode", f.Label, shortText(text), shortText(FromTCVN3(text))),
			MessageEN: fmt.Sprintf("%s: the text seems to be in the old TCVN3 (ABC) encoding and would print with wrong accents: \"%s\" should be \"%s\"; convert it to Unicode", f.LabelEN, shortText(text), shortText(FromTCVN3(text)))})
	}
	if f.Validate != nil {
		if err := f.Validate(text); err != nil {
			msg := err.Error()
			if f.Path == "enterprise.tax_code" { // name the establishment's own certificate
				msg = strings.ReplaceAll(msg, KindEnterprise.RegistrationName(), app.Enterprise.Kind.RegistrationName())
			}
			probs = append(probs, Problem{Code: formatCode(f.Path), Path: f.Path, Step: step, Severity: SeverityError, Message: fmt.Sprintf("%s: %s", f.Label, msg),
				MessageEN: formatEN(f, text, err)})
		}
	}
	if f.Kind == FieldChoice && len(f.Choices) > 0 && !hasChoice(f.Choices, text) {
		var vals []string
		for _, c := range f.Choices {
			vals = append(vals, c.Value)
		}
		probs = append(probs, Problem{Code: CodeChoice, Path: f.Path, Step: step, Severity: SeverityError,
			Message:   fmt.Sprintf("%s: giá trị %q không có trong danh sách (%s)", f.Label, text, strings.Join(vals, ", ")),
			MessageEN: fmt.Sprintf("%s: %q is not in the list (%s)", f.LabelEN, text, strings.Join(vals, ", "))})
	}
	return probs
}

func checkBudgetLines(app *Application, def *ProgrammeDef) []Problem {
	var probs []Problem
	add := func(path string, sev Severity, vi, en string) {
		probs = append(probs, Problem{Code: CodeBudgetLine, Path: path, Step: "budget", Severity: sev, Message: vi, MessageEN: en})
	}
	if len(app.Budget.Lines) == 0 {
		add("budget.lines", SeverityError, "Dự toán chưa có dòng chi nào: thêm ít nhất một dòng (loại chi phí, nội dung, số lượng, đơn giá)",
			"The budget has no line: add at least one (cost type, description, quantity, unit price)")
	}
	for i, l := range app.Budget.Lines {
		p := fmt.Sprintf("budget.lines[%d]", i)
		if _, ok := def.CostType(l.CostType); !ok {
			var ids []string
			for _, c := range def.CostTypes {
				ids = append(ids, c.ID)
			}
			add(p+".cost_type", SeverityError, fmt.Sprintf("Dự toán, dòng %d: loại chi phí %q không có trong chương trình; chọn một trong: %s", i+1, l.CostType, strings.Join(ids, ", ")),
				fmt.Sprintf("Budget, line %d: cost type %q is not one of the programme's; choose one of: %s", i+1, l.CostType, strings.Join(ids, ", ")))
		}
		if Clean(l.Description) == "" {
			add(p+".description", SeverityError, fmt.Sprintf("Dự toán, dòng %d: chưa nhập nội dung chi", i+1),
				fmt.Sprintf("Budget, line %d: the description is not entered", i+1))
		}
		if Clean(l.Unit) == "" {
			add(p+".unit", SeverityWarning, fmt.Sprintf("Dự toán, dòng %d: chưa nhập đơn vị tính (cái, bộ, gói...)", i+1),
				fmt.Sprintf("Budget, line %d: the unit is not entered (piece, set, package...)", i+1))
		}
		if l.Quantity <= 0 {
			add(p+".quantity", SeverityError, fmt.Sprintf("Dự toán, dòng %d: số lượng phải lớn hơn 0", i+1),
				fmt.Sprintf("Budget, line %d: the quantity must be more than 0", i+1))
		}
		if l.UnitPrice <= 0 {
			add(p+".unit_price", SeverityError, fmt.Sprintf("Dự toán, dòng %d: đơn giá phải lớn hơn 0 đồng", i+1),
				fmt.Sprintf("Budget, line %d: the unit price must be more than 0 VND", i+1))
		}
		if _, err := lineTotal(l.Quantity, l.UnitPrice); err != nil {
			add(p+".unit_price", SeverityError, fmt.Sprintf("Dự toán, dòng %d: %v; kiểm tra lại số lượng và đơn giá", i+1, err),
				fmt.Sprintf("Budget, line %d: %s; check the quantity and the unit price", i+1, EnglishOf(err)))
		}
	}
	return probs
}

// AttachmentStatus says whether a checklist item is provided.
type AttachmentStatus string

// The statuses of a checklist item.
const (
	AttachmentFile    AttachmentStatus = "file"    // a file is attached
	AttachmentPaper   AttachmentStatus = "paper"   // submitted on paper (nộp kèm bản giấy)
	AttachmentMissing AttachmentStatus = "missing" // not provided
)

// ChecklistItem is one applicable item of the attachments checklist with its status.
type ChecklistItem struct {
	Def        AttachmentDef
	Status     AttachmentStatus
	Attachment *Attachment // nil when missing
}

// Checklist returns the programme's attachments that apply to the application, in checklist order,
// each with its status.
func Checklist(app *Application) []ChecklistItem {
	def := Definition(app.Programme)
	if def == nil {
		return nil
	}
	var out []ChecklistItem
	for _, d := range def.Attachments {
		if !d.Applies(app) {
			continue
		}
		item := ChecklistItem{Def: d, Status: AttachmentMissing}
		for i := range app.Attachments {
			a := &app.Attachments[i]
			if a.ID != d.ID {
				continue
			}
			switch {
			case a.File != "":
				item.Status, item.Attachment = AttachmentFile, a
			case a.Paper && item.Status == AttachmentMissing:
				item.Status, item.Attachment = AttachmentPaper, a
			}
		}
		out = append(out, item)
	}
	return out
}

func checkAttachments(app *Application, def *ProgrammeDef) []Problem {
	var probs []Problem
	for _, it := range Checklist(app) {
		if it.Def.Required && it.Status == AttachmentMissing {
			probs = append(probs, Problem{Code: CodeAttachment, Path: "attachments." + it.Def.ID, Step: "attachments", Severity: SeverityError,
				Message:   fmt.Sprintf("Tài liệu kèm theo: thiếu \"%s\"; đính kèm tệp hoặc đánh dấu nộp kèm bản giấy", it.Def.Title),
				MessageEN: fmt.Sprintf("Attachments: \"%s\" is missing; attach a file or mark it as submitted on paper", it.Def.TitleEN)})
		}
	}
	for i, a := range app.Attachments {
		if _, ok := def.Attachment(a.ID); !ok && a.Title == "" {
			probs = append(probs, Problem{Code: CodeAttachmentUnknown, Path: fmt.Sprintf("attachments[%d]", i), Step: "attachments", Severity: SeverityWarning,
				Message:   fmt.Sprintf("Tài liệu kèm theo %q không có trong danh mục của chương trình; đặt tên cho tài liệu", a.ID),
				MessageEN: fmt.Sprintf("Attachment %q is not on the programme's checklist; give the document a title", a.ID)})
		}
	}
	return probs
}

func checkDates(app *Application) []Problem {
	var probs []Problem
	order := func(a, b Date, path, msg string) {
		if !a.IsZero() && !b.IsZero() && b.Before(a) {
			probs = append(probs, Problem{Code: CodeDateOrder, Path: path, Severity: SeverityError, Message: msg,
				MessageEN: fmt.Sprintf("The end (%s) is before the start (%s): correct one of the two dates", b, a)})
		}
	}
	p := app.Project
	order(p.StartDate, p.EndDate, "project.end_date", fmt.Sprintf("Thời gian kết thúc %s trước thời gian bắt đầu %s", p.EndDate, p.StartDate))
	order(p.Fair.Start, p.Fair.End, "project.fair.end", fmt.Sprintf("Ngày bế mạc %s trước ngày khai mạc %s", p.Fair.End, p.Fair.Start))
	for i, t := range p.Schedule {
		order(t.Start, t.End, fmt.Sprintf("project.schedule[%d].end", i), fmt.Sprintf("Tiến độ, dòng %d: ngày kết thúc %s trước ngày bắt đầu %s", i+1, t.End, t.Start))
		if !t.Start.IsZero() && !p.StartDate.IsZero() && t.Start.Before(p.StartDate) {
			probs = append(probs, Problem{Code: CodeSchedule, Path: fmt.Sprintf("project.schedule[%d].start", i), Severity: SeverityWarning,
				Message:   fmt.Sprintf("Tiến độ, dòng %d: bắt đầu %s, trước thời gian bắt đầu đề án %s", i+1, t.Start, p.StartDate),
				MessageEN: fmt.Sprintf("Schedule, row %d: starts %s, before the project starts (%s)", i+1, t.Start, p.StartDate)})
		}
		if !t.End.IsZero() && !p.EndDate.IsZero() && p.EndDate.Before(t.End) {
			probs = append(probs, Problem{Code: CodeSchedule, Path: fmt.Sprintf("project.schedule[%d].end", i), Severity: SeverityWarning,
				Message:   fmt.Sprintf("Tiến độ, dòng %d: kết thúc %s, sau thời gian kết thúc đề án %s", i+1, t.End, p.EndDate),
				MessageEN: fmt.Sprintf("Schedule, row %d: ends %s, after the project ends (%s)", i+1, t.End, p.EndDate)})
		}
	}
	if d := app.Letter.Date; !d.IsZero() && app.Year > 0 && d.Y > app.Year {
		probs = append(probs, Problem{Code: CodeLetterYear, Path: "letter.date", Severity: SeverityWarning,
			Message:   fmt.Sprintf("Ngày ký công văn %s sau năm kế hoạch %d", d, app.Year),
			MessageEN: fmt.Sprintf("The letter is dated %s, after the plan year %d", d, app.Year)})
	}
	if f := app.Enterprise.FoundedOn; !f.IsZero() && !p.StartDate.IsZero() && p.StartDate.Before(f) {
		probs = append(probs, Problem{Code: CodeFounded, Path: "enterprise.founded_on", Severity: SeverityError,
			Message:   fmt.Sprintf("Ngày thành lập %s sau thời gian bắt đầu đề án %s", f, p.StartDate),
			MessageEN: fmt.Sprintf("Founded on %s, after the project starts (%s)", f, p.StartDate)})
	}
	return probs
}

// checkConsistency looks at the dossier with an officer's eye: the same names everywhere.
func checkConsistency(app *Application) []Problem {
	var probs []Problem
	// The signer against the representative is a review check (code "signer", review.go).
	if g, id := app.Enterprise.Representative.Gender, Clean(app.Enterprise.Representative.IDNumber); g != GenderUnknown && len(id) == 12 && allDigits(id) {
		// the 4th digit of a citizen number is even for a man, odd for a woman
		if female := (id[3]-'0')%2 == 1; female != (g == GenderFemale) {
			probs = append(probs, Problem{Code: CodeGender, Path: "enterprise.representative.gender", Step: "enterprise", Severity: SeverityWarning,
				Message:   fmt.Sprintf("Số định danh %s là của %s nhưng người đại diện được ghi là \"%s\": kiểm tra lại ông/bà hoặc số định danh", id, map[bool]string{true: "nữ", false: "nam"}[female], g.Honorific()),
				MessageEN: fmt.Sprintf("Citizen ID %s is a %s's but the representative is entered as %s: check Mr/Ms or the ID number", id, map[bool]string{true: "woman", false: "man"}[female], map[bool]string{true: "Mr", false: "Ms"}[g != GenderFemale])})
		}
	}
	if tc := NormaliseTaxCode(Clean(app.Enterprise.TaxCode)); len(tc) == 12 && allDigits(tc) && app.Enterprise.Kind != KindHousehold && app.Enterprise.Kind != "" {
		probs = append(probs, Problem{Code: CodeTaxCode, Path: "enterprise.tax_code", Step: "enterprise", Severity: SeverityWarning,
			Message:   fmt.Sprintf("Mã số thuế %s có 12 chữ số (số định danh cá nhân), dùng cho hộ kinh doanh; %s có mã số thuế 10 chữ số ghi trên %s: kiểm tra lại mã số thuế hoặc loại hình", tc, lower(app.Enterprise.Kind.Label()), app.Enterprise.Kind.RegistrationName()),
			MessageEN: fmt.Sprintf("Tax code %s has 12 digits (a personal number, used by household businesses); a %s has a 10-digit tax code: check the tax code or the legal form", tc, app.Enterprise.Kind.LabelEN())})
	}
	if app.Enterprise.Employees > 0 && app.Enterprise.InsuredEmployees > app.Enterprise.Employees {
		probs = append(probs, Problem{Code: CodeEmployees, Path: "enterprise.insured_employees", Step: "enterprise", Severity: SeverityError,
			Message:   fmt.Sprintf("Số lao động tham gia BHXH (%d) lớn hơn tổng số lao động (%d)", app.Enterprise.InsuredEmployees, app.Enterprise.Employees),
			MessageEN: fmt.Sprintf("Employees with social insurance (%d) are more than all employees (%d)", app.Enterprise.InsuredEmployees, app.Enterprise.Employees)})
	}
	if app.Fund.Kind == FundNational && app.Fund.Province == "" {
		// The province still receives the dossier for first-level appraisal; the field is required.
		return probs
	}
	return probs
}

// formatEN is the English message of a format error of field f: the check's own English text, or,
// for a check that has none, a plain line naming the field and the value.
func formatEN(f Field, text string, err error) string {
	if en := EnglishOf(err); en != "" {
		return fmt.Sprintf("%s: %s", f.LabelEN, en)
	}
	return fmt.Sprintf("%s: \"%s\" is not valid; correct it as the hint under the field says", f.LabelEN, text)
}

func shortText(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
