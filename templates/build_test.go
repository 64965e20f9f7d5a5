package templates

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"khuyencong/forms"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedNow is the creation time of every dossier built in tests.
var fixedNow = time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)

func buildSample(t testing.TB, p forms.Programme, v Variant) (*forms.Application, *forms.Report, *Dossier) {
	t.Helper()
	app := forms.Sample(p)
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := Build(app, rep, Options{Variant: v, Now: fixedNow, AppVersion: "test"})
	if err != nil {
		t.Fatalf("Build(%s, %s): %v", p, v, err)
	}
	return app, rep, d
}

// TestGoldens compares the model of each programme's sample with testdata/<programme>.golden.json.
// Run with -update to rewrite them, and review the diff like code.
func TestGoldens(t *testing.T) {
	for _, p := range forms.Programmes() {
		for _, v := range []Variant{Final, Blank} {
			t.Run(string(p)+"-"+string(v), func(t *testing.T) {
				_, _, d := buildSample(t, p, v)
				got, err := json.MarshalIndent(d, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				name := string(p) + ".golden.json"
				if v != Final {
					name = string(p) + "-" + string(v) + ".golden.json"
				}
				path := filepath.Join("testdata", name)
				if *update {
					if err := os.MkdirAll("testdata", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./templates -run TestGoldens -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("the model of %s differs from %s; run with -update and review the diff", p, path)
				}
			})
		}
	}
}

// TestFinalRefusedWhenBlocking: a dossier with errors prints only as a draft.
func TestFinalRefusedWhenBlocking(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	app.Enterprise.TaxCode = "0100233480" // wrong check digit
	rep := forms.Check(app, forms.DefaultPacks())
	if !rep.Blocking() {
		t.Fatal("the broken sample has no blocking problem; pick another breakage")
	}
	if _, err := Build(app, rep, Options{Variant: Final, Now: fixedNow}); err == nil {
		t.Error("a final dossier was built despite blocking problems")
	}
	d, err := Build(app, rep, Options{Variant: Draft, Now: fixedNow})
	if err != nil {
		t.Fatalf("draft: %v", err)
	}
	if d.Documents[1].ID != DocDraftNotes {
		t.Errorf("the draft does not open with the list of what to fix (got %q)", d.Documents[1].ID)
	}
}

// TestAnswersAreNotMarkup: an answer whose lines look like template markup is printed as text.
func TestAnswersAreNotMarkup(t *testing.T) {
	app := forms.Sample(forms.Equipment)
	app.Project.Problem = "## không phải tiêu đề\n@machines\n- một ý"
	rep := forms.Check(app, forms.DefaultPacks())
	d, err := Build(app, rep, Options{Variant: Final, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, doc := range d.Documents {
		for _, b := range doc.Blocks {
			if b.Kind == KindHeading && b.Heading.Text == "không phải tiêu đề" {
				t.Error("an answer became a heading")
			}
			if b.Paragraph != nil {
				texts = append(texts, b.Paragraph.Text)
			}
		}
	}
	for _, want := range []string{"## không phải tiêu đề", "@machines", "- một ý"} {
		found := false
		for _, s := range texts {
			found = found || s == want
		}
		if !found {
			t.Errorf("the answer line %q is not a paragraph of its own", want)
		}
	}
}
