package templates

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"khuyencong/forms"
)

// The national name and motto of every administrative document (ND 30/2020, Appendix I).
const (
	NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto        = "Độc lập - Tự do - Hạnh phúc"
)

// Document ids of the generated documents. Attachments get "att-<n>".
const (
	DocCover      = "cover"
	DocDraftNotes = "draft-notes"
	// DocPreparerNotes is the draft's last page: the remarks the final documents leave out.
	DocPreparerNotes = "preparer-notes"
	DocLetter        = "letter"
	// DocSupportRequest is the beneficiary's request, when another unit implements the project.
	DocSupportRequest = "support-request"
	DocProposal       = "proposal"
	DocBudget         = "budget"
	DocCommitment     = "commitment"
	DocRegistering    = "registration-form"
	DocProductDesc    = "product-description"
	DocChecklist      = "checklist"
)

// Options choose the variant and the fixed facts of a build.
type Options struct {
	Variant    Variant
	WordStyle  forms.WordStyle // how amounts are written in words
	Now        time.Time       // creation time written into the dossier; fixed for reproducible output
	AppVersion string          // e.g. "1.0.0"
	// BaseDir is the directory relative attachment paths start from (the dossier file's directory);
	// empty means the working directory.
	BaseDir string
}

// AppName is the name of the application, used as the PDF creator.
const AppName = "Hồ sơ Khuyến công"

// Build makes the document model of the dossier from an application and its report
// (forms.Check). Every amount comes from rep.Budget. A final dossier is refused while the report
// has blocking problems; print a draft instead. The blank form needs no report.
func Build(app *forms.Application, rep *forms.Report, opts Options) (*Dossier, error) {
	if app == nil {
		return nil, fmt.Errorf("không có hồ sơ để in")
	}
	if opts.Variant == "" {
		opts.Variant = Final
	}
	if _, ok := ParseVariant(string(opts.Variant)); !ok {
		return nil, fmt.Errorf("kiểu bản in %q không có: chọn final (bản chính thức), draft (bản nháp) hoặc blank (mẫu trống)", opts.Variant)
	}
	def := forms.Definition(app.Programme)
	if def == nil {
		return nil, fmt.Errorf("chương trình %q không có: chọn equipment, cleaner-production hoặc trade-fair", app.Programme)
	}
	var budget *forms.BudgetResult
	if opts.Variant != Blank {
		if rep == nil || rep.Budget == nil {
			return nil, fmt.Errorf("chưa tính được dự toán kinh phí của hồ sơ: kiểm tra lại bước Dự toán và gói quy định rồi in lại")
		}
		budget = rep.Budget
		if opts.Variant == Final && rep.Blocking() {
			return nil, blockingError(rep)
		}
	}
	b := &builder{app: app, rep: rep, budget: budget, opts: opts, def: def}
	b.text = newTextData(app, budget, opts, def)
	return b.build()
}

// blockingError lists the first blocking problems.
func blockingError(rep *forms.Report) error {
	var msgs []string
	n := 0
	for _, p := range rep.Problems {
		if p.Severity != forms.SeverityError {
			continue
		}
		n++
		if len(msgs) < 5 {
			msgs = append(msgs, "- "+p.Message)
		}
	}
	more := ""
	if n > len(msgs) {
		more = fmt.Sprintf("\n(và %d lỗi khác)", n-len(msgs))
	}
	return fmt.Errorf("hồ sơ còn %d lỗi phải sửa trước khi in bản chính thức; sửa các lỗi sau hoặc in bản nháp:\n%s%s",
		n, strings.Join(msgs, "\n"), more)
}

type builder struct {
	app      *forms.Application
	rep      *forms.Report
	budget   *forms.BudgetResult
	opts     Options
	def      *forms.ProgrammeDef
	text     textData
	warnings []string
	// attachment documents and how the checklist refers to them
	attDocs  []Document
	attState map[int]attachmentState // by index in app.Attachments
	photos   []Image
}

type attachmentState struct {
	docID    string // the document that prints it ("" when it is not printed)
	failText string // what the checklist says when it is not printed
}

func (b *builder) blank() bool { return b.opts.Variant == Blank }

// kind is the establishment's legal form, or "" in the blank form (which serves any form).
func (b *builder) kind() forms.EnterpriseKind {
	if b.blank() {
		return ""
	}
	return b.app.Enterprise.Kind
}

func (b *builder) build() (*Dossier, error) {
	app := b.app
	d := &Dossier{
		Title:   b.dossierTitle(),
		Subject: app.ProgrammeLabel(),
		Author:  forms.Clean(app.Enterprise.Name),
		Creator: strings.TrimSpace(AppName + " " + b.opts.AppVersion),
		Variant: b.opts.Variant,
		Created: b.opts.Now,
	}
	if b.blank() {
		d.Author = ""
	}
	b.prepareAttachments()

	var docs []Document
	add := func(doc Document, err error) error {
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		return nil
	}
	if b.opts.Variant == Draft {
		if doc, ok := b.draftNotes(); ok {
			docs = append(docs, doc)
		}
	}
	parts := []func() (Document, error){b.letter, b.proposal, b.budgetDoc, b.commitment}
	if b.needsSupportRequest() {
		parts = []func() (Document, error){b.letter, b.supportRequest, b.proposal, b.budgetDoc, b.commitment}
	}
	for _, f := range parts {
		if err := add(f()); err != nil {
			return nil, err
		}
	}
	if app.Programme == forms.TradeFair && app.Project.Selection.Enter {
		docs = append(docs, b.registrationForm(), b.productDescription())
	}
	docs = append(docs, b.checklist())
	docs = append(docs, b.attDocs...)
	if b.opts.Variant == Draft {
		if doc, ok := b.preparerNotes(); ok {
			docs = append(docs, doc)
		}
	}

	cover := b.cover(docs)
	d.Documents = append([]Document{cover}, docs...)
	d.Warnings = b.warnings
	return d, nil
}

func (b *builder) dossierTitle() string {
	year := b.text.Year
	return "Hồ sơ đề nghị hỗ trợ kinh phí khuyến công năm " + year
}

// prepareAttachments decides, for each attached file, how it is printed: a PDF merged page by
// page, an image on a page of its own, product photos inside the product description; and names
// what cannot be printed.
func (b *builder) prepareAttachments() {
	b.attState = map[int]attachmentState{}
	if b.blank() {
		return
	}
	photoIDs := map[string]bool{"product-photos": true}
	for _, id := range b.app.Project.Selection.Photos {
		photoIDs[id] = true
	}
	selection := b.app.Programme == forms.TradeFair && b.app.Project.Selection.Enter
	n := 0
	for i, a := range b.app.Attachments {
		if strings.TrimSpace(a.File) == "" {
			continue
		}
		title := b.attachmentTitleOf(a)
		path := a.File
		if !filepath.IsAbs(path) && b.opts.BaseDir != "" {
			path = filepath.Join(b.opts.BaseDir, path)
		}
		st, err := os.Stat(path)
		if err != nil || st.IsDir() {
			b.warnings = append(b.warnings, fmt.Sprintf("Không tìm thấy tệp %q của tài liệu \"%s\": đính kèm lại tệp hoặc nộp kèm bản giấy", a.File, title))
			b.attState[i] = attachmentState{failText: "Nộp kèm bản giấy (không tìm thấy tệp)"}
			continue
		}
		ext := strings.ToLower(filepath.Ext(path))
		isImage := ext == ".jpg" || ext == ".jpeg" || ext == ".png"
		if selection && photoIDs[a.ID] && isImage {
			b.photos = append(b.photos, Image{Path: path, Caption: fmt.Sprintf("Ảnh %d: %s", len(b.photos)+1, photoCaption(len(b.photos)))})
			b.attState[i] = attachmentState{docID: DocProductDesc, failText: "Nộp kèm bản giấy (ảnh không đọc được)"}
			continue
		}
		n++
		id := fmt.Sprintf("att-%d", n)
		doc := Document{ID: id, Title: fmt.Sprintf("Tài liệu kèm theo %d: %s", n, title), Orientation: Portrait}
		switch {
		case ext == ".pdf":
			doc.Blocks = []Block{{Kind: KindAttachedPDF, AttachedPDF: &AttachedPDF{Path: path, Title: title}}}
		case isImage:
			doc.Blocks = []Block{{Kind: KindImage, Image: &Image{Path: path, Caption: doc.Title, FullPage: true}}}
		default:
			b.warnings = append(b.warnings, fmt.Sprintf("Tệp %q của tài liệu \"%s\" không phải PDF, JPEG hay PNG nên không ghép được vào hồ sơ: in và nộp kèm bản giấy, hoặc đính kèm bản PDF", a.File, title))
			b.attState[i] = attachmentState{failText: "Nộp kèm bản giấy (định dạng tệp không ghép được)"}
			n--
			continue
		}
		b.attDocs = append(b.attDocs, doc)
		b.attState[i] = attachmentState{docID: id, failText: "Nộp kèm bản giấy (tệp không ghép được vào hồ sơ)"}
	}
}

func photoCaption(i int) string {
	switch i {
	case 0:
		return "chính diện"
	case 1:
		return "mặt bên"
	case 2:
		return "nhìn từ trên xuống"
	}
	return "ảnh bổ sung"
}

func (b *builder) attachmentTitleOf(a forms.Attachment) string {
	if t := forms.Clean(a.Title); t != "" {
		return t
	}
	if d, ok := b.def.Attachment(a.ID); ok {
		return d.Title
	}
	return a.ID
}

// cover is the first page: what the dossier is, whose, and its table of contents.
func (b *builder) cover(docs []Document) Document {
	t := b.text
	blocks := []Block{
		Para(Paragraph{Text: upper(t.E.Name), Align: AlignCenter, Bold: true}),
		Space(30),
		Para(Paragraph{Text: "HỒ SƠ", Align: AlignCenter, Bold: true, Size: 22}),
		Para(Paragraph{Text: "ĐỀ NGHỊ HỖ TRỢ KINH PHÍ KHUYẾN CÔNG NĂM " + t.Year, Align: AlignCenter, Bold: true, Size: 15}),
		Space(4),
		Para(Paragraph{Text: t.Programme, Align: AlignCenter, Bold: true}),
		Space(6),
		F("Tên đề án", t.Project.Title, 2),
		F("Cơ sở đề nghị hỗ trợ", t.E.Name, 1),
		F("Mã số thuế", t.E.TaxCode, 1),
		F("Nguồn kinh phí", t.Fund, 1),
		F("Nơi nhận hồ sơ", t.Recipient, 1),
		Space(6),
		H(2, "MỤC LỤC"),
	}
	var entries []ContentsEntry
	for _, d := range docs {
		e := ContentsEntry{Title: d.Title, DocumentID: d.ID}
		if strings.HasPrefix(d.ID, "att-") {
			e.FailText = "Nộp kèm bản giấy"
		}
		entries = append(entries, e)
	}
	blocks = append(blocks, Block{Kind: KindContents, Contents: &Contents{Entries: entries}})
	return Document{ID: DocCover, Title: "Bìa và mục lục", Orientation: Portrait, Blocks: blocks}
}

// draftNotes lists what is left to fix; it is printed only in a draft.
func (b *builder) draftNotes() (Document, bool) {
	if b.rep == nil {
		return Document{}, false
	}
	var rows []Row
	n := 0
	label := map[forms.Severity]string{forms.SeverityError: "Lỗi", forms.SeverityWarning: "Cảnh báo", forms.SeverityInfo: "Lưu ý"}
	for _, sev := range []forms.Severity{forms.SeverityError, forms.SeverityWarning} {
		for _, p := range b.rep.Problems {
			if p.Severity != sev {
				continue
			}
			n++
			rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(n)}, {Text: label[sev]}, {Text: p.Message}, {Text: p.Citation}}})
		}
	}
	for _, c := range b.rep.Eligibility {
		if c.Status == forms.CriterionMet {
			continue
		}
		n++
		rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(n)}, {Text: "Điều kiện"}, {Text: c.Label + ": " + c.Reason}, {Text: c.Citation}}})
	}
	if n == 0 {
		return Document{}, false
	}
	return Document{ID: DocDraftNotes, Title: "Những nội dung cần hoàn thiện (bản nháp)", Orientation: Portrait, PageNumbers: true,
		Blocks: []Block{
			H(1, "NHỮNG NỘI DUNG CẦN HOÀN THIỆN"),
			Para(Paragraph{Text: "(Trang này chỉ có trong bản nháp, không nộp kèm hồ sơ)", Align: AlignCenter, Italic: true}),
			Space(3),
			{Kind: KindTable, Table: &Table{
				Columns:      []Column{{12, AlignCenter}, {16, AlignCenter}, {80, AlignLeft}, {46, AlignLeft}},
				Header:       []Row{headerRow("STT", "Mức độ", "Nội dung", "Căn cứ")},
				Rows:         rows,
				RepeatHeader: true,
				Size:         11,
			}},
		}}, true
}

func headerRow(titles ...string) Row {
	r := Row{Kind: RowBody}
	for _, t := range titles {
		r.Cells = append(r.Cells, Cell{Text: t, Bold: true, Align: AlignCenter})
	}
	return r
}

// issuerHeader is the ND 30/2020 head of the enterprise's documents.
func (b *builder) issuerHeader(number, summary string) Block {
	return Block{Kind: KindIssuerHeader, IssuerHeader: &IssuerHeader{
		Issuer:       upper(b.text.E.Name),
		Number:       number,
		Summary:      summary,
		NationalName: NationalName,
		Motto:        Motto,
		PlaceDate:    b.placeDate(),
	}}
}

// nationalHeader is the national name and motto alone, centred (forms of the selection).
func (b *builder) nationalHeader() Block {
	return Block{Kind: KindIssuerHeader, IssuerHeader: &IssuerHeader{NationalName: NationalName, Motto: Motto}}
}

func (b *builder) placeDate() string {
	if b.blank() {
		return forms.PlaceDateLine("", forms.Date{})
	}
	return forms.PlaceDateLine(placeName(b.app), b.app.Letter.Date)
}

// signature is the signer's block: title in capitals (with "TM. <ORGANISATION>" for a
// cooperative or cooperative group), space to sign and seal, full name.
func (b *builder) signature(recipients []string) Block {
	titles := signatureTitles(b.app)
	name := b.text.E.Signer
	if b.blank() {
		titles = []string{dotsMid}
		name = ""
	}
	return Block{Kind: KindSignature, Signature: &SignatureBlock{
		Recipients: recipients,
		Titles:     titles,
		Note:       b.app.Enterprise.Kind.SignatureNote(),
		Space:      24,
		Name:       name,
	}}
}

func signatureTitles(app *forms.Application) []string {
	title := upper(signerTitle(app))
	if tm := app.Enterprise.Kind.SignatureAuthority(); tm != "" {
		return []string{tm, title}
	}
	return []string{title}
}

func (b *builder) letter() (Document, error) {
	number := "Số: " + forms.Clean(b.app.Letter.Number)
	if b.blank() || forms.Clean(b.app.Letter.Number) == "" {
		abbr := forms.Clean(b.app.Enterprise.Abbreviation)
		if b.blank() || abbr == "" {
			abbr = "......"
		}
		number = "Số: ......./CV-" + abbr
	}
	body, err := wording(b.app.Programme, "letter", b.text, nil)
	if err != nil {
		return Document{}, err
	}
	blocks := []Block{
		b.issuerHeader(number, "V/v đề nghị hỗ trợ kinh phí khuyến công năm "+b.text.Year),
		Space(6),
		Para(Paragraph{Text: "Kính gửi: " + b.text.Recipient, Align: AlignCenter}),
		Space(3),
	}
	blocks = append(blocks, body...)
	recipients := []string{"- Như trên;"}
	if !b.blank() {
		for _, c := range b.app.Letter.CopiesTo {
			if c = forms.Clean(c); c != "" {
				recipients = append(recipients, "- "+strings.TrimRight(c, ";.")+";")
			}
		}
	}
	recipients = append(recipients, "- Lưu: VT.")
	blocks = append(blocks, Space(2), b.signature(recipients))
	return Document{ID: DocLetter, Title: "Công văn đề nghị hỗ trợ kinh phí khuyến công", Orientation: Portrait, PageNumbers: true, Blocks: blocks}, nil
}

func (b *builder) commitment() (Document, error) {
	body, err := wording(b.app.Programme, "commitment", b.text, nil)
	if err != nil {
		return Document{}, err
	}
	blocks := []Block{b.issuerHeader("", ""), Space(8)}
	blocks = append(blocks, body...)
	blocks = append(blocks, Space(2), b.signature(nil))
	return Document{ID: DocCommitment, Title: "Bản cam kết", Orientation: Portrait, PageNumbers: true, Blocks: blocks}, nil
}

// checklist is the list of attachments with how each is provided.
func (b *builder) checklist() Document {
	var rows []Row
	items := forms.Checklist(b.app)
	n := 0
	if b.needsSupportRequest() {
		n++
		rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: "1"}, {Text: SupportRequestTitle},
			{Text: "Trong hồ sơ, trang {page}", PageRef: DocSupportRequest}, {Text: "Bắt buộc (" + SupportRequestBasis + ")"}}})
	}
	for _, it := range items {
		n++
		status := Cell{}
		note := ""
		if !b.blank() {
			switch it.Status {
			case forms.AttachmentFile:
				idx := b.attachmentIndex(it.Attachment)
				st := b.attState[idx]
				if st.docID == "" {
					status = Cell{Text: st.failText}
				} else if st.docID == DocProductDesc {
					status = Cell{Text: "In trong Bản mô tả sản phẩm, trang {page}", PageRef: st.docID, FailText: st.failText}
				} else {
					status = Cell{Text: "Đính kèm trong hồ sơ, trang {page}", PageRef: st.docID, FailText: st.failText}
				}
			case forms.AttachmentPaper:
				status = Cell{Text: "Nộp kèm bản giấy"}
			default:
				if it.Def.Required {
					status = Cell{Text: "Chưa có (bắt buộc)", Bold: true}
				} else {
					status = Cell{Text: "Không có"}
				}
			}
			if it.Attachment != nil {
				note = forms.Clean(it.Attachment.Note)
			}
		}
		req := ""
		if it.Def.Required {
			req = "Bắt buộc"
		}
		if note != "" {
			req = strings.TrimSpace(req + "; " + note)
			req = strings.TrimPrefix(req, "; ")
		}
		rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(n)}, {Text: attachmentTitle(b.kind(), it)}, status, {Text: req}}})
	}
	// attachments the applicant added that are not on the programme's list
	for i, a := range b.app.Attachments {
		if _, ok := b.def.Attachment(a.ID); ok || b.blank() {
			continue
		}
		n++
		status := Cell{Text: "Nộp kèm bản giấy"}
		if st, ok := b.attState[i]; ok {
			if st.docID != "" {
				status = Cell{Text: "Đính kèm trong hồ sơ, trang {page}", PageRef: st.docID, FailText: st.failText}
			} else {
				status = Cell{Text: st.failText}
			}
		} else if !a.Paper {
			status = Cell{Text: "Không có"}
		}
		rows = append(rows, Row{Kind: RowBody, Cells: []Cell{{Text: fmt.Sprint(n)}, {Text: b.attachmentTitleOf(a)}, status, {Text: forms.Clean(a.Note)}}})
	}
	return Document{ID: DocChecklist, Title: "Danh mục tài liệu kèm theo", Orientation: Portrait, PageNumbers: true,
		Blocks: []Block{
			H(1, "DANH MỤC TÀI LIỆU KÈM THEO HỒ SƠ"),
			Para(Paragraph{Text: "(Kèm theo Công văn đề nghị hỗ trợ kinh phí khuyến công năm " + b.text.Year + " của " + b.text.E.Name + ")", Align: AlignCenter, Italic: true}),
			Space(3),
			{Kind: KindTable, Table: &Table{
				Columns:      []Column{{12, AlignCenter}, {78, AlignLeft}, {42, AlignLeft}, {38, AlignLeft}},
				Header:       []Row{headerRow("STT", "Tài liệu", "Hình thức nộp", "Ghi chú")},
				Rows:         rows,
				RepeatHeader: true,
				Size:         12,
			}},
		}}
}

// attachmentIndex finds a (checklist) attachment's index in app.Attachments.
func (b *builder) attachmentIndex(a *forms.Attachment) int {
	for i := range b.app.Attachments {
		if &b.app.Attachments[i] == a {
			return i
		}
	}
	return -1
}
