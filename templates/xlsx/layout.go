package xlsx

import "fmt"

// The layout of the workbook, shared by the writer and the reader.

// FormatVersion is the version of the sheet layout written in the hidden sheet (and the defined name
// HoSo_DinhDang). Read refuses a sheet whose major version it does not know.
const FormatVersion = "1"

// Sheet names.
const (
	SheetBudget  = "Dự toán"
	SheetSummary = "Tổng hợp"
	SheetMachine = "_hoso" // hidden: machine-readable facts about the file
)

// Defined names of the totals.
const (
	NameTotal       = "TongThanhTien"
	NameSupport     = "TongHoTro"
	NameCounterpart = "TongDoiUng"
	NameVersion     = "HoSo_DinhDang"
)

// Columns of the budget table. A to I are visible; J to M are hidden anchors read back by Read.
const (
	colNumber      = 1  // A: STT
	colDescription = 2  // B: Nội dung chi
	colUnit        = 3  // C: ĐVT
	colQuantity    = 4  // D: Số lượng
	colUnitPrice   = 5  // E: Đơn giá
	colTotal       = 6  // F: Thành tiền = ROUNDDOWN(ROUND(D*E,2),0): the product of a two-decimal quantity and a whole price, exact, then floored
	colSupport     = 7  // G: Kinh phí khuyến công hỗ trợ
	colCounterpart = 8  // H: Kinh phí đối ứng = F-G
	colNote        = 9  // I: Ghi chú
	colKind        = 10 // J (hidden): row kind
	colIndex       = 11 // K (hidden): index of the line in Application.Budget.Lines
	colCostType    = 12 // L (hidden): cost type id
	colRate        = 13 // M (hidden): support rate in basis points
	colOverTotal   = 14 // N (hidden): 1 when the line's support exceeds its total
	colOverRate    = 15 // O (hidden): 1 when the line's support exceeds rate × total
	lastVisibleCol = colNote
	lastCol        = colOverRate
)

// Row kinds written in the hidden column J.
const (
	kindHeader = "tieu_de"
	kindGroup  = "nhom"
	kindLine   = "dong"
	kindTotal  = "tong"
)

// headers are the texts of the header row, column A first; Read checks them.
var headers = []string{
	"STT", "Nội dung chi", "ĐVT", "Số lượng", "Đơn giá", "Thành tiền",
	"Kinh phí khuyến công hỗ trợ", "Kinh phí đối ứng", "Ghi chú",
	"_loai_dong", "_chi_so", "_loai_chi_phi", "_ty_le_bp", "_vuot_thanh_tien", "_vuot_ty_le",
}

// columnNumbers is the row under the header: the column numbers and how the computed ones are made.
var columnNumbers = []string{"(1)", "(2)", "(3)", "(4)", "(5)", "(6) = (4) × (5)", "(7)", "(8) = (6) − (7)", "(9)"}

// colWidths are the widths of columns A to I, in characters.
var colWidths = []float64{6, 44, 9, 10, 15, 17, 17, 17, 26}

// Number formats.
const (
	fmtMoney         = "#,##0"
	fmtQuantity      = "#,##0.##"
	fmtWholeQuantity = "#,##0" // applied by a conditional format when the quantity is whole (no trailing mark)
	fmtPercent       = "0.00%"
)

// col returns the letter of a column number (1 = A).
func col(c int) string {
	s := ""
	for c > 0 {
		c--
		s = string(rune('A'+c%26)) + s
		c /= 26
	}
	return s
}

// cell returns the reference of a cell, e.g. cell(colTotal, 12) = "F12".
func cell(c, row int) string { return fmt.Sprintf("%s%d", col(c), row) }

// abs returns the absolute reference of a cell on the budget sheet, e.g. 'Dự toán'!$F$30.
func abs(sheet string, c, row int) string {
	return fmt.Sprintf("'%s'!$%s$%d", sheet, col(c), row)
}

// totalFormula is the formula of Thành tiền on a line row; Read insists on it.
func totalFormula(row int) string {
	return fmt.Sprintf("ROUNDDOWN(ROUND(%s*%s,2),0)", cell(colQuantity, row), cell(colUnitPrice, row))
}

// counterpartFormula is the formula of Kinh phí đối ứng on a line row.
func counterpartFormula(row int) string {
	return fmt.Sprintf("%s-%s", cell(colTotal, row), cell(colSupport, row))
}

// overTotalFormula is 1 when the support of a line row exceeds its total.
func overTotalFormula(row int) string {
	return fmt.Sprintf("IF(%s>%s,1,0)", cell(colSupport, row), cell(colTotal, row))
}

// overRateFormula is 1 when the support of a line row exceeds its total times its rate, rounded down.
func overRateFormula(row int) string {
	return fmt.Sprintf("IF(%s>ROUNDDOWN(%s*%s/10000,0),1,0)", cell(colSupport, row), cell(colTotal, row), cell(colRate, row))
}
