package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// planScreen assembles the province's khuyến công plan from the library: the dossiers of a year,
// province and fund, their totals by content group, priorities, and what must be settled first.
type planScreen struct {
	a *App

	year     *widget.Entry
	province *widget.Select
	fund     *widget.Select
	ceiling  *widget.Entry
	build    *widget.Button
	export   *widget.Button
	status   *widget.Label // totals in figures and words, or what went wrong
	issues   *widget.Label // dossiers left out, double funding, over the ceiling
	table    *widget.Table

	plan *forms.Plan
	rows []planRow // the table's rows: a group, then its items
	root fyne.CanvasObject
}

// planRow is one row of the plan table: a group (item == nil) or an item.
type planRow struct {
	group *forms.PlanGroupTotal
	item  *forms.PlanItem
	roman string
}

var planHeader = []string{"STT", "Đề án", "Đơn vị thụ hưởng", "Tổng kinh phí", "Khuyến công hỗ trợ", "Đối ứng", "Mức ưu tiên"}
var planWidths = []float32{48, 280, 230, 120, 150, 120, 210}

func newPlanScreen(a *App) *planScreen {
	s := &planScreen{a: a}
	s.year = widget.NewEntry()
	s.year.SetText(strconv.Itoa(a.now().Year() + 1))
	s.year.Validator = func(v string) error {
		if _, err := planYear(v); err != nil {
			return err
		}
		return nil
	}
	var provinces []string
	provinces = append(provinces, tr("Mọi tỉnh, thành phố"))
	for _, p := range forms.Provinces() {
		provinces = append(provinces, p.FullName())
	}
	s.province = widget.NewSelect(provinces, nil)
	s.province.SetSelectedIndex(0)
	s.fund = widget.NewSelect([]string{tr("Cả hai nguồn"), tr("Khuyến công địa phương"), tr("Khuyến công quốc gia")}, nil)
	s.fund.SetSelectedIndex(1)
	s.ceiling = widget.NewEntry()
	s.ceiling.SetPlaceHolder(tr("không bắt buộc, ví dụ 5.700.000.000"))
	s.ceiling.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		return forms.ValidateMoney(v)
	}
	s.build = widget.NewButtonWithIcon(tr("Lập kế hoạch"), theme.ViewRefreshIcon(), s.rebuild)
	s.build.Importance = widget.HighImportance
	s.export = widget.NewButtonWithIcon(tr("Xuất PDF và Excel…"), theme.DocumentSaveIcon(), s.askExport)
	s.export.Disable()
	s.status = widget.NewLabel(tr("Chọn năm, tỉnh và nguồn kinh phí rồi bấm \"Lập kế hoạch\"."))
	s.status.Wrapping = fyne.TextWrapWord
	s.issues = widget.NewLabel("")
	s.issues.Wrapping = fyne.TextWrapWord
	s.issues.Importance = widget.WarningImportance

	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.rows), len(planHeader) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { s.fillCell(id, o.(*widget.Label)) },
	)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(tr(planHeader[id.Col]))
		}
	}
	for i, w := range planWidths {
		s.table.SetColumnWidth(i, w)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) && s.rows[id.Row].item != nil {
			s.a.openDossier(s.rows[id.Row].item.ID)
		}
	}

	form := widget.NewForm(
		widget.NewFormItem(tr("Năm kế hoạch"), s.year),
		widget.NewFormItem(tr("Tỉnh, thành phố nhận hồ sơ"), s.province),
		widget.NewFormItem(tr("Nguồn kinh phí"), s.fund),
		widget.NewFormItem(tr("Kinh phí được giao (đồng)"), s.ceiling),
	)
	top := container.NewVBox(
		widget.NewLabelWithStyle(tr("Kế hoạch khuyến công"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form, container.NewHBox(s.build, s.export), s.status, s.issues,
	)
	s.root = container.NewBorder(top, nil, nil, nil, s.table)
	return s
}

func planYear(v string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || y < 2000 || y > 2200 {
		return 0, errors.New(tr("năm kế hoạch phải là một năm như 2027"))
	}
	return y, nil
}

// options reads the filters, or says which one is wrong.
func (s *planScreen) options() (forms.PlanOptions, error) {
	y, err := planYear(s.year.Text)
	if err != nil {
		return forms.PlanOptions{}, err
	}
	o := forms.PlanOptions{Year: y, Packs: s.a.packs}
	if i := s.province.SelectedIndex(); i > 0 {
		o.Province = forms.Provinces()[i-1].Code
	}
	switch s.fund.SelectedIndex() {
	case 1:
		o.Fund = forms.FundLocal
	case 2:
		o.Fund = forms.FundNational
	}
	if t := strings.TrimSpace(s.ceiling.Text); t != "" {
		m, err := forms.ParseMoney(t)
		if err != nil {
			return forms.PlanOptions{}, fmt.Errorf(tr("Kinh phí được giao: %v"), err)
		}
		o.Ceiling = m
	}
	return o, nil
}

// rebuild reads the library's dossiers off the UI goroutine and builds the plan.
func (s *planScreen) rebuild() {
	opts, err := s.options()
	if err != nil {
		s.status.SetText(err.Error())
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return
	}
	s.build.Disable()
	s.status.SetText(tr("Đang đọc các hồ sơ trong thư viện…"))
	store := s.a.deps.Store
	s.a.background(func() {
		plan, err := planFromStore(store, opts)
		fyne.Do(func() {
			s.build.Enable()
			if err != nil {
				s.status.SetText(tr("Không lập được kế hoạch: ") + err.Error())
				s.status.Importance = widget.DangerImportance
				s.status.Refresh()
				return
			}
			s.show(plan)
		})
	})
}

// planFromStore reads the dossiers of the plan from the library.
func planFromStore(store forms.Store, opts forms.PlanOptions) (*forms.Plan, error) {
	sums, err := store.Applications(forms.Query{Year: opts.Year})
	if err != nil {
		return nil, err
	}
	var in []forms.PlanInput
	for _, sum := range sums {
		app, err := store.Application(sum.ID)
		if err != nil {
			return nil, fmt.Errorf(tr("hồ sơ %s của %s: %v"), sum.Title, sum.ClientName, err)
		}
		if opts.InPlan(app) {
			in = append(in, forms.PlanInput{Source: sum.ID, App: app})
		}
	}
	return forms.BuildPlan(in, opts)
}

func (s *planScreen) show(p *forms.Plan) {
	s.plan = p
	s.rows = s.rows[:0]
	for gi := range p.Groups {
		g := &p.Groups[gi]
		s.rows = append(s.rows, planRow{group: g, roman: forms.Roman(gi + 1)})
		for i := range p.Items {
			if p.Items[i].Group == g.Group {
				s.rows = append(s.rows, planRow{item: &p.Items[i]})
			}
		}
	}
	s.table.Refresh()
	ws := s.a.wordStyle()
	s.status.Importance = widget.MediumImportance
	s.status.SetText(fmt.Sprintf(tr("%d đề án. Tổng kinh phí %s đồng (%s); khuyến công hỗ trợ %s đồng (%s); đối ứng %s đồng."),
		p.Dossiers, p.Total, forms.AmountInWords(p.Total, ws), p.Support, forms.AmountInWords(p.Support, ws), p.Counterpart))
	var issues []string
	for _, e := range p.Excluded {
		issues = append(issues, fmt.Sprintf(tr("Chưa đưa vào kế hoạch (còn lỗi chặn nộp): %s – %s"), e.Applicant, strings.Join(e.Reasons, "; ")))
	}
	for _, d := range p.Duplicates {
		issues = append(issues, fmt.Sprintf(tr("%s có %d đề án cùng nhóm nội dung %s: kiểm tra để không hỗ trợ trùng"), d.Applicant, len(d.Items), d.Group))
	}
	if p.OverBy > 0 {
		issues = append(issues, fmt.Sprintf(tr("Hỗ trợ vượt kinh phí được giao %s đồng: cần cắt giảm %s đồng"), p.Ceiling, p.OverBy))
	}
	s.issues.SetText(strings.Join(issues, "\n"))
	if p.Dossiers > 0 {
		s.export.Enable()
	} else {
		s.export.Disable()
	}
}

func (s *planScreen) fillCell(id widget.TableCellID, l *widget.Label) {
	if id.Row >= len(s.rows) {
		l.SetText("")
		return
	}
	r := s.rows[id.Row]
	l.TextStyle = fyne.TextStyle{Bold: r.group != nil}
	l.Alignment = fyne.TextAlignLeading
	if id.Col >= 3 && id.Col <= 5 {
		l.Alignment = fyne.TextAlignTrailing
	}
	text := ""
	if g := r.group; g != nil {
		text = []string{r.roman, inLang(g.Label, g.LabelEN), fmt.Sprintf(tr("%d đề án"), g.Dossiers), g.Total.String(), g.Support.String(), g.Counterpart.String(), ""}[id.Col]
	} else {
		it := r.item
		text = []string{strconv.Itoa(it.Number), it.Title, it.Applicant, it.Total.String(), it.Support.String(), it.Counterpart.String(), inLang(it.Priority.Label, it.Priority.LabelEN)}[id.Col]
	}
	l.SetText(text)
}

func (s *planScreen) askExport() {
	if s.plan == nil {
		return
	}
	if s.a.deps.ExportPlan == nil {
		s.a.showError(tr("Chưa xuất được kế hoạch"), errors.New(tr("phiên bản này chưa có bộ tạo PDF và Excel")), "")
		return
	}
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		s.exportInto(u.Path())
	}, s.a.w)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// exportInto writes the plan's files into dir: a draft (with the notes page) while something must
// still be settled.
func (s *planScreen) exportInto(dir string) {
	p := s.plan
	draft := len(p.Excluded) > 0 || len(p.Duplicates) > 0 || p.OverBy > 0
	s.export.Disable()
	s.a.background(func() {
		files, err := s.a.deps.ExportPlan(p, dir, draft)
		fyne.Do(func() {
			s.export.Enable()
			if err != nil {
				s.a.showError(tr("Chưa xuất được kế hoạch"), err, tr("Đóng tệp cùng tên nếu đang mở trong Excel hoặc trình xem PDF, rồi thử lại."))
				return
			}
			msg := tr("Đã ghi:") + "\n" + strings.Join(files, "\n")
			if draft {
				msg += "\n\n" + tr("Đây là bản nháp: còn hồ sơ bị loại, trùng nội dung hoặc vượt kinh phí được giao (xem trang cuối).")
			}
			s.status.SetText(msg)
			if len(files) > 0 {
				if err := s.a.deps.Opener.Open(files[0]); err != nil {
					s.a.showError(tr("Không mở được tệp"), err, "")
				}
			}
		})
	})
}

func (a *App) showPlan() {
	a.saver.flush()
	if a.plan == nil {
		a.plan = newPlanScreen(a)
	}
	a.setOpen(nil, "")
	a.setBody("plan", a.plan.root)
}
