package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// officerFinding returns the index of the review's officer finding with the code and path.
func officerFinding(t *testing.T, rv *reviewScreen, code, path string) int {
	t.Helper()
	for i, p := range rv.officer {
		if p.Code == code && p.Path == path {
			return i
		}
	}
	var got []string
	for _, p := range rv.officer {
		got = append(got, p.Code+" "+p.Path)
	}
	t.Fatalf("no %s finding at %s in the officer's section: %v", code, path, got)
	return -1
}

// assertHighlighted checks that the field of path is focused, highlighted by a visible rectangle
// drawn around it, and inside the visible part of the step's scroll.
func assertHighlighted(t *testing.T, ta *testApp, w *wizardScreen, path string) {
	t.Helper()
	in := w.inputs[path]
	if in == nil {
		t.Fatalf("no input for %s on step %s", path, w.currentID())
	}
	if ta.w.Canvas().Focused() != in {
		t.Errorf("focus is on %T, not %s", ta.w.Canvas().Focused(), path)
	}
	if w.highlighted() != path || w.jump.target != in.(fyne.CanvasObject) {
		t.Fatalf("highlighted %q, want %s", w.highlighted(), path)
	}
	d := fyne.CurrentApp().Driver()
	target := in.(fyne.CanvasObject)
	tp, rp := d.AbsolutePositionForObject(target), d.AbsolutePositionForObject(w.jump.rect)
	ts, rs := target.Size(), w.jump.rect.Size()
	if !w.jump.rect.Visible() || rs.Width <= 0 || rp.X > tp.X || rp.Y > tp.Y || rp.X+rs.Width < tp.X+ts.Width || rp.Y+rs.Height < tp.Y+ts.Height {
		t.Errorf("the highlight %v+%v does not surround the field %v+%v", rp, rs, tp, ts)
	}
	sp := d.AbsolutePositionForObject(w.scroll)
	if tp.Y < sp.Y || tp.Y+ts.Height > sp.Y+w.scroll.Size().Height {
		t.Errorf("the field at y=%v..%v is outside the visible part y=%v..%v", tp.Y, tp.Y+ts.Height, sp.Y, sp.Y+w.scroll.Size().Height)
	}
}

func TestOfficerFindingsJumpToTheHighlightedField(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.TradeFair)
	sample := forms.Sample(forms.TradeFair)
	*w.app = *sample
	w.app.ID = ta.wizard.app.ID
	w.app.Letter.Recipient = "Sở Công Thương tỉnh Bình Dương"                                           // recipient
	w.app.Enterprise.MainProducts = "Gốm sứ mỹ nghệ men lam, gia công cho Hộ kinh doanh Nguyễn Văn Tư." // foreign-name, last on a long step
	w.steps = w.def.VisibleSteps(w.app)
	w.buildOutline()
	w.showStep(len(w.steps))
	rv := w.review

	// The section is there, with both findings, and the general list does not repeat them.
	for _, p := range rv.problems {
		if forms.IsReviewCode(p.Code) {
			t.Errorf("officer finding %s also in the general list", p.Code)
		}
	}
	i := officerFinding(t, rv, forms.CodeRecipient, "letter.recipient")
	test.Tap(rv.officerButtons[i])
	if w.currentID() != "letter" || !w.backToReview.Visible() {
		t.Fatalf("jumped to step %q (way back shown: %v)", w.currentID(), w.backToReview.Visible())
	}
	assertHighlighted(t, ta, w, "letter.recipient")

	// Fixing it and going back removes the finding; the highlight goes with the step.
	w.app.Letter.Recipient = "Sở Công Thương Thành phố Hồ Chí Minh"
	test.Tap(w.backToReview)
	if w.highlighted() != "" {
		t.Error("the highlight stays after leaving the step")
	}
	for _, p := range w.review.officer {
		if p.Code == forms.CodeRecipient {
			t.Error("the recipient finding remains after fixing it")
		}
	}

	// A field far down its step: the step scrolls to it.
	ta.w.Resize(fyne.NewSize(1024, 600))
	i = officerFinding(t, w.review, forms.CodeForeignName, "enterprise.main_products")
	test.Tap(w.review.officerButtons[i])
	if w.currentID() != "enterprise" {
		t.Fatalf("jumped to step %q", w.currentID())
	}
	assertHighlighted(t, ta, w, "enterprise.main_products")
	if w.scroll.Offset.Y <= 0 {
		t.Errorf("the step did not scroll (offset %v)", w.scroll.Offset)
	}

	// In English the section and its messages are in English.
	lang = langEN
	defer func() { lang = langVI }()
	w.showStep(len(w.steps))
	p := w.review.officer[officerFinding(t, w.review, forms.CodeForeignName, "enterprise.main_products")]
	if !strings.Contains(p.Text(true), "not the applicant") {
		t.Errorf("English message: %s", p.Text(true))
	}
	var title, message bool
	for _, o := range test.LaidOutObjects(w.review.root) {
		switch x := o.(type) {
		case *widget.Card:
			title = title || strings.HasPrefix(x.Title, "What the appraising officer will ask")
		case *widget.Label:
			message = message || strings.Contains(x.Text, "not the applicant")
		}
	}
	if !title || !message {
		t.Errorf("English review: section title %v, English message %v", title, message)
	}
}
