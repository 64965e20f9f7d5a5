package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// Imported is a budget sheet read back: who it was made for and its lines in sheet order.
type Imported struct {
	FormatVersion string
	Programme     forms.Programme
	DossierID     string
	TaxCode       string
	MadeAt        time.Time // zero when the sheet does not say
	Lines         []ImportedLine
}

// ImportedLine is one line of an edited sheet.
type ImportedLine struct {
	Row         int // row in the sheet, from 1
	Index       int // index of the line in Application.Budget.Lines when the sheet was made; -1 for a line added in the sheet
	CostType    string
	Description string
	Unit        string
	Quantity    forms.Quantity
	UnitPrice   forms.Money
	Note        string
}

// CellError is a problem with one cell of a sheet.
type CellError struct {
	Cell string // "E12"
	Msg  string
}

func (e CellError) Error() string { return "ô " + e.Cell + ": " + e.Msg }

// SheetError lists every problem found in a sheet; nothing of the sheet is used when there is one.
type SheetError struct {
	Cells []CellError
}

func (e *SheetError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "bảng dự toán có %d lỗi, chưa nhập thay đổi nào; hãy sửa trong Excel rồi nhập lại:", len(e.Cells))
	for _, c := range e.Cells {
		b.WriteString("\n  - ")
		b.WriteString(c.Error())
	}
	return b.String()
}

// Read reads a budget sheet written by Write and possibly edited in a spreadsheet. A sheet whose
// structure was broken (headers changed or moved, text in a number cell, a Thành tiền formula
// replaced by a number, a negative or fractional price ...) is refused with a *SheetError naming
// every faulty cell.
func Read(r io.Reader) (*Imported, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSheetBytes+1))
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp Excel: %w", err)
	}
	if err := guardWorkbook(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnpackedBytes})
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp Excel (.xlsx): %w; hãy lưu bảng dưới dạng Excel Workbook (.xlsx) rồi thử lại", err)
	}
	defer f.Close()
	imp, err := readMachineSheet(f)
	if err != nil {
		return nil, err
	}
	rd := &reader{f: f}
	imp.Lines = rd.readLines()
	if len(rd.errs) > 0 {
		return nil, &SheetError{Cells: rd.errs}
	}
	return imp, nil
}

// readMachineSheet reads the hidden sheet that says what the file is.
func readMachineSheet(f *excelize.File) (*Imported, error) {
	notOurs := "tệp này không phải bảng dự toán do Hồ sơ Khuyến công lập (thiếu trang ẩn " + SheetMachine + "); hãy xuất bảng từ ứng dụng rồi sửa trên bảng đó"
	if idx, _ := f.GetSheetIndex(SheetMachine); idx < 0 {
		return nil, errors.New(notOurs)
	}
	if idx, _ := f.GetSheetIndex(SheetBudget); idx < 0 {
		return nil, fmt.Errorf("không thấy trang %q trong tệp: hãy giữ nguyên tên trang khi sửa bảng", SheetBudget)
	}
	rows, err := sheetRows(f, SheetMachine)
	if err != nil {
		return nil, fmt.Errorf("không đọc được trang %s: %w", SheetMachine, err)
	}
	kv := map[string]string{}
	for _, row := range rows {
		if len(row) >= 2 {
			kv[strings.TrimSpace(row[0])] = strings.TrimSpace(row[1])
		}
	}
	version := kv[keyFormat]
	if version == "" {
		return nil, errors.New(notOurs)
	}
	major, _, _ := strings.Cut(version, ".")
	if major != FormatVersion {
		return nil, fmt.Errorf("bảng dự toán có định dạng %s, ứng dụng này đọc định dạng %s: hãy cập nhật ứng dụng hoặc xuất lại bảng", version, FormatVersion)
	}
	imp := &Imported{
		FormatVersion: version,
		Programme:     forms.Programme(kv[keyProgramme]),
		DossierID:     kv[keyDossierID],
		TaxCode:       kv[keyTaxCode],
	}
	if t, err := time.Parse(time.RFC3339, kv[keyMadeAt]); err == nil {
		imp.MadeAt = t
	}
	return imp, nil
}

// sheetRows streams the raw cell texts of a sheet, row by row, refusing a sheet of more than
// MaxSheetRows rows or MaxSheetCells cells as soon as it goes past them.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out [][]string
	cells, last := 0, 0
	for it.Next() {
		if len(out) >= MaxSheetRows {
			return nil, fmt.Errorf("trang có hơn %s hàng, quá giới hạn của bảng dự toán; hãy xoá các hàng thừa", forms.Money(MaxSheetRows))
		}
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		cells += len(row)
		if cells > MaxSheetCells {
			return nil, fmt.Errorf("trang có hơn %s ô, quá giới hạn của bảng dự toán; hãy xoá các ô thừa", forms.Money(MaxSheetCells))
		}
		out = append(out, row)
		if len(row) > 0 {
			last = len(out)
		}
	}
	return out[:last], it.Error() // without trailing empty rows, as excelize's GetRows
}

// reader reads the budget table, collecting every cell error.
type reader struct {
	f    *excelize.File
	rows [][]string
	errs []CellError
}

func (rd *reader) fail(ref, format string, args ...any) {
	rd.errs = append(rd.errs, CellError{Cell: ref, Msg: fmt.Sprintf(format, args...)})
}

// value is the raw text of a cell (row and column from 1).
func (rd *reader) value(row, c int) string {
	if row-1 < len(rd.rows) && c-1 < len(rd.rows[row-1]) {
		return rd.rows[row-1][c-1]
	}
	return ""
}

func (rd *reader) readLines() []ImportedLine {
	rows, err := sheetRows(rd.f, SheetBudget)
	if err != nil {
		rd.fail("A1", "không đọc được trang %s: %v", SheetBudget, err)
		return nil
	}
	rd.rows = rows
	// The header row is the one holding the hidden marker, wherever a moved column left it.
	header := 0
	for r := 1; r <= len(rows) && header == 0; r++ {
		for _, v := range rows[r-1] {
			if strings.TrimSpace(v) == headers[colKind-1] {
				header = r
				break
			}
		}
	}
	if header == 0 {
		rd.fail("J1", "không tìm thấy hàng tiêu đề của bảng (cột ẩn J đã bị xóa hoặc di chuyển); hãy giữ nguyên cấu trúc bảng hoặc xuất lại bảng từ ứng dụng")
		return nil
	}
	for c, want := range headers {
		got := forms.Clean(rd.value(header, c+1))
		if got != want {
			rd.fail(cell(c+1, header), "tiêu đề cột phải là %q, gặp %q: không được chèn, xóa hay di chuyển cột; hãy khôi phục cột hoặc xuất lại bảng từ ứng dụng", want, got)
		}
	}
	if len(rd.errs) > 0 {
		return nil
	}

	var lines []ImportedLine
	seen := map[int]bool{}
	costType := ""
	total := 0
	for r := header + 1; r <= len(rows); r++ {
		kind := strings.TrimSpace(rd.value(r, colKind))
		if kind == kindTotal {
			total = r
			break
		}
		if kind == kindGroup {
			costType = strings.TrimSpace(rd.value(r, colCostType))
			if costType == "" {
				rd.fail(cell(colCostType, r), "hàng nhóm chi phí mất mã loại chi phí (cột ẩn L); hãy xuất lại bảng từ ứng dụng")
			}
			continue
		}
		if r == header+1 && strings.TrimSpace(rd.value(r, colNumber)) == columnNumbers[0] {
			continue // the row of column numbers
		}
		if kind != kindLine && rd.blankInputs(r) {
			continue
		}
		if costType == "" {
			rd.fail(cell(colDescription, r), "dòng chi phí nằm trên mọi nhóm chi phí; hãy chuyển dòng vào trong một nhóm (dưới hàng I, II ...)")
			continue
		}
		l, ok := rd.readLine(r, kind == kindLine)
		if !ok {
			continue
		}
		l.CostType = costType
		if l.Index >= 0 {
			if seen[l.Index] {
				l.Index = -1 // a copied row is a new line
			} else {
				seen[l.Index] = true
			}
		}
		lines = append(lines, l)
	}
	if total == 0 {
		rd.fail(cell(colKind, len(rows)+1), "không thấy hàng TỔNG CỘNG của bảng (đã bị xóa?); hãy khôi phục hoặc xuất lại bảng từ ứng dụng")
	}
	return lines
}

// blankInputs reports whether the input cells of a row are all empty.
func (rd *reader) blankInputs(r int) bool {
	for _, c := range []int{colDescription, colUnit, colQuantity, colUnitPrice, colNote} {
		if strings.TrimSpace(rd.value(r, c)) != "" {
			return false
		}
	}
	return true
}

// readLine reads the line of row r. existing says the row was written by Write (it has an anchor).
func (rd *reader) readLine(r int, existing bool) (ImportedLine, bool) {
	before := len(rd.errs)
	l := ImportedLine{Row: r, Index: -1}
	if existing {
		if n, err := strconv.Atoi(strings.TrimSpace(rd.value(r, colIndex))); err == nil && n >= 0 {
			l.Index = n
		}
	}
	l.Description = forms.Clean(rd.value(r, colDescription))
	if l.Description == "" {
		rd.fail(cell(colDescription, r), "nội dung chi đang trống; hãy ghi nội dung hoặc xóa cả hàng")
	}
	l.Unit = forms.Clean(rd.value(r, colUnit))
	l.Note = forms.Clean(rd.value(r, colNote))
	if v, ok := rd.number(r, colQuantity, "số lượng", "ví dụ 2 hoặc 1,5"); ok {
		h := math.Round(v * 100)
		switch {
		case v < 0:
			rd.fail(cell(colQuantity, r), "số lượng %s không được âm", formatNumber(v))
		case math.Abs(v*100-h) > 1e-6:
			rd.fail(cell(colQuantity, r), "số lượng %s có quá 2 chữ số thập phân; hãy làm tròn, ví dụ 1,25", formatNumber(v))
		case forms.Quantity(h) > forms.MaxQuantity:
			rd.fail(cell(colQuantity, r), "số lượng %s quá lớn (tối đa %s)", formatNumber(v), (forms.MaxQuantity / 100).String())
		default:
			l.Quantity = forms.Quantity(h)
		}
	}
	if v, ok := rd.number(r, colUnitPrice, "đơn giá", "ví dụ 1500000"); ok {
		w := math.Round(v)
		switch {
		case v < 0:
			rd.fail(cell(colUnitPrice, r), "đơn giá %s không được âm; hãy nhập số nguyên đồng từ 0 trở lên", formatNumber(v))
		case math.Abs(v-w) > 1e-6:
			rd.fail(cell(colUnitPrice, r), "đơn giá %s có phần lẻ; đơn giá phải là số nguyên đồng, ví dụ 1500000", formatNumber(v))
		case w > float64(forms.MaxMoney):
			rd.fail(cell(colUnitPrice, r), "đơn giá %s quá lớn (tối đa %s đồng)", formatNumber(v), forms.MaxMoney)
		default:
			l.UnitPrice = forms.Money(w)
		}
	}
	rd.checkTotalFormula(r, existing)
	return l, len(rd.errs) == before
}

// number reads a number cell; a text, a boolean, a formula error or an empty cell is an error.
func (rd *reader) number(r, c int, what, example string) (float64, bool) {
	ref := cell(c, r)
	raw := strings.TrimSpace(rd.value(r, c))
	if raw == "" {
		rd.fail(ref, "%s chưa nhập; hãy nhập một số, %s", what, example)
		return 0, false
	}
	typ, err := rd.f.GetCellType(SheetBudget, ref)
	if err != nil {
		rd.fail(ref, "không đọc được %s: %v", what, err)
		return 0, false
	}
	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		rd.fail(ref, "%s %q không phải là số; hãy nhập số (không kèm chữ, không đặt trong dấu nháy), %s", what, raw, example)
		return 0, false
	case excelize.CellTypeBool:
		rd.fail(ref, "%s %q không phải là số; hãy nhập số, %s", what, raw, example)
		return 0, false
	case excelize.CellTypeError:
		rd.fail(ref, "%s có lỗi công thức %s; hãy nhập số, %s", what, raw, example)
		return 0, false
	case excelize.CellTypeDate:
		rd.fail(ref, "%s đang là ngày tháng (%s), không phải số; hãy nhập số, %s", what, raw, example)
		return 0, false
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		rd.fail(ref, "%s %q không phải là số; hãy nhập số, %s", what, raw, example)
		return 0, false
	}
	return v, true
}

// checkTotalFormula insists on the Thành tiền formula of a line: a line written by Write must keep
// it; a line added in the sheet may leave Thành tiền empty.
func (rd *reader) checkTotalFormula(r int, existing bool) {
	ref := cell(colTotal, r)
	want := totalFormula(r)
	got, err := rd.f.GetCellFormula(SheetBudget, ref)
	if err != nil {
		rd.fail(ref, "không đọc được công thức thành tiền: %v", err)
		return
	}
	if got == "" {
		if !existing && strings.TrimSpace(rd.value(r, colTotal)) == "" {
			return
		}
		rd.fail(ref, "thành tiền phải là công thức =%s, không được gõ đè số (%s); hãy khôi phục công thức", want, strings.TrimSpace(rd.value(r, colTotal)))
		return
	}
	if normFormula(got) != normFormula(want) {
		rd.fail(ref, "công thức thành tiền phải là =%s, gặp =%s; hãy khôi phục công thức", want, strings.TrimPrefix(got, "="))
	}
}

// normFormula writes a formula in one canonical form for comparison.
func normFormula(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "=")
	s = strings.NewReplacer(" ", "", "$", "", "_xlfn.", "").Replace(s)
	return strings.ToUpper(s)
}

// formatNumber writes a number read from a cell the Vietnamese way for messages: "1.234,5".
func formatNumber(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Matches reports whether the sheet was made for this dossier: same programme, tax code and
// (when both have one) dossier id.
func (imp *Imported) Matches(app *forms.Application) error {
	if imp.Programme != app.Programme {
		return fmt.Errorf("bảng dự toán thuộc chương trình %q, hồ sơ thuộc chương trình %q: hãy chọn đúng hồ sơ", imp.Programme.Label(), app.Programme.Label())
	}
	if tc := forms.Clean(app.Enterprise.TaxCode); imp.TaxCode != tc {
		return fmt.Errorf("bảng dự toán lập cho mã số thuế %s, hồ sơ có mã số thuế %s: hãy chọn đúng hồ sơ", imp.TaxCode, tc)
	}
	if imp.DossierID != "" && app.ID != "" && imp.DossierID != app.ID {
		return fmt.Errorf("bảng dự toán lập cho hồ sơ %s, không phải hồ sơ %s: hãy chọn đúng hồ sơ", imp.DossierID, app.ID)
	}
	return nil
}
