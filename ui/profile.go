package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// profileScreen edits a client's enterprise profile; every change is saved at once.
type profileScreen struct {
	a       *App
	client  *forms.Client
	scratch *forms.Application // holds the enterprise so that the registry's paths apply
	form    *fieldForm
	size    *widget.Label // the size class and why
	back    *widget.Button
	root    fyne.CanvasObject
}

func newProfileScreen(a *App, c *forms.Client) *profileScreen {
	p := &profileScreen{a: a, client: c, scratch: &forms.Application{Enterprise: c.Enterprise}}
	p.form = newFieldForm(p.scratch, p.changed, nil)
	questions := p.form.build(forms.EnterpriseFields())
	if a.readOnly != nil { // a damaged library: the answers can be read, not changed
		disableInputs(questions)
	}
	p.size = widget.NewLabel("")
	p.size.Wrapping = fyne.TextWrapWord
	p.back = widget.NewButtonWithIcon(tr("Xong, về thư viện"), theme.NavigateBackIcon(), func() { a.showHome() })
	p.back.Importance = widget.HighImportance
	p.updateSize()
	title := widget.NewLabelWithStyle(tr("Hồ sơ khách hàng"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	intro := helpLabel(tr("Thông tin này được chép vào mỗi hồ sơ mới của khách hàng. Mọi thay đổi được lưu ngay."))
	sizeCard := widget.NewCard(tr("Quy mô doanh nghiệp"), "", p.size)
	content := container.NewVBox(title, intro, questions, sizeCard)
	page := newPageScroll(container.NewPadded(content))
	p.form.onFocus = func(o fyne.CanvasObject) { ensureVisible(page.Scroll, o) }
	p.form.onGrow = page.Scroll.Refresh
	p.root = container.NewBorder(nil, container.NewHBox(p.back), nil, nil, page.root)
	return p
}

func (p *profileScreen) changed(string) {
	p.client.Enterprise = p.scratch.Enterprise
	p.client.UpdatedAt = p.a.now()
	p.form.refreshVisibility()
	p.updateSize()
	p.a.setOpen(&p.client.Enterprise, tr("Hồ sơ khách hàng"))
	p.a.saver.saveClient(p.client)
}

func (p *profileScreen) updateSize() {
	class, why, whyEN := p.client.Enterprise.SizeBoth()
	if lang == langEN {
		p.size.SetText(class.LabelEN() + "\n" + whyEN)
		return
	}
	p.size.SetText(class.Label() + "\n" + why)
}
