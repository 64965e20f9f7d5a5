package forms

// EnterpriseKind is the legal form of the establishment.
type EnterpriseKind string

// The legal forms that khuyến công supports (ND 45/2012 Art. 1.2, ND 235/2025).
const (
	KindEnterprise  EnterpriseKind = "doanh-nghiep"
	KindCooperative EnterpriseKind = "hop-tac-xa"
	KindCoopGroup   EnterpriseKind = "to-hop-tac"
	KindHousehold   EnterpriseKind = "ho-kinh-doanh"
)

// EnterpriseKinds lists the legal forms in display order.
func EnterpriseKinds() []EnterpriseKind {
	return []EnterpriseKind{KindEnterprise, KindCooperative, KindCoopGroup, KindHousehold}
}

// Label is the Vietnamese name of the legal form.
func (k EnterpriseKind) Label() string {
	switch k {
	case KindEnterprise:
		return "Doanh nghiệp"
	case KindCooperative:
		return "Hợp tác xã"
	case KindCoopGroup:
		return "Tổ hợp tác"
	case KindHousehold:
		return "Hộ kinh doanh"
	}
	return string(k)
}

// RepresentativeRole is how the documents name the person who acts for the establishment: a
// household business has a head ("chủ hộ kinh doanh"), the other forms a legal representative.
func (k EnterpriseKind) RepresentativeRole() string {
	if k == KindHousehold {
		return "chủ hộ kinh doanh"
	}
	return "người đại diện theo pháp luật"
}

// RegistrationName is the certificate that registers the establishment.
func (k EnterpriseKind) RegistrationName() string {
	switch k {
	case KindHousehold:
		return "giấy chứng nhận đăng ký hộ kinh doanh"
	case KindCooperative:
		return "giấy chứng nhận đăng ký hợp tác xã"
	case KindCoopGroup:
		return "hợp đồng hợp tác của tổ hợp tác"
	}
	return "giấy chứng nhận đăng ký doanh nghiệp"
}

// SignatureNote is the italic line under the signer's title: a household business may have no seal.
func (k EnterpriseKind) SignatureNote() string {
	if k == KindHousehold {
		return "(Ký, ghi rõ họ tên, đóng dấu nếu có)"
	}
	return "(Ký, ghi rõ họ tên và đóng dấu)"
}

// SignatureAuthority is the line above the signer's title when the signer signs for a collective
// body (ND 30/2020 "TM."): "TM. HỢP TÁC XÃ", "TM. TỔ HỢP TÁC"; "" otherwise.
func (k EnterpriseKind) SignatureAuthority() string {
	switch k {
	case KindCooperative:
		return "TM. HỢP TÁC XÃ"
	case KindCoopGroup:
		return "TM. TỔ HỢP TÁC"
	}
	return ""
}

// HouseholdSignerTitle is the title a household business signs with: its head signs alone (a
// household has no accountant and may have no seal).
const HouseholdSignerTitle = "Chủ hộ kinh doanh"

// SignerTitle is the title printed above the signature: "Chủ hộ kinh doanh" for a household
// business; otherwise the signer's title, or the representative's when the signer's is empty.
func (a *Application) SignerTitle() string {
	if a.Enterprise.Kind == KindHousehold {
		return HouseholdSignerTitle
	}
	if s := Clean(a.Signer.Title); s != "" {
		return s
	}
	return Clean(a.Enterprise.Representative.Title)
}

// ImplementingUnitName is the unit that carries out the project (TT 36/2013/TT-BCT Art. 5): the
// unit named in the dossier, or the establishment itself when none is named.
func (a *Application) ImplementingUnitName() string {
	if u := Clean(a.Project.ImplementingUnit); u != "" {
		return u
	}
	return Clean(a.Enterprise.Name)
}

// NameWithHonorific is "ông Nguyễn Văn A", "bà Lê Thị B", or "ông/bà …" when the gender is unknown.
func (p Person) NameWithHonorific() string {
	n := Clean(p.Name)
	if n == "" {
		return ""
	}
	return p.Gender.Honorific() + " " + n
}

// LabelEN is the English name of the legal form.
func (k EnterpriseKind) LabelEN() string {
	switch k {
	case KindEnterprise:
		return "Enterprise"
	case KindCooperative:
		return "Cooperative"
	case KindCoopGroup:
		return "Cooperative group"
	case KindHousehold:
		return "Household business"
	}
	return string(k)
}

// Address is a post-1 July 2025 address: no district level.
type Address struct {
	Street   string `json:"street"`   // house number, street, hamlet
	Commune  string `json:"commune"`  // "Phường Vũng Tàu", "Xã Tân Hòa", "Đặc khu Côn Đảo"
	Province string `json:"province"` // code of one of the 34 provincial-level units, e.g. "79"
}

// String writes the address on one line: "<street>, <commune>, <province full name>".
func (a Address) String() string {
	parts := []string{}
	if a.Street != "" {
		parts = append(parts, a.Street)
	}
	if a.Commune != "" {
		parts = append(parts, a.Commune)
	}
	if p, ok := ProvinceByCode(a.Province); ok {
		parts = append(parts, p.FullName())
	} else if a.Province != "" {
		parts = append(parts, a.Province)
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += ", "
		}
		out += p
	}
	return out
}

// Person is a named person with a position, e.g. the legal representative or the signer.
type Person struct {
	Name     string `json:"name"`
	Title    string `json:"title"`               // "Giám đốc", "Chủ nhiệm HTX", "Chủ hộ kinh doanh"
	IDNumber string `json:"id_number,omitempty"` // CCCD, 12 digits
	Gender   Gender `json:"gender,omitempty"`    // "male" or "female"; empty when not given
}

// Gender of a person, for "ông"/"bà" in the documents.
type Gender string

// The genders; GenderUnknown prints "ông/bà".
const (
	GenderUnknown Gender = ""
	GenderMale    Gender = "male"
	GenderFemale  Gender = "female"
)

// Honorific is "ông", "bà", or "ông/bà" when the gender is not known.
func (g Gender) Honorific() string {
	switch g {
	case GenderMale:
		return "ông"
	case GenderFemale:
		return "bà"
	}
	return "ông/bà"
}

// Sector is the ND 80/2021 sector that sets the SME thresholds.
type Sector string

// The sectors of ND 80/2021/NĐ-CP Art. 5.
const (
	SectorIndustry    Sector = "industry-construction"
	SectorAgriculture Sector = "agriculture"
	SectorTrade       Sector = "trade-services"
)

// Enterprise is the profile of the establishment that applies (the client).
type Enterprise struct {
	Name             string         `json:"name"`
	ShortName        string         `json:"short_name,omitempty"`
	Abbreviation     string         `json:"abbreviation,omitempty"` // used in document numbers, e.g. "ABC"
	TaxCode          string         `json:"tax_code"`
	Kind             EnterpriseKind `json:"kind"`
	Address          Address        `json:"address"`
	FormerAddress    string         `json:"former_address,omitempty"` // the pre-2025 address, as on old papers
	Representative   Person         `json:"representative"`
	Phone            string         `json:"phone"`
	Email            string         `json:"email,omitempty"`
	BankAccount      string         `json:"bank_account,omitempty"`
	BankName         string         `json:"bank_name,omitempty"`
	FoundedOn        Date           `json:"founded_on"`
	Employees        int            `json:"employees"`         // total workforce
	InsuredEmployees int            `json:"insured_employees"` // enrolled in social insurance (ND 80/2021 counts these)
	Revenue          Money          `json:"revenue"`           // revenue of last year
	Capital          Money          `json:"capital"`           // total capital (tổng nguồn vốn) of last year
	Sector           Sector         `json:"sector"`
	Industry         string         `json:"industry"` // ND 45/2012 Art. 5 industry code, see Industries()
	MainProducts     string         `json:"main_products"`
	WomenOwned       bool           `json:"women_owned,omitempty"`
	EthnicMinority   bool           `json:"ethnic_minority_owned,omitempty"`
}
