package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

func seedPortfolio(t *testing.T, ta *testApp, apps []*forms.Application) {
	t.Helper()
	for _, app := range apps {
		if _, err := ta.store.ImportApplication(app, forms.ImportMerge); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPlanScreenBuildsFromTheLibrary(t *testing.T) {
	ta := newTestApp(t)
	apps := forms.SamplePortfolio(6)
	blocked := forms.SamplePortfolio(7)[6]
	blocked.Commitments.Counterpart = false
	seedPortfolio(t, ta, append(apps, blocked))
	var written struct {
		plan  *forms.Plan
		dir   string
		draft bool
	}
	ta.deps.ExportPlan = func(p *forms.Plan, dir string, draft bool) ([]string, error) {
		written.plan, written.dir, written.draft = p, dir, draft
		return []string{dir + "/ke-hoach.pdf", dir + "/ke-hoach.xlsx"}, nil
	}

	test.Tap(ta.planBt)
	if ta.screen != "plan" {
		t.Fatalf("screen %q after tapping Kế hoạch", ta.screen)
	}
	s := ta.plan
	s.year.SetText("2027")
	s.province.SetSelected("Thành phố Hồ Chí Minh")
	s.ceiling.SetText("100.000.000")
	test.Tap(s.build)
	if s.plan == nil {
		t.Fatalf("no plan; status %q", s.status.Text)
	}
	want, err := forms.BuildPlan(portfolioInputsUI(apps), forms.PlanOptions{Year: 2027, Province: "79", Fund: forms.FundLocal, Packs: ta.packs})
	if err != nil {
		t.Fatal(err)
	}
	if s.plan.Dossiers != 6 || s.plan.PlanTotals != want.PlanTotals {
		t.Fatalf("screen's plan %d dossiers %+v, want 6 %+v", s.plan.Dossiers, s.plan.PlanTotals, want.PlanTotals)
	}
	if !strings.Contains(s.status.Text, want.Total.String()) || !strings.Contains(s.status.Text, forms.AmountInWords(want.Support, forms.WordStyle{})) {
		t.Errorf("status does not give the totals and words: %q", s.status.Text)
	}
	if !strings.Contains(s.issues.Text, "Chưa đưa vào kế hoạch") || !strings.Contains(s.issues.Text, "cần cắt giảm") {
		t.Errorf("issues do not name the blocked dossier and the cut: %q", s.issues.Text)
	}
	if got := len(s.rows); got != 5+6 {
		t.Errorf("%d table rows, want 5 groups + 6 items", got)
	}
	s.exportInto(t.TempDir())
	if written.plan != s.plan || !written.draft {
		t.Errorf("export: plan %p draft %v; want the screen's plan as a draft (a dossier was left out)", written.plan, written.draft)
	}
	if len(ta.opener.opened) == 0 || !strings.HasSuffix(ta.opener.opened[0], "ke-hoach.pdf") {
		t.Errorf("the PDF was not opened: %v", ta.opener.opened)
	}

	s.year.SetText("hai nghìn")
	test.Tap(s.build)
	if !strings.Contains(s.status.Text, "năm kế hoạch") {
		t.Errorf("a year in words: status %q", s.status.Text)
	}
	ta.deps.ExportPlan = func(*forms.Plan, string, bool) ([]string, error) { return nil, errors.New("tệp đang mở") }
	s.exportInto(t.TempDir())
	if !strings.Contains(ta.lastError, "tệp đang mở") {
		t.Errorf("a failed export is not shown: %q", ta.lastError)
	}
}

func portfolioInputsUI(apps []*forms.Application) []forms.PlanInput {
	var in []forms.PlanInput
	for _, a := range apps {
		in = append(in, forms.PlanInput{App: a})
	}
	return in
}

// reviewTextsOfNationalEntry opens the review of a trade-fair dossier entered in the national
// selection and returns the texts of its labels and card subtitles.
func reviewTextsOfNationalEntry(t *testing.T, ta *testApp) string {
	t.Helper()
	app := forms.Sample(forms.TradeFair)
	app.Project.Selection.Enter = true
	app.Project.Selection.Level = "quoc-gia"
	c := ta.seedClient(t, forms.TradeFair)
	app.ClientID = c.ID
	if err := ta.store.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	ta.openDossier(app.ID)
	ta.wizard.showStep(len(ta.wizard.steps))
	var texts []string
	for _, o := range test.LaidOutObjects(ta.wizard.review.root) {
		switch w := o.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.Card:
			texts = append(texts, w.Subtitle)
		}
	}
	return strings.Join(texts, "\n")
}

func TestReviewShowsPriorities(t *testing.T) {
	all := reviewTextsOfNationalEntry(t, newTestApp(t))
	for _, want := range []string{"Mức ưu tiên: Ưu tiên", "cấp quốc gia", "(chưa có hướng dẫn năm 2027)"} {
		if !strings.Contains(all, want) {
			t.Errorf("review lacks %q", want)
		}
	}
}

func TestPrioritiesInEnglish(t *testing.T) {
	ta := newTestApp(t)
	lang = langEN
	defer func() { lang = langVI }()
	all := reviewTextsOfNationalEntry(t, ta)
	for _, want := range []string{"Priority level: Priority", "entered in the national outstanding-product selection"} {
		if !strings.Contains(all, want) {
			t.Errorf("English review lacks %q", want)
		}
	}
	if strings.Contains(all, "Mức ưu tiên") || strings.Contains(all, "Để được ưu tiên") {
		t.Error("the priority card is still Vietnamese in English mode")
	}
}
