package forms

import "time"

// Programme is one of the three kinds of support the app prepares dossiers for.
type Programme string

// The programmes.
const (
	Equipment         Programme = "equipment"
	CleanerProduction Programme = "cleaner-production"
	TradeFair         Programme = "trade-fair"
)

// Programmes lists the programmes in display order.
func Programmes() []Programme { return []Programme{Equipment, CleanerProduction, TradeFair} }

// Label is the Vietnamese name of the programme.
func (p Programme) Label() string {
	switch p {
	case Equipment:
		return "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ"
	case CleanerProduction:
		return "Hỗ trợ áp dụng sản xuất sạch hơn"
	case TradeFair:
		return "Hỗ trợ tham gia hội chợ, triển lãm và bình chọn sản phẩm CNNT tiêu biểu"
	}
	return string(p)
}

// ProgrammeLabel is the programme's name as the dossier prints it: a trade-fair dossier speaks of
// the outstanding-product selection only when the product is entered for it.
func (a *Application) ProgrammeLabel() string {
	if a.Programme == TradeFair && !a.Project.Selection.Enter {
		return "Hỗ trợ tham gia hội chợ, triển lãm"
	}
	return a.Programme.Label()
}

// ShortLabel is a short Vietnamese name for lists.
func (p Programme) ShortLabel() string {
	switch p {
	case Equipment:
		return "Máy móc thiết bị"
	case CleanerProduction:
		return "Sản xuất sạch hơn"
	case TradeFair:
		return "Hội chợ triển lãm"
	}
	return string(p)
}

// LabelEN is the English name of the programme.
func (p Programme) LabelEN() string {
	switch p {
	case Equipment:
		return "Equipment support"
	case CleanerProduction:
		return "Cleaner production"
	case TradeFair:
		return "Trade fair participation"
	}
	return string(p)
}

// Valid reports whether p is a known programme.
func (p Programme) Valid() bool {
	return p == Equipment || p == CleanerProduction || p == TradeFair
}

// FundKind says whose budget pays the support.
type FundKind string

// The funds.
const (
	FundNational FundKind = "national"
	FundLocal    FundKind = "local"
)

// Fund is the source of the support: the national fund or a province's local fund.
type Fund struct {
	Kind     FundKind `json:"kind"`
	Province string   `json:"province,omitempty"` // code of the province whose fund (or Department) receives the dossier
}

// Label describes the fund in Vietnamese.
func (f Fund) Label() string {
	if f.Kind == FundLocal {
		if p, ok := ProvinceByCode(f.Province); ok {
			return "Khuyến công địa phương " + p.FullName()
		}
		return "Khuyến công địa phương"
	}
	return "Khuyến công quốc gia"
}

// Status is where the dossier stands.
type Status string

// The statuses of a dossier.
const (
	StatusDraft     Status = "draft"
	StatusReady     Status = "ready"
	StatusSubmitted Status = "submitted"
	StatusApproved  Status = "approved"
	StatusRejected  Status = "rejected"
)

// Label is the Vietnamese name of the status.
func (s Status) Label() string {
	switch s {
	case StatusDraft, "":
		return "Bản nháp"
	case StatusReady:
		return "Sẵn sàng nộp"
	case StatusSubmitted:
		return "Đã nộp"
	case StatusApproved:
		return "Được phê duyệt"
	case StatusRejected:
		return "Không được duyệt"
	}
	return string(s)
}

// Application is one dossier: the enterprise, the project, the budget and the attachments.
// It is what a .hoso.json file holds.
type Application struct {
	FormatVersion string       `json:"format_version"`
	ID            string       `json:"id,omitempty"`
	ClientID      string       `json:"client_id,omitempty"`
	Programme     Programme    `json:"programme"`
	Fund          Fund         `json:"fund"`
	Year          int          `json:"year"`
	Status        Status       `json:"status"`
	RulePack      string       `json:"rule_pack,omitempty"` // id of the rule pack used; empty = the fund's default
	Enterprise    Enterprise   `json:"enterprise"`
	Project       Project      `json:"project"`
	Budget        Budget       `json:"budget"`
	Attachments   []Attachment `json:"attachments"`
	Letter        Letter       `json:"letter"`
	Signer        Person       `json:"signer"`
	Commitments   Commitments  `json:"commitments"`
	CreatedAt     time.Time    `json:"created_at"`
	UpdatedAt     time.Time    `json:"updated_at"`
}

// Project holds the answers about the project itself. A programme uses some of its fields; answers to
// fields that do not apply are kept, never deleted, in case the applicant changes their mind.
type Project struct {
	Title     string `json:"title"`
	Location  string `json:"location"`
	Scope     string `json:"scope,omitempty"` // equipment: machinery | technology-line | demonstration-model | efficient-model; trade-fair: domestic | domestic-organised | abroad; cleaner-production: assessment | pilot-model
	StartDate Date   `json:"start_date"`
	EndDate   Date   `json:"end_date"`
	// The units of TT 36/2013/TT-BCT Art. 5: the implementing unit (empty: the establishment
	// itself, which is also the beneficiary) and a partner unit.
	ImplementingUnit string `json:"implementing_unit,omitempty"`
	PartnerUnit      string `json:"partner_unit,omitempty"`

	// Đề án section 2: need and legal basis.
	CurrentProduction string          `json:"current_production,omitempty"` // products, capacity, workforce
	CurrentEquipment  []EquipmentItem `json:"current_equipment,omitempty"`
	Problem           string          `json:"problem,omitempty"`
	LegalBasis        string          `json:"legal_basis,omitempty"`

	// Section 3 and 4: objectives and scale.
	Objectives string `json:"objectives,omitempty"`
	Scale      string `json:"scale,omitempty"`

	// Equipment: the machines to buy and what they improve.
	Machines     []Machine `json:"machines,omitempty"`
	Improvements string    `json:"improvements,omitempty"`
	// PollutionTreatment: the project repairs or upgrades a pollution treatment system.
	PollutionTreatment bool `json:"pollution_treatment,omitempty"`

	// Section 5, 7, 8: schedule, organisation, effects.
	Schedule     []Task `json:"schedule,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	Effects      string `json:"effects,omitempty"`

	// Cleaner production.
	Assessment Assessment  `json:"assessment,omitempty"`
	Indicators []Indicator `json:"indicators,omitempty"`
	Solutions  []Solution  `json:"solutions,omitempty"`

	// Trade fair.
	Fair                 Fair             `json:"fair,omitempty"`
	Travellers           []Person         `json:"travellers,omitempty"`
	Products             []Product        `json:"products,omitempty"`
	ForeignFairsThisYear int              `json:"foreign_fairs_this_year,omitempty"` // foreign fairs already supported this year, not counting this one
	Selection            ProductSelection `json:"selection,omitempty"`

	// Funding already received this year for this establishment (per-year caps), in đồng.
	PriorSupportThisYear Money `json:"prior_support_this_year,omitempty"`
}

// EquipmentItem is a machine already in use.
type EquipmentItem struct {
	Name      string   `json:"name"`
	Quantity  Quantity `json:"quantity"`
	Year      int      `json:"year,omitempty"`
	Condition string   `json:"condition,omitempty"`
}

// Machine is a machine (or line) the project buys.
type Machine struct {
	Name           string   `json:"name"`
	Model          string   `json:"model,omitempty"`
	Origin         string   `json:"origin,omitempty"`
	Specifications string   `json:"specifications,omitempty"`
	Quantity       Quantity `json:"quantity"`
	New            bool     `json:"new"`
	Supplier       string   `json:"supplier,omitempty"`
	Quotations     string   `json:"quotations,omitempty"` // "Báo giá số 12/BG ngày 03/3/2027; ..."
	// SelfMade: researched and built by a rural industrial establishment (a priority of the year's
	// guidance when Recognition names the managing authority's recognition).
	SelfMade    bool   `json:"self_made,omitempty"`
	Recognition string `json:"recognition,omitempty"` // "Quyết định công nhận số … của Sở Công Thương"
}

// Task is one line of the schedule.
type Task struct {
	Name        string `json:"name"`
	Start       Date   `json:"start"`
	End         Date   `json:"end"`
	Responsible string `json:"responsible,omitempty"`
}

// Assessment is the cleaner-production assessment.
type Assessment struct {
	Kind       string `json:"kind,omitempty"` // rapid | detailed
	Consultant string `json:"consultant,omitempty"`
	Date       Date   `json:"date"`
	Report     string `json:"report,omitempty"` // reference of the report
	Findings   string `json:"findings,omitempty"`
}

// Indicator is a consumption indicator per unit of output, before and after (cleaner production).
// Values are decimal quantities with up to two decimals.
type Indicator struct {
	Name     string   `json:"name"`     // "Điện năng"
	Unit     string   `json:"unit"`     // "kWh/tấn sản phẩm"
	Baseline Quantity `json:"baseline"` // before
	Target   Quantity `json:"target"`   // after
}

// Solution is a cleaner-production solution and its investment.
type Solution struct {
	Name       string `json:"name"`
	Investment Money  `json:"investment"`
	Savings    string `json:"savings,omitempty"`
}

// Fair is the fair or exhibition the enterprise takes part in.
type Fair struct {
	Name      string   `json:"name,omitempty"`
	Organiser string   `json:"organiser,omitempty"`
	Place     string   `json:"place,omitempty"`
	Country   string   `json:"country,omitempty"`
	Start     Date     `json:"start"`
	End       Date     `json:"end"`
	BoothArea Quantity `json:"booth_area,omitempty"` // m²
	Booths    int      `json:"booths,omitempty"`
}

// Product is a product shown at the fair or entered for selection.
type Product struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Group       string `json:"group,omitempty"` // 1 handicrafts, 2 processed agro/food, 3 machinery, 4 other
}

// ProductSelection is the outstanding rural industrial product (sản phẩm CNNT tiêu biểu) entry.
type ProductSelection struct {
	Enter        bool     `json:"enter,omitempty"`
	Level        string   `json:"level,omitempty"` // xa | tinh | khu-vuc | quoc-gia
	ProductName  string   `json:"product_name,omitempty"`
	Group        string   `json:"group,omitempty"`
	Description  string   `json:"description,omitempty"`
	Market       string   `json:"market,omitempty"`
	Certificates string   `json:"certificates,omitempty"`
	Photos       []string `json:"photos,omitempty"` // attachment ids of the photos (front, side, top)
}

// Budget holds the cost lines the applicant enters; every figure derived from them comes from ComputeBudget.
type Budget struct {
	Lines []BudgetLine `json:"lines"`
}

// BudgetLine is one cost line.
type BudgetLine struct {
	CostType    string   `json:"cost_type"`
	Description string   `json:"description"`
	Unit        string   `json:"unit"`
	Quantity    Quantity `json:"quantity"`
	UnitPrice   Money    `json:"unit_price"`
	Note        string   `json:"note,omitempty"`
}

// Attachment is one document of the dossier's checklist, with the file that provides it if any.
type Attachment struct {
	ID     string `json:"id"`               // the checklist item, e.g. "registration"
	Title  string `json:"title,omitempty"`  // overrides the checklist title
	File   string `json:"file,omitempty"`   // relative to the dossier file, inside its folder (AttachmentIn); in the library: its copy in ho-so/
	SHA256 string `json:"sha256,omitempty"` // of the file when attached
	Paper  bool   `json:"paper,omitempty"`  // submitted on paper only
	Note   string `json:"note,omitempty"`
}

// Letter holds the request letter's particulars.
type Letter struct {
	Number    string   `json:"number,omitempty"`    // "15/2027/CV-ABC"
	Recipient string   `json:"recipient,omitempty"` // "Sở Công Thương Thành phố Hồ Chí Minh"
	Place     string   `json:"place,omitempty"`     // place of the place-date line; default from the province
	Date      Date     `json:"date"`
	CopiesTo  []string `json:"copies_to,omitempty"` // Nơi nhận besides "Như trên" and "Lưu"
}

// Commitments are the applicant's declarations.
type Commitments struct {
	Counterpart    bool `json:"counterpart"`      // commits to fund the remaining cost
	NoOtherFunding bool `json:"no_other_funding"` // the same cost has no other state funding
	Truthful       bool `json:"truthful"`         // the dossier is true
}
