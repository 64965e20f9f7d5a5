package docx

import (
	"fmt"
	"strings"
	"time"

	"khuyencong/templates"
)

// Namespaces of the parts (ECMA-376, transitional).
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsV   = "urn:schemas-microsoft-com:vml"
	nsO   = "urn:schemas-microsoft-com:office:office"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"

	relDoc      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore     = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSettings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relFonts    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	relHeader   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	relImage    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// header is a header part. Every section has its own two (its first page, the others), none shared:
// LibreOffice drops the draft mark from a header part that several sections' first pages share.
type header struct {
	name, rid string
	numbered  bool // the page number, centred; else nothing
	landscape bool
}

// media is a picture stored in the package.
type media struct {
	name string // image3.png
	rid  string
	data []byte
}

func contentTypes(ms []media, hs []header) string {
	var b strings.Builder
	b.WriteString(xmlDecl)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	seen := map[string]bool{}
	for _, m := range ms {
		ext := m.name[strings.LastIndexByte(m.name, '.')+1:]
		if seen[ext] {
			continue
		}
		seen[ext] = true
		ct := "image/png"
		if ext == "jpeg" {
			ct = "image/jpeg"
		}
		fmt.Fprintf(&b, `<Default Extension="%s" ContentType="%s"/>`, ext, ct)
	}
	for _, o := range [][2]string{
		{"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
		{"/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, o[0], o[1])
	}
	for _, h := range hs {
		fmt.Fprintf(&b, `<Override PartName="/word/%s" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`, h.name)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

var packageRels = xmlDecl + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relDoc + `" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="` + relCore + `" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relApp + `" Target="docProps/app.xml"/>` +
	`</Relationships>`

func documentRels(ms []media, hs []header) string {
	var b strings.Builder
	b.WriteString(xmlDecl)
	b.WriteString(`<Relationships xmlns="` + nsRel + `">`)
	for _, r := range [][3]string{
		{"rIdStyles", relStyles, "styles.xml"},
		{"rIdSettings", relSettings, "settings.xml"},
		{"rIdFonts", relFonts, "fontTable.xml"},
	} {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, r[0], r[1], r[2])
	}
	for _, h := range hs {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, h.rid, relHeader, h.name)
	}
	for _, m := range ms {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="media/%s"/>`, m.rid, relImage, m.name)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// coreProps are the document properties: title, author (the enterprise), and the note that the
// file was generated and may have been edited.
func coreProps(d *templates.Dossier, created time.Time) string {
	stamp := created.UTC().Format("2006-01-02T15:04:05Z")
	status := "Bản Word để chỉnh sửa, không phải bản chính thức để nộp"
	if d.Variant == templates.Draft {
		status = "Bản nháp; " + strings.ToLower(status[:1]) + status[1:]
	}
	return xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(d.Title) + `</dc:title>` +
		`<dc:subject>` + esc(d.Subject) + `</dc:subject>` +
		`<dc:creator>` + esc(d.Author) + `</dc:creator>` +
		`<cp:keywords>khuyến công; hồ sơ; tạo tự động</cp:keywords>` +
		`<dc:description>` + esc(GeneratedNote(d)) + `</dc:description>` +
		`<cp:lastModifiedBy>` + esc(d.Creator) + `</cp:lastModifiedBy>` +
		`<dc:language>vi-VN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>` +
		`<cp:contentStatus>` + esc(status) + `</cp:contentStatus>` +
		`</cp:coreProperties>`
}

func appProps(d *templates.Dossier) string {
	return xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>` + esc(d.Creator) + `</Application><Company>` + esc(d.Author) + `</Company></Properties>`
}

// fonts is the run font of every style: Times New Roman for every script.
const fonts = `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`

// stylesXML holds the document's styles: body text in Times New Roman 13 pt, justified, the
// built-in headings (for the navigation pane and the table of contents), table text 12 pt.
// Line spacing follows the PDF's lines of 1,3 em (1,2 em in tables): Word's single ("auto" 240)
// line is the font's own height, about 1,15 em for Times New Roman, so 1,3 em is 240 × 1,3 / 1,15 ≈ 271.
var stylesXML = xmlDecl + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts + `<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:widowControl/><w:spacing w:after="120" w:line="271" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>` +
	`<w:rPr>` + fonts + `<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>` +
	heading(1, 28, `<w:b/><w:bCs/>`, `<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>`) +
	heading(2, 26, `<w:b/><w:bCs/>`, `<w:spacing w:before="180" w:after="80"/><w:jc w:val="left"/>`) +
	heading(3, 26, `<w:b/><w:bCs/><w:i/><w:iCs/>`, `<w:spacing w:before="80" w:after="60"/><w:jc w:val="left"/>`) +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="0" w:line="250" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact"><w:name w:val="Compact"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="567"/><w:jc w:val="left"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading2"/><w:next w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
	`<w:pPr><w:spacing w:before="60" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="000000"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="68" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="68" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
	`<w:tblPr><w:tblBorders>` + borders("single", 4) + `</w:tblBorders>` +
	`<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="68" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="68" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

// heading is the built-in style "heading N" in Times New Roman, black, kept with the next paragraph.
func heading(level, halfPoints int, run, para string) string {
	return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:keepLines/>%s<w:outlineLvl w:val="%d"/></w:pPr>`+
		`<w:rPr>%s%s<w:color w:val="000000"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`,
		level, level, para, level-1, fonts, run, halfPoints, halfPoints)
}

// borders is the six table borders (top, left, bottom, right, inside) of one kind.
func borders(kind string, size int) string {
	var b strings.Builder
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		if kind == "nil" {
			fmt.Fprintf(&b, `<w:%s w:val="nil"/>`, side)
			continue
		}
		fmt.Fprintf(&b, `<w:%s w:val="%s" w:sz="%d" w:space="0" w:color="000000"/>`, side, kind, size)
	}
	return b.String()
}

var settingsXML = xmlDecl + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

var fontTableXML = xmlDecl + `<w:fonts xmlns:w="` + nsW + `">` +
	`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

// headerXML is a header: the page number centred (numbered), or an empty paragraph; in a draft,
// "BẢN NHÁP" across the page behind the text.
func headerXML(h header, n int, draft bool) string {
	var b strings.Builder
	b.WriteString(xmlDecl)
	b.WriteString(`<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:v="` + nsV + `" xmlns:o="` + nsO + `">`)
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	if draft {
		// centred on the page by absolute position: LibreOffice misplaces "centre of the margin"
		// on a section's first page
		pw, ph, angle := 595.0, 842.0, "305"
		if h.landscape {
			pw, ph, angle = ph, pw, "325"
		}
		b.WriteString(strings.NewReplacer("{id}", fmt.Sprint(n), "{left}", fmt.Sprintf("%.0f", (pw-440)/2),
			"{top}", fmt.Sprintf("%.0f", (ph-110)/2), "{angle}", angle).Replace(watermark))
	}
	if h.numbered {
		b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	}
	b.WriteString(`</w:p></w:hdr>`)
	return b.String()
}

// watermark is the draft mark: red "BẢN NHÁP", translucent, across the middle of every page
// (a VML text path, the form Word itself uses for watermarks).
const watermark = `<w:r><w:pict>` +
	`<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
	`<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>` +
	`<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>` +
	`<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>` +
	`<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>` +
	`<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>` +
	`<v:shape id="BanNhap{id}" o:spid="_x0000_s{id}" type="#_x0000_t136" style="position:absolute;margin-left:{left}pt;margin-top:{top}pt;width:440pt;height:110pt;rotation:{angle};z-index:-251654144;mso-position-horizontal-relative:page;mso-position-vertical-relative:page" o:allowincell="f" fillcolor="#c80000" stroked="f">` +
	`<v:fill opacity=".22"/><v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt;font-weight:bold" string="BẢN NHÁP"/>` +
	`</v:shape></w:pict></w:r>`
