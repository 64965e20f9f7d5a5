package pdf

import (
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// The final PDF of every sample prints none of the preparer's remarks (rule pack id and version,
// unverified flags, old levels, the rounding method); the draft keeps them on its last page.
func TestFinalPDFHasNoInternalNotes(t *testing.T) {
	needTool(t, "pdftotext")
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := forms.Sample(p)
			finalPath, _, rep := renderApp(t, string(p)+"-final", app, templates.Final, Options{})
			draftPath, _, _ := renderApp(t, string(p)+"-draft", app, templates.Draft, Options{})
			final := strings.ToLower(flat(run(t, "pdftotext", "-raw", finalPath, "-")))
			draft := flat(run(t, "pdftotext", "-raw", draftPath, "-"))
			phrases := append([]string{strings.ToLower(rep.Budget.PackID + "@"), "phiên bản " + rep.Budget.PackVersion, "ghi chú cho người lập"}, forms.InternalPhrases...)
			for _, phrase := range phrases {
				if strings.Contains(final, phrase) {
					t.Errorf("the final PDF prints %q", phrase)
				}
			}
			for _, want := range []string{"GHI CHÚ CHO NGƯỜI LẬP", "phiên bản " + rep.Budget.PackVersion, "chưa xác minh", "số dư lớn nhất"} {
				if !strings.Contains(draft, want) {
					t.Errorf("the draft lost %q", want)
				}
			}
			// the legal note the officer needs stays
			if !strings.Contains(final, "hỗ trợ") || !strings.Contains(final, "thông tư") {
				t.Error("the final PDF lost its legal notes")
			}
		})
	}
}
