package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/ui/nativedialog"
)

// settingsScreen holds the user's preferences and the tools around the data file and rule packs.
type settingsScreen struct {
	a *App

	language  *widget.Select
	themeSel  *widget.Select
	dataPath  *widget.Label
	backupNow *widget.Button
	backups   *fyne.Container
	font      *widget.Label
	pickFont  *widget.Button
	autoFont  *widget.Button
	// dossierPages turns on the dossier-wide page count in the top margin.
	dossierPages *widget.Check
	wordLe       *widget.RadioGroup
	wordNgan     *widget.RadioGroup
	wordTu       *widget.RadioGroup
	wordDemo     *widget.Label
	packs        *fyne.Container
	importPk     *widget.Button
	signer       *widget.Entry
	signerTtl    *widget.Entry
	back         *widget.Button
	root         fyne.CanvasObject
}

var themeChoices = []string{themeSystem, themeLight, themeDark}

func themeLabel(t string) string {
	switch t {
	case themeLight:
		return tr("Sáng")
	case themeDark:
		return tr("Tối")
	}
	return tr("Theo hệ thống")
}

func newSettingsScreen(a *App) *settingsScreen {
	s := &settingsScreen{a: a}
	s.language = widget.NewSelect([]string{"Tiếng Việt", "English"}, nil)
	if lang == langEN {
		s.language.SetSelectedIndex(1)
	} else {
		s.language.SetSelectedIndex(0)
	}
	s.language.OnChanged = func(string) {
		l := langVI
		if s.language.SelectedIndex() == 1 {
			l = langEN
		}
		s.setLanguage(l)
	}
	var themes []string
	for _, t := range themeChoices {
		themes = append(themes, themeLabel(t))
	}
	s.themeSel = widget.NewSelect(themes, nil)
	cur := a.prefs.StringWithFallback(prefTheme, themeSystem)
	for i, t := range themeChoices {
		if t == cur {
			s.themeSel.SetSelectedIndex(i)
		}
	}
	s.themeSel.OnChanged = func(string) {
		t := themeChoices[max(s.themeSel.SelectedIndex(), 0)]
		a.prefs.SetString(prefTheme, t)
		applyTheme(a.fa, t)
	}

	s.dataPath = widget.NewLabel(a.deps.Store.Path())
	s.dataPath.Wrapping = fyne.TextWrapBreak
	s.backupNow = widget.NewButtonWithIcon(tr("Sao lưu ngay"), theme.DocumentSaveIcon(), s.doBackup)
	if a.readOnly != nil { // no backup is taken of a damaged library: it would carry the damage
		s.backupNow.Disable()
	}
	s.backups = container.NewVBox()
	s.loadBackups()

	s.font = widget.NewLabel("")
	s.font.Wrapping = fyne.TextWrapWord
	s.pickFont = widget.NewButtonWithIcon(tr("Chọn phông chữ (.ttf)…"), theme.FileTextIcon(), s.askFont)
	s.autoFont = widget.NewButton(tr("Dùng phông tự động"), func() { s.setFont("") })
	s.showFont()
	s.dossierPages = widget.NewCheck(tr("In số trang toàn hồ sơ (\"Hồ sơ: trang 2/11\") ở lề trên mỗi trang"), func(on bool) {
		a.prefs.SetBool(prefDossierPages, on)
	})
	s.dossierPages.SetChecked(a.prefs.Bool(prefDossierPages))

	st := a.wordStyle()
	s.wordLe = widget.NewRadioGroup([]string{"linh", "lẻ"}, nil)
	s.wordNgan = widget.NewRadioGroup([]string{"nghìn", "ngàn"}, nil)
	s.wordTu = widget.NewRadioGroup([]string{"bốn", "tư"}, nil)
	for _, rg := range []*widget.RadioGroup{s.wordLe, s.wordNgan, s.wordTu} {
		rg.Horizontal = true
		rg.Required = true
	}
	s.wordLe.SetSelected(map[bool]string{false: "linh", true: "lẻ"}[st.Le])
	s.wordNgan.SetSelected(map[bool]string{false: "nghìn", true: "ngàn"}[st.Ngan])
	s.wordTu.SetSelected(map[bool]string{false: "bốn", true: "tư"}[st.Tu])
	s.wordDemo = widget.NewLabel("")
	s.wordDemo.Wrapping = fyne.TextWrapWord
	for _, rg := range []*widget.RadioGroup{s.wordLe, s.wordNgan, s.wordTu} {
		rg.OnChanged = func(string) { s.saveWordStyle() }
	}
	s.showWordDemo()

	s.packs = container.NewVBox()
	s.importPk = widget.NewButtonWithIcon(tr("Nhập gói quy định…"), theme.DownloadIcon(), s.askImportPack)
	s.loadPacks()

	s.signer = widget.NewEntry()
	s.signer.SetText(a.prefs.String(prefSignerName))
	s.signer.OnChanged = func(v string) { a.prefs.SetString(prefSignerName, forms.Clean(v)) }
	s.signerTtl = widget.NewEntry()
	s.signerTtl.SetText(a.prefs.String(prefSignerRole))
	s.signerTtl.OnChanged = func(v string) { a.prefs.SetString(prefSignerRole, forms.Clean(v)) }

	s.back = widget.NewButtonWithIcon(tr("Xong, về thư viện"), theme.NavigateBackIcon(), func() { a.showHome() })
	s.back.Importance = widget.HighImportance

	version := a.deps.Version
	if version == "" {
		version = "dev"
	}
	content := container.NewVBox(
		widget.NewCard(tr("Giao diện"), "", widget.NewForm(
			widget.NewFormItem(tr("Ngôn ngữ"), s.language),
			widget.NewFormItem(tr("Màu nền"), s.themeSel))),
		s.dataCard(),
		widget.NewCard(tr("Phông chữ của PDF"), tr("Văn bản theo Nghị định 30/2020 dùng Times New Roman hoặc phông tương đương"), container.NewVBox(
			s.font, container.NewHBox(s.pickFont, s.autoFont), s.dossierPages,
			helpLabel(tr("Mặc định tắt: theo Nghị định 30/2020, lề trên chỉ có số trang của từng văn bản")))),
		widget.NewCard(tr("Tệp xuất kèm PDF"), "", a.docxCheck()),
		widget.NewCard(tr("Cách đọc số tiền bằng chữ"), "", container.NewVBox(
			widget.NewForm(
				widget.NewFormItem(tr("105: một trăm … năm"), s.wordLe),
				widget.NewFormItem(tr("1.000: một …"), s.wordNgan),
				widget.NewFormItem(tr("24: hai mươi …"), s.wordTu)),
			s.wordDemo)),
		widget.NewCard(tr("Gói quy định"), tr("Mức hỗ trợ, mức trần và điều kiện, mỗi con số kèm căn cứ pháp lý"), container.NewVBox(
			s.packs, container.NewHBox(s.importPk))),
		newSharedCard(a).card,
		widget.NewCard(tr("Người ký mặc định"), tr("Dùng cho hồ sơ mới khi hồ sơ khách hàng chưa có người đại diện"), widget.NewForm(
			widget.NewFormItem(tr("Họ và tên"), s.signer),
			widget.NewFormItem(tr("Chức vụ"), s.signerTtl))),
		helpLabel(tr("Phiên bản ")+version),
	)
	title := widget.NewLabelWithStyle(tr("Cài đặt"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	s.root = container.NewBorder(title, container.NewHBox(s.back), nil, nil, container.NewVScroll(container.NewPadded(content)))
	return s
}

// setLanguage switches the interface language and redraws.
func (s *settingsScreen) setLanguage(l string) {
	if l == lang {
		return
	}
	lang = l
	s.a.prefs.SetString(prefLang, l)
	s.a.homeButton.SetText(tr("Thư viện khách hàng"))
	s.a.settingsBt.SetText(tr("Cài đặt"))
	s.a.home = newHomeScreen(s.a)
	s.a.setOpen(nil, "")
	s.a.showSettings()
}

func (s *settingsScreen) doBackup() {
	s.backupNow.Disable()
	s.a.background(func() {
		path, err := s.a.deps.Store.Backup()
		fyne.Do(func() {
			s.backupNow.Enable()
			if err != nil {
				s.a.showError(tr("Không sao lưu được"), err, tr("Kiểm tra ổ đĩa còn chỗ trống rồi thử lại."))
				return
			}
			s.loadBackups()
			dialog.ShowInformation(tr("Đã sao lưu"), path, s.a.w)
		})
	})
}

func (s *settingsScreen) loadBackups() {
	s.backups.Objects = nil
	if s.a.deps.Backups == nil {
		s.backups.Refresh()
		return
	}
	list, err := s.a.deps.Backups.List()
	if err != nil {
		s.backups.Add(widget.NewLabel(tr("Không đọc được danh sách bản sao lưu: ") + err.Error()))
	}
	if len(list) == 0 && err == nil {
		s.backups.Add(helpLabel(tr("Chưa có bản sao lưu nào.")))
	}
	for i, b := range list {
		if i >= 10 {
			break
		}
		b := b
		l := widget.NewLabel(fmt.Sprintf("%s · %d KB", b.At.Local().Format("02/01/2006 15:04"), (b.Size+1023)/1024))
		restore := widget.NewButtonWithIcon(tr("Khôi phục"), theme.HistoryIcon(), func() { s.confirmRestore(b) })
		s.backups.Add(container.NewBorder(nil, nil, nil, restore, l))
	}
	s.backups.Refresh()
}

func (s *settingsScreen) confirmRestore(b BackupInfo) {
	dialog.ShowConfirm(tr("Khôi phục bản sao lưu"),
		fmt.Sprintf(tr("Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu lúc %s?\nDữ liệu hiện tại được giữ lại thành một bản sao lưu trước khi khôi phục."), b.At.Local().Format("15:04 02/01/2006")),
		func(ok bool) {
			if !ok {
				return
			}
			s.a.saver.flushSync()
			if err := s.a.deps.Backups.Restore(b.Path); err != nil {
				s.a.showError(tr("Không khôi phục được"), err, tr("Dữ liệu hiện tại không bị thay đổi. Thử bản sao lưu khác."))
				return
			}
			quit := widget.NewButton(tr("Đóng ứng dụng"), func() { s.a.fa.Quit() })
			quit.Importance = widget.HighImportance
			dialog.NewCustomWithoutButtons(tr("Đã khôi phục"), container.NewVBox(
				widget.NewLabel(tr("Hãy đóng rồi mở lại ứng dụng để dùng dữ liệu vừa khôi phục.")), container.NewCenter(quit)), s.a.w).Show()
		}, s.a.w)
}

func (s *settingsScreen) showFont() {
	path := s.a.prefs.String(prefFont)
	name := ""
	if s.a.deps.FontInUse != nil {
		name = s.a.deps.FontInUse(path)
	}
	if name == "" {
		name = s.a.prefs.String(prefFontName)
	}
	text := tr("Phông đang dùng: ")
	if name != "" {
		text += name
	} else {
		text += tr("tự động (Times New Roman, hoặc phông tương đương có đủ dấu tiếng Việt)")
	}
	if path != "" {
		text += "\n" + tr("Tệp đã chọn: ") + path
	}
	s.font.SetText(text)
}

func (s *settingsScreen) askFont() {
	s.a.pick(pickRequest{Kind: nativedialog.Open, Title: tr("Chọn phông chữ cho PDF"), Filter: tr("Phông TrueType (*.ttf)"), Exts: []string{".ttf", ".TTF"}},
		s.setFont)
}

// setFont remembers the font file for the PDF ("" = automatic).
func (s *settingsScreen) setFont(path string) {
	if path != "" && !strings.EqualFold(filepath.Ext(path), ".ttf") {
		s.a.showError(tr("Không dùng được phông này"), fmt.Errorf(tr("%s không phải tệp TrueType (.ttf)"), filepath.Base(path)), tr("Chọn một tệp .ttf, ví dụ times.ttf trong C:\\Windows\\Fonts."))
		return
	}
	s.a.prefs.SetString(prefFont, path)
	s.a.prefs.SetString(prefFontName, "")
	s.showFont()
}

func (s *settingsScreen) saveWordStyle() {
	st := forms.WordStyle{Le: s.wordLe.Selected == "lẻ", Ngan: s.wordNgan.Selected == "ngàn", Tu: s.wordTu.Selected == "tư"}
	s.a.prefs.SetString(prefWordStyle, st.String())
	s.showWordDemo()
}

func (s *settingsScreen) showWordDemo() {
	m := forms.Money(105_024_000)
	s.wordDemo.SetText(fmt.Sprintf(tr("Ví dụ: %s đồng – %s"), m, forms.AmountInWords(m, s.a.wordStyle())))
}

func (s *settingsScreen) loadPacks() {
	s.packs.Objects = nil
	packs := append([]*forms.RulePack(nil), s.a.packs...)
	sort.SliceStable(packs, func(i, j int) bool { return packs[i].Key() < packs[j].Key() })
	for _, p := range packs {
		p := p
		text := fmt.Sprintf("%s\n%s %s", p.Title, tr("hiệu lực từ"), p.EffectiveFrom)
		if p.HasUnverified() {
			text += " · " + tr("có giá trị chưa xác minh")
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		view := widget.NewButton(tr("Xem"), func() { s.viewPack(p) })
		export := widget.NewButton(tr("Xuất"), func() { s.askExportPack(p) })
		s.packs.Add(container.NewBorder(nil, nil, nil, container.NewHBox(view, export), l))
	}
	s.packs.Refresh()
}

// packText describes a pack: every rate, cap and criterion with its citation.
func packText(p *forms.RulePack) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s: %s", p.Title, tr("Căn cứ"), p.Citation)
	fmt.Fprintf(&b, "\n%s %s", tr("Hiệu lực từ"), p.EffectiveFrom)
	if !p.EffectiveTo.IsZero() {
		fmt.Fprintf(&b, " %s %s", tr("đến"), p.EffectiveTo)
	}
	unv := func(u bool) string {
		if u {
			return " [" + tr("chưa xác minh") + "]"
		}
		return ""
	}
	for _, prog := range forms.Programmes() {
		pr := p.Programmes[prog]
		if pr == nil {
			continue
		}
		def := forms.Definition(prog)
		fmt.Fprintf(&b, "\n\n== %s ==", programmeLabel(prog))
		for _, sc := range def.Scopes {
			sr := pr.Scopes[sc.Value]
			if sr == nil {
				continue
			}
			fmt.Fprintf(&b, "\n%s:", choiceLabel(sc))
			for _, ct := range def.CostTypes {
				r := sr.CostTypes[ct.ID]
				if r == nil {
					continue
				}
				if !r.Eligible {
					fmt.Fprintf(&b, "\n  • %s: %s – %s%s", costTypeLabel(ct), tr("không hỗ trợ"), r.Citation, unv(r.Unverified))
					continue
				}
				fmt.Fprintf(&b, "\n  • %s: %s – %s%s", costTypeLabel(ct), forms.PercentBP(r.RateBP), r.Citation, unv(r.Unverified))
			}
			for _, c := range sr.Caps {
				fmt.Fprintf(&b, "\n  • %s (%s): %s đồng – %s%s", tr("Mức trần"), c.Per, c.Amount, c.Citation, unv(c.Unverified))
			}
		}
		for _, c := range pr.Criteria {
			fmt.Fprintf(&b, "\n  • %s %s – %s%s", tr("Điều kiện"), c.ID, c.Citation, unv(c.Unverified))
		}
	}
	return b.String()
}

func (s *settingsScreen) viewPack(p *forms.RulePack) {
	l := widget.NewLabel(packText(p))
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(p.Title, tr("Đóng"), container.NewVScroll(l), s.a.w)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

func (s *settingsScreen) askExportPack(p *forms.RulePack) {
	s.a.pick(pickRequest{Kind: nativedialog.Save, Title: tr("Lưu gói quy định vào…"), Filter: tr("Gói quy định (*.json)"),
		Exts: []string{".json"}, Name: p.ID + "-" + p.Version + ".json"}, func(path string) {
		if err := exportPack(p, path); err != nil {
			s.a.showError(tr("Không xuất được gói quy định"), err, tr("Chọn thư mục khác rồi thử lại."))
		}
	})
}

func exportPack(p *forms.RulePack, path string) error {
	data, err := forms.MarshalPack(p)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

func (s *settingsScreen) askImportPack() {
	s.a.pick(pickRequest{Kind: nativedialog.Open, Title: tr("Chọn gói quy định"), Filter: tr("Gói quy định (*.json)"), Exts: []string{".json"}},
		s.importPack)
}

// importPack checks a pack file and copies it into the rules folder.
func (s *settingsScreen) importPack(path string) {
	data, err := os.ReadFile(path)
	if err == nil {
		var p *forms.RulePack
		p, err = forms.ParsePack(data)
		if err == nil {
			err = forms.CheckImport(p, false)
		}
		if err == nil {
			if s.a.deps.RulesDir == "" {
				err = errors.New(tr("chưa có thư mục lưu gói quy định"))
			} else if err = os.MkdirAll(s.a.deps.RulesDir, 0o755); err == nil {
				var out []byte
				if out, err = forms.MarshalPack(p); err == nil {
					err = writeFileAtomic(filepath.Join(s.a.deps.RulesDir, p.ID+"-"+p.Version+".json"), out)
				}
			}
		}
	}
	if err != nil {
		s.a.showError(tr("Không nhập được gói quy định"), err, tr("Sửa tệp theo các lỗi trên (hoặc xuất lại một gói mẫu để làm theo) rồi nhập lại."))
		return
	}
	s.a.reloadPacks()
	s.loadPacks()
	dialog.ShowInformation(tr("Đã nhập gói quy định"), tr("Các hồ sơ đang mở sẽ được kiểm tra lại theo gói mới."), s.a.w)
}

// writeFileAtomic writes data beside path and renames it into place (see atomicfile).
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteBytes(path, 0o644, data)
}
