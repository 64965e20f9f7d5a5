package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"khuyencong/forms"
)

// TestLongestAnswersRender fills every free-text answer of each sample with the longest text a
// dossier file may hold (forms.MaxStringRunes) and writes the sheet: whatever `hoso check` accepts,
// the sheet writer must write (Excel holds 32.767 characters in a cell, and rows at most 409 pt).
func TestLongestAnswersRender(t *testing.T) {
	long := strings.Repeat("Máy tráng bánh tự động ", forms.MaxStringRunes/20)
	long = string([]rune(long)[:forms.MaxStringRunes])
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			app := forms.Sample(p)
			app.Enterprise.Name = long
			app.Signer.Name = long
			app.Signer.Title = long
			app.Project.Title = long
			for i := range app.Budget.Lines {
				app.Budget.Lines[i].Description = long
				app.Budget.Lines[i].Unit = long
				app.Budget.Lines[i].Note = long
			}
			if err := forms.CheckLimits(app); err != nil {
				t.Fatalf("the longest answers are refused: %v", err)
			}
			data, err := forms.MarshalApplication(app)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := forms.DecodeApplication(data); err != nil {
				t.Fatalf("the longest answers are not read back: %v", err)
			}
			rep := forms.Check(app, forms.DefaultPacks())
			var buf bytes.Buffer
			if err := Write(&buf, app, rep, Options{}); err != nil {
				t.Fatalf("a dossier within the limits does not render: %v", err)
			}
			f := open(t, buf.Bytes())
			for _, sh := range f.GetSheetList() {
				rows, err := f.GetRows(sh)
				if err != nil {
					t.Fatal(err)
				}
				for r, row := range rows {
					for c, v := range row {
						if n := utf8.RuneCountInString(v); n > forms.ExcelCellRunes {
							t.Errorf("%s row %d col %d holds %d characters", sh, r+1, c+1, n)
						}
					}
				}
			}
		})
	}
}
