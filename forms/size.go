package forms

import "fmt"

// SizeClass is the enterprise size of ND 80/2021/NĐ-CP Art. 5.
type SizeClass string

// The size classes; SizeUnknown when the profile lacks the figures.
const (
	SizeMicro   SizeClass = "micro"
	SizeSmall   SizeClass = "small"
	SizeMedium  SizeClass = "medium"
	SizeNotSME  SizeClass = "not-sme"
	SizeUnknown SizeClass = "unknown"
	// SizeNotApplicable is the class of a cooperative, cooperative group or household business:
	// TT 46/2012/TT-BCT Art. 3.1 applies the SME test to enterprises only (point a); the other
	// forms are beneficiaries as such (points b, c).
	SizeNotApplicable SizeClass = "not-applicable"
)

// Label is the Vietnamese name of the size class.
func (s SizeClass) Label() string {
	switch s {
	case SizeMicro:
		return "Doanh nghiệp siêu nhỏ"
	case SizeSmall:
		return "Doanh nghiệp nhỏ"
	case SizeMedium:
		return "Doanh nghiệp vừa"
	case SizeNotSME:
		return "Không phải doanh nghiệp nhỏ và vừa"
	case SizeNotApplicable:
		return "Không xét quy mô doanh nghiệp"
	}
	return "Chưa xác định"
}

// IsSME reports whether the class is micro, small or medium.
func (s SizeClass) IsSME() bool { return s == SizeMicro || s == SizeSmall || s == SizeMedium }

// SizeCitation is the legal source of the thresholds.
const SizeCitation = "Điều 5 Nghị định 80/2021/NĐ-CP"

// sizeFormsCitation is where cooperatives, cooperative groups and household businesses are named
// beneficiaries without a size test.
const sizeFormsCitation = "điểm b, c khoản 1 Điều 3 Thông tư 46/2012/TT-BCT"

// SizeCitationEN and sizeFormsCitationEN are the same sources, written for English messages.
const (
	SizeCitationEN      = "Decree 80/2021/ND-CP, Art. 5"
	sizeFormsCitationEN = "Circular 46/2012/TT-BCT, Art. 3.1, points b and c"
)

// sizeTested reports whether the legal form takes the ND 80/2021 size test: only an enterprise does.
func (k EnterpriseKind) sizeTested() bool {
	return k != KindCooperative && k != KindCoopGroup && k != KindHousehold
}

type sizeThreshold struct {
	class   SizeClass
	staff   int
	revenue Money
	capital Money
}

const billion Money = 1_000_000_000

// sizeThresholds holds ND 80/2021 Art. 5: staff ≤ N AND (revenue ≤ R OR capital ≤ C).
var sizeThresholds = map[Sector][]sizeThreshold{
	SectorIndustry: {
		{SizeMicro, 10, 3 * billion, 3 * billion},
		{SizeSmall, 100, 50 * billion, 20 * billion},
		{SizeMedium, 200, 200 * billion, 100 * billion},
	},
	SectorAgriculture: {
		{SizeMicro, 10, 3 * billion, 3 * billion},
		{SizeSmall, 100, 50 * billion, 20 * billion},
		{SizeMedium, 200, 200 * billion, 100 * billion},
	},
	SectorTrade: {
		{SizeMicro, 10, 10 * billion, 3 * billion},
		{SizeSmall, 50, 100 * billion, 50 * billion},
		{SizeMedium, 100, 300 * billion, 100 * billion},
	},
}

// Size classifies the enterprise by the thresholds of ND 80/2021 Art. 5 and explains the result
// in Vietnamese. Only employees with social insurance count; capital is total capital.
func (e Enterprise) Size() (SizeClass, string) {
	class, why, _ := e.SizeBoth()
	return class, why
}

// SizeBoth is Size with the explanation in Vietnamese and in English.
func (e Enterprise) SizeBoth() (class SizeClass, why, whyEN string) {
	if !e.Kind.sizeTested() {
		return SizeNotApplicable, e.Kind.Label() + " thuộc đối tượng được hỗ trợ không xét quy mô doanh nghiệp theo " + sizeFormsCitation,
			e.Kind.LabelEN() + " is a beneficiary without the SME size test (" + sizeFormsCitationEN + ")"
	}
	sector := e.Sector
	if sector == "" {
		sector = SectorIndustry
	}
	table, ok := sizeThresholds[sector]
	if !ok {
		return SizeUnknown, fmt.Sprintf("lĩnh vực %q không có trong Nghị định 80/2021/NĐ-CP", sector),
			fmt.Sprintf("sector %q is not one of Decree 80/2021/ND-CP", sector)
	}
	if e.InsuredEmployees <= 0 && e.Revenue <= 0 && e.Capital <= 0 {
		return SizeUnknown, "chưa nhập số lao động tham gia BHXH, doanh thu và tổng nguồn vốn năm trước",
			"employees with social insurance, last year's revenue and total capital are not entered"
	}
	for _, t := range table {
		if e.InsuredEmployees <= t.staff && (e.Revenue <= t.revenue || e.Capital <= t.capital) {
			return t.class, fmt.Sprintf("%d lao động tham gia BHXH (≤ %d) và doanh thu %s đồng (≤ %s) hoặc tổng nguồn vốn %s đồng (≤ %s): %s theo %s",
					e.InsuredEmployees, t.staff, e.Revenue, t.revenue, e.Capital, t.capital, t.class.Label(), SizeCitation),
				fmt.Sprintf("%d employees with social insurance (≤ %d) and revenue %s VND (≤ %s) or total capital %s VND (≤ %s): %s under %s",
					e.InsuredEmployees, t.staff, e.Revenue, t.revenue, e.Capital, t.capital, lower(t.class.LabelEN()), SizeCitationEN)
		}
	}
	last := table[len(table)-1]
	return SizeNotSME, fmt.Sprintf("%d lao động tham gia BHXH, doanh thu %s đồng, tổng nguồn vốn %s đồng vượt ngưỡng doanh nghiệp vừa (%d lao động; %s hoặc %s đồng) theo %s",
			e.InsuredEmployees, e.Revenue, e.Capital, last.staff, last.revenue, last.capital, SizeCitation),
		fmt.Sprintf("%d employees with social insurance, revenue %s VND and total capital %s VND are above the medium-enterprise thresholds (%d employees; %s or %s VND) of %s",
			e.InsuredEmployees, e.Revenue, e.Capital, last.staff, last.revenue, last.capital, SizeCitationEN)
}

// LabelEN is the English name of the size class.
func (s SizeClass) LabelEN() string {
	switch s {
	case SizeMicro:
		return "Micro enterprise"
	case SizeSmall:
		return "Small enterprise"
	case SizeMedium:
		return "Medium enterprise"
	case SizeNotSME:
		return "Not a small or medium enterprise"
	case SizeNotApplicable:
		return "No enterprise size test"
	}
	return "Not known"
}
