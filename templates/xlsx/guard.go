package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"khuyencong/forms"
)

// Limits on a workbook read back, checked before excelize reads any sheet, so that a small file
// that unpacks to gigabytes (a "zip bomb") or a sheet of a million rows is refused with a message
// instead of taking the machine's memory. A sheet written by Write for the longest budget
// (forms.MaxListItems lines) is well within them.
const (
	// MaxSheetBytes is the largest workbook file read.
	MaxSheetBytes = 32 << 20
	// MaxUnpackedBytes is the most the workbook's parts may unpack to, all together.
	MaxUnpackedBytes = 64 << 20
	// MaxPackRatio is the most a part larger than 1 MB unpacked may grow when unpacked; ordinary
	// spreadsheet XML packs 5 to 30 times.
	MaxPackRatio = 100
	// MaxSheetRows is the most rows a sheet may have: the longest budget plus its headings, group
	// rows, checks, notes and signatures.
	MaxSheetRows = forms.MaxListItems + 1_000
	// MaxSheetCells is the most cells the workbook may have in all its sheets, and the most
	// shared texts.
	MaxSheetCells = MaxSheetRows * 16
)

// guardWorkbook checks a workbook's size, what its parts unpack to, and the rows and cells of each
// sheet, reading the sheets' XML as a stream. It returns nil when the workbook may be opened.
func guardWorkbook(data []byte) error {
	if len(data) > MaxSheetBytes {
		return fmt.Errorf("tệp Excel lớn %s MB, quá giới hạn %d MB của một bảng dự toán; hãy kiểm tra đã chọn đúng tệp, hoặc xuất lại bảng từ ứng dụng", mb(int64(len(data))), MaxSheetBytes>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("không đọc được tệp Excel (.xlsx): tệp không phải bảng tính Excel hoặc đã hỏng (%w); hãy lưu bảng dưới dạng Excel Workbook (.xlsx) rồi thử lại", err)
	}
	var total uint64
	for _, e := range zr.File {
		total += e.UncompressedSize64
		if total > MaxUnpackedBytes {
			return fmt.Errorf("tệp Excel giải nén ra hơn %d MB, quá giới hạn của một bảng dự toán (tệp có thể là \"bom nén\"); không đọc tệp này", MaxUnpackedBytes>>20)
		}
		if e.UncompressedSize64 > 1<<20 && e.UncompressedSize64 > MaxPackRatio*(e.CompressedSize64+1) {
			return fmt.Errorf("phần %s của tệp Excel nén %d lần, quá giới hạn %d lần (tệp có thể là \"bom nén\"); không đọc tệp này", e.Name, e.UncompressedSize64/(e.CompressedSize64+1), MaxPackRatio)
		}
	}
	cells := 0
	for _, e := range zr.File {
		name := strings.ToLower(e.Name)
		switch {
		case strings.HasPrefix(name, "xl/worksheets/") && path.Ext(name) == ".xml":
			rows, n, err := countElements(e, "row", "c")
			if err != nil {
				return err
			}
			if rows > MaxSheetRows {
				return fmt.Errorf("một trang của tệp Excel có hơn %s hàng, quá giới hạn %s hàng của bảng dự toán; hãy xoá các hàng thừa hoặc xuất lại bảng từ ứng dụng", forms.Money(MaxSheetRows), forms.Money(MaxSheetRows))
			}
			cells += n
		case name == "xl/sharedstrings.xml":
			_, n, err := countElements(e, "", "si")
			if err != nil {
				return err
			}
			cells += n
		}
		if cells > MaxSheetCells {
			return fmt.Errorf("tệp Excel có hơn %s ô, quá giới hạn %s ô của bảng dự toán; hãy xoá các ô thừa hoặc xuất lại bảng từ ứng dụng", forms.Money(MaxSheetCells), forms.Money(MaxSheetCells))
		}
	}
	return nil
}

// countElements streams a part's XML and counts the elements named row and cell, stopping as soon
// as either goes past the limits.
func countElements(e *zip.File, row, cell string) (rows, cells int, err error) {
	rc, err := e.Open()
	if err != nil {
		return 0, 0, fmt.Errorf("không đọc được phần %s của tệp Excel: %w", e.Name, err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, MaxUnpackedBytes))
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return rows, cells, nil
		}
		if err != nil {
			return 0, 0, fmt.Errorf("phần %s của tệp Excel hỏng (%w); hãy lưu lại bảng trong Excel rồi thử lại", e.Name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case row:
			if row != "" {
				rows++
			}
		case cell:
			cells++
		}
		if rows > MaxSheetRows || cells > MaxSheetCells {
			return rows, cells, nil
		}
	}
}

func mb(n int64) string { return fmt.Sprintf("%d,%d", n>>20, (n%(1<<20))*10>>20) }
