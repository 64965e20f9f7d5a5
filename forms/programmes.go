package forms

import "strconv"

// The registry of the three programmes: their steps, fields, cost types and attachments.
// Rates and caps are not here: they live in rule packs (forms/rules).

func scopeIs(scopes ...string) func(*Application) bool {
	return func(app *Application) bool {
		def := Definition(app.Programme)
		if def == nil {
			return false
		}
		cur := def.ScopeOf(app)
		for _, s := range scopes {
			if cur == s {
				return true
			}
		}
		return false
	}
}

func selectionEntered(app *Application) bool { return app.Project.Selection.Enter }

// sizeTested: the size figures are needed only for an enterprise (see Enterprise.Size).
func sizeTested(app *Application) bool { return app.Enterprise.Kind.sizeTested() }

func hasCostType(id string) func(*Application) bool {
	return func(app *Application) bool {
		for _, l := range app.Budget.Lines {
			if l.CostType == id {
				return true
			}
		}
		return false
	}
}

func validateYear(s string) error {
	n, err := strconv.Atoi(Clean(s))
	if err != nil || n < 2000 || n > 2100 {
		return &ValueError{Msg: "năm không hợp lệ: nhập năm bốn chữ số, ví dụ 2027", MsgEN: "the year is not valid: type a four-digit year, e.g. 2027"}
	}
	return nil
}

func validateCount(s string) error {
	n, err := strconv.Atoi(Clean(s))
	if err != nil || n < 0 || n > 1_000_000 {
		return &ValueError{Msg: "cần một số nguyên không âm, ví dụ 25", MsgEN: "a whole number, 0 or more, is needed, e.g. 25"}
	}
	return nil
}

// ValueError is a validation message for a typed value, in Vietnamese and in English.
type ValueError struct{ Msg, MsgEN string }

func (e *ValueError) Error() string { return e.Msg }

func provinceChoices() []Choice {
	var out []Choice
	for _, p := range Provinces() {
		out = append(out, Choice{Value: p.Code, Label: p.FullName(), LabelEN: p.FullName()})
	}
	return out
}

func kindChoices() []Choice {
	var out []Choice
	for _, k := range EnterpriseKinds() {
		out = append(out, Choice{Value: string(k), Label: k.Label(), LabelEN: k.LabelEN()})
	}
	return out
}

func industryChoices() []Choice {
	var out []Choice
	for _, in := range Industries() {
		out = append(out, Choice{Value: in.Code, Label: in.Label, LabelEN: in.LabelEN})
	}
	return out
}

var sectorChoices = []Choice{
	{string(SectorIndustry), "Công nghiệp và xây dựng", "Industry and construction"},
	{string(SectorAgriculture), "Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture, forestry and fishery"},
	{string(SectorTrade), "Thương mại và dịch vụ", "Trade and services"},
}

// EnterpriseFields are the questions of the client profile, shared by every programme.
func EnterpriseFields() []Field {
	return []Field{
		{Path: "enterprise.name", Kind: FieldText, Label: "Tên cơ sở", LabelEN: "Name", Required: true,
			Help: "Tên đầy đủ như trên giấy chứng nhận đăng ký, ví dụ: Công ty TNHH Cơ khí Phước Hưng", HelpEN: "Full name as on the registration certificate"},
		{Path: "enterprise.short_name", Kind: FieldText, Label: "Tên viết tắt", LabelEN: "Short name"},
		{Path: "enterprise.abbreviation", Kind: FieldText, Label: "Ký hiệu dùng trong số văn bản", LabelEN: "Abbreviation for document numbers",
			Help: "Chữ in hoa, ví dụ PH trong số 15/CV-PH", HelpEN: "Capitals, e.g. PH in 15/CV-PH"},
		{Path: "enterprise.tax_code", Kind: FieldText, Label: "Mã số thuế / mã số doanh nghiệp", LabelEN: "Tax code", Required: true, Validate: ValidateTaxCode,
			Help: "10 chữ số (doanh nghiệp, HTX), 13 chữ số có gạch nối (chi nhánh) hoặc 12 chữ số định danh (hộ kinh doanh)", HelpEN: "10 digits, 13 with a branch suffix, or the 12-digit personal number"},
		{Path: "enterprise.kind", Kind: FieldChoice, Label: "Loại hình", LabelEN: "Legal form", Required: true, Choices: kindChoices()},
		{Path: "enterprise.address.street", Kind: FieldText, Label: "Số nhà, đường, thôn/ấp", LabelEN: "House, street", Required: true},
		{Path: "enterprise.address.commune", Kind: FieldText, Label: "Xã / phường / đặc khu", LabelEN: "Commune / ward / special zone", Required: true,
			Help: "Địa chỉ theo đơn vị hành chính mới từ 01/7/2025, không còn cấp huyện. Ví dụ: Phường Vũng Tàu", HelpEN: "Address after 1 July 2025, no district"},
		{Path: "enterprise.address.province", Kind: FieldChoice, Label: "Tỉnh / thành phố", LabelEN: "Province / city", Required: true, Choices: provinceChoices(), Validate: ValidateProvinceCode},
		{Path: "enterprise.former_address", Kind: FieldText, Label: "Địa chỉ cũ (trước 01/7/2025)", LabelEN: "Former address (before 1 July 2025)",
			Help: "Như ghi trên giấy tờ cũ, nếu khác địa chỉ mới", HelpEN: "As written on older papers"},
		{Path: "enterprise.representative.name", Kind: FieldText, Label: "Người đại diện theo pháp luật (chủ hộ kinh doanh)", LabelEN: "Legal representative (head of the household business)", Required: true},
		{Path: "enterprise.representative.gender", Kind: FieldChoice, Label: "Ông / bà", LabelEN: "Mr / Ms", Choices: []Choice{
			{"male", "Ông", "Mr"}, {"female", "Bà", "Ms"},
		}, Help: "Để văn bản ghi \"ông Nguyễn Văn A\" hoặc \"bà Lê Thị B\" thay cho \"ông/bà\"", HelpEN: "So that documents write Mr or Ms"},
		{Path: "enterprise.representative.title", Kind: FieldText, Label: "Chức vụ", LabelEN: "Position", Required: true, Help: "Ví dụ: Giám đốc, Chủ nhiệm HTX, Chủ hộ kinh doanh"},
		{Path: "enterprise.representative.id_number", Kind: FieldText, Label: "Số CCCD / định danh cá nhân", LabelEN: "Citizen ID", Validate: ValidateCCCD},
		{Path: "enterprise.phone", Kind: FieldText, Label: "Điện thoại", LabelEN: "Phone", Required: true, Validate: ValidatePhone, Help: "Ví dụ: 0912 345 678 hoặc 028 3930 3279"},
		{Path: "enterprise.email", Kind: FieldText, Label: "Thư điện tử", LabelEN: "Email", Validate: ValidateEmail},
		{Path: "enterprise.bank_account", Kind: FieldText, Label: "Số tài khoản", LabelEN: "Bank account"},
		{Path: "enterprise.bank_name", Kind: FieldText, Label: "Tại ngân hàng", LabelEN: "Bank"},
		{Path: "enterprise.founded_on", Kind: FieldDate, Label: "Ngày thành lập", LabelEN: "Founded on", Validate: ValidateDate, Help: "dd/mm/yyyy"},
		{Path: "enterprise.employees", Kind: FieldInt, Label: "Tổng số lao động", LabelEN: "Employees", Validate: validateCount},
		{Path: "enterprise.insured_employees", Kind: FieldInt, Label: "Lao động tham gia BHXH", LabelEN: "Employees with social insurance", Required: true, RequiredIf: sizeTested, Validate: validateCount,
			Help: "Nghị định 80/2021 chỉ tính lao động tham gia bảo hiểm xã hội", HelpEN: "ND 80/2021 counts only insured employees"},
		{Path: "enterprise.revenue", Kind: FieldMoney, Label: "Doanh thu năm trước (đồng)", LabelEN: "Revenue last year (VND)", Required: true, RequiredIf: sizeTested, Validate: ValidateMoney},
		{Path: "enterprise.capital", Kind: FieldMoney, Label: "Tổng nguồn vốn năm trước (đồng)", LabelEN: "Total capital last year (VND)", Required: true, RequiredIf: sizeTested, Validate: ValidateMoney},
		{Path: "enterprise.sector", Kind: FieldChoice, Label: "Lĩnh vực (xác định quy mô)", LabelEN: "Sector (for size class)", Required: true, RequiredIf: sizeTested, Choices: sectorChoices},
		{Path: "enterprise.industry", Kind: FieldChoice, Label: "Ngành nghề được khuyến công", LabelEN: "Eligible industry", Required: true, Choices: industryChoices(),
			Help: "Theo Điều 5 Nghị định 45/2012/NĐ-CP", HelpEN: "Per ND 45/2012 Art. 5"},
		{Path: "enterprise.main_products", Kind: FieldMultiline, Label: "Sản phẩm chính", LabelEN: "Main products", Required: true},
		{Path: "enterprise.women_owned", Kind: FieldBool, Label: "Do phụ nữ làm chủ", LabelEN: "Women-owned"},
		{Path: "enterprise.ethnic_minority_owned", Kind: FieldBool, Label: "Do người dân tộc thiểu số làm chủ", LabelEN: "Owned by an ethnic minority person"},
	}
}

// hints are the help texts of the shared steps that depend on the programme: an example or a
// question taken from another programme would mislead (no machines under a trade-fair title).
type hints struct {
	Title, TitleEN           string // project.title: an example title
	Problem, ProblemEN       string // project.problem: why the project is needed
	Objectives, ObjectivesEN string // project.objectives: what to quantify
	Effects, EffectsEN       string // project.effects (the trade fair's own plan step names them in the label)
}

var equipmentHints = hints{
	Title:        "Ví dụ: Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất bánh tráng",
	TitleEN:      "e.g. Advanced machinery for rice-paper making",
	Problem:      "Vấn đề cần giải quyết: năng suất thấp, chất lượng không đồng đều, tốn nhiều lao động thủ công, ô nhiễm...",
	ProblemEN:    "The problem to solve: low productivity, uneven quality, manual work, pollution",
	Objectives:   "Mục tiêu định lượng: năng suất tăng bao nhiêu %, tỷ lệ sản phẩm đạt chuẩn, tiết kiệm năng lượng, thêm việc làm...",
	ObjectivesEN: "Quantified targets: productivity, quality, energy, jobs",
	Effects:      "Hiệu quả, tính bền vững và khả năng nhân rộng",
	EffectsEN:    "Effects, sustainability, replicability",
}

var cleanerHints = hints{
	Title:        "Ví dụ: Hỗ trợ tư vấn đánh giá và áp dụng sản xuất sạch hơn trong khâu nhuộm vải",
	TitleEN:      "e.g. Cleaner-production assessment in fabric dyeing",
	Problem:      "Vấn đề cần giải quyết: tiêu hao điện, nước, nhiên liệu, nguyên liệu cao; nhiều chất thải, nước thải, khí thải...",
	ProblemEN:    "The problem to solve: high use of power, water, fuel and materials; waste and emissions",
	Objectives:   "Mục tiêu định lượng: giảm bao nhiêu % điện, nước, nguyên liệu, chất thải trên một đơn vị sản phẩm...",
	ObjectivesEN: "Quantified targets: % less power, water, materials and waste per unit of output",
	Effects:      "Tiết kiệm chi phí, giảm ô nhiễm, tính bền vững và khả năng nhân rộng",
	EffectsEN:    "Savings, less pollution, sustainability, replicability",
}

var tradeFairHints = hints{
	Title:        "Ví dụ: Hỗ trợ tham gia Hội chợ Công Thương khu vực đồng bằng sông Cửu Long",
	TitleEN:      "e.g. Taking part in the regional trade fair",
	Problem:      "Vì sao cần tham gia: thị trường tiêu thụ còn hẹp, cần tìm khách hàng, đại lý, đối tác mới, giới thiệu sản phẩm mới...",
	ProblemEN:    "Why take part: narrow market, new customers, dealers and partners, new products to show",
	Objectives:   "Mục tiêu định lượng: số khách hàng, đại lý, hợp đồng, đơn hàng mới; doanh số bán tại hội chợ...",
	ObjectivesEN: "Quantified targets: customers, dealers, contracts, orders, sales at the fair",
}

func generalStep(scopeLabel string, scopes []Choice, h hints) Step {
	return Step{ID: "general", Kind: StepQuestions, Title: "Thông tin chung", TitleEN: "General",
		Help: "Nguồn kinh phí, năm và tên đề án", HelpEN: "Fund, year and project title",
		Fields: []Field{
			{Path: "fund.kind", Kind: FieldChoice, Label: "Nguồn kinh phí", LabelEN: "Fund", Required: true, Choices: []Choice{
				{string(FundNational), "Khuyến công quốc gia", "National khuyến công fund"},
				{string(FundLocal), "Khuyến công địa phương", "Local (provincial) fund"},
			}},
			{Path: "fund.province", Kind: FieldChoice, Label: "Tỉnh / thành phố nhận hồ sơ", LabelEN: "Province receiving the dossier", Required: true, Choices: provinceChoices(), Validate: ValidateProvinceCode,
				Help: "Sở Công Thương thẩm định hồ sơ (cả với kinh phí quốc gia)", HelpEN: "The Department of Industry and Trade that appraises the dossier"},
			{Path: "year", Kind: FieldInt, Label: "Năm kế hoạch", LabelEN: "Plan year", Required: true, Validate: validateYear},
			{Path: "project.scope", Kind: FieldChoice, Label: scopeLabel, LabelEN: "Scope", Required: true, Choices: scopes},
			{Path: "project.title", Kind: FieldMultiline, Label: "Tên đề án", LabelEN: "Project title", Required: true,
				Help: h.Title, HelpEN: h.TitleEN},
			{Path: "project.location", Kind: FieldText, Label: "Địa điểm thực hiện", LabelEN: "Location", Required: true},
			{Path: "project.implementing_unit", Kind: FieldText, Label: "Đơn vị thực hiện đề án", LabelEN: "Implementing unit",
				Help:   "Để trống nếu cơ sở tự thực hiện; ghi tên đơn vị tư vấn hoặc trung tâm khuyến công nếu đơn vị đó thực hiện (Điều 5 Thông tư 36/2013/TT-BCT). Khi đó hồ sơ có thêm văn bản đề nghị hỗ trợ của cơ sở gửi đơn vị thực hiện (Điều 10 Thông tư 36/2013/TT-BCT)",
				HelpEN: "Leave empty when the establishment itself carries it out; otherwise the dossier adds the establishment's support request to that unit"},
			{Path: "project.partner_unit", Kind: FieldText, Label: "Đơn vị phối hợp (nếu có)", LabelEN: "Partner unit (if any)"},
			{Path: "project.start_date", Kind: FieldDate, Label: "Thời gian bắt đầu", LabelEN: "Start", Required: true, Validate: ValidateDate},
			{Path: "project.end_date", Kind: FieldDate, Label: "Thời gian kết thúc", LabelEN: "End", Required: true, Validate: ValidateDate},
		}}
}

func enterpriseStep() Step {
	return Step{ID: "enterprise", Kind: StepQuestions, Title: "Cơ sở đề nghị hỗ trợ", TitleEN: "Applicant",
		Help: "Thông tin lấy từ hồ sơ khách hàng; sửa ở đây chỉ áp dụng cho hồ sơ này", HelpEN: "Copied from the client profile",
		Fields: EnterpriseFields()}
}

func currentStep(h hints, extra ...Field) Step {
	fields := []Field{
		{Path: "project.current_production", Kind: FieldMultiline, Label: "Hiện trạng sản xuất", LabelEN: "Current production", Required: true,
			Help: "Sản phẩm, công suất, lao động, thị trường hiện nay", HelpEN: "Products, capacity, workforce, markets"},
		{Path: "project.current_equipment", Kind: FieldTable, Label: "Máy móc thiết bị đang sử dụng", LabelEN: "Equipment in use", Columns: []Field{
			{Path: "name", Kind: FieldText, Label: "Tên máy móc, thiết bị", LabelEN: "Name", Required: true},
			{Path: "quantity", Kind: FieldQuantity, Label: "Số lượng", LabelEN: "Quantity", Validate: ValidateQuantity},
			{Path: "year", Kind: FieldInt, Label: "Năm sử dụng", LabelEN: "In use since", Validate: validateYear},
			{Path: "condition", Kind: FieldText, Label: "Tình trạng", LabelEN: "Condition"},
		}},
		{Path: "project.problem", Kind: FieldMultiline, Label: "Sự cần thiết của đề án", LabelEN: "Why the project is needed", Required: true,
			Help: h.Problem, HelpEN: h.ProblemEN},
		{Path: "project.legal_basis", Kind: FieldMultiline, Label: "Căn cứ pháp lý", LabelEN: "Legal basis",
			Help: "Để trống để dùng căn cứ mặc định của gói quy định", HelpEN: "Leave empty for the rule pack's default"},
	}
	return Step{ID: "current", Kind: StepQuestions, Title: "Hiện trạng và sự cần thiết", TitleEN: "Current state and need",
		Fields: append(fields, extra...)}
}

// needStep asks the current state and the need, for a programme without equipment in use (trade fairs).
func needStep(h hints) Step {
	s := currentStep(h)
	var fields []Field
	for _, f := range s.Fields {
		if f.Path != "project.current_equipment" {
			fields = append(fields, f)
		}
	}
	s.Fields = fields
	s.Fields[0].Label, s.Fields[0].LabelEN = "Hiện trạng sản xuất, kinh doanh", "Current production and sales"
	s.Fields[0].Help, s.Fields[0].HelpEN = "Sản phẩm, sản lượng, lao động, thị trường hiện nay", "Products, output, workforce, markets"
	return s
}

func objectivesStep(h hints, extra ...Field) Step {
	fields := []Field{
		{Path: "project.objectives", Kind: FieldMultiline, Label: "Mục tiêu", LabelEN: "Objectives", Required: true,
			Help: h.Objectives, HelpEN: h.ObjectivesEN},
		{Path: "project.scale", Kind: FieldMultiline, Label: "Quy mô và điểm nổi bật", LabelEN: "Scale and outstanding features", Required: true},
	}
	return Step{ID: "objectives", Kind: StepQuestions, Title: "Mục tiêu và quy mô", TitleEN: "Objectives and scale", Fields: append(fields, extra...)}
}

// scheduleField is the table of tasks with their dates (đề án section V).
func scheduleField(required bool) Field {
	return Field{Path: "project.schedule", Kind: FieldTable, Label: "Nội dung và tiến độ thực hiện", LabelEN: "Tasks and schedule", Required: required, MinRows: 1, Columns: []Field{
		{Path: "name", Kind: FieldText, Label: "Nội dung công việc", LabelEN: "Task", Required: true},
		{Path: "start", Kind: FieldDate, Label: "Bắt đầu", LabelEN: "Start", Required: true, Validate: ValidateDate},
		{Path: "end", Kind: FieldDate, Label: "Kết thúc", LabelEN: "End", Required: true, Validate: ValidateDate},
		{Path: "responsible", Kind: FieldText, Label: "Đơn vị, người thực hiện", LabelEN: "Responsible"},
	}}
}

func planStep(h hints) Step {
	return Step{ID: "plan", Kind: StepQuestions, Title: "Tiến độ, tổ chức và hiệu quả", TitleEN: "Schedule, organisation, effects",
		Fields: []Field{
			scheduleField(true),
			{Path: "project.organisation", Kind: FieldMultiline, Label: "Tổ chức thực hiện", LabelEN: "Organisation", Required: true},
			{Path: "project.effects", Kind: FieldMultiline, Label: "Hiệu quả kinh tế, xã hội, môi trường", LabelEN: "Economic, social and environmental effects", Required: true,
				Help: h.Effects, HelpEN: h.EffectsEN},
			{Path: "project.prior_support_this_year", Kind: FieldMoney, Label: "Kinh phí khuyến công đã nhận trong năm (đồng)", LabelEN: "Khuyến công support already received this year (VND)", Validate: ValidateMoney,
				Help: "Dùng để áp mức trần theo năm; để trống nếu chưa nhận", HelpEN: "Used for per-year caps"},
		}}
}

func budgetStep() Step {
	return Step{ID: "budget", Kind: StepBudget, Title: "Dự toán kinh phí", TitleEN: "Budget",
		Help:   "Mỗi dòng chi: loại chi phí, nội dung, đơn vị tính, số lượng, đơn giá. Phần hỗ trợ và đối ứng được tính tự động theo gói quy định.",
		HelpEN: "Each cost line; support and counterpart are computed by the rule pack"}
}

func attachmentsStep() Step {
	return Step{ID: "attachments", Kind: StepAttachments, Title: "Tài liệu kèm theo", TitleEN: "Attachments",
		Help: "Tệp PDF, JPG hoặc PNG; mục nộp bản giấy thì đánh dấu \"nộp kèm bản giấy\"", HelpEN: "PDF, JPG or PNG files, or mark as submitted on paper"}
}

func letterStep() Step {
	return Step{ID: "letter", Kind: StepQuestions, Title: "Công văn và người ký", TitleEN: "Letter and signer",
		Fields: []Field{
			{Path: "letter.number", Kind: FieldText, Label: "Số công văn", LabelEN: "Letter number", Help: "Ví dụ: 15/CV-PH; để trống để ghi tay"},
			{Path: "letter.recipient", Kind: FieldText, Label: "Kính gửi", LabelEN: "Addressed to",
				Help: "Để trống để gửi Sở Công Thương của tỉnh, thành phố nhận hồ sơ (tên sau sắp xếp đơn vị hành chính 2025), ví dụ: Sở Công Thương Thành phố Hồ Chí Minh", HelpEN: "Leave empty for the Department of Industry and Trade of the province receiving the dossier"},
			{Path: "letter.place", Kind: FieldText, Label: "Địa danh", LabelEN: "Place", Help: "Để trống để dùng tên tỉnh/thành phố của địa chỉ"},
			{Path: "letter.date", Kind: FieldDate, Label: "Ngày ký", LabelEN: "Date", Validate: ValidateDate, Help: "Để trống để ghi tay"},
			{Path: "signer.name", Kind: FieldText, Label: "Người ký", LabelEN: "Signer", Required: true},
			{Path: "signer.title", Kind: FieldText, Label: "Chức vụ người ký", LabelEN: "Signer's title", Required: true, Help: "Ví dụ: Giám đốc; TM. Hợp tác xã ghi \"Chủ nhiệm\""},
		}}
}

func commitmentsStep() Step {
	return Step{ID: "commitments", Kind: StepQuestions, Title: "Cam kết", TitleEN: "Commitments",
		Fields: []Field{
			{Path: "commitments.counterpart", Kind: FieldBool, Label: "Cam kết bố trí đủ kinh phí đối ứng", LabelEN: "We fund the remaining cost", Required: true},
			{Path: "commitments.no_other_funding", Kind: FieldBool, Label: "Cam kết nội dung đề nghị hỗ trợ chưa nhận kinh phí nhà nước nào khác", LabelEN: "No other state funding for the same costs", Required: true},
			{Path: "commitments.truthful", Kind: FieldBool, Label: "Cam kết thông tin trong hồ sơ là đúng sự thật", LabelEN: "The dossier is true", Required: true},
		}}
}

var registration = AttachmentDef{ID: "registration", Title: "Bản sao giấy chứng nhận đăng ký doanh nghiệp / hợp tác xã / hộ kinh doanh", TitleEN: "Copy of the registration certificate", Required: true}
var financial = AttachmentDef{ID: "financial", Title: "Báo cáo tài chính hoặc tờ khai quyết toán thuế năm gần nhất", TitleEN: "Latest financial statement or tax return", Required: true}
var environment = AttachmentDef{ID: "environment", Title: "Hồ sơ về môi trường (giấy phép, đăng ký môi trường)", TitleEN: "Environmental permit or registration"}
var premises = AttachmentDef{ID: "premises", Title: "Giấy tờ chứng minh quyền sử dụng mặt bằng sản xuất", TitleEN: "Proof of the right to use the premises"}

func newEquipmentDef() *ProgrammeDef {
	return &ProgrammeDef{
		Programme:    Equipment,
		DocumentName: "Đề án hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ",
		Scopes: []Choice{
			{"machinery", "Ứng dụng máy móc thiết bị tiên tiến", "Advanced machinery"},
			{"technology-line", "Dây chuyền công nghệ hoàn chỉnh", "Complete technology line"},
			{"demonstration-model", "Mô hình trình diễn kỹ thuật", "Technical demonstration model"},
			{"efficient-model", "Mô hình trình diễn kỹ thuật tại cơ sở đang sản xuất có hiệu quả", "Demonstration at an efficient establishment"},
		},
		CostTypes: []CostType{
			{"machinery", "Máy móc, thiết bị", "Machinery and equipment", "cái"},
			{"technology-transfer", "Chuyển giao công nghệ", "Technology transfer", "gói"},
			{"construction", "Xây dựng, cải tạo nhà xưởng mô hình", "Building works for the model", "m²"},
			{"documentation", "Xây dựng tài liệu quy trình công nghệ", "Process documentation", "bộ"},
			{"installation", "Vận chuyển, lắp đặt, chạy thử", "Transport, installation, commissioning", "gói"},
			{"training", "Đào tạo, hướng dẫn vận hành", "Operator training", "lớp"},
			{"other", "Chi phí khác (quản lý, hội thảo)", "Other costs (management, workshops)", "gói"},
		},
		Attachments: []AttachmentDef{
			registration,
			{ID: "quotations", Title: "Báo giá của ít nhất 03 nhà cung cấp (hoặc hợp đồng, hóa đơn)", TitleEN: "Quotations from at least 3 suppliers", Required: true},
			{ID: "specifications", Title: "Tài liệu thông số kỹ thuật của máy móc thiết bị", TitleEN: "Technical specifications of the machines", Required: true},
			{ID: "technology-contract", Title: "Hợp đồng chuyển giao công nghệ", TitleEN: "Technology transfer contract", Required: true, ShowIf: hasCostType("technology-transfer")},
			{ID: "model-design", Title: "Thiết kế, dự toán xây dựng mô hình trình diễn", TitleEN: "Design and estimate of the demonstration model", Required: true, ShowIf: scopeIs("demonstration-model", "efficient-model")},
			{ID: "cp-assessment", Title: "Báo cáo đánh giá nhanh sản xuất sạch hơn (nếu có)", TitleEN: "Rapid cleaner-production assessment report (if any)"},
			financial, premises, environment,
		},
		Steps: []Step{
			generalStep("Nội dung hỗ trợ", []Choice{
				{"machinery", "Ứng dụng máy móc thiết bị tiên tiến", "Advanced machinery"},
				{"technology-line", "Dây chuyền công nghệ hoàn chỉnh", "Complete technology line"},
				{"demonstration-model", "Mô hình trình diễn kỹ thuật", "Technical demonstration model"},
				{"efficient-model", "Mô hình trình diễn kỹ thuật tại cơ sở đang sản xuất có hiệu quả", "Demonstration at an efficient establishment"},
			}, equipmentHints),
			enterpriseStep(),
			currentStep(equipmentHints),
			objectivesStep(equipmentHints,
				Field{Path: "project.improvements", Kind: FieldMultiline, Label: "Máy móc mới cải thiện điều gì so với hiện tại", LabelEN: "What the new machines improve", Required: true,
					Help: "Năng suất, chất lượng, tiết kiệm nguyên liệu, năng lượng, giảm ô nhiễm, sản phẩm mới", HelpEN: "Productivity, quality, materials, energy, pollution, new product"},
			),
			{ID: "machines", Kind: StepQuestions, Title: "Máy móc thiết bị đầu tư", TitleEN: "Machines to buy",
				Help: "Máy móc phải mới 100%; ghi rõ model, xuất xứ và thông số chính", HelpEN: "Machines must be new",
				Fields: []Field{
					{Path: "project.machines", Kind: FieldTable, Label: "Danh mục máy móc thiết bị", LabelEN: "Machines", Required: true, MinRows: 1, Columns: []Field{
						{Path: "name", Kind: FieldText, Label: "Tên máy móc, thiết bị", LabelEN: "Name", Required: true},
						{Path: "model", Kind: FieldText, Label: "Model / ký hiệu", LabelEN: "Model", Required: true},
						{Path: "origin", Kind: FieldText, Label: "Xuất xứ", LabelEN: "Origin", Required: true},
						{Path: "specifications", Kind: FieldMultiline, Label: "Thông số kỹ thuật chính", LabelEN: "Main specifications", Required: true},
						{Path: "quantity", Kind: FieldQuantity, Label: "Số lượng", LabelEN: "Quantity", Required: true, Validate: ValidateQuantity},
						{Path: "new", Kind: FieldBool, Label: "Mới 100%", LabelEN: "New"},
						{Path: "supplier", Kind: FieldText, Label: "Nhà cung cấp", LabelEN: "Supplier", Required: true},
						{Path: "quotations", Kind: FieldText, Label: "Báo giá (số, ngày)", LabelEN: "Quotations"},
						{Path: "self_made", Kind: FieldBool, Label: "Do cơ sở CNNT tự nghiên cứu, chế tạo", LabelEN: "Built by a rural industrial establishment"},
						{Path: "recognition", Kind: FieldText, Label: "Văn bản công nhận của cơ quan quản lý (nếu tự chế tạo)", LabelEN: "Recognition by the managing authority (if self-made)",
							Help: "Ví dụ: Quyết định công nhận số 12/QĐ-SCT ngày 05/6/2026 của Sở Công Thương", HelpEN: "e.g. the Department's recognition decision"},
					}},
					{Path: "project.pollution_treatment", Kind: FieldBool, Label: "Đề án sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường", LabelEN: "The project repairs or upgrades a pollution treatment system"},
				}},
			planStep(equipmentHints),
			budgetStep(),
			attachmentsStep(),
			letterStep(),
			commitmentsStep(),
		},
	}
}

func newCleanerDef() *ProgrammeDef {
	return &ProgrammeDef{
		Programme:    CleanerProduction,
		DocumentName: "Đề án hỗ trợ áp dụng sản xuất sạch hơn",
		Scopes: []Choice{
			{"assessment", "Tư vấn, đánh giá sản xuất sạch hơn", "Consultancy and assessment"},
			{"pilot-model", "Mô hình thí điểm áp dụng sản xuất sạch hơn", "Pilot model"},
		},
		CostTypes: []CostType{
			{"consultancy", "Tư vấn, đánh giá sản xuất sạch hơn", "Consultancy and assessment", "gói"},
			{"equipment", "Đầu tư, cải tiến máy móc thiết bị theo giải pháp", "Equipment for the solutions", "cái"},
			{"training", "Đào tạo, nâng cao nhận thức", "Training and awareness", "lớp"},
			{"other", "Chi phí khác", "Other costs", "gói"},
		},
		Attachments: []AttachmentDef{
			registration,
			{ID: "assessment-report", Title: "Báo cáo đánh giá nhanh (hoặc chi tiết) sản xuất sạch hơn", TitleEN: "Rapid or detailed cleaner-production assessment report", Required: true},
			{ID: "consumption-records", Title: "Số liệu tiêu thụ năng lượng, nước, nguyên liệu (hóa đơn 12 tháng gần nhất)", TitleEN: "Energy, water and material consumption records", Required: true},
			{ID: "quotations", Title: "Báo giá thiết bị, dịch vụ theo giải pháp", TitleEN: "Quotations for the solutions", Required: true, ShowIf: hasCostType("equipment")},
			{ID: "consultancy-contract", Title: "Hợp đồng hoặc đề xuất của đơn vị tư vấn", TitleEN: "Consultant's contract or proposal"},
			environment, financial,
		},
		Steps: []Step{
			generalStep("Nội dung hỗ trợ", []Choice{
				{"assessment", "Tư vấn, đánh giá sản xuất sạch hơn", "Consultancy and assessment"},
				{"pilot-model", "Mô hình thí điểm áp dụng sản xuất sạch hơn", "Pilot model"},
			}, cleanerHints),
			enterpriseStep(),
			currentStep(cleanerHints),
			{ID: "assessment", Kind: StepQuestions, Title: "Đánh giá sản xuất sạch hơn", TitleEN: "Assessment",
				Fields: []Field{
					{Path: "project.assessment.kind", Kind: FieldChoice, Label: "Hình thức đánh giá", LabelEN: "Kind of assessment", Required: true, Choices: []Choice{
						{"rapid", "Đánh giá nhanh", "Rapid assessment"},
						{"detailed", "Đánh giá chi tiết", "Detailed assessment"},
					}},
					{Path: "project.assessment.consultant", Kind: FieldText, Label: "Đơn vị tư vấn", LabelEN: "Consultant", Required: true},
					{Path: "project.assessment.date", Kind: FieldDate, Label: "Ngày đánh giá", LabelEN: "Date", Validate: ValidateDate},
					{Path: "project.assessment.report", Kind: FieldText, Label: "Số báo cáo đánh giá", LabelEN: "Report reference"},
					{Path: "project.assessment.findings", Kind: FieldMultiline, Label: "Kết quả đánh giá, các dòng thải chính", LabelEN: "Findings", Required: true},
				}},
			{ID: "indicators", Kind: StepQuestions, Title: "Chỉ tiêu tiêu thụ trước và sau", TitleEN: "Baseline and target indicators",
				Help: "Tính trên một đơn vị sản phẩm: điện (kWh), nước (m³), nhiên liệu, nguyên liệu, chất thải", HelpEN: "Per unit of output",
				Fields: []Field{
					{Path: "project.indicators", Kind: FieldTable, Label: "Chỉ tiêu", LabelEN: "Indicators", Required: true, MinRows: 1, Columns: []Field{
						{Path: "name", Kind: FieldText, Label: "Chỉ tiêu", LabelEN: "Indicator", Required: true},
						{Path: "unit", Kind: FieldText, Label: "Đơn vị / đơn vị sản phẩm", LabelEN: "Unit per unit of output", Required: true},
						{Path: "baseline", Kind: FieldQuantity, Label: "Hiện trạng", LabelEN: "Baseline", Required: true, Validate: ValidateQuantity},
						{Path: "target", Kind: FieldQuantity, Label: "Mục tiêu", LabelEN: "Target", Required: true, Validate: ValidateQuantity},
					}},
				}},
			{ID: "solutions", Kind: StepQuestions, Title: "Giải pháp sản xuất sạch hơn", TitleEN: "Solutions",
				Fields: []Field{
					{Path: "project.solutions", Kind: FieldTable, Label: "Giải pháp và đầu tư", LabelEN: "Solutions and investments", Required: true, MinRows: 1, Columns: []Field{
						{Path: "name", Kind: FieldText, Label: "Giải pháp", LabelEN: "Solution", Required: true},
						{Path: "investment", Kind: FieldMoney, Label: "Vốn đầu tư (đồng)", LabelEN: "Investment (VND)", Validate: ValidateMoney},
						{Path: "savings", Kind: FieldText, Label: "Lợi ích dự kiến", LabelEN: "Expected savings"},
					}},
				}},
			objectivesStep(cleanerHints),
			planStep(cleanerHints),
			budgetStep(),
			attachmentsStep(),
			letterStep(),
			commitmentsStep(),
		},
	}
}

func newTradeFairDef() *ProgrammeDef {
	return &ProgrammeDef{
		Programme:    TradeFair,
		DocumentName: "Đề án hỗ trợ tham gia hội chợ triển lãm",
		Scopes: []Choice{
			{"domestic", "Tham gia hội chợ, triển lãm trong nước", "Domestic fair"},
			{"domestic-organised", "Hội chợ, triển lãm do khuyến công tổ chức", "Fair organised under khuyến công"},
			{"abroad", "Tham gia hội chợ, triển lãm ở nước ngoài", "Fair abroad"},
		},
		CostTypes: []CostType{
			{"booth-rent", "Thuê mặt bằng, gian hàng", "Booth space rent", "gian"},
			{"booth-build", "Thiết kế, dàn dựng, trang trí gian hàng", "Booth design and build", "gian"},
			{"publicity", "Tuyên truyền, quảng bá, hội thảo", "Publicity and seminars", "gói"},
			{"transport", "Vận chuyển hàng trưng bày", "Transport of exhibits", "chuyến"},
			{"travel", "Vé máy bay, đi lại", "Air tickets and travel", "vé"},
			{"accommodation", "Ăn, ở, công tác phí", "Board, lodging, per diem", "người"},
			{"other", "Chi phí khác", "Other costs", "gói"},
		},
		Attachments: []AttachmentDef{
			registration,
			{ID: "invitation", Title: "Thư mời hoặc thông báo của ban tổ chức hội chợ", TitleEN: "Organiser's invitation", Required: true},
			{ID: "booth-quotation", Title: "Báo giá thuê và dàn dựng gian hàng", TitleEN: "Booth rent and build quotation", Required: true},
			{ID: "catalogue", Title: "Danh mục, hình ảnh sản phẩm trưng bày", TitleEN: "Catalogue of exhibits"},
			{ID: "product-photos", Title: "03 ảnh màu sản phẩm (kích thước tối thiểu 10×15 cm: chính diện, mặt bên, từ trên xuống)", TitleEN: "3 colour photos of the product (front, side, top; at least 10×15 cm)", Required: true, ShowIf: selectionEntered},
			{ID: "certificates", Title: "Giấy chứng nhận chất lượng, an toàn thực phẩm, giải thưởng (nếu có)", TitleEN: "Quality, food safety certificates, awards", ShowIf: selectionEntered},
			{ID: "lower-level-certificate", Title: "Giấy chứng nhận sản phẩm CNNT tiêu biểu cấp dưới", TitleEN: "Certificate from the level below", Required: true,
				ShowIf: func(a *Application) bool {
					return a.Project.Selection.Enter && a.Project.Selection.Level != "" && a.Project.Selection.Level != "xa"
				}},
			financial,
		},
		Steps: []Step{
			generalStep("Hình thức tham gia", []Choice{
				{"domestic", "Tham gia hội chợ, triển lãm trong nước", "Domestic fair"},
				{"domestic-organised", "Hội chợ, triển lãm do khuyến công tổ chức", "Fair organised under khuyến công"},
				{"abroad", "Tham gia hội chợ, triển lãm ở nước ngoài", "Fair abroad"},
			}, tradeFairHints),
			enterpriseStep(),
			needStep(tradeFairHints),
			{ID: "fair", Kind: StepQuestions, Title: "Hội chợ, triển lãm", TitleEN: "The fair",
				Fields: []Field{
					{Path: "project.fair.name", Kind: FieldText, Label: "Tên hội chợ, triển lãm", LabelEN: "Fair name", Required: true},
					{Path: "project.fair.organiser", Kind: FieldText, Label: "Đơn vị tổ chức", LabelEN: "Organiser", Required: true},
					{Path: "project.fair.place", Kind: FieldText, Label: "Địa điểm", LabelEN: "Venue", Required: true},
					{Path: "project.fair.country", Kind: FieldText, Label: "Quốc gia", LabelEN: "Country", Required: true, ShowIf: scopeIs("abroad")},
					{Path: "project.fair.start", Kind: FieldDate, Label: "Ngày khai mạc", LabelEN: "Opens", Required: true, Validate: ValidateDate},
					{Path: "project.fair.end", Kind: FieldDate, Label: "Ngày bế mạc", LabelEN: "Closes", Required: true, Validate: ValidateDate},
					{Path: "project.fair.booths", Kind: FieldInt, Label: "Số gian hàng", LabelEN: "Booths", Required: true, Validate: validateCount},
					{Path: "project.fair.booth_area", Kind: FieldQuantity, Label: "Diện tích gian hàng (m²)", LabelEN: "Booth area (m²)", Required: true, Validate: ValidateQuantity},
					{Path: "project.foreign_fairs_this_year", Kind: FieldInt, Label: "Số lần đã được hỗ trợ tham gia hội chợ nước ngoài trong năm", LabelEN: "Foreign fairs already supported this year", Required: true, Validate: validateCount,
						ShowIf: scopeIs("abroad"), Help: "Không tính lần này; tối đa 2 lần/năm theo quy định", HelpEN: "Not counting this one; at most twice a year"},
				}},
			{ID: "people", Kind: StepQuestions, Title: "Người tham gia và sản phẩm", TitleEN: "People and products",
				Fields: []Field{
					{Path: "project.travellers", Kind: FieldTable, Label: "Người tham gia", LabelEN: "People travelling", Required: true, MinRows: 1, Columns: []Field{
						{Path: "name", Kind: FieldText, Label: "Họ và tên", LabelEN: "Name", Required: true},
						{Path: "title", Kind: FieldText, Label: "Chức vụ", LabelEN: "Position"},
					}},
					{Path: "project.products", Kind: FieldTable, Label: "Sản phẩm trưng bày", LabelEN: "Products shown", Required: true, MinRows: 1, Columns: []Field{
						{Path: "name", Kind: FieldText, Label: "Tên sản phẩm", LabelEN: "Product", Required: true},
						{Path: "description", Kind: FieldText, Label: "Mô tả", LabelEN: "Description"},
					}},
				}},
			{ID: "selection", Kind: StepQuestions, Title: "Bình chọn sản phẩm CNNT tiêu biểu", TitleEN: "Outstanding product selection",
				Help: "Chỉ điền nếu đăng ký bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", HelpEN: "Only when entering the selection",
				Fields: []Field{
					{Path: "project.selection.enter", Kind: FieldBool, Label: "Đăng ký bình chọn sản phẩm CNNT tiêu biểu", LabelEN: "Enter the outstanding product selection"},
					{Path: "project.selection.level", Kind: FieldChoice, Label: "Cấp bình chọn", LabelEN: "Level", Required: true, ShowIf: selectionEntered, Choices: []Choice{
						{"xa", "Cấp xã", "Commune"}, {"tinh", "Cấp tỉnh", "Province"}, {"khu-vuc", "Cấp khu vực", "Region"}, {"quoc-gia", "Cấp quốc gia", "National"},
					}},
					{Path: "project.selection.product_name", Kind: FieldText, Label: "Tên sản phẩm dự bình chọn", LabelEN: "Product", Required: true, ShowIf: selectionEntered},
					{Path: "project.selection.group", Kind: FieldChoice, Label: "Nhóm sản phẩm", LabelEN: "Product group", Required: true, ShowIf: selectionEntered, Choices: []Choice{
						{"1", "Thủ công mỹ nghệ", "Handicrafts"},
						{"2", "Chế biến nông, lâm, thủy sản và thực phẩm", "Processed agro-forestry-fishery products and food"},
						{"3", "Máy móc, thiết bị, dụng cụ và phụ tùng cơ khí", "Machinery, tools and mechanical parts"},
						{"4", "Sản phẩm khác", "Other"},
					}},
					{Path: "project.selection.description", Kind: FieldMultiline, Label: "Mô tả sản phẩm (nguyên liệu, quy trình, đặc điểm nổi bật)", LabelEN: "Product description", Required: true, ShowIf: selectionEntered},
					{Path: "project.selection.market", Kind: FieldMultiline, Label: "Thị trường, doanh thu, khả năng phát triển", LabelEN: "Market and growth", ShowIf: selectionEntered},
					{Path: "project.selection.certificates", Kind: FieldMultiline, Label: "Chứng nhận, giải thưởng đã đạt", LabelEN: "Certificates and awards", ShowIf: selectionEntered},
				}},
			objectivesStep(tradeFairHints),
			{ID: "plan", Kind: StepQuestions, Title: "Tiến độ, tổ chức và hiệu quả", TitleEN: "Schedule, organisation and effects",
				Fields: []Field{
					scheduleField(false),
					{Path: "project.organisation", Kind: FieldMultiline, Label: "Tổ chức thực hiện", LabelEN: "Organisation", Required: true},
					{Path: "project.effects", Kind: FieldMultiline, Label: "Hiệu quả dự kiến (hợp đồng, đơn hàng, thị trường mới)", LabelEN: "Expected effects", Required: true},
					{Path: "project.prior_support_this_year", Kind: FieldMoney, Label: "Kinh phí khuyến công đã nhận trong năm (đồng)", LabelEN: "Support already received this year (VND)", Validate: ValidateMoney},
				}},
			budgetStep(),
			attachmentsStep(),
			letterStep(),
			commitmentsStep(),
		},
	}
}

var registry map[Programme]*ProgrammeDef

func init() {
	registry = map[Programme]*ProgrammeDef{
		Equipment:         newEquipmentDef(),
		CleanerProduction: newCleanerDef(),
		TradeFair:         newTradeFairDef(),
	}
}
