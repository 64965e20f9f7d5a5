package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// wizardScreen is the guided form of one dossier: an outline of steps on the left, one step at a
// time on the right, Back / Next at the bottom, and the review as the last step.
type wizardScreen struct {
	a   *App
	app *forms.Application
	def *forms.ProgrammeDef

	steps []forms.Step // the steps that apply, in order; index len(steps) is the review
	cur   int
	comp  forms.Completeness

	outline      *fyne.Container
	outlineItems []*widget.Button
	progress     *widget.Label

	stepTitle    *widget.Label
	stepHelp     *widget.Label
	scroll       *container.Scroll
	page         *pageScroll // scroll plus the wheel over every field
	back, next   *widget.Button
	backToReview *widget.Button
	generate     *widget.Button
	footer       *fyne.Container // a step's own panel above Back / Next (the budget totals)

	// The current step's widgets.
	form        *fieldForm
	inputs      map[string]fyne.Focusable // path → input of the current step
	budget      *budgetEditor
	attachments *attachmentsEditor
	review      *reviewScreen
	returnTo    bool      // came from the review through an "Sửa" button
	jump        *jumpMark // the field highlighted by "Đến chỗ sửa" (jump.go)

	bad  badInputs   // typed texts that are not valid, kept while the dossier is open
	gen  *generation // the last generation, for tests
	root fyne.CanvasObject
}

func newWizardScreen(a *App, app *forms.Application) *wizardScreen {
	w := &wizardScreen{a: a, app: app, def: forms.Definition(app.Programme), bad: badInputs{}}
	w.steps = w.def.VisibleSteps(app)
	w.outline = container.NewVBox()
	w.progress = widget.NewLabel("")
	w.progress.Wrapping = fyne.TextWrapWord
	w.stepTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.stepTitle.SizeName = theme.SizeNameSubHeadingText
	w.stepTitle.Wrapping = fyne.TextWrapWord
	w.stepHelp = helpLabel("")
	w.page = newPageScroll(container.NewVBox())
	w.scroll = w.page.Scroll
	w.back = widget.NewButtonWithIcon(tr("Quay lại"), theme.NavigateBackIcon(), func() { w.showStep(w.cur - 1) })
	w.next = widget.NewButtonWithIcon(tr("Tiếp theo"), theme.NavigateNextIcon(), w.goNext)
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.next.Importance = widget.HighImportance
	w.backToReview = widget.NewButtonWithIcon(tr("Quay lại xem lại"), theme.ViewRefreshIcon(), func() { w.showStep(len(w.steps)) })
	w.backToReview.Importance = widget.WarningImportance
	w.backToReview.Hide()
	w.generate = widget.NewButtonWithIcon(tr("Tạo hồ sơ PDF (Ctrl+P)"), theme.DocumentPrintIcon(), w.startGenerate)

	w.buildOutline()
	left := container.NewBorder(nil, w.progress, nil, nil, container.NewVScroll(w.outline))
	w.footer = container.NewVBox()
	bottom := container.NewVBox(w.footer, container.NewBorder(nil, nil, w.back, container.NewHBox(w.backToReview, w.generate, w.next)))
	right := container.NewBorder(container.NewVBox(w.stepTitle, w.stepHelp, widget.NewSeparator()), bottom, nil, nil, w.page.root)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.24
	w.root = split
	return w
}

// buildOutline draws one button per step plus the review, each with its status.
func (w *wizardScreen) buildOutline() {
	w.outline.Objects = nil
	w.outlineItems = nil
	for i := 0; i <= len(w.steps); i++ {
		i := i
		b := widget.NewButton("", func() { w.showStep(i) })
		b.Alignment = widget.ButtonAlignLeading
		w.outlineItems = append(w.outlineItems, b)
		w.outline.Add(b)
	}
	w.refreshOutline()
}

// refreshOutline recomputes completeness and writes each step's status as an icon (a tick when
// complete, a warning with the number missing, an error with the number of invalid entries):
// theme icons, not ✓ / ⚠ glyphs that some fonts lack.
func (w *wizardScreen) refreshOutline() {
	w.comp = forms.CheckCompleteness(w.app)
	byID := map[string]forms.StepCompleteness{}
	for _, s := range w.comp.Steps {
		byID[s.StepID] = s
	}
	badByStep := map[string]int{}
	for p := range w.bad {
		badByStep[w.def.StepOfPath(p)]++
	}
	for i, b := range w.outlineItems {
		var text string
		var icon fyne.Resource
		if i == len(w.steps) {
			text = tr("Xem lại và in hồ sơ")
			icon = theme.DocumentPrintIcon()
		} else {
			s := w.steps[i]
			text = fmt.Sprintf("%d. %s", i+1, stepTitle(s))
			icon = theme.ConfirmIcon()
			if n := badByStep[s.ID]; n > 0 {
				text += fmt.Sprintf(tr("  (%d ô nhập sai)"), n)
				icon = theme.ErrorIcon()
			} else if sc, ok := byID[s.ID]; ok && !sc.Complete() {
				text += fmt.Sprintf("  (%s)", fmt.Sprintf(tr("thiếu %d"), sc.Total-sc.Done))
				icon = theme.WarningIcon()
			}
		}
		imp := widget.LowImportance
		if i == w.cur {
			imp = widget.HighImportance
		}
		if b.Text != text || b.Importance != imp || b.Icon != icon {
			b.Text, b.Importance, b.Icon = text, imp, icon
			b.Refresh()
		}
	}
	w.progress.SetText(fmt.Sprintf(tr("Đã hoàn thành %d%% (%d/%d mục bắt buộc)"), w.comp.Percent, w.comp.Done, w.comp.Total))
}

// changed is called after every answer: save (debounced), show or hide conditional questions,
// update the outline.
func (w *wizardScreen) changed(path string) {
	w.a.saver.saveApplication(w.app)
	if w.form != nil {
		w.form.refreshVisibility()
	}
	if steps := w.def.VisibleSteps(w.app); !sameSteps(steps, w.steps) {
		cur := w.currentID()
		w.steps = steps
		w.buildOutline()
		for i, s := range w.steps {
			if s.ID == cur {
				w.cur = i
			}
		}
	}
	w.refreshOutline()
	if strings.HasPrefix(path, "enterprise.") {
		w.a.setOpen(&w.app.Enterprise, fmt.Sprintf("%s %d", programmeLabel(w.app.Programme), w.app.Year))
	}
}

func sameSteps(a, b []forms.Step) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			return false
		}
	}
	return true
}

func (w *wizardScreen) currentID() string {
	if w.cur < len(w.steps) {
		return w.steps[w.cur].ID
	}
	return "review"
}

func (w *wizardScreen) onAttachments() bool {
	return w.cur < len(w.steps) && w.steps[w.cur].Kind == forms.StepAttachments
}

func (w *wizardScreen) goNext() {
	if w.cur < len(w.steps) {
		w.showStep(w.cur + 1)
	}
}

// showStep draws step i (len(steps) is the review).
func (w *wizardScreen) showStep(i int) {
	if i < 0 {
		i = 0
	}
	if i > len(w.steps) {
		i = len(w.steps)
	}
	w.cur = i
	w.form, w.budget, w.attachments, w.review = nil, nil, nil, nil
	w.inputs = map[string]fyne.Focusable{}
	w.footer.Objects = nil
	var content fyne.CanvasObject
	if i == len(w.steps) {
		w.returnTo = false
		w.review = newReviewScreen(w)
		w.stepTitle.SetText(tr("Xem lại và in hồ sơ"))
		w.stepHelp.SetText(tr("Kiểm tra từng câu trả lời; bấm \"Sửa\" để đến câu hỏi, rồi \"Quay lại xem lại\"."))
		content = w.review.root
	} else {
		s := w.steps[i]
		w.stepTitle.SetText(fmt.Sprintf(tr("Bước %d/%d: %s"), i+1, len(w.steps), stepTitle(s)))
		w.stepHelp.SetText(stepHelp(s))
		switch s.Kind {
		case forms.StepBudget:
			w.budget = newBudgetEditor(w)
			content = w.budget.root
			w.footer.Objects = []fyne.CanvasObject{w.budget.totals}
		case forms.StepAttachments:
			w.attachments = newAttachmentsEditor(w)
			content = w.attachments.root
		default:
			w.form = newFieldForm(w.app, w.changed, w.goNext)
			w.form.inputs = w.inputs
			w.form.bad = w.bad
			w.form.onFocus, w.form.onGrow = w.showFocused, w.scroll.Refresh
			w.form.offerUndo = w.a.undo.offer
			content = w.form.build(s.Fields)
		}
	}
	if w.a.readOnly != nil && i < len(w.steps) { // a damaged library: answers can be read, not changed
		disableInputs(content)
	}
	if stepHelp := w.stepHelp.Text; stepHelp == "" {
		w.stepHelp.Hide()
	} else {
		w.stepHelp.Show()
	}
	w.footer.Refresh()
	w.scroll.Content = container.NewPadded(content)
	w.scroll.Refresh()
	w.scroll.ScrollToTop()
	if i == 0 {
		w.back.Disable()
	} else {
		w.back.Enable()
	}
	if i == len(w.steps) {
		w.next.Hide()
	} else {
		w.next.Show()
	}
	if w.returnTo && i < len(w.steps) {
		w.backToReview.Show()
	} else {
		w.backToReview.Hide()
	}
	w.refreshOutline()
	w.focusFirst()
}

// showFocused scrolls the step so that the field that got the focus is in view.
func (w *wizardScreen) showFocused(o fyne.CanvasObject) { ensureVisible(w.scroll, o) }

func (w *wizardScreen) focusFirst() {
	if w.cur >= len(w.steps) {
		return
	}
	c := w.a.w.Canvas()
	if w.budget != nil && len(w.budget.rows) > 0 {
		c.Focus(w.budget.rows[0].desc)
		return
	}
	if w.form == nil {
		return
	}
	for _, r := range w.form.rows {
		if !r.field.Applies(w.app) {
			continue
		}
		if in, ok := w.inputs[r.field.Path]; ok {
			if e, isEntry := in.(*widget.Entry); isEntry {
				c.Focus(e)
			}
		}
		return
	}
}

// goToField shows the step of a field and focuses it; fromReview offers the way back.
func (w *wizardScreen) goToField(step, path string, fromReview bool) {
	if step == "" {
		step = w.def.StepOfPath(path)
	}
	idx := -1
	for i, s := range w.steps {
		if s.ID == step {
			idx = i
		}
	}
	if idx < 0 {
		return
	}
	w.returnTo = fromReview
	w.showStep(idx)
	w.focusPath(path)
}

// focusPath focuses the input of path, or the nearest one: a table's cell, a line of the budget.
func (w *wizardScreen) focusPath(path string) {
	in := w.inputs[nearestInput(w.inputs, path)]
	if in == nil {
		return
	}
	w.a.w.Canvas().Focus(in)
	if o, ok := in.(fyne.CanvasObject); ok {
		scrollTo(w.scroll, o)
	}
}

// nearestInput returns path itself when it has an input, else the longest input path that contains
// it (the table of a cell), else the first input inside it (the first cell of a table).
func nearestInput(inputs map[string]fyne.Focusable, path string) string {
	if _, ok := inputs[path]; ok {
		return path
	}
	outer, inner := "", ""
	for k := range inputs {
		switch {
		case hasPrefixPath(path, k) && len(k) > len(outer):
			outer = k
		case hasPrefixPath(k, path) && (inner == "" || k < inner):
			inner = k
		}
	}
	if inner != "" {
		return inner
	}
	return outer
}

func hasPrefixPath(path, prefix string) bool {
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	rest := path[len(prefix):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}

// scrollTo scrolls so that o is near the top of the scroll's view.
func scrollTo(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.Content).Y
	y := d.AbsolutePositionForObject(o).Y - top - 40
	if y < 0 {
		y = 0
	}
	s.Offset = fyne.NewPos(0, y)
	s.Refresh()
}
