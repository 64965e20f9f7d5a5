package docx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decode the size of JPEG attachments
	_ "image/png"  // and of PNG ones
	"os"
	"path/filepath"
	"strings"

	"khuyencong/templates"
)

// picture is an image stored once in the package, however often it is shown.
type picture struct {
	rid    string
	w, h   int // pixels
	reason string
}

// picture reads an image file once: its size and its bytes go into word/media.
func (b *builder) picture(path string) picture {
	if p, ok := b.pics[path]; ok {
		return p
	}
	p := b.loadPicture(path)
	b.pics[path] = p
	return p
}

func (b *builder) loadPicture(path string) picture {
	name := filepath.Base(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return picture{reason: "không đọc được tệp ảnh " + name}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || (format != "png" && format != "jpeg") {
		return picture{reason: "tệp " + name + " không phải ảnh JPEG hoặc PNG đọc được"}
	}
	n := len(b.media) + 1
	m := media{name: fmt.Sprintf("image%d.%s", n, format), rid: fmt.Sprintf("rIdImage%d", n), data: data}
	b.media = append(b.media, m)
	return picture{rid: m.rid, w: cfg.Width, h: cfg.Height}
}

// image puts a picture in its own centred paragraph, as large as the text width allows and at
// most MaxHeight (a full-page attachment: the height of the page below its title).
func (b *builder) image(im *templates.Image) {
	if im == nil {
		return
	}
	p := b.picture(im.Path)
	if p.reason != "" {
		b.warnings = append(b.warnings, fmt.Sprintf("Không đưa được ảnh vào tệp Word: %s; nộp kèm bản giấy", p.reason))
		b.paragraph(`<w:jc w:val="center"/>`, run("("+p.reason+": nộp kèm bản giấy)", style{italic: true}))
		return
	}
	maxW := float64(b.contentW)
	maxH := float64(mm(100))
	switch {
	case im.FullPage:
		maxH = float64(b.contentH - mm(25))
	case im.MaxHeight > 0:
		maxH = float64(mm(im.MaxHeight))
	}
	scale := min(maxW/float64(p.w), maxH/float64(p.h))
	cx, cy := int(float64(p.w)*scale)*emuPerTwip, int(float64(p.h)*scale)*emuPerTwip
	b.shapeID++
	id := b.shapeID
	name := esc(filepath.Base(im.Path))
	drawing := fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/>`+
		`<wp:docPr id="%d" name="Ảnh %d" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, id, id, esc(im.Caption), id, name, p.rid, cx, cy)
	b.paragraph(`<w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`, drawing)
	caption := strings.TrimSpace(im.Caption)
	if caption != "" && !(im.FullPage && caption == b.doc.Title) {
		b.paragraph(`<w:pStyle w:val="Caption"/>`, run(caption, style{}))
	}
}

// attachedPDF lists an attached PDF: Word cannot show its pages, the PDF dossier carries them.
func (b *builder) attachedPDF(a *templates.AttachedPDF) {
	if a == nil {
		return
	}
	name := filepath.Base(a.Path)
	b.paragraph(`<w:pStyle w:val="BodyText"/>`, run(fmt.Sprintf("Tài liệu này là tệp PDF \"%s\" (%s). Tệp Word không chứa được các trang của tệp PDF: "+
		"các trang này có trong bản PDF của hồ sơ; khi in từ tệp Word, in kèm tệp %s.", name, a.Title, name), style{}))
}
