package templates

import "khuyencong/forms"

// SupportRequestTitle is the support request's title in the table of contents and the checklist.
const SupportRequestTitle = "Văn bản đề nghị hỗ trợ của đơn vị thụ hưởng"

// SupportRequestBasis is the clause that asks for it, printed in the checklist's note.
const SupportRequestBasis = "Điều 10 Thông tư số 36/2013/TT-BCT"

// needsSupportRequest: when another unit than the beneficiary carries out the project, the
// dossier holds the beneficiary's written support request (TT 36/2013/TT-BCT Art. 10). The blank
// form, which names no implementing unit, has none.
func (b *builder) needsSupportRequest() bool {
	return !b.blank() && forms.Clean(b.app.Project.ImplementingUnit) != ""
}

// supportRequest is the beneficiary's letter to the implementing unit and the Department: what
// the project is, what it costs and asks, and that the beneficiary funds its share. It is signed
// by the beneficiary's representative, like the dossier's letter.
func (b *builder) supportRequest() (Document, error) {
	body, err := wording(b.app.Programme, "support-request", b.text, nil)
	if err != nil {
		return Document{}, err
	}
	abbr := forms.Clean(b.app.Enterprise.Abbreviation)
	if abbr == "" {
		abbr = "......"
	}
	blocks := []Block{
		b.issuerHeader("Số: ......./CV-"+abbr, "V/v đề nghị hỗ trợ thực hiện đề án khuyến công năm "+b.text.Year),
		Space(6),
		Para(Paragraph{Text: "Kính gửi:", Align: AlignCenter}),
		Para(Paragraph{Text: "- " + b.text.Units.Implementing + ";", Align: AlignCenter}),
		Para(Paragraph{Text: "- " + b.text.Recipient + ".", Align: AlignCenter}),
		Space(3),
	}
	blocks = append(blocks, body...)
	blocks = append(blocks, Space(2), b.signature([]string{"- Như trên;", "- Lưu: VT."}))
	return Document{ID: DocSupportRequest, Title: SupportRequestTitle, Orientation: Portrait, PageNumbers: true, Blocks: blocks}, nil
}
