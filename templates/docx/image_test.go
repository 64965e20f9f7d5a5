package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// attachedApp is the trade-fair sample with a scanned registration (PNG), the product photos
// (JPEG, printed inside the product description), the invitation as a PDF and a broken image.
func attachedApp(t *testing.T) *forms.Application {
	t.Helper()
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 300, 420))
	for y := 0; y < 420; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, color.RGBA{uint8(x % 256), 90, uint8(y % 256), 255})
		}
	}
	var pngBuf, jpgBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpgBuf, img.SubImage(image.Rect(0, 0, 300, 200)), nil); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"dang-ky.png":    pngBuf.Bytes(),
		"anh-sp.jpg":     jpgBuf.Bytes(),
		"thu-moi.pdf":    []byte("%PDF-1.4\n%%EOF\n"),
		"bao-cao-tc.png": []byte("not an image"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	app := forms.Sample(forms.TradeFair)
	for i := range app.Attachments {
		a := &app.Attachments[i]
		switch a.ID {
		case "registration":
			a.File, a.Paper = filepath.Join(dir, "dang-ky.png"), false
		case "product-photos":
			a.File, a.Paper = filepath.Join(dir, "anh-sp.jpg"), false
		case "invitation":
			a.File, a.Paper = filepath.Join(dir, "thu-moi.pdf"), false
		case "financial":
			a.File, a.Paper = filepath.Join(dir, "bao-cao-tc.png"), false
		}
	}
	return app
}

// TestImagesArePicturesAndPDFsAreListed: image attachments go in as pictures (stored once each),
// a PDF attachment is listed by name, an unreadable image is named in the file and the warnings;
// LibreOffice shows the pictures.
func TestImagesArePicturesAndPDFsAreListed(t *testing.T) {
	d, _ := build(t, attachedApp(t), templates.Final)
	var buf bytes.Buffer
	res, err := Write(&buf, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps := parts(t, buf.Bytes())
	doc := string(ps["word/document.xml"])
	if n := strings.Count(doc, "<w:drawing>"); n != 2 || res.Pictures != 2 {
		t.Errorf("%d drawings, %d pictures stored; want the registration and the product photo", n, res.Pictures)
	}
	kinds := map[string]int{}
	for name := range ps {
		if strings.HasPrefix(name, "word/media/") {
			kinds[filepath.Ext(name)]++
		}
	}
	if kinds[".png"] != 1 || kinds[".jpeg"] != 1 {
		t.Errorf("stored pictures %v, want one PNG and one JPEG", kinds)
	}
	ct := string(ps["[Content_Types].xml"])
	if !strings.Contains(ct, `Extension="png" ContentType="image/png"`) || !strings.Contains(ct, `Extension="jpeg" ContentType="image/jpeg"`) {
		t.Errorf("picture content types missing: %s", ct)
	}
	if !strings.Contains(doc, "thu-moi.pdf") {
		t.Error("the attached PDF is not listed")
	}
	if len(res.Warnings) == 0 || !strings.Contains(strings.Join(res.Warnings, " "), "bao-cao-tc.png") || !strings.Contains(doc, "bao-cao-tc.png") {
		t.Errorf("the broken image is not named: %v", res.Warnings)
	}
	for name, data := range ps {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			if err := wellFormed(data); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	out := toPDF(t, map[string][]byte{"attached": buf.Bytes()})
	bin := needTool(t, "pdfimages", "poppler-utils")
	list, err := exec.Command(bin, "-list", filepath.Join(out, "attached.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Split(strings.TrimSpace(string(list)), "\n")) - 2; n < 2 {
		t.Errorf("LibreOffice shows %d pictures, want 2:\n%s", n, list)
	}
	if text := oneLine(pdfText(t, filepath.Join(out, "attached.pdf"))); !strings.Contains(text, "thu-moi.pdf") {
		t.Error("the conversion does not list the attached PDF")
	}
}
