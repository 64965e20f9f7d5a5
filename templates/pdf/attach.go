package pdf

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decode JPEG attachments
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"github.com/jung-kurt/gofpdf"
	realgofpdi "github.com/phpdave11/gofpdi"

	"khuyencong/templates"
)

// attachmentChecks remembers, across the passes of one Write, whether each attached file can be
// printed: a PDF that is encrypted or broken, an image that cannot be decoded.
type attachmentChecks struct {
	pdfs   map[string]pdfCheck
	images map[string]imageCheck
}

type pdfCheck struct {
	pages  int
	reason string // why it cannot be merged; "" when it can
}

type imageCheck struct {
	data   []byte // the bytes to embed (re-encoded when gofpdf cannot read the original)
	kind   string // "jpg" or "png"
	w, h   float64
	reason string
}

func newAttachmentChecks() *attachmentChecks {
	return &attachmentChecks{pdfs: map[string]pdfCheck{}, images: map[string]imageCheck{}}
}

// attachmentProblem says why a document made of one attachment cannot be printed, or "".
func (r *renderer) attachmentProblem(doc *templates.Document) string {
	if !r.startsWithOwnPage(doc) {
		return ""
	}
	b := doc.Blocks[0]
	if b.Kind == templates.KindAttachedPDF {
		return r.checks.pdf(b.AttachedPDF.Path).reason
	}
	return r.checks.image(b.Image.Path).reason
}

// pdf checks a PDF once: it must not be encrypted, and gofpdi must be able to count and import
// every page. gofpdi panics on bad input, so every call is guarded.
func (c *attachmentChecks) pdf(path string) pdfCheck {
	if res, ok := c.pdfs[path]; ok {
		return res
	}
	res := checkPDF(path)
	c.pdfs[path] = res
	return res
}

func checkPDF(path string) (res pdfCheck) {
	data, err := os.ReadFile(path)
	if err != nil {
		return pdfCheck{reason: "không đọc được tệp " + filepath.Base(path)}
	}
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
		return pdfCheck{reason: "tệp " + filepath.Base(path) + " không phải là tệp PDF"}
	}
	if bytes.Contains(data, []byte("/Encrypt")) {
		return pdfCheck{reason: "tệp " + filepath.Base(path) + " được đặt mật khẩu (mã hóa)"}
	}
	defer func() {
		if p := recover(); p != nil {
			res = pdfCheck{reason: fmt.Sprintf("tệp %s bị hỏng hoặc không đọc được (%v)", filepath.Base(path), p)}
		}
	}()
	imp := realgofpdi.NewImporter()
	imp.SetSourceFile(path)
	n := imp.GetNumPages()
	if n < 1 {
		return pdfCheck{reason: "tệp " + filepath.Base(path) + " không có trang nào"}
	}
	for i := 1; i <= n; i++ {
		imp.ImportPage(i, "/MediaBox")
	}
	return pdfCheck{pages: n}
}

// image checks an image once and keeps the bytes to embed: JPEG as it is, PNG re-encoded as
// 8-bit non-interlaced when gofpdf cannot read it (16-bit, interlaced).
func (c *attachmentChecks) image(path string) imageCheck {
	if res, ok := c.images[path]; ok {
		return res
	}
	res := checkImage(path)
	c.images[path] = res
	return res
}

func checkImage(path string) imageCheck {
	data, err := os.ReadFile(path)
	name := filepath.Base(path)
	if err != nil {
		return imageCheck{reason: "không đọc được tệp ảnh " + name}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return imageCheck{reason: "tệp " + name + " không phải ảnh JPEG hoặc PNG đọc được"}
	}
	res := imageCheck{data: data, w: float64(cfg.Width), h: float64(cfg.Height)}
	switch format {
	case "jpeg":
		res.kind = "jpg"
	case "png":
		res.kind = "png"
		// try gofpdf on it; re-encode if it refuses
		probe := gofpdf.New("P", "mm", "A4", "")
		probe.RegisterImageOptionsReader("probe", gofpdf.ImageOptions{ImageType: "png"}, bytes.NewReader(data))
		if probe.Err() {
			img, _, err := image.Decode(bytes.NewReader(data))
			if err != nil {
				return imageCheck{reason: "tệp ảnh " + name + " bị hỏng"}
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, toNRGBA(img)); err != nil {
				return imageCheck{reason: "tệp ảnh " + name + " bị hỏng"}
			}
			res.data = buf.Bytes()
		}
	default:
		return imageCheck{reason: "tệp " + name + " là ảnh " + strings.ToUpper(format) + ", chỉ ghép được ảnh JPEG hoặc PNG"}
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return imageCheck{reason: "tệp ảnh " + name + " bị hỏng"}
	}
	return res
}

func toNRGBA(img image.Image) *image.NRGBA {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x-b.Min.X, y-b.Min.Y, img.At(x, y))
		}
	}
	return out
}

// registerImage puts the image into the PDF once and gives its name.
func (r *renderer) registerImage(path string, ic imageCheck) string {
	name := "img:" + path
	if r.pdf.GetImageInfo(name) == nil {
		r.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: ic.kind}, bytes.NewReader(ic.data))
	}
	return name
}

// image draws a picture: on a page of its own, scaled to fit and turned to the page orientation
// that suits it, or in the text at most MaxHeight high.
func (r *renderer) image(im *templates.Image) {
	if im == nil {
		return
	}
	ic := r.checks.image(im.Path)
	if ic.reason != "" {
		r.warnings = append(r.warnings, fmt.Sprintf("Không in được ảnh \"%s\": %s; nộp kèm bản giấy", im.Caption, ic.reason))
		r.paragraph(&templates.Paragraph{Text: im.Caption + ": nộp kèm bản giấy (" + ic.reason + ").", Italic: true, Align: templates.AlignLeft})
		return
	}
	name := r.registerImage(im.Path, ic)
	capSize := 12.0
	if im.FullPage {
		orient := templates.Portrait
		if ic.w > ic.h {
			orient = templates.Landscape
		}
		r.newPageIn(orient)
		r.text(im.Caption, "I", 11, templates.AlignCenter, 0, marginLeft, r.contentW())
		r.y += 2
		availW, availH := r.contentW(), r.limit()-r.y
		w, h := fit(ic.w, ic.h, availW, availH)
		r.pdf.ImageOptions(name, marginLeft+(availW-w)/2, r.y, w, h, false, gofpdf.ImageOptions{}, 0, "")
		r.y += h
		return
	}
	maxH := im.MaxHeight
	if maxH == 0 {
		maxH = 100
	}
	w, h := fit(ic.w, ic.h, r.contentW(), maxH)
	r.ensure(h + lineHeight(capSize) + 3)
	r.y += 1
	r.pdf.ImageOptions(name, marginLeft+(r.contentW()-w)/2, r.y, w, h, false, gofpdf.ImageOptions{}, 0, "")
	r.y += h + 1
	if im.Caption != "" {
		r.text(im.Caption, "I", capSize, templates.AlignCenter, 0, marginLeft, r.contentW())
	}
	r.y += paraAfter
}

// fit scales w×h to fit in maxW×maxH, keeping the aspect ratio.
func fit(w, h, maxW, maxH float64) (float64, float64) {
	s := min(maxW/w, maxH/h)
	return w * s, h * s
}

// attachedPDF merges every page of a PDF, each scaled onto an A4 page in the orientation that
// suits it. The file was checked before (attachmentProblem), but the import is guarded anyway.
func (r *renderer) attachedPDF(a *templates.AttachedPDF) {
	if a == nil {
		return
	}
	chk := r.checks.pdf(a.Path)
	if chk.reason != "" {
		return
	}
	for i := 1; i <= chk.pages; i++ {
		tpl, pw, ph, ok := r.importPage(a.Path, i)
		if !ok {
			r.warnings = append(r.warnings, fmt.Sprintf("Trang %d của tệp %s không ghép được vào hồ sơ", i, filepath.Base(a.Path)))
			continue
		}
		orient := templates.Portrait
		if pw > ph {
			orient = templates.Landscape
		}
		r.newPageIn(orient)
		const edge = 5.0
		availW, availH := r.pageW-2*edge, r.pageH-2*edge-6 // keep the bottom line free for the page count
		w, h := fit(pw, ph, availW, availH)
		r.imp.UseImportedTemplate(r.pdf, tpl, edge+(availW-w)/2, edge+(availH-h)/2, w, h)
	}
}

// importPage imports one page as a template; gofpdi panics on bad input, so it is guarded.
func (r *renderer) importPage(path string, page int) (tpl int, w, h float64, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			ok = false
		}
	}()
	tpl = r.imp.ImportPage(r.pdf, path, page, "/MediaBox")
	sizes := r.imp.GetPageSizes()
	box := sizes[page]["/MediaBox"]
	w, h = box["w"], box["h"]
	if w <= 0 || h <= 0 {
		w, h = pageShort, pageLong
	}
	return tpl, w, h, true
}
