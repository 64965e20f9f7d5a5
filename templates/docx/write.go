package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"khuyencong/templates"
)

// Page geometry in twentieths of a point (twips) per ND 30/2020: A4, margins top 20, bottom 20,
// left 30, right 15 mm; the page number sits 10 mm from the top edge.
const (
	pageShort    = 11906 // 210 mm
	pageLong     = 16838 // 297 mm
	marginTop    = 1134  // 20 mm
	marginBottom = 1134  // 20 mm
	marginLeft   = 1701  // 30 mm
	marginRight  = 850   // 15 mm
	headerDist   = 567   // 10 mm
	footerDist   = 567
	firstIndent  = 567 // 1 cm
	twipsPerMM   = 1440 / 25.4
	emuPerTwip   = 635
)

// mm converts millimetres to twips.
func mm(v float64) int { return int(v*twipsPerMM + 0.5) }

// Options add what the Word file cannot know by itself.
type Options struct {
	// PageStarts is where each document starts in the PDF written beside (pdf.Result.Documents),
	// by document id: it fills the "trang {page}" references of the checklist. Without it those
	// references name the document without a page.
	PageStarts map[string]int
}

// Result describes the Word file written.
type Result struct {
	Sections int      `json:"sections"` // one per document of the dossier
	Pictures int      `json:"pictures"`
	Warnings []string `json:"warnings,omitempty"`
}

// Write renders the dossier as one .docx: every document in a section of its own (new page,
// its orientation, page numbers restarting), in the styles of ND 30/2020.
func Write(w io.Writer, d *templates.Dossier, opts Options) (Result, error) {
	if d == nil {
		return Result{}, fmt.Errorf("không có hồ sơ để xuất ra Word")
	}
	b := newBuilder(d, opts)
	if err := b.render(); err != nil {
		return Result{}, err
	}
	created := d.Created
	if created.IsZero() {
		created = time.Now()
	}
	z := zip.NewWriter(w)
	put := func(name string, data []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: created})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	parts := []struct {
		name string
		data string
	}{
		{"[Content_Types].xml", contentTypes(b.media, b.headers)},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(d, created)},
		{"docProps/app.xml", appProps(d)},
		{"word/document.xml", b.documentXML()},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML},
		{"word/_rels/document.xml.rels", documentRels(b.media, b.headers)},
	}
	for i, h := range b.headers {
		parts = append(parts, struct {
			name string
			data string
		}{"word/" + h.name, headerXML(h, 2000+i, d.Variant == templates.Draft)})
	}
	for _, p := range parts {
		if err := put(p.name, []byte(p.data)); err != nil {
			return Result{}, fmt.Errorf("không ghi được tệp Word: %w", err)
		}
	}
	for _, m := range b.media {
		if err := put("word/media/"+m.name, m.data); err != nil {
			return Result{}, fmt.Errorf("không ghi được ảnh vào tệp Word: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return Result{}, fmt.Errorf("không ghi được tệp Word: %w", err)
	}
	return Result{Sections: b.sections, Pictures: len(b.media), Warnings: b.warnings}, nil
}

// GeneratedNote is the first-page note and the document property that say where the file came
// from: a Word file can be edited, so it is never the final for submission.
func GeneratedNote(d *templates.Dossier) string {
	when := ""
	if !d.Created.IsZero() {
		when = " ngày " + d.Created.Format("02/01/2006")
	}
	app := strings.TrimSpace(d.Creator)
	if app == "" {
		app = templates.AppName
	}
	return "Tệp Word này do " + app + " tạo" + when + " từ cùng dữ liệu với bản PDF của hồ sơ, để chỉnh sửa. " +
		"Nội dung có thể đã được sửa sau khi tạo, nên tệp này không phải bản chính thức để nộp; " +
		"bản chính thức là tệp PDF do ứng dụng tạo. Xóa đoạn ghi chú này nếu in từ tệp Word."
}
