package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// "Đến chỗ sửa" from the review: open the step of a finding, scroll to its field, focus it and
// draw a highlight around it, so the user sees at once what the officer would object to. The
// highlight lies in a layer above the step's content and follows the field when the window is
// resized; it goes when another step is shown.

// jumpMark is the highlight of the field a finding pointed to.
type jumpMark struct {
	path   string            // the finding's field path
	target fyne.CanvasObject // the input highlighted
	rect   *canvas.Rectangle // the highlight
	stack  *fyne.Container   // the scroll's content while the highlight is shown
	base   fyne.CanvasObject // the step's content under the layer
}

// jumpTo shows the step of a finding with its field scrolled into view, focused and highlighted.
func (w *wizardScreen) jumpTo(step, path string) {
	w.goToField(step, path, true)
	w.highlight(path)
}

// highlight draws the highlight around the input of path (or the nearest input, see nearestInput)
// on the current step.
func (w *wizardScreen) highlight(path string) {
	w.jump = nil
	key := nearestInput(w.inputs, path)
	target, ok := w.inputs[key].(fyne.CanvasObject)
	if !ok || w.scroll.Content == nil {
		return
	}
	warn := theme.Color(theme.ColorNameWarning)
	r, g, b, _ := warn.RGBA()
	rect := canvas.NewRectangle(color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x38})
	rect.StrokeColor = warn
	rect.StrokeWidth = 3
	rect.CornerRadius = theme.InputRadiusSize()
	m := &jumpMark{path: path, target: target, rect: rect, base: w.scroll.Content}
	m.stack = container.NewStack(m.base, container.New(m, rect))
	w.scroll.Content = m.stack
	w.scroll.Refresh()
	w.jump = m
	scrollTo(w.scroll, target)
}

// highlighted returns the path whose field is highlighted now, or "".
func (w *wizardScreen) highlighted() string {
	if w.jump == nil || w.scroll.Content != w.jump.stack {
		return ""
	}
	return w.jump.path
}

// highlightMargin is the space between the field and the highlight's border.
const highlightMargin = 4

// Layout places the highlight around the target, wherever the step's layout put it.
func (m *jumpMark) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(m.target).Subtract(d.AbsolutePositionForObject(m.base))
	size := m.target.Size()
	for _, o := range objs {
		o.Move(fyne.NewPos(at.X-highlightMargin, at.Y-highlightMargin))
		o.Resize(fyne.NewSize(size.Width+2*highlightMargin, size.Height+2*highlightMargin))
	}
}

// MinSize is zero: the highlight never makes the step larger.
func (m *jumpMark) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }
