package docx

import (
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// The beneficiary's support request reaches the Word file like every other document.
func TestSupportRequestInWord(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	const unit = "Trung tâm Khuyến công Thành phố Hồ Chí Minh"
	app.Project.ImplementingUnit = unit
	d, _ := build(t, app, templates.Final)
	doc := string(parts(t, render(t, d, Options{}))["word/document.xml"])
	for _, want := range []string{"V/v đề nghị hỗ trợ thực hiện đề án khuyến công năm 2027", "- " + unit + ";", "là đơn vị thụ hưởng đề án"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Word file lacks %q", want)
		}
	}
}
