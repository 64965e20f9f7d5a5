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

// budgetRow is one cost line's widgets.
type budgetRow struct {
	number                      *widget.Label
	costType                    *widget.Select
	desc, unit, quantity, price *widget.Entry
	total, support, counterpart *widget.Label
	warn                        *widget.Label // the line is not eligible
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
	b.header = container.NewGridWithColumns(6,
		caption(tr("Đơn vị tính"), fyne.TextAlignLeading), caption(tr("Số lượng"), fyne.TextAlignLeading),
		caption(tr("Đơn giá (đồng)"), fyne.TextAlignLeading), caption(tr("Thành tiền"), fyne.TextAlignTrailing),
		caption(tr("Hỗ trợ"), fyne.TextAlignTrailing), caption(tr("Đối ứng"), fyne.TextAlignTrailing))
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
	r.costType = widget.NewSelect(b.costTypeLabels(), nil)
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
		if strings.TrimSpace(r.unit.Text) == "" && ct.DefaultUnit != "" {
			r.unit.SetText(ct.DefaultUnit) // stores it through OnChanged
		}
		b.edited()
	}
	entry := func(col, placeholder, cur string, v fyne.StringValidator) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.SetText(cur)
		e.Validator = v
		e.OnChanged = func(s string) {
			if col == "unit_price" {
				if g := forms.FormatMoneyInput(s); g != s {
					e.SetText(g)
					e.CursorColumn = len([]rune(g))
					e.Refresh()
					return
				}
			}
			if forms.SetField(b.app, path(col), s) == nil {
				b.edited()
			}
		}
		b.w.inputs[path(col)] = e
		return e
	}
	get := func(col string) string { v, _ := forms.GetField(b.app, path(col)); return v }
	r.desc = entry("description", tr("Nội dung chi"), line.Description, nil)
	r.unit = entry("unit", tr("Đơn vị tính"), line.Unit, nil)
	r.quantity = entry("quantity", tr("Số lượng"), get("quantity"), validator(forms.Field{Kind: forms.FieldQuantity}))
	r.price = entry("unit_price", tr("Đơn giá (đồng)"), get("unit_price"), validator(forms.Field{Kind: forms.FieldMoney}))
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
	kind := container.NewGridWrap(fyne.NewSize(240, r.costType.MinSize().Height), r.costType)
	first := container.NewBorder(nil, nil, container.NewHBox(r.number, kind), container.NewHBox(r.up, r.down, r.remove), r.desc)
	second := container.NewGridWithColumns(6, r.unit, r.quantity, r.price, r.total, r.support, r.counterpart)
	r.root = container.NewVBox(first, second, r.warn, widget.NewSeparator())
	return r
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
	last := b.rows[len(b.rows)-1]
	b.w.a.w.Canvas().Focus(last.desc)
	scrollTo(b.w.scroll, last.root)
}

func (b *budgetEditor) removeLine(i int) {
	if forms.RemoveRow(b.app, "budget.lines", i) == nil {
		b.rebuild()
		b.edited()
	}
}

func (b *budgetEditor) move(i, j int) {
	if forms.MoveRow(b.app, "budget.lines", i, j) == nil {
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
		setText(b.notes, tr("Chưa tính được dự toán: ")+err.Error())
		return
	}
	b.result = res
	warn := map[int]string{}
	var notes []string
	for _, n := range res.Notes {
		switch n.Kind {
		case "ineligible":
			if n.Line > 0 {
				warn[n.Line-1] = n.Message
			}
		case "cap":
			msg := n.Message
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
		setText(r.total, l.Total.String())
		setText(r.support, l.Support.String())
		setText(r.counterpart, l.Counterpart.String())
		if m, ok := warn[l.Index]; ok {
			setText(r.warn, "⚠ "+m)
			r.warn.Show()
		} else if r.warn.Visible() {
			r.warn.Hide()
		}
	}
	style := b.w.a.wordStyle()
	setText(b.total, res.Total.String()+" "+tr("đồng"))
	setText(b.support, res.Support.String()+" "+tr("đồng"))
	setText(b.counterpart, res.Counterpart.String()+" "+tr("đồng"))
	setText(b.totalWords, tr("Bằng chữ: ")+forms.AmountInWords(res.Total, style))
	setText(b.supportWords, tr("Bằng chữ: ")+forms.AmountInWords(res.Support, style))
	setText(b.counterpartWords, tr("Bằng chữ: ")+forms.AmountInWords(res.Counterpart, style))
	setText(b.notes, strings.Join(notes, "\n"))
	if len(notes) == 0 {
		b.notes.Hide()
	} else {
		b.notes.Show()
	}
	setText(b.packInfo, fmt.Sprintf(tr("Tính theo gói quy định %s (%s, phiên bản %s)"), res.PackTitle, res.PackID, res.PackVersion))
}
