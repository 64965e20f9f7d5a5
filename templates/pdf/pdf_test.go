package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"khuyencong/forms"
	"khuyencong/templates"
)

// run runs a tool and returns its standard output.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pageText is the text of page n (from 1) as pdftotext extracts it.
func pageText(t testing.TB, path string, n int) string {
	return run(t, "pdftotext", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), "-raw", path, "-")
}

// flat joins the words of an extracted text with single spaces, so that a phrase broken across
// lines is still found.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func pageCount(t testing.TB, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestSamplePDFs checks each programme's final dossier as a real PDF: it parses, every page is
// A4, every font is embedded, and the text has the national name, the motto, the enterprise's
// name with its diacritics and every amount of the budget with its words.
func TestSamplePDFs(t *testing.T) {
	needTool(t, "qpdf")
	needTool(t, "pdftotext")
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := forms.Sample(p)
			path, res, rep := renderApp(t, string(p), app, templates.Final, Options{})
			run(t, "qpdf", "--check", path)
			if n := pageCount(t, path); n != res.Pages {
				t.Errorf("pdfinfo counts %d pages, Write reported %d", n, res.Pages)
			}
			sizes := run(t, "pdfinfo", "-f", "1", "-l", fmt.Sprint(res.Pages), path)
			for _, m := range regexp.MustCompile(`Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(sizes, -1) {
				w, _ := strconv.ParseFloat(m[2], 64)
				h, _ := strconv.ParseFloat(m[3], 64)
				if w > h {
					w, h = h, w
				}
				if abs(w-595.28) > 1 || abs(h-841.89) > 1 {
					t.Errorf("page %s is %s x %s pt, not A4", m[1], m[2], m[3])
				}
			}
			fonts := run(t, "pdffonts", path)
			for _, l := range strings.Split(fonts, "\n")[2:] {
				if f := strings.Fields(l); len(f) > 4 && f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
			}
			text := flat(run(t, "pdftotext", path, "-"))
			budget, err := forms.ComputeBudget(app, rep.Pack)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				norm.NFC.String(app.Enterprise.Name),
				budget.Total.String(), budget.Support.String(), budget.Counterpart.String(),
				forms.AmountInWords(budget.Total, forms.WordStyle{}), forms.AmountInWords(budget.Support, forms.WordStyle{}),
				forms.AmountInWords(budget.Counterpart, forms.WordStyle{}),
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the PDF text lacks %q", w)
				}
			}
			if res.Font == "" {
				t.Error("Result names no font")
			}
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestNFDInput: text typed in decomposed form (Unikey "Unicode tổ hợp", macOS) comes out precomposed.
func TestNFDInput(t *testing.T) {
	needTool(t, "pdftotext")
	app := forms.Sample(forms.Equipment)
	nfc := app.Enterprise.Name
	app.Enterprise.Name = norm.NFD.String(nfc)
	app.Project.Problem = norm.NFD.String("Cộng đồng ngành bánh tráng cần đổi mới thiết bị.")
	if app.Enterprise.Name == nfc {
		t.Fatal("the test name has no decomposable letters")
	}
	path, _, _ := renderApp(t, "nfd", app, templates.Final, Options{})
	text := flat(run(t, "pdftotext", path, "-"))
	for _, w := range []string{nfc, "Cộng đồng ngành bánh tráng cần đổi mới thiết bị."} {
		if !strings.Contains(text, w) {
			t.Errorf("NFD input %q did not come out precomposed", w)
		}
	}
}

// TestDraftWatermark: the draft has BẢN NHÁP on every page, the final on none.
func TestDraftWatermark(t *testing.T) {
	needTool(t, "pdftotext")
	path, res, _ := renderApp(t, "draft", forms.Sample(forms.TradeFair), templates.Draft, Options{})
	for n := 1; n <= res.Pages; n++ {
		// the diagonal letters come out one per line: compare without white space
		if !strings.Contains(strings.Join(strings.Fields(pageText(t, path, n)), ""), "BẢNNHÁP") {
			t.Errorf("draft page %d has no BẢN NHÁP watermark", n)
		}
	}
	final, _, _ := renderApp(t, "final", forms.Sample(forms.TradeFair), templates.Final, Options{})
	if strings.Contains(strings.Join(strings.Fields(run(t, "pdftotext", "-raw", final, "-")), ""), "BẢNNHÁP") {
		t.Error("the final dossier carries the draft watermark")
	}
}

// TestContinuationPage: an answer too long for its fixed box continues on a numbered page, and
// the number printed in the box is the page where the rest is.
func TestContinuationPage(t *testing.T) {
	needTool(t, "pdftotext")
	app := forms.Sample(forms.TradeFair)
	tail := "Câu cuối cùng của phần mô tả nằm ở trang tiếp theo."
	app.Project.Selection.Description = strings.Repeat("Đất sét trắng được lọc kỹ, tạo hình bằng bàn xoay, vẽ tay men lam và nung ở nhiệt độ cao. ", 30) + tail
	path, res, _ := renderApp(t, "continuation", app, templates.Final, Options{})
	all := run(t, "pdftotext", path, "-")
	refs := regexp.MustCompile(`xem tiếp phụ lục trang (\d+)`).FindAllStringSubmatch(all, -1)
	if len(refs) < 2 { // the registration form and the product description both overflow
		t.Fatalf("expected continuation references in both forms, found %d", len(refs))
	}
	for _, ref := range refs {
		n, _ := strconv.Atoi(ref[1])
		if n < 1 || n > res.Pages {
			t.Fatalf("continuation page %d outside the dossier (%d pages)", n, res.Pages)
		}
		page := flat(pageText(t, path, n))
		if !strings.Contains(page, "NỘI DUNG TIẾP THEO") || !strings.Contains(page, tail) {
			t.Errorf("page %d, named in \"xem tiếp\", does not hold the rest of the answer:\n%s", n, page)
		}
	}
}

// TestBudgetHeaderRepeats: a 300-line budget spans several pages, each starting with the header.
func TestBudgetHeaderRepeats(t *testing.T) {
	needTool(t, "pdftotext")
	app := forms.Sample(forms.Equipment)
	app.Budget.Lines = nil
	for i := 1; i <= 300; i++ {
		app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{CostType: "machinery",
			Description: fmt.Sprintf("Thiết bị phụ trợ số %d cho dây chuyền tráng bánh", i), Unit: "cái",
			Quantity: forms.QuantityOf(1), UnitPrice: forms.Money(1_000_000 + i)})
	}
	path, res, _ := renderApp(t, "budget300", app, templates.Draft, Options{})
	var doc DocumentPage
	for _, d := range res.Documents {
		if d.ID == templates.DocBudget {
			doc = d
		}
	}
	if doc.Pages < 5 {
		t.Fatalf("a 300-line budget took only %d pages", doc.Pages)
	}
	seen := map[string]bool{}
	for n := doc.Start; n < doc.Start+doc.Pages; n++ {
		text := pageText(t, path, n)
		rows := regexp.MustCompile(`Thiết bị phụ trợ số (\d+) `).FindAllStringSubmatch(text, -1)
		if len(rows) == 0 {
			continue // the last page may hold only the totals and the signature
		}
		if c := strings.Count(text, "Nội dung chi"); c != 1 {
			t.Errorf("budget page %d has the header %d times, want 1", n, c)
		}
		for _, r := range rows {
			if seen[r[1]] {
				t.Errorf("line %s printed twice (a row split across pages?)", r[1])
			}
			seen[r[1]] = true
		}
	}
	if len(seen) != 300 {
		t.Errorf("%d of 300 budget lines found in the PDF", len(seen))
	}
}

// TestAttachments: a PDF and PNG/JPEG images become pages; an encrypted and a broken PDF are
// reported and listed as "nộp kèm bản giấy".
func TestAttachments(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "qpdf")
	dir := t.TempDir()
	good := filepath.Join(dir, "bao-gia.pdf")
	writeSimplePDF(t, good, "BÁO GIÁ MẪU SỐ 112", 2)
	enc := filepath.Join(dir, "ma-hoa.pdf")
	run(t, "qpdf", "--encrypt", "u", "o", "256", "--", good, enc)
	broken := filepath.Join(dir, "hong.pdf")
	data, _ := os.ReadFile(good)
	if err := os.WriteFile(broken, data[:len(data)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	pngPath := filepath.Join(dir, "anh.png")
	jpgPath := filepath.Join(dir, "anh.jpg")
	writeImage(t, pngPath, false)
	writeImage(t, jpgPath, true)

	app := forms.Sample(forms.Equipment)
	app.Attachments = []forms.Attachment{
		{ID: "registration", File: pngPath},
		{ID: "quotations", File: good},
		{ID: "specifications", File: enc},
		{ID: "financial", File: broken},
		{ID: "premises", File: jpgPath},
	}
	path, res, _ := renderApp(t, "attachments", app, templates.Final, Options{})
	run(t, "qpdf", "--check", path)
	pages := map[string]DocumentPage{}
	for _, d := range res.Documents {
		pages[d.Title] = d
	}
	byFile := func(title string) DocumentPage {
		for k, v := range pages {
			if strings.Contains(k, title) {
				return v
			}
		}
		t.Fatalf("no document titled %q", title)
		return DocumentPage{}
	}
	if d := byFile("Báo giá"); d.Pages != 2 || d.Failed != "" {
		t.Errorf("the 2-page quotation PDF gave %+v", d)
	}
	if d := byFile("Bản sao giấy chứng nhận"); d.Pages != 1 {
		t.Errorf("the PNG gave %+v, want one page", d)
	}
	if d := byFile("quyền sử dụng mặt bằng"); d.Pages != 1 {
		t.Errorf("the JPEG gave %+v, want one page", d)
	}
	if d := byFile("thông số kỹ thuật"); d.Failed == "" || d.Pages != 0 {
		t.Errorf("the encrypted PDF was not refused: %+v", d)
	}
	if d := byFile("Báo cáo tài chính"); d.Failed == "" || d.Pages != 0 {
		t.Errorf("the broken PDF was not refused: %+v", d)
	}
	warn := strings.Join(res.Warnings, "\n")
	for _, f := range []string{"ma-hoa.pdf", "hong.pdf"} {
		if !strings.Contains(warn, f) {
			t.Errorf("warnings do not name %s:\n%s", f, warn)
		}
	}
	all := flat(run(t, "pdftotext", path, "-"))
	if !strings.Contains(all, "BÁO GIÁ MẪU SỐ 112") {
		t.Error("the merged PDF's text is missing")
	}
	checklist := byFile("Danh mục tài liệu")
	var text string
	for n := checklist.Start; n < checklist.Start+checklist.Pages; n++ {
		text += flat(pageText(t, path, n))
	}
	if c := strings.Count(text, "Nộp kèm bản giấy (tệp không ghép được"); c != 2 {
		t.Errorf("the checklist names %d unmergeable files as nộp kèm bản giấy, want 2:\n%s", c, text)
	}
	if !strings.Contains(text, fmt.Sprintf("Đính kèm trong hồ sơ, trang %d", byFile("Báo giá").Start)) {
		t.Errorf("the checklist does not give the quotation's page %d:\n%s", byFile("Báo giá").Start, text)
	}
	imgs := run(t, "pdfimages", "-list", path)
	if n := len(strings.Split(strings.TrimSpace(imgs), "\n")) - 2; n < 2 {
		t.Errorf("pdfimages lists %d images, want the PNG and the JPEG", n)
	}
}

func writeSimplePDF(t testing.TB, path, text string, pages int) {
	p := gofpdf.New("P", "mm", "A4", "")
	fonts, _ := ResolveFonts(Options{})
	p.AddUTF8FontFromBytes("f", "", fonts.Regular)
	for i := 0; i < pages; i++ {
		p.AddPage()
		p.SetFont("f", "", 16)
		p.Text(30, 40, fmt.Sprintf("%s – trang %d", text, i+1))
	}
	if err := p.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
}

func writeImage(t testing.TB, path string, asJPEG bool) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if asJPEG {
		err = jpeg.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReproducible: the same dossier with a fixed date gives the same bytes.
func TestReproducible(t *testing.T) {
	app := forms.Sample(forms.CleanerProduction)
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := templates.Build(app, rep, templates.Options{Variant: templates.Final, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := Write(&a, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the same dossier differ")
	}
}

// TestFontChain: a picked file that is not a usable font is passed over with a note, and the
// last resort (Liberation Serif from github.com/go-fonts/liberation) has every Vietnamese letter.
func TestFontChain(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "notafont.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs, notes := ResolveFonts(Options{FontPath: bad})
	if fs == nil || fs.Source == bad {
		t.Fatalf("a broken font file was used: %+v", fs)
	}
	if len(notes) == 0 || !strings.Contains(notes[0], "notafont.ttf") {
		t.Errorf("no note about the passed-over font: %v", notes)
	}
	last := builtinFonts()
	for _, b := range [][]byte{last.Regular, last.Bold, last.Italic, last.BoldItalic} {
		if err := checkVietnamese(b); err != nil {
			t.Errorf("the built-in font: %v", err)
		}
	}
	if err := checkVietnamese(last.Regular[:1000]); err == nil {
		t.Error("a truncated font passed the check")
	}
}
