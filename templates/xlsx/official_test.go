package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"khuyencong/forms"
)

// sheetText is every visible sheet's cells and the comments, as a reader of the file sees them.
func sheetText(t *testing.T, data []byte) string {
	t.Helper()
	f := open(t, data)
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(sh); !v {
			continue
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		cs, _ := f.GetComments(sh)
		for _, c := range cs {
			b.WriteString(c.Text + "\n")
			for _, p := range c.Paragraph {
				b.WriteString(p.Text)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// The final sheet of every sample carries none of the preparer's remarks; the draft keeps them.
func TestFinalSheetHasNoInternalNotes(t *testing.T) {
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := forms.Sample(p)
			rep := forms.Check(app, forms.DefaultPacks())
			write := func(draft bool) string {
				var buf bytes.Buffer
				if err := Write(&buf, app, rep, Options{Now: testNow, AppVersion: "test", Draft: draft}); err != nil {
					t.Fatal(err)
				}
				return sheetText(t, buf.Bytes())
			}
			final, draft := write(false), write(true)
			for _, phrase := range append([]string{rep.Budget.PackID + "@", "phiên bản " + rep.Budget.PackVersion, "hãy nhập lại bảng vào ứng dụng", "tự tính lại khi sửa bảng"}, forms.InternalPhrases...) {
				if strings.Contains(strings.ToLower(final), phrase) {
					t.Errorf("the final sheet prints %q", phrase)
				}
			}
			for _, want := range []string{"phiên bản " + rep.Budget.PackVersion, "chưa xác minh", "số dư lớn nhất"} {
				if !strings.Contains(draft, want) {
					t.Errorf("the draft sheet lost %q", want)
				}
			}
			if !strings.Contains(final, "Hỗ trợ") || !strings.Contains(final, "Thông tư") {
				t.Error("the final sheet lost its legal notes")
			}
		})
	}
}

// A cooperative's sheet is signed for the cooperative, like its letter.
func TestCooperativeSheetSignsForTheCooperative(t *testing.T) {
	app := forms.Sample(forms.CleanerProduction)
	_, data := build(t, app)
	if text := sheetText(t, data); !strings.Contains(text, "TM. HỢP TÁC XÃ\nCHỦ NHIỆM") {
		t.Error("the cooperative's sheet is not signed TM. HỢP TÁC XÃ / CHỦ NHIỆM")
	}
}
