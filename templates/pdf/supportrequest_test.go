package pdf

import (
	"fmt"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// documentPages finds where a document sits in the rendered PDF.
func documentPages(t *testing.T, res Result, id string) DocumentPage {
	t.Helper()
	for _, d := range res.Documents {
		if d.ID == id && d.Start > 0 {
			return d
		}
	}
	t.Fatalf("the PDF has no document %q: %+v", id, res.Documents)
	return DocumentPage{}
}

// documentText is the text of a document's pages, as pdftotext reads it, spaces collapsed.
func documentText(t *testing.T, path string, d DocumentPage) string {
	t.Helper()
	return flat(run(t, "pdftotext", "-f", fmt.Sprint(d.Start), "-l", fmt.Sprint(d.Start+d.Pages-1), "-raw", path, "-"))
}

// The beneficiary's support request is printed when a consultant implements the project: it
// names both units, the checklist points to its page, and the table of contents lists it.
func TestSupportRequestPrinted(t *testing.T) {
	needTool(t, "pdftotext")
	app := forms.Sample(forms.CleanerProduction)
	const unit = "Công ty TNHH Tư vấn Môi trường Xanh"
	app.Project.ImplementingUnit = unit
	path, res, _ := renderApp(t, "support-request", app, templates.Final, Options{})
	req := documentPages(t, res, templates.DocSupportRequest)
	text := documentText(t, path, req)
	for _, want := range []string{"Kính gửi:", "- " + unit + ";", "là đơn vị thụ hưởng đề án", "Đề án do " + unit + " là đơn vị thực hiện",
		forms.Clean(app.Enterprise.Name), "TM. HỢP TÁC XÃ", forms.Clean(app.Signer.Name), "Nơi nhận:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed support request lacks %q:\n%s", want, text)
		}
	}
	checklist := documentText(t, path, documentPages(t, res, templates.DocChecklist))
	if want := fmt.Sprintf("%s Trong hồ sơ, trang %d", templates.SupportRequestTitle, req.Start); !strings.Contains(checklist, want) {
		t.Errorf("the checklist does not say %q:\n%s", want, checklist)
	}
	if cover := documentText(t, path, documentPages(t, res, templates.DocCover)); !strings.Contains(cover, templates.SupportRequestTitle) {
		t.Errorf("the table of contents lacks the support request:\n%s", cover)
	}
	// and without another implementing unit there is none
	_, res, _ = renderApp(t, "no-support-request", forms.Sample(forms.CleanerProduction), templates.Final, Options{})
	for _, d := range res.Documents {
		if d.ID == templates.DocSupportRequest {
			t.Error("a support request without another implementing unit")
		}
	}
}

// A household business's budget document is signed by its head alone, seal if any.
func TestHouseholdBudgetDocumentSignedByItsHead(t *testing.T) {
	needTool(t, "pdftotext")
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Kind = forms.KindHousehold
	app.Enterprise.TaxCode = "079083001234"
	app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 0, 0, 0
	app.Signer.Title = "Giám đốc" // typed out of habit: a household has no director
	path, res, _ := renderApp(t, "household", app, templates.Final, Options{})
	text := documentText(t, path, documentPages(t, res, templates.DocBudget))
	for _, want := range []string{"CHỦ HỘ KINH DOANH", "(Ký, ghi rõ họ tên, đóng dấu nếu có)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the household's budget document lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"NGƯỜI LẬP BIỂU", "KẾ TOÁN", "GIÁM ĐỐC", "(Ký, ghi rõ họ tên và đóng dấu)"} {
		if strings.Contains(text, bad) {
			t.Errorf("the household's budget document prints %q", bad)
		}
	}
}
