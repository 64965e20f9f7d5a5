package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// labelTexts is the text of every label laid out under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Visible() && l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

func hasText(texts []string, s string) bool {
	for _, t := range texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// In English the review's problems and eligibility cards, the budget step's notes and the
// profile's size class speak English: the texts forms wrote in English, not the Vietnamese ones.
func TestRuleMessagesInEnglish(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	id := w.app.ID
	*w.app = *forms.Sample(forms.Equipment)
	w.app.ID = id
	w.app.Commitments.Counterpart = false // eligibility fails
	w.app.Enterprise.Employees = 1        // fewer than the insured: a validation error
	w.steps = w.def.VisibleSteps(w.app)
	w.buildOutline()

	lang = langEN
	defer func() { lang = langVI }()
	w.showStep(len(w.steps))
	texts := labelTexts(w.review.root)
	for _, want := range []string{
		"Not eligible – Commitment to fund the counterpart: the commitment to fund the counterpart is not ticked", // problems card
		"Not met – Commitment to fund the counterpart: the commitment to fund the counterpart is not ticked",      // eligibility card
		"Employees with social insurance (32) are more than all employees (1)",
		"is not supported; the establishment pays all of it", // an ineligible line, as a problem (info)
		"Met – Small or medium enterprise: 32 employees with social insurance",
	} {
		if !hasText(texts, want) {
			t.Errorf("English review: no %q among\n%s", want, strings.Join(texts, "\n"))
		}
	}
	for _, vi := range []string{"Không đủ điều kiện", "chưa cam kết", "không thuộc nội dung được hỗ trợ", "lớn hơn tổng số lao động", "lao động tham gia BHXH"} {
		if hasText(texts, vi) {
			t.Errorf("English review: Vietnamese %q is shown", vi)
		}
	}

	// The budget step: a line of a cost type the programme does not support says so in English.
	w.showStep(stepIndex(t, w, "budget"))
	texts = labelTexts(w.budget.root)
	if !hasText(texts, "is not supported; the establishment pays all of it") || hasText(texts, "toàn bộ do cơ sở đối ứng") {
		t.Errorf("English budget notes:\n%s", strings.Join(texts, "\n"))
	}

	// Back in Vietnamese, the same screens are Vietnamese.
	lang = langVI
	w.showStep(len(w.steps))
	texts = labelTexts(w.review.root)
	if !hasText(texts, "Không đủ điều kiện – Cam kết bố trí kinh phí đối ứng: chưa cam kết bố trí kinh phí đối ứng") || hasText(texts, "Not eligible") {
		t.Errorf("Vietnamese review:\n%s", strings.Join(texts, "\n"))
	}
}
