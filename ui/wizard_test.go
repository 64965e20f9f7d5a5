package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"khuyencong/forms"
)

// openNewDossier creates a client from the programme's sample enterprise and a new dossier for it
// through the home screen, and returns the wizard.
func openNewDossier(t testing.TB, ta *testApp, p forms.Programme) *wizardScreen {
	t.Helper()
	c := ta.seedClient(t, p)
	h := ta.home
	h.reload()
	h.selectClient(c.ID)
	test.Tap(h.newDossier)
	for i, q := range forms.Programmes() {
		if q == p {
			h.newProgramme.SetSelectedIndex(i)
		}
	}
	h.newYear.SetText("2027")
	h.createDossier(false)
	if ta.wizard == nil {
		t.Fatalf("no wizard after creating a %s dossier", p)
	}
	return ta.wizard
}

// stepIndex returns the index of a step in the wizard's outline.
func stepIndex(t testing.TB, w *wizardScreen, id string) int {
	t.Helper()
	for i, s := range w.steps {
		if s.ID == id {
			return i
		}
	}
	t.Fatalf("step %q not shown", id)
	return -1
}

func TestWizardFillsEachProgrammeAndGeneratesFinal(t *testing.T) {
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			ta := newTestApp(t)
			w := openNewDossier(t, ta, p)
			sample := forms.Sample(p)

			// Step 1 through the widgets: title typed, Enter goes to the next step.
			if w.cur != 0 {
				t.Fatalf("wizard opens at step %d", w.cur)
			}
			title := entryAt(t, w.inputs, "project.title")
			test.Type(title, sample.Project.Title)
			loc := entryAt(t, w.inputs, "project.location")
			test.Type(loc, sample.Project.Location)
			start := entryAt(t, w.inputs, "project.start_date")
			test.Type(start, "01/03/2027")
			end := entryAt(t, w.inputs, "project.end_date")
			test.Type(end, "31/10/2027")
			if w.app.Project.StartDate != (forms.Date{Y: 2027, M: 3, D: 1}) {
				t.Errorf("start date stored as %v", w.app.Project.StartDate)
			}
			end.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if w.cur != 1 {
				t.Fatalf("Enter did not go to the next step: at %d", w.cur)
			}
			test.Tap(w.back)
			if w.cur != 0 {
				t.Fatalf("Back: at %d", w.cur)
			}

			// A budget line through the budget editor.
			w.showStep(stepIndex(t, w, "budget"))
			test.Tap(w.budget.add)
			row := w.budget.rows[0]
			row.costType.SetSelectedIndex(0)
			test.Type(row.desc, sample.Budget.Lines[0].Description)
			test.Type(row.quantity, sample.Budget.Lines[0].Quantity.String())
			test.Type(row.price, forms.FormatMoneyInput(sample.Budget.Lines[0].UnitPrice.String()))
			if w.app.Budget.Lines[0].UnitPrice != sample.Budget.Lines[0].UnitPrice {
				t.Fatalf("unit price stored %v, want %v", w.app.Budget.Lines[0].UnitPrice, sample.Budget.Lines[0].UnitPrice)
			}

			// Before the rest is filled in, only a draft can be made.
			w.showStep(len(w.steps))
			if !w.review.report.Blocking() {
				t.Fatal("an almost empty dossier has no blocking problem")
			}
			dir := t.TempDir()
			w.generateInto(dir, "")
			if n := len(ta.exporter.requests); n != 1 || ta.exporter.requests[0].Variant != VariantDraft {
				t.Fatalf("generation with problems: %d requests, variant %v", n, ta.exporter.requests)
			}
			if revs, _ := ta.store.Revisions(w.app.ID); len(revs) != 0 {
				t.Errorf("a draft saved %d revisions", len(revs))
			}

			// The rest from the sample, as if typed.
			keep := w.app.Budget.Lines[0]
			w.app.Project = sample.Project
			w.app.Budget = sample.Budget
			w.app.Budget.Lines[0] = keep
			w.app.Attachments = sample.Attachments
			w.app.Letter = sample.Letter
			w.app.Signer = sample.Signer
			w.app.Commitments = sample.Commitments
			w.app.Fund = sample.Fund
			w.changed("project")
			w.showStep(len(w.steps))
			rep := w.review.report
			if rep.Blocking() {
				for _, pr := range rep.Problems {
					t.Logf("%s %s: %s", pr.Severity, pr.Path, pr.Message)
				}
				t.Fatal("the sample dossier still has blocking problems")
			}
			if rep.Completeness.Percent != 100 {
				t.Errorf("completeness %d%%", rep.Completeness.Percent)
			}
			if !strings.Contains(w.review.generate.Text, "chính thức") {
				t.Errorf("generate button says %q", w.review.generate.Text)
			}
			test.Tap(w.review.generate) // opens the folder dialog
			w.generateInto(dir, "")
			last := ta.exporter.requests[len(ta.exporter.requests)-1]
			if last.Variant != VariantFinal || last.App.Project.Title != sample.Project.Title {
				t.Fatalf("final generation: variant %s, title %q", last.Variant, last.App.Project.Title)
			}
			revs, _ := ta.store.Revisions(w.app.ID)
			if len(revs) != 1 || revs[0].Reason != "render" {
				t.Fatalf("revisions after a final render: %+v", revs)
			}
			snap, _ := ta.store.Revision(w.app.ID, revs[0].ID)
			if snap.Project.Title != sample.Project.Title || len(snap.Budget.Lines) != len(sample.Budget.Lines) {
				t.Error("the revision does not hold the dossier as rendered (pending changes not saved first)")
			}
			g := w.gen
			if !g.done || g.err != nil || g.revision == nil {
				t.Fatalf("generation state: done %v err %v", g.done, g.err)
			}
			test.Tap(g.openPDF)
			test.Tap(g.openFolder)
			test.Tap(g.print)
			if len(ta.opener.opened) != 2 || ta.opener.opened[0] != g.result.PDFPath || ta.opener.opened[1] != dir || len(ta.opener.printed) != 1 {
				t.Errorf("opener calls: opened %v printed %v", ta.opener.opened, ta.opener.printed)
			}
			if ta.prefs.String(prefLastFolder) != dir {
				t.Error("the folder is not remembered")
			}
			stored, _ := ta.store.Application(w.app.ID)
			if stored.Status != forms.StatusReady {
				t.Errorf("status after a final render: %s", stored.Status)
			}
		})
	}
}

func TestConditionalQuestionHiddenButAnswerKept(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	w.showStep(stepIndex(t, w, "selection"))
	enter := w.inputs["project.selection.enter"].(*formCheck)
	var levelRow *fieldRow
	for _, r := range w.form.rows {
		if r.field.Path == "project.selection.product_name" {
			levelRow = r
		}
	}
	if levelRow.root.Visible() {
		t.Fatal("product name shown before entering the selection")
	}
	test.Tap(enter)
	if !levelRow.root.Visible() {
		t.Fatal("product name hidden after entering the selection")
	}
	test.Type(entryAt(t, w.inputs, "project.selection.product_name"), "Bình hoa men lam")
	test.Tap(enter)
	if levelRow.root.Visible() {
		t.Fatal("product name still shown after leaving the selection")
	}
	stored, _ := ta.store.Application(w.app.ID)
	if stored.Project.Selection.ProductName != "Bình hoa men lam" {
		t.Errorf("the hidden answer was dropped: %q", stored.Project.Selection.ProductName)
	}
}

func TestReviewProblemJumpsToFieldAndBack(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(len(w.steps))
	rv := w.review
	idx := -1
	for i, p := range rv.problems {
		if p.Path == "project.title" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("no problem for the missing title among %d", len(rv.problems))
	}
	test.Tap(rv.problemButtons[idx])
	if w.currentID() != "general" {
		t.Fatalf("jumped to step %q", w.currentID())
	}
	if ta.w.Canvas().Focused() != w.inputs["project.title"] {
		t.Errorf("focus is on %T, not the title", ta.w.Canvas().Focused())
	}
	if !w.backToReview.Visible() {
		t.Fatal("no way back to the review")
	}
	test.Type(ta.w.Canvas().Focused(), "Hỗ trợ máy tráng bánh")
	test.Tap(w.backToReview)
	if w.review == nil {
		t.Fatal("not back on the review")
	}
	for _, p := range w.review.problems {
		if p.Path == "project.title" {
			t.Error("the title problem remains after answering it")
		}
	}
	// "Sửa" next to an answer jumps too, here into a budget line.
	w.app.Budget.Lines = []forms.BudgetLine{{CostType: "machinery", Description: "Máy sấy", Unit: "cái", Quantity: 100, UnitPrice: 1000}}
	w.showStep(len(w.steps))
	test.Tap(w.review.editButtons["budget.lines[0].description"])
	if w.currentID() != "budget" || ta.w.Canvas().Focused() != w.budget.rows[0].desc {
		t.Errorf("Sửa on a budget line: step %q, focus %T", w.currentID(), ta.w.Canvas().Focused())
	}
}

func TestOutlineShowsStepStatus(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.CleanerProduction)
	first := w.outlineItems[0].Text
	if !strings.Contains(first, "thiếu") {
		t.Fatalf("outline of an empty general step: %q", first)
	}
	for _, f := range []struct{ path, text string }{
		{"project.title", "Sản xuất sạch hơn khâu nhuộm"}, {"project.location", "Xã Buôn Đôn"},
		{"project.start_date", "01/03/2027"}, {"project.end_date", "31/10/2027"},
	} {
		test.Type(entryAt(t, w.inputs, f.path), f.text)
	}
	// The status is a theme icon, not a ✓ glyph (a missing-glyph box in some Windows fonts).
	if got := w.outlineItems[0]; got.Icon != theme.ConfirmIcon() || strings.ContainsAny(got.Text, "✓⚠") || strings.Contains(got.Text, "thiếu") {
		t.Errorf("outline after answering every required question of step 1: %q, icon %v", got.Text, got.Icon)
	}
	if got := w.outlineItems[stepIndex(t, w, "budget")]; got.Icon != theme.WarningIcon() {
		t.Errorf("outline of an incomplete step: %q, icon %v", got.Text, got.Icon)
	}
}
