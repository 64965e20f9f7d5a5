package xlsx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"khuyencong/forms"
)

var keepDir = flag.String("keep", "", "write the generated workbooks to this directory, to look at them")

// testNow is the fixed generation time of the sheets in tests.
var testNow = time.Date(2027, 1, 6, 9, 0, 0, 0, time.UTC)

// build returns the report and the workbook bytes of app.
func build(t testing.TB, app *forms.Application) (*forms.Report, []byte) {
	t.Helper()
	rep := forms.Check(app, forms.DefaultPacks())
	if rep.Budget == nil {
		t.Fatalf("forms.Check gave no budget for %s: %+v", app.Programme, rep.Problems)
	}
	var buf bytes.Buffer
	if err := Write(&buf, app, rep, Options{Now: testNow, AppVersion: "test"}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if *keepDir != "" {
		name := filepath.Join(*keepDir, string(app.Programme)+".xlsx")
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rep, buf.Bytes()
}

func TestWriteSamples(t *testing.T) {
	for _, p := range forms.Programmes() {
		t.Run(string(p), func(t *testing.T) {
			build(t, forms.Sample(p))
		})
	}
}
