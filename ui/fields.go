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

// fieldForm draws questions of the registry and writes answers into an application through
// forms.GetField / forms.SetField. The wizard and the client profile both use it.
type fieldForm struct {
	app      *forms.Application
	onChange func(path string) // called after an answer was stored
	onSubmit func()            // Enter in a one-line entry (Next)
	inputs   map[string]fyne.Focusable
	legacy   map[string]*widget.Button // per text field: the offer to convert pasted TCVN3 text
	rows     []*fieldRow
	tables   []*tableEditor
	bad      badInputs               // typed texts that are not valid (shared with the wizard)
	entries  map[string]*formEntry   // path → entry, to check a partner date again
	onFocus  func(fyne.CanvasObject) // a field got the focus: scroll it into view
	onGrow   func()                  // a multi-line box grew: lay the page out again
	// offerUndo shows the "Đã xóa … — Hoàn tác" bar; nil: no undo
	offerUndo func(msg string, undo func())
	msgs      map[string]*widget.Label // path → the message under the entry
	checks    map[string]func(string) error
}

// fieldRow is one question: label, input and help, hidden when the question does not apply.
type fieldRow struct {
	field forms.Field
	root  *fyne.Container
	label *widget.Label // the question, with " *" when it must be answered; nil for a check box
}

func newFieldForm(app *forms.Application, onChange func(string), onSubmit func()) *fieldForm {
	return &fieldForm{app: app, onChange: onChange, onSubmit: onSubmit, inputs: map[string]fyne.Focusable{}, legacy: map[string]*widget.Button{},
		bad: badInputs{}, entries: map[string]*formEntry{}, msgs: map[string]*widget.Label{}, checks: map[string]func(string) error{}}
}

// build returns the questions as one column.
func (ff *fieldForm) build(fields []forms.Field) *fyne.Container {
	box := container.NewVBox()
	for _, f := range fields {
		row := &fieldRow{field: f}
		var input fyne.CanvasObject
		if f.Kind == forms.FieldTable {
			te := newTableEditor(ff, f)
			ff.tables = append(ff.tables, te)
			input = te.root
		} else {
			input = ff.input(f, f.Path)
		}
		parts := []fyne.CanvasObject{}
		if f.Kind != forms.FieldBool {
			row.label = questionLabel(f, ff.app)
			parts = append(parts, row.label)
		}
		parts = append(parts, input)
		if h := fieldHelp(f); h != "" {
			parts = append(parts, helpLabel(h))
		}
		row.root = container.NewVBox(parts...)
		ff.rows = append(ff.rows, row)
		box.Add(row.root)
	}
	ff.refreshVisibility()
	return box
}

// refreshVisibility hides the questions that do not apply (their answers are kept) and marks
// with "*" those that must be answered for this application (which may change with the legal form).
func (ff *fieldForm) refreshVisibility() {
	for _, r := range ff.rows {
		if r.label != nil {
			if text := questionText(r.field, ff.app); r.label.Text != text {
				r.label.SetText(text)
			}
		}
		if r.field.Applies(ff.app) {
			r.root.Show()
		} else {
			r.root.Hide()
		}
	}
}

// questionText is the question's label, with " *" when the application must answer it.
func questionText(f forms.Field, app *forms.Application) string {
	if f.RequiredFor(app) {
		return fieldLabel(f) + " *"
	}
	return fieldLabel(f)
}

func questionLabel(f forms.Field, app *forms.Application) *widget.Label {
	l := widget.NewLabelWithStyle(questionText(f, app), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func helpLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = fyne.TextStyle{Italic: true}
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// validator checks a typed value with the field's own rule; empty input is left to completeness.
func validator(f forms.Field) fyne.StringValidator {
	check := fieldCheck(f)
	if check == nil {
		return nil
	}
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return check(s)
	}
}

// fieldCheck is the forms check of a field: its own, or the one of its kind.
func fieldCheck(f forms.Field) func(string) error {
	check := f.Validate
	if check == nil {
		switch f.Kind {
		case forms.FieldMoney:
			check = forms.ValidateMoney
		case forms.FieldDate:
			check = forms.ValidateDate
		case forms.FieldQuantity:
			check = forms.ValidateQuantity
		case forms.FieldInt:
			check = forms.ValidateCount
		}
	}
	return check
}

// input builds the widget for one answer at path.
func (ff *fieldForm) input(f forms.Field, path string) fyne.CanvasObject {
	cur, _ := forms.GetField(ff.app, path)
	changed := func() {
		if ff.onChange != nil {
			ff.onChange(path)
		}
	}
	switch f.Kind {
	case forms.FieldChoice:
		var labels []string
		byLabel := map[string]string{}
		selected := ""
		for _, c := range f.Choices {
			l := choiceLabel(c)
			labels = append(labels, l)
			byLabel[l] = c.Value
			if c.Value == cur {
				selected = l
			}
		}
		sel := newFormSelect(labels)
		sel.onFocus = ff.focused
		sel.PlaceHolder = tr("(chọn)")
		if selected != "" {
			sel.SetSelected(selected)
		}
		sel.OnChanged = func(l string) {
			if err := forms.SetField(ff.app, path, byLabel[l]); err == nil {
				changed()
			}
		}
		ff.inputs[path] = sel
		return sel
	case forms.FieldBool:
		chk := newFormCheck(fieldLabel(f))
		chk.onFocus = ff.focused
		chk.SetChecked(cur == "true")
		chk.OnChanged = func(b bool) {
			if err := forms.SetField(ff.app, path, fmt.Sprint(b)); err == nil {
				changed()
			}
		}
		ff.inputs[path] = chk
		return chk
	}
	e := newFormEntry(f.Kind == forms.FieldMultiline)
	e.onFocus = ff.focused
	e.grow = func() {
		if ff.onGrow != nil {
			ff.onGrow()
		}
	}
	if f.Kind != forms.FieldMultiline {
		e.OnSubmitted = func(string) {
			if ff.onSubmit != nil {
				ff.onSubmit()
			}
		}
	}
	switch f.Kind {
	case forms.FieldDate:
		e.SetPlaceHolder(tr("ngày/tháng/năm"))
	case forms.FieldMoney:
		e.SetPlaceHolder(tr("số đồng"))
	}
	if b, ok := ff.bad[path]; ok {
		cur = b.text // the invalid text the user typed, shown again with its message
	}
	e.SetText(cur)
	e.Validator = validator(f)
	msg := newFieldMessage()
	check := fieldCheck(f)
	ff.entries[path], ff.msgs[path], ff.checks[path] = e, msg, check
	prev := cur
	e.OnChanged = func(s string) {
		if f.Kind == forms.FieldMoney {
			if g := forms.RegroupMoneyInput(prev, s); g != s {
				e.SetText(g) // calls OnChanged again with the grouped text
				e.CursorColumn = len([]rune(g))
				e.Refresh()
				return
			}
		}
		prev = s
		showFieldMessage(msg, storeTyped(ff.app, ff.bad, path, s, check, keepsText(f.Kind)))
		if partner, _, ok := forms.DatePair(path); ok {
			ff.recheck(partner)
		}
		changed()
	}
	if b, ok := ff.bad[path]; ok {
		showFieldMessage(msg, b.msg)
	}
	ff.inputs[path] = e
	if f.Kind != forms.FieldText && f.Kind != forms.FieldMultiline {
		return container.NewVBox(e, msg)
	}
	// Text pasted from a document typed with the old TCVN3 (.VnTime) fonts: offer to convert it.
	legacy := widget.NewButtonWithIcon(tr("Văn bản dán vào có vẻ ở bảng mã TCVN3 (ABC): bấm để chuyển sang Unicode"), theme.WarningIcon(), func() {
		e.SetText(forms.FromTCVN3(e.Text))
	})
	legacy.Importance = widget.WarningImportance
	legacy.Hide()
	onChanged := e.OnChanged
	e.OnChanged = func(s string) {
		onChanged(s)
		e.fitRows()
		if forms.LooksLikeTCVN3(s) {
			legacy.Show()
		} else {
			legacy.Hide()
		}
	}
	ff.legacy[path] = legacy
	return container.NewVBox(e, msg, legacy)
}

// focused scrolls a field that got the focus into view.
func (ff *fieldForm) focused(o fyne.CanvasObject) {
	if ff.onFocus != nil {
		ff.onFocus(o)
	}
}

// recheck checks the entry at path again (its partner date changed).
func (ff *fieldForm) recheck(path string) {
	e, ok := ff.entries[path]
	if !ok {
		return
	}
	showFieldMessage(ff.msgs[path], storeTyped(ff.app, ff.bad, path, e.Text, ff.checks[path], false))
}

// keepsText reports whether a field of this kind stores any text, valid or not.
func keepsText(k forms.FieldKind) bool { return k == forms.FieldText || k == forms.FieldMultiline }

// tableEditor edits a table field: one small form per row, with add, remove and move.
type tableEditor struct {
	ff    *fieldForm
	field forms.Field
	rows  *fyne.Container
	add   *widget.Button
	root  *fyne.Container
}

func newTableEditor(ff *fieldForm, f forms.Field) *tableEditor {
	te := &tableEditor{ff: ff, field: f, rows: container.NewVBox()}
	te.add = widget.NewButtonWithIcon(tr("Thêm dòng"), theme.ContentAddIcon(), func() {
		i, err := forms.AddRow(ff.app, f.Path)
		if err != nil {
			return
		}
		te.rebuild()
		te.changed()
		if in, ok := ff.inputs[fmt.Sprintf("%s[%d].%s", f.Path, i, f.Columns[0].Path)]; ok {
			if c := fyne.CurrentApp().Driver().CanvasForObject(te.root); c != nil {
				c.Focus(in)
			}
		}
	})
	te.root = container.NewVBox(te.rows, container.NewHBox(te.add))
	ff.inputs[f.Path] = te.add
	te.rebuild()
	return te
}

func (te *tableEditor) changed() {
	if te.ff.onChange != nil {
		te.ff.onChange(te.field.Path)
	}
}

func (te *tableEditor) rebuild() {
	// Forget the inputs of the old rows.
	prefix := te.field.Path + "["
	for k := range te.ff.inputs {
		if strings.HasPrefix(k, prefix) {
			delete(te.ff.inputs, k)
			delete(te.ff.entries, k)
			delete(te.ff.msgs, k)
			delete(te.ff.checks, k)
		}
	}
	te.rows.Objects = nil
	n := forms.RowCount(te.ff.app, te.field.Path)
	for i := 0; i < n; i++ {
		i := i
		form := widget.NewForm()
		for _, col := range te.field.Columns {
			path := fmt.Sprintf("%s[%d].%s", te.field.Path, i, col.Path)
			text := questionText(col, te.ff.app)
			in := te.ff.input(col, path)
			if col.Kind == forms.FieldBool {
				in.(*formCheck).Text = ""
			}
			form.Append(text, in)
		}
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { te.move(i, i-1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { te.move(i, i+1) })
		del := widget.NewButtonWithIcon(tr("Xóa dòng"), theme.DeleteIcon(), func() { te.remove(i) })
		if i == 0 {
			up.Disable()
		}
		if i == n-1 {
			down.Disable()
		}
		head := container.NewBorder(nil, nil, widget.NewLabelWithStyle(fmt.Sprintf(tr("Dòng %d"), i+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewHBox(up, down, del))
		te.rows.Add(widget.NewCard("", "", container.NewVBox(head, form)))
	}
	te.rows.Refresh()
}

func (te *tableEditor) move(i, j int) {
	if forms.MoveRow(te.ff.app, te.field.Path, i, j) == nil {
		te.ff.bad.reindex(te.field.Path, swapIndex(i, j))
		te.rebuild()
		te.changed()
	}
}

// remove deletes row i at once and offers, for a few seconds, to bring it back.
func (te *tableEditor) remove(i int) {
	ff, path := te.ff, te.field.Path
	row, err := forms.TakeRow(ff.app, path, i)
	if err != nil {
		return
	}
	bad := ff.bad.take(fmt.Sprintf("%s[%d]", path, i))
	ff.bad.reindex(path, removedIndex(i))
	te.rebuild()
	te.changed()
	if ff.offerUndo == nil {
		return
	}
	ff.offerUndo(fmt.Sprintf(tr("Đã xóa dòng %d của \"%s\""), i+1, fieldLabel(te.field)), func() {
		if forms.InsertRow(ff.app, path, i, row) != nil {
			return
		}
		ff.bad.reindex(path, insertedIndex(i))
		ff.bad.put(bad)
		te.rebuild()
		te.changed()
	})
}
