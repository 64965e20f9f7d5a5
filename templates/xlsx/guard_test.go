package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// sampleWorkbook is the equipment sample's sheet as Write makes it.
func sampleWorkbook(t *testing.T) []byte {
	t.Helper()
	app := forms.Sample(forms.Equipment)
	var buf bytes.Buffer
	if err := Write(&buf, app, forms.Check(app, forms.DefaultPacks()), Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// replacePart rewrites a workbook with the part named name replaced by what write produces.
func replacePart(t *testing.T, book []byte, name string, write func(w io.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	found := false
	for _, e := range zr.File {
		w, err := zw.Create(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		if e.Name == name {
			found = true
			write(w)
			continue
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const worksheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

// allocated runs f and returns how many bytes it allocated in all (runtime.MemStats.TotalAlloc),
// an upper bound of the memory it held at any moment.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestZipBombRefusedBeforeReading makes a workbook of about a megabyte whose budget sheet unpacks to
// 400 MB: Read refuses it from the zip directory, allocating a few megabytes (the file itself),
// where reading the sheet used gigabytes.
func TestZipBombRefusedBeforeReading(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 400 MB sheet")
	}
	padding := strings.Repeat(`<row r="1"><c r="A1"><v>0</v></c></row>`, 1<<14)
	bomb := replacePart(t, sampleWorkbook(t), "xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, worksheetHead)
		for n := 0; n < 400<<20; n += len(padding) {
			io.WriteString(w, padding)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	t.Logf("bomb: %d bytes packed", len(bomb))
	var err error
	used := allocated(func() { _, err = Read(bytes.NewReader(bomb)) })
	if err == nil || !strings.Contains(err.Error(), "bom nén") {
		t.Fatalf("zip bomb: %v", err)
	}
	if limit := uint64(len(bomb)) + 16<<20; used > limit {
		t.Errorf("refusing the bomb allocated %d MB (limit %d MB)", used>>20, limit>>20)
	}
	t.Logf("refused after allocating %d KB: %v", used>>10, err)
}

// TestLyingZipRefused declares twice the packed size for a part that unpacks to 200 MB: the zip
// reader stops at the declared size, so the lie costs nothing either.
func TestLyingZipRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 200 MB sheet")
	}
	book := sampleWorkbook(t)
	zr, _ := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		if e.Name != "xl/worksheets/sheet1.xml" {
			w, _ := zw.Create(e.Name)
			rc, _ := e.Open()
			io.Copy(w, rc)
			rc.Close()
			continue
		}
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
		crc := crc32.NewIEEE()
		mw := io.MultiWriter(fw, crc)
		io.WriteString(mw, worksheetHead)
		row := strings.Repeat(`<row r="1"><c r="A1"><v>0</v></c></row>`, 1<<14)
		for n := 0; n < 200<<20; n += len(row) {
			io.WriteString(mw, row)
		}
		io.WriteString(mw, `</sheetData></worksheet>`)
		fw.Close()
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: 2 * uint64(packed.Len())}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	zw.Close()
	bomb := out.Bytes()
	var err error
	used := allocated(func() { _, err = Read(bytes.NewReader(bomb)) })
	if err == nil {
		t.Fatal("lying zip accepted")
	}
	if limit := uint64(len(bomb)) + 200<<20; used > limit {
		t.Errorf("refusing the lying zip allocated %d MB", used>>20)
	}
	t.Logf("refused after allocating %d MB: %v", used>>20, err)
}

// TestMillionRowSheetRefused makes a budget sheet of 1.048.576 rows (Excel's most): Read refuses it
// after counting past MaxSheetRows rows of the stream, where it used 800 MB and 40 s.
func TestMillionRowSheetRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a million-row sheet")
	}
	book := replacePart(t, sampleWorkbook(t), "xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, worksheetHead)
		for r := 1; r <= 1<<20; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	t.Logf("million-row workbook: %d bytes", len(book))
	var err error
	used := allocated(func() { _, err = Read(bytes.NewReader(book)) })
	if err == nil || !strings.Contains(err.Error(), "hàng") {
		t.Fatalf("million rows: %v", err)
	}
	if limit := uint64(len(book)) + 64<<20; used > limit {
		t.Errorf("refusing a million rows allocated %d MB", used>>20)
	}
	t.Logf("refused after allocating %d MB: %v", used>>20, err)
}

// TestTooManySharedTexts makes a workbook whose shared-text table holds more texts than the cell
// limit: it is refused before excelize loads the table.
func TestTooManySharedTexts(t *testing.T) {
	book := replacePart(t, sampleWorkbook(t), "xl/sharedStrings.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		for i := 0; i <= MaxSheetCells; i++ {
			fmt.Fprintf(w, "<si><t>%d</t></si>", i)
		}
		io.WriteString(w, `</sst>`)
	})
	if _, err := Read(bytes.NewReader(book)); err == nil || !strings.Contains(err.Error(), "ô") {
		t.Fatalf("too many shared texts: %v", err)
	}
}

func TestHugeWorkbookFileRefused(t *testing.T) {
	big := make([]byte, MaxSheetBytes+10)
	_, err := Read(bytes.NewReader(big))
	if err == nil || !strings.Contains(err.Error(), "quá giới hạn 32 MB") {
		t.Fatalf("huge file: %v", err)
	}
}

// TestSheetRowsCap checks the streaming reader's own cap (behind the zip check).
func TestSheetRowsCap(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= MaxSheetRows+1; r++ {
		if err := sw.SetRow(fmt.Sprintf("A%d", r), []any{1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := sheetRows(f, "Sheet1"); err == nil || !strings.Contains(err.Error(), "hàng") {
		t.Fatalf("rows past the cap: %v", err)
	}
	if err := f.RemoveRow("Sheet1", 1); err != nil {
		t.Fatal(err)
	}
	rows, err := sheetRows(f, "Sheet1")
	if err != nil || len(rows) != MaxSheetRows {
		t.Fatalf("rows at the cap: %d, %v", len(rows), err)
	}
}

// TestLongestBudgetWithinSheetLimits writes a budget of forms.MaxListItems lines and reads it back:
// the limits refuse bombs, not the largest dossier.
func TestLongestBudgetWithinSheetLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 20.000-line sheet")
	}
	app := forms.Sample(forms.Equipment)
	line := app.Budget.Lines[0]
	app.Budget.Lines = nil
	for i := 0; i < forms.MaxListItems; i++ {
		l := line
		l.Description = fmt.Sprintf("%s số %d", line.Description, i+1)
		app.Budget.Lines = append(app.Budget.Lines, l)
	}
	var buf bytes.Buffer
	if err := Write(&buf, app, forms.Check(app, forms.DefaultPacks()), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := guardWorkbook(buf.Bytes()); err != nil {
		t.Fatalf("the longest budget's sheet is refused: %v", err)
	}
	imp, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the longest budget's sheet is not read: %v", err)
	}
	if len(imp.Lines) != forms.MaxListItems {
		t.Fatalf("read %d lines", len(imp.Lines))
	}
}
