package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// budgetEditor is the budget step: the cost lines, and the figures forms.ComputeBudget returns for
// them, updated as the user types. The interface never computes money itself.
type budgetEditor struct {
	w    *wizardScreen
	app  *forms.Application
	def  *forms.ProgrammeDef
	pack *forms.RulePack

	rows   []*budgetRow
	header *fyne.Container // the captions of the columns
	lines  *fyne.Container
	add    *widget.Button
	result *forms.BudgetResult

	total, support, counterpart                *widget.Label
	totalWords, supportWords, counterpartWords *widget.Label
	notes                                      *widget.Label // caps that bite, and the rates
	packInfo                                   *widget.Label
	totals                                     *fyne.Container // shown under the step, always in view
	root                                       fyne.CanvasObject
}

// budgetColumns share the second row of a line: unit, quantity, price, and a wider cost type.
var budgetColumns = weightedColumns{1, 1, 1.4, 2.2}

// budgetRow is one cost line's widgets.
type budgetRow struct {
	number                      *widget.Label
	costType                    *formSelect
	desc, unit, quantity, price *formEntry
	total, support, counterpart *widget.Label
	warn                        *widget.Label // the line is not eligible
	msg                         *widget.Label // what is wrong with a typed quantity or price
	msgs                        map[string]string
	autoUnit                    string // the unit the cost type filled in, replaced by typing
	unitNote                    *widget.Label
	up, down, remove            *widget.Button
	root                        *fyne.Container
}

func newBudgetEditor(w *wizardScreen) *budgetEditor {
	b := &budgetEditor{w: w, app: w.app, def: w.def}
	b.pack, _ = forms.PackFor(w.app, w.a.packs)
	b.lines = container.NewVBox()
	b.add = widget.NewButtonWithIcon(tr("Thêm dòng chi"), theme.ContentAddIcon(), b.addLine)
	b.add.Importance = widget.HighImportance
	w.inputs["budget.lines"] = b.add
	mk := func(bold bool) *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold, Monospace: false})
		return l
	}
	words := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle = fyne.TextStyle{Italic: true}
		l.SizeName = theme.SizeNameCaptionText // small, so that more lines fit on a 600 px screen
		return l
	}
	b.total, b.support, b.counterpart = mk(true), mk(true), mk(true)
	b.totalWords, b.supportWords, b.counterpartWords = words(), words(), words()
	b.notes = widget.NewLabel("")
	b.notes.Wrapping = fyne.TextWrapWord
	b.notes.Importance = widget.WarningImportance
	b.packInfo = helpLabel("")
	line := func(caption string, value, words *widget.Label) *widget.FormItem {
		return widget.NewFormItem(caption, container.NewBorder(nil, nil, value, nil, words))
	}
	b.totals = container.NewVBox(widget.NewSeparator(), widget.NewForm(
		line(tr("Tổng kinh phí"), b.total, b.totalWords),
		line(tr("Đề nghị hỗ trợ"), b.support, b.supportWords),
		line(tr("Cơ sở đối ứng"), b.counterpart, b.counterpartWords),
	))
	caption := func(text string, align fyne.TextAlign) fyne.CanvasObject {
		return widget.NewLabelWithStyle(text, align, fyne.TextStyle{Bold: true})
	}
	// The captions stand over the second row of a line (unit, quantity, price, cost type); the
	// spacer takes the place of the line's buttons.
	buttons := container.NewHBox(widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil),
		widget.NewButtonWithIcon("", theme.MoveDownIcon(), nil), widget.NewButtonWithIcon("", theme.DeleteIcon(), nil))
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(buttons.MinSize().Width, 1))
	b.header = container.NewBorder(nil, nil, nil, spacer, container.New(budgetColumns,
		caption(tr("Đơn vị tính"), fyne.TextAlignLeading), caption(tr("Số lượng"), fyne.TextAlignLeading),
		caption(tr("Đơn giá (đồng)"), fyne.TextAlignLeading), caption(tr("Loại chi phí"), fyne.TextAlignLeading)))
	b.rebuild()
	b.root = container.NewVBox(b.header, b.lines, container.NewHBox(b.add), b.notes, b.packInfo)
	b.recompute()
	return b
}

func (b *budgetEditor) costTypeLabels() []string {
	var out []string
	for _, c := range b.def.CostTypes {
		out = append(out, costTypeLabel(c))
	}
	return out
}

// rebuild draws one row per line.
func (b *budgetEditor) rebuild() {
	for k := range b.w.inputs {
		if strings.HasPrefix(k, "budget.lines[") {
			delete(b.w.inputs, k)
		}
	}
	b.rows = b.rows[:0]
	objs := make([]fyne.CanvasObject, 0, len(b.app.Budget.Lines))
	for i := range b.app.Budget.Lines {
		r := b.newRow(i)
		b.rows = append(b.rows, r)
		objs = append(objs, r.root)
	}
	b.lines.Objects = objs
	b.lines.Refresh()
	if len(objs) == 0 {
		b.header.Hide()
	} else {
		b.header.Show()
	}
}

func (b *budgetEditor) newRow(i int) *budgetRow {
	line := &b.app.Budget.Lines[i]
	n := len(b.app.Budget.Lines)
	r := &budgetRow{}
	path := func(col string) string { return fmt.Sprintf("budget.lines[%d].%s", i, col) }
	r.number = widget.NewLabelWithStyle(fmt.Sprintf("%d.", i+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.costType = newFormSelect(b.costTypeLabels())
	r.costType.onFocus = b.w.showFocused
	r.costType.PlaceHolder = tr("(loại chi phí)")
	for j, c := range b.def.CostTypes {
		if c.ID == line.CostType {
			r.costType.SetSelectedIndex(j)
		}
	}
	r.costType.OnChanged = func(string) {
		j := r.costType.SelectedIndex()
		if j < 0 {
			return
		}
		ct := b.def.CostTypes[j]
		b.app.Budget.Lines[i].CostType = ct.ID
		if (strings.TrimSpace(r.unit.Text) == "" || r.unit.Text == r.autoUnit) && ct.DefaultUnit != "" {
			r.unit.SetText(ct.DefaultUnit) // stores it through OnChanged
			r.autoUnit = ct.DefaultUnit
			r.unitNote.SetText(fmt.Sprintf(tr("Đơn vị tính \"%s\" điền theo loại chi phí; gõ vào ô để thay."), ct.DefaultUnit))
			r.unitNote.Show()
		}
		// The price's plausible bound depends on the cost type: check it again.
		r.setMessage("unit_price", storeTyped(b.app, b.w.bad, path("unit_price"), r.price.Text, forms.UnitPriceValidator(ct.ID), false))
		b.edited()
	}
	get := func(col string) string {
		if bad, ok := b.w.bad[path(col)]; ok {
			return bad.text // the invalid text, shown again with its message
		}
		v, _ := forms.GetField(b.app, path(col))
		return v
	}
	entry := func(col, placeholder string, check func(string) error) *formEntry {
		e := newFormEntry(false)
		e.onFocus = b.w.showFocused
		e.SetPlaceHolder(placeholder)
		cur := get(col)
		e.SetText(cur)
		if check != nil {
			e.Validator = func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				return check(s)
			}
		}
		prev := cur
		e.OnChanged = func(s string) {
			if col == "unit_price" {
				if g := forms.RegroupMoneyInput(prev, s); g != s {
					e.SetText(g)
					e.CursorColumn = len([]rune(g))
					e.Refresh()
					return
				}
			}
			if col == "unit" && r.autoUnit != "" {
				// The unit the cost type filled in is a suggestion: typing replaces it.
				auto := r.autoUnit
				r.autoUnit = ""
				r.unitNote.Hide()
				if s != auto && strings.HasPrefix(s, auto) {
					e.SetText(strings.TrimPrefix(s, auto))
					e.CursorColumn = len([]rune(e.Text))
					e.Refresh()
					return
				}
				if s != auto && strings.HasSuffix(s, auto) {
					e.SetText(strings.TrimSuffix(s, auto))
					e.CursorColumn = len([]rune(e.Text))
					e.Refresh()
					return
				}
			}
			prev = s
			c := check
			if col == "unit_price" {
				c = forms.UnitPriceValidator(b.app.Budget.Lines[i].CostType)
			}
			r.setMessage(col, storeTyped(b.app, b.w.bad, path(col), s, c, col == "description" || col == "unit"))
			b.edited()
		}
		b.w.inputs[path(col)] = e
		return e
	}
	r.msgs = map[string]string{}
	r.msg = newFieldMessage()
	r.unitNote = helpLabel("")
	r.unitNote.Hide()
	r.desc = entry("description", tr("Nội dung chi"), nil)
	r.unit = entry("unit", tr("Đơn vị tính"), nil)
	r.quantity = entry("quantity", tr("Số lượng"), forms.ValidateQuantity)
	r.price = entry("unit_price", tr("Đơn giá (đồng)"), forms.UnitPriceValidator(line.CostType))
	for _, col := range []string{"quantity", "unit_price"} {
		if bad, ok := b.w.bad[path(col)]; ok {
			r.setMessage(col, bad.msg)
		}
	}
	b.w.inputs[path("cost_type")] = r.costType
	r.total = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	r.support = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	r.counterpart = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	r.warn = widget.NewLabel("")
	r.warn.Wrapping = fyne.TextWrapWord
	r.warn.Importance = widget.WarningImportance
	r.warn.Hide()
	r.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { b.move(i, i-1) })
	r.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { b.move(i, i+1) })
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { b.removeLine(i) })
	if i == 0 {
		r.up.Disable()
	}
	if i == n-1 {
		r.down.Disable()
	}
	// Two rows so that a line fits a 1024 px screen, in the order Tab follows: content, then unit,
	// quantity, price, cost type, then the buttons.
	first := container.NewBorder(nil, nil, r.number, nil, r.desc)
	second := container.NewBorder(nil, nil, nil, container.NewHBox(r.up, r.down, r.remove),
		container.New(budgetColumns, r.unit, r.quantity, r.price, r.costType))
	caption := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Importance = widget.LowImportance
		return l
	}
	figures := container.NewGridWithColumns(6, caption(tr("Thành tiền")), r.total, caption(tr("Hỗ trợ")), r.support, caption(tr("Đối ứng")), r.counterpart)
	r.root = container.NewVBox(first, second, r.msg, r.unitNote, figures, r.warn, widget.NewSeparator())
	return r
}

// setMessage shows the message of one of the line's inputs ("" when it is valid); the line shows
// the first message of its inputs.
func (r *budgetRow) setMessage(col, msg string) {
	if msg == "" {
		delete(r.msgs, col)
	} else {
		r.msgs[col] = msg
	}
	show := ""
	for _, c := range []string{"quantity", "unit_price"} {
		if m, ok := r.msgs[c]; ok {
			show = m
			break
		}
	}
	showFieldMessage(r.msg, show)
}

// edited is called after a line changed: recompute the figures, then save.
func (b *budgetEditor) edited() {
	b.recompute()
	b.w.changed("budget.lines")
}

func (b *budgetEditor) addLine() {
	b.app.Budget.Lines = append(b.app.Budget.Lines, forms.BudgetLine{})
	b.rebuild()
	b.edited()
	// Lay the longer list out, show the new line, and put the cursor in it.
	b.w.scroll.Refresh()
	last := b.rows[len(b.rows)-1]
	ensureVisible(b.w.scroll, last.root)
	b.w.a.w.Canvas().Focus(last.desc)
}

// removeLine deletes line i at once and offers, for a few seconds, to bring it back.
func (b *budgetEditor) removeLine(i int) {
	row, err := forms.TakeRow(b.app, "budget.lines", i)
	if err != nil {
		return
	}
	w := b.w
	bad := w.bad.take(fmt.Sprintf("budget.lines[%d]", i))
	w.bad.reindex("budget.lines", removedIndex(i))
	b.rebuild()
	b.edited()
	w.a.undo.offer(fmt.Sprintf(tr("Đã xóa dòng %d"), i+1), func() {
		if forms.InsertRow(w.app, "budget.lines", i, row) != nil {
			return
		}
		w.bad.reindex("budget.lines", insertedIndex(i))
		w.bad.put(bad)
		if w.budget != nil {
			w.budget.rebuild()
			w.budget.edited()
			w.a.w.Canvas().Focus(w.budget.rows[min(i, len(w.budget.rows)-1)].desc)
		} else {
			w.changed("budget.lines")
		}
	})
}

func (b *budgetEditor) move(i, j int) {
	if forms.MoveRow(b.app, "budget.lines", i, j) == nil {
		b.w.bad.reindex("budget.lines", swapIndex(i, j))
		b.rebuild()
		b.edited()
	}
}

// setText changes a label only when its text changes, so that a keystroke refreshes little.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// recompute asks forms.ComputeBudget for every figure and shows them.
func (b *budgetEditor) recompute() {
	if b.pack == nil {
		var err error
		b.pack, err = forms.PackFor(b.app, b.w.a.packs)
		if err != nil {
			setText(b.notes, tr("Chưa tính được phần hỗ trợ: ")+err.Error())
			return
		}
	}
	res, err := forms.ComputeBudget(b.app, b.pack)
	if err != nil {
		why := err.Error()
		if en := forms.EnglishOf(err); lang == langEN && en != "" {
			why = en
		}
		setText(b.notes, tr("Chưa tính được dự toán: ")+why)
		return
	}
	b.result = res
	warn := map[int]string{}
	var notes []string
	var badLines []string
	for _, n := range res.Notes {
		switch n.Kind {
		case "ineligible":
			// A new line without a cost type is not flagged until one is chosen.
			if n.Line > 0 && n.Line <= len(b.app.Budget.Lines) && b.app.Budget.Lines[n.Line-1].CostType != "" {
				warn[n.Line-1] = n.Text(lang == langEN)
			}
		case "cap":
			msg := n.Text(lang == langEN)
			if n.Unverified {
				msg += tr(" (mức này chưa được xác minh với văn bản gốc)")
			}
			notes = append(notes, "• "+msg)
		}
	}
	for _, l := range res.Lines {
		if l.Index >= len(b.rows) {
			continue
		}
		r := b.rows[l.Index]
		if b.w.bad.under(fmt.Sprintf("budget.lines[%d]", l.Index)) {
			// An invalid quantity or price: no figure rather than a stale one.
			badLines = append(badLines, fmt.Sprint(l.Index+1))
			setText(r.total, "—")
			setText(r.support, "—")
			setText(r.counterpart, "—")
		} else {
			setText(r.total, l.Total.String())
			setText(r.support, l.Support.String())
			setText(r.counterpart, l.Counterpart.String())
		}
		if m, ok := warn[l.Index]; ok {
			setText(r.warn, m)
			r.warn.Show()
		} else if r.warn.Visible() {
			r.warn.Hide()
		}
	}
	if len(badLines) > 0 {
		why := fmt.Sprintf(tr("Chưa tính được: sửa ô nhập sai ở dòng %s"), strings.Join(badLines, ", "))
		for _, l := range []*widget.Label{b.total, b.support, b.counterpart} {
			setText(l, "—")
		}
		for _, l := range []*widget.Label{b.totalWords, b.supportWords, b.counterpartWords} {
			setText(l, why)
		}
		b.showNotes(notes)
		b.showPackInfo(res)
		return
	}
	style := b.w.a.wordStyle()
	setText(b.total, res.Total.String()+" "+tr("đồng"))
	setText(b.support, res.Support.String()+" "+tr("đồng"))
	setText(b.counterpart, res.Counterpart.String()+" "+tr("đồng"))
	setText(b.totalWords, tr("Bằng chữ: ")+forms.AmountInWords(res.Total, style))
	setText(b.supportWords, tr("Bằng chữ: ")+forms.AmountInWords(res.Support, style))
	setText(b.counterpartWords, tr("Bằng chữ: ")+forms.AmountInWords(res.Counterpart, style))
	b.showNotes(notes)
	b.showPackInfo(res)
}

func (b *budgetEditor) showNotes(notes []string) {
	setText(b.notes, strings.Join(notes, "\n"))
	if len(notes) == 0 {
		b.notes.Hide()
	} else {
		b.notes.Show()
	}
}

// showPackInfo names the rules the figures follow, in words (no pack ids).
func (b *budgetEditor) showPackInfo(res *forms.BudgetResult) {
	setText(b.packInfo, fmt.Sprintf(tr("Tính theo %s"), res.PackTitle))
}
