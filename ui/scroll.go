package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Scrolling and focus on the long pages (client profile, wizard steps): the mouse wheel scrolls
// the page wherever the pointer is, a field that gets the focus is scrolled into view, Tab leaves
// a multi-line box, and a multi-line box grows with its text instead of scrolling inside.

// formEntry is the entry of every form: it reports when it gets the focus, and Tab moves on.
type formEntry struct {
	widget.Entry
	onFocus func(fyne.CanvasObject) // scrolls the field into view
	grow    func()                  // the box changed height: lay the page out again
	rows    int
	// onEscape runs on Escape (a dialog's Cancel); nil: the entry handles Escape itself
	onEscape func()
}

// TypedShortcut passes the app's own Ctrl shortcuts (Ctrl+P, Ctrl+Q, Ctrl+N…) to the window, which
// would otherwise never see them while an entry has the focus; copy, paste, undo and the like
// stay with the entry.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && appShortcut(cs) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(interface{ TypedShortcut(fyne.Shortcut) }); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// appShortcut reports whether s is one of the window's shortcuts rather than an editing one.
func appShortcut(s *desktop.CustomShortcut) bool {
	if s.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch s.KeyName {
	case fyne.KeyF, fyne.KeyN, fyne.KeyP, fyne.KeyQ:
		return true
	}
	return false
}

// TypedKey gives Escape to onEscape when set.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

func newFormEntry(multiLine bool) *formEntry {
	e := &formEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained scrolls the entry into view, then lets the entry show its cursor.
func (e *formEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(e)
	}
}

// AcceptsTab is false so that Tab moves to the next field, also out of a multi-line box
// (Enter starts a new line there).
func (e *formEntry) AcceptsTab() bool { return false }

// Resize fits the height of a multi-line box to its text at the new width.
func (e *formEntry) Resize(s fyne.Size) {
	e.Entry.Resize(s)
	e.fitRows()
}

// fitRows gives a multi-line box as many rows as its text needs (at least 3), so that the box
// never scrolls inside and the wheel always scrolls the page.
func (e *formEntry) fitRows() {
	if !e.MultiLine || e.Size().Width <= 0 {
		return
	}
	width := e.Size().Width - 4*theme.InnerPadding()
	if width < 50 {
		return
	}
	size := theme.TextSize()
	rows := 0
	for _, para := range strings.Split(e.Text, "\n") {
		w := fyne.MeasureText(para, size, fyne.TextStyle{}).Width
		rows += 1 + int(w/width)
	}
	rows = max(rows+1, 3)
	if rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
		if e.grow != nil {
			e.grow()
		}
	}
}

// pageScroll is a vertical scroll whose wheel works over every field of its page.
type pageScroll struct {
	*container.Scroll
	root fyne.CanvasObject // the scroll with the wheel catcher over it
}

func newPageScroll(content fyne.CanvasObject) *pageScroll {
	p := &pageScroll{Scroll: container.NewVScroll(content)}
	p.root = container.NewStack(p.Scroll, newWheelCatcher(p.Scroll))
	return p
}

// wheelCatcher lies over a page: it is the deepest Scrollable under the pointer, so the wheel
// scrolls the page even over an entry (whose own scroller would swallow it). It takes no taps,
// drags or hovers, which reach the fields under it.
type wheelCatcher struct {
	widget.BaseWidget
	page *container.Scroll
}

func newWheelCatcher(page *container.Scroll) *wheelCatcher {
	c := &wheelCatcher{page: page}
	c.ExtendBaseWidget(c)
	return c
}

// Scrolled scrolls the page.
func (c *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { c.page.Scrolled(ev) }

func (c *wheelCatcher) MinSize() fyne.Size { return fyne.Size{} }

func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// ensureVisible scrolls s as little as needed so that o is in view.
func ensureVisible(s *container.Scroll, o fyne.CanvasObject) {
	if s == nil || s.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(o) == nil {
		return
	}
	top := d.AbsolutePositionForObject(s.Content).Y
	y := d.AbsolutePositionForObject(o).Y - top
	h := o.Size().Height
	view := s.Size().Height
	margin := theme.Padding() * 4
	switch {
	case y-margin < s.Offset.Y:
		s.Offset.Y = max(y-margin, 0)
	case y+h+margin > s.Offset.Y+view:
		s.Offset.Y = y + h + margin - view
	default:
		return
	}
	s.Refresh()
}

// formSelect is a choice list that reports when it gets the focus.
type formSelect struct {
	widget.Select
	onFocus func(fyne.CanvasObject)
}

func newFormSelect(options []string) *formSelect {
	s := &formSelect{}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained scrolls the list into view.
func (s *formSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus(s)
	}
}

// formCheck is a check box that reports when it gets the focus.
type formCheck struct {
	widget.Check
	onFocus func(fyne.CanvasObject)
}

func newFormCheck(label string) *formCheck {
	c := &formCheck{}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the box into view.
func (c *formCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus(c)
	}
}

// weightedColumns lays objects out in one row, sharing the width by weight; its minimum is the sum
// of the objects' minimums (a grid would give every column the widest minimum).
type weightedColumns []float32

func (w weightedColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		if i > 0 {
			s.Width += theme.Padding()
		}
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (w weightedColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for i := range objs {
		total += w.weight(i)
	}
	free := size.Width - theme.Padding()*float32(max(len(objs)-1, 0))
	x := float32(0)
	for i, o := range objs {
		width := free * w.weight(i) / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(width, size.Height))
		x += width + theme.Padding()
	}
}

func (w weightedColumns) weight(i int) float32 {
	if i < len(w) {
		return w[i]
	}
	return 1
}
