package templates

import (
	"strconv"
	"strings"

	"khuyencong/forms"
)

// Dotted placeholders for the blank form, by expected length of the answer.
const (
	dotsShort = "................"
	dotsMid   = "........................................"
	dotsLong  = "..............................................................................................."
)

// textData is what the wording templates see: every value already formatted as it is printed.
// In the blank form every answer is a dotted line.
type textData struct {
	Blank        bool
	Year         string
	Programme    string // the programme's full label
	DocumentName string // "Đề án hỗ trợ ..."
	Scope        string // label of the project's scope
	Fund         string
	Recipient    string
	E            enterpriseText
	Project      projectText
	Machines     []machineText
	Fair         fairText
	Assessment   assessmentText
	Money        moneyText
	Attachments  []string // titles of the attachments, in checklist order
	Selection    selectionText
	Units        unitsText
	HasSchedule  bool // the schedule table has rows
}

// unitsText names the units of TT 36/2013/TT-BCT Art. 5 besides the beneficiary; an empty
// Implementing means the establishment carries out the project itself.
type unitsText struct {
	Implementing, Partner string
}

type enterpriseText struct {
	Name, Kind, TaxCode, Address, FormerAddress, Representative, RepTitle string
	Phone, Email, Bank, Founded, Employees, MainProducts, Industry        string
	Signer, SignerTitle                                                   string
	// RepName is the representative with "ông"/"bà" ("ông/bà" when the gender is not given);
	// RepRole is "người đại diện theo pháp luật", or "chủ hộ kinh doanh" for a household business.
	RepName, RepRole string
}

type projectText struct {
	Title, Location, Start, End, CurrentProduction, Problem, LegalBasis string
	Objectives, Scale, Improvements, Organisation, Effects              string
}

type machineText struct {
	Name, Model, Origin, Quantity, Specifications, Supplier string
}

type fairText struct {
	Name, Organiser, Place, Country, Start, End, Booths, Area string
}

type assessmentText struct {
	Kind, Consultant, Date, Report, Findings string
}

type moneyText struct {
	Total, Support, Counterpart                RawMoney
	TotalWords, SupportWords, CounterpartWords string
	Rate                                       string // the main support rate, e.g. "50%"
}

// RawMoney is a formatted amount, kept as its own type so templates cannot mistake it for text.
type RawMoney string

type selectionText struct {
	Level, Product, Group, Description, Market, Certificates string
}

// newTextData formats the application for the templates.
func newTextData(app *forms.Application, budget *forms.BudgetResult, opts Options, def *forms.ProgrammeDef) textData {
	blank := opts.Variant == Blank
	v := func(s, dots string) string {
		if blank {
			return dots
		}
		return forms.Clean(s)
	}
	date := func(d forms.Date) string {
		if blank || d.IsZero() {
			return "..../..../........"
		}
		return d.String()
	}
	e := app.Enterprise
	p := app.Project
	d := textData{
		Blank:        blank,
		Year:         v(strconv.Itoa(app.Year), "........"),
		Programme:    app.ProgrammeLabel(),
		DocumentName: def.DocumentName,
		Scope:        v(choiceLabel(def.Scopes, def.ScopeOf(app)), dotsMid),
		Fund:         v(app.Fund.Label(), dotsMid),
		Recipient:    v(recipient(app), dotsMid),
	}
	if app.Year == 0 {
		d.Year = "........"
	}
	d.E = enterpriseText{
		Name: v(e.Name, dotsLong), Kind: v(e.Kind.Label(), dotsShort), TaxCode: v(e.TaxCode, dotsMid),
		Address: v(e.Address.String(), dotsLong), FormerAddress: v(e.FormerAddress, ""),
		Representative: v(e.Representative.Name, dotsMid), RepTitle: v(e.Representative.Title, dotsShort),
		Phone: v(e.Phone, dotsShort), Email: v(e.Email, dotsMid), Founded: date(e.FoundedOn),
		Employees: v(countText(e.Employees), dotsShort), MainProducts: v(e.MainProducts, dotsLong),
		Signer: v(signerName(app), dotsMid), SignerTitle: v(signerTitle(app), dotsShort),
		RepName: v(e.Representative.NameWithHonorific(), "ông/bà "+dotsMid), RepRole: e.Kind.RepresentativeRole(),
	}
	if blank {
		d.E.RepRole = "người đại diện theo pháp luật (chủ hộ kinh doanh)"
	}
	d.Units = unitsText{Implementing: forms.Clean(p.ImplementingUnit), Partner: forms.Clean(p.PartnerUnit)}
	d.HasSchedule = blank || len(p.Schedule) > 0
	if e.BankAccount != "" || blank {
		d.E.Bank = v(strings.TrimSpace(e.BankAccount+" tại "+e.BankName), dotsLong)
	}
	if in, ok := forms.IndustryByCode(e.Industry); ok {
		d.E.Industry = v(in.Label, dotsLong)
	} else {
		d.E.Industry = v("", dotsLong)
	}
	d.Project = projectText{
		Title: v(p.Title, dotsLong), Location: v(p.Location, dotsLong),
		Start: date(p.StartDate), End: date(p.EndDate),
		CurrentProduction: v(p.CurrentProduction, dotsLong), Problem: v(p.Problem, dotsLong),
		LegalBasis: v(p.LegalBasis, ""), Objectives: v(p.Objectives, dotsLong), Scale: v(p.Scale, dotsLong),
		Improvements: v(p.Improvements, dotsLong), Organisation: v(p.Organisation, dotsLong), Effects: v(p.Effects, dotsLong),
	}
	if blank {
		d.Machines = []machineText{{Name: dotsMid, Model: dotsShort, Origin: dotsShort, Quantity: dotsShort}}
	} else {
		for _, m := range p.Machines {
			d.Machines = append(d.Machines, machineText{Name: forms.Clean(m.Name), Model: forms.Clean(m.Model),
				Origin: forms.Clean(m.Origin), Quantity: m.Quantity.String(), Specifications: forms.Clean(m.Specifications),
				Supplier: forms.Clean(m.Supplier)})
		}
	}
	d.Fair = fairText{Name: v(p.Fair.Name, dotsLong), Organiser: v(p.Fair.Organiser, dotsLong), Place: v(p.Fair.Place, dotsMid),
		Country: v(p.Fair.Country, dotsShort), Start: date(p.Fair.Start), End: date(p.Fair.End),
		Booths: v(countText(p.Fair.Booths), dotsShort), Area: v(p.Fair.BoothArea.String(), dotsShort)}
	kind := map[string]string{"rapid": "đánh giá nhanh", "detailed": "đánh giá chi tiết"}[p.Assessment.Kind]
	d.Assessment = assessmentText{Kind: v(kind, dotsShort), Consultant: v(p.Assessment.Consultant, dotsLong),
		Date: date(p.Assessment.Date), Report: v(p.Assessment.Report, dotsMid), Findings: v(p.Assessment.Findings, dotsLong)}
	sel := p.Selection
	d.Selection = selectionText{Level: v(selectionLevel(sel.Level), dotsShort), Product: v(sel.ProductName, dotsLong),
		Group: v(productGroup(sel.Group), dotsMid), Description: v(sel.Description, ""), Market: v(sel.Market, ""),
		Certificates: v(sel.Certificates, "")}
	if blank || budget == nil {
		dots := RawMoney(dotsShort)
		d.Money = moneyText{Total: dots, Support: dots, Counterpart: dots,
			TotalWords: dotsLong, SupportWords: dotsLong, CounterpartWords: dotsLong, Rate: "......%"}
	} else {
		d.Money = moneyText{
			Total: RawMoney(budget.Total.String()), Support: RawMoney(budget.Support.String()),
			Counterpart: RawMoney(budget.Counterpart.String()),
			TotalWords:  forms.AmountInWords(budget.Total, opts.WordStyle), SupportWords: forms.AmountInWords(budget.Support, opts.WordStyle),
			CounterpartWords: forms.AmountInWords(budget.Counterpart, opts.WordStyle),
		}
		if len(budget.Groups) > 0 && budget.Groups[0].RateBP > 0 {
			d.Money.Rate = forms.PercentBP(budget.Groups[0].RateBP)
		}
	}
	for _, it := range forms.Checklist(app) {
		if it.Status != forms.AttachmentMissing || blank {
			kind := app.Enterprise.Kind
			if blank {
				kind = ""
			}
			d.Attachments = append(d.Attachments, attachmentTitle(kind, it))
		}
	}
	return d
}

func choiceLabel(cs []forms.Choice, v string) string {
	for _, c := range cs {
		if c.Value == v {
			return c.Label
		}
	}
	return v
}

func countText(n int) string {
	if n <= 0 {
		return ""
	}
	return forms.Money(n).String()
}

func selectionLevel(l string) string {
	return map[string]string{"xa": "cấp xã", "tinh": "cấp tỉnh", "khu-vuc": "cấp khu vực", "quoc-gia": "cấp quốc gia"}[l]
}

func productGroup(g string) string {
	return map[string]string{
		"1": "Nhóm 1: Thủ công mỹ nghệ",
		"2": "Nhóm 2: Chế biến nông, lâm, thủy sản và thực phẩm",
		"3": "Nhóm 3: Máy móc, thiết bị, dụng cụ và phụ tùng cơ khí",
		"4": "Nhóm 4: Sản phẩm khác",
	}[g]
}

// recipient is whom the letter is addressed to: the answer, or the Department of Industry and
// Trade of the fund's province.
func recipient(app *forms.Application) string {
	if r := forms.Clean(app.Letter.Recipient); r != "" {
		return r
	}
	code := app.Fund.Province
	if code == "" {
		code = app.Enterprise.Address.Province
	}
	if p, ok := forms.ProvinceByCode(code); ok {
		if p.Kind == "Thành phố" {
			return "Sở Công Thương " + p.FullName()
		}
		return "Sở Công Thương tỉnh " + p.Name
	}
	return ""
}

func signerName(app *forms.Application) string {
	if s := forms.Clean(app.Signer.Name); s != "" {
		return s
	}
	return forms.Clean(app.Enterprise.Representative.Name)
}

func signerTitle(app *forms.Application) string { return app.SignerTitle() }

// attachmentTitle is the title of a checklist item: the attachment's own title overrides the list's.
// The registration certificate is named for the establishment's own legal form.
func attachmentTitle(kind forms.EnterpriseKind, it forms.ChecklistItem) string {
	if it.Attachment != nil && forms.Clean(it.Attachment.Title) != "" {
		return forms.Clean(it.Attachment.Title)
	}
	if it.Def.ID == "registration" && kind != "" {
		return "Bản sao " + kind.RegistrationName()
	}
	return it.Def.Title
}

// placeName is the place of the place-and-date line.
func placeName(app *forms.Application) string {
	if s := forms.Clean(app.Letter.Place); s != "" {
		return s
	}
	if p, ok := forms.ProvinceByCode(app.Enterprise.Address.Province); ok {
		return p.PlaceName()
	}
	return ""
}

// upper writes s in capitals (Vietnamese letters included).
func upper(s string) string { return strings.ToUpper(forms.Clean(s)) }
