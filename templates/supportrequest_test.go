package templates

import (
	"strings"
	"testing"

	"khuyencong/forms"
)

// docByID finds a document of the dossier.
func docByID(d *Dossier, id string) (Document, bool) {
	for _, doc := range d.Documents {
		if doc.ID == id {
			return doc, true
		}
	}
	return Document{}, false
}

// The beneficiary's support request (TT 36/2013/TT-BCT Art. 10) is in the dossier, its table of
// contents and its checklist only when another unit implements the project; its text names both
// units, and it is signed by the beneficiary's representative.
func TestSupportRequestOnlyWithAnotherImplementingUnit(t *testing.T) {
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := forms.Sample(p)
			d := buildFinal(t, app)
			if _, ok := docByID(d, DocSupportRequest); ok {
				t.Fatal("a support request without another implementing unit")
			}
			if strings.Contains(dossierText(d), SupportRequestTitle) {
				t.Error("the dossier names a support request it does not hold")
			}

			const unit = "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp"
			app.Project.ImplementingUnit = unit
			app.Project.PartnerUnit = "Viện Cơ khí Năng lượng và Mỏ"
			d = buildFinal(t, app)
			doc, ok := docByID(d, DocSupportRequest)
			if !ok {
				t.Fatal("no support request although another unit implements the project")
			}
			text := dossierText(&Dossier{Documents: []Document{doc}})
			name := forms.Clean(app.Enterprise.Name)
			for _, want := range []string{
				"V/v đề nghị hỗ trợ thực hiện đề án khuyến công năm 2027",
				"- " + unit + ";", // Kính gửi
				"- Sở Công Thương",
				name + " (mã số thuế",
				"là đơn vị thụ hưởng đề án",
				"Đề án do " + unit + " là đơn vị thực hiện, Viện Cơ khí Năng lượng và Mỏ là đơn vị phối hợp",
				"kính đề nghị " + unit,
				app.Enterprise.Representative.NameWithHonorific(),
				forms.Clean(app.Signer.Name),
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the support request lacks %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "ông/bà") {
				t.Error("the support request says ông/bà although the gender is known")
			}
			// after the letter, in the table of contents and on the checklist with its page
			if d.Documents[1].ID != DocLetter || d.Documents[2].ID != DocSupportRequest {
				t.Errorf("documents in order %s, %s; want the request right after the letter", d.Documents[1].ID, d.Documents[2].ID)
			}
			inContents := false
			for _, bl := range d.Documents[0].Blocks {
				if bl.Contents != nil {
					for _, e := range bl.Contents.Entries {
						inContents = inContents || (e.DocumentID == DocSupportRequest && e.Title == SupportRequestTitle)
					}
				}
			}
			if !inContents {
				t.Error("the table of contents lacks the support request")
			}
			checklist, _ := docByID(d, DocChecklist)
			onList := false
			for _, bl := range checklist.Blocks {
				if bl.Table == nil {
					continue
				}
				for _, r := range bl.Table.Rows {
					if r.Cells[1].Text == SupportRequestTitle && r.Cells[2].PageRef == DocSupportRequest {
						onList = true
					}
				}
			}
			if !onList {
				t.Error("the checklist lacks the support request with its page")
			}
			letter, _ := docByID(d, DocLetter)
			if !strings.Contains(dossierText(&Dossier{Documents: []Document{letter}}), "- Văn bản đề nghị hỗ trợ của đơn vị thụ hưởng;") {
				t.Error("the letter's list of enclosed documents lacks the support request")
			}
		})
	}
}
