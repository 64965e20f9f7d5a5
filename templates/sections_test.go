package templates

import (
	"strconv"
	"strings"
	"testing"

	"khuyencong/forms"
)

// askedOnly copies from app only what its programme's wizard asks (every field of every visible
// step, the budget lines and the attachments): a dossier made in the app holds nothing else.
func askedOnly(t *testing.T, app *forms.Application) *forms.Application {
	t.Helper()
	out := &forms.Application{Programme: app.Programme, Budget: app.Budget, Attachments: app.Attachments}
	var copyField func(f forms.Field, path string)
	copyField = func(f forms.Field, path string) {
		if f.Kind == forms.FieldTable {
			for r := 0; r < forms.RowCount(app, path); r++ {
				if _, err := forms.AddRow(out, path); err != nil {
					t.Fatal(err)
				}
				for _, c := range f.Columns {
					copyField(c, path+"["+itoa(r)+"]."+c.Path)
				}
			}
			return
		}
		v, err := forms.GetField(app, path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := forms.SetField(out, path, v); err != nil {
			t.Fatalf("%s = %q: %v", path, v, err)
		}
	}
	def := forms.Definition(app.Programme)
	for _, s := range def.VisibleSteps(app) {
		for _, f := range s.Fields {
			if f.Applies(app) {
				copyField(f, f.Path)
			}
		}
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

// emptySections lists the headings of a document with nothing under them: a heading followed by a
// heading of the same or a higher level, or ending the document; and a lead-in line ending with
// ":" with nothing after it.
func emptySections(doc Document) []string {
	var out []string
	blocks := doc.Blocks
	for i, b := range blocks {
		var next *Block
		for j := i + 1; j < len(blocks); j++ {
			if blocks[j].Kind != KindSpace {
				next = &blocks[j]
				break
			}
		}
		ends := next == nil || next.Kind == KindSignature || next.Kind == KindPageBreak
		switch {
		case b.Kind == KindHeading && b.Heading.Level > 1:
			if ends || (next.Kind == KindHeading && next.Heading.Level <= b.Heading.Level) {
				out = append(out, doc.ID+": "+b.Heading.Text)
			}
		case b.Kind == KindParagraph && strings.HasSuffix(strings.TrimSpace(b.Paragraph.Text), ":"):
			if ends || next.Kind == KindHeading {
				out = append(out, doc.ID+": "+b.Paragraph.Text)
			}
		}
	}
	return out
}

// Every heading printed in a final document has something under it, for a dossier that holds only
// what the wizard asks.
func TestNoEmptySectionFromWhatTheWizardAsks(t *testing.T) {
	for _, p := range forms.Programmes() {
		for _, sel := range []bool{true, false} {
			sample := forms.Sample(p)
			sample.Project.Selection.Enter = sel && p == forms.TradeFair
			app := askedOnly(t, sample)
			rep := forms.Check(app, forms.DefaultPacks())
			if rep.Blocking() {
				t.Fatalf("%s: the dossier of asked answers does not pass the check: %+v", p, rep.Problems)
			}
			d, err := Build(app, rep, Options{Variant: Final, Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			for _, doc := range d.Documents {
				for _, e := range emptySections(doc) {
					t.Errorf("%s (selection %v): empty section %q", p, sel, e)
				}
			}
		}
	}
}

// The checker itself sees an empty section.
func TestEmptySectionsSeesAHeadingWithNothingUnder(t *testing.T) {
	doc := Document{ID: "x", Blocks: []Block{H(2, "I. A"), H(3, "1. B"), P("text"), H(3, "2. C"), H(2, "II. D"), P("Các công việc chính:")}}
	got := emptySections(doc)
	if len(got) != 2 || !strings.Contains(got[0], "2. C") || !strings.Contains(got[1], "Các công việc chính:") {
		t.Errorf("got %v", got)
	}
}

// The product-selection wording is printed only when the product is entered for the selection.
func TestSelectionWordingOnlyWhenEntered(t *testing.T) {
	for _, enter := range []bool{true, false} {
		app := forms.Sample(forms.TradeFair)
		app.Project.Selection.Enter = enter
		rep := forms.Check(app, forms.DefaultPacks())
		d, err := Build(app, rep, Options{Variant: Final, Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		text := dossierText(d)
		if got := strings.Contains(text, "bình chọn"); got != enter {
			t.Errorf("entered %v: the dossier speaks of the selection: %v", enter, got)
		}
	}
}

// dossierText is every text of the model, to search.
func dossierText(d *Dossier) string {
	var b strings.Builder
	b.WriteString(d.Title + "\n" + d.Subject + "\n")
	for _, doc := range d.Documents {
		b.WriteString(doc.Title + "\n")
		for _, bl := range doc.Blocks {
			switch {
			case bl.Heading != nil:
				b.WriteString(bl.Heading.Text)
			case bl.Paragraph != nil:
				b.WriteString(bl.Paragraph.Text)
			case bl.Field != nil:
				b.WriteString(bl.Field.Label + ": " + bl.Field.Value)
			case bl.Box != nil:
				b.WriteString(bl.Box.Label + ": " + bl.Box.Text)
			case bl.Table != nil:
				for _, r := range append(bl.Table.Header, bl.Table.Rows...) {
					for _, c := range r.Cells {
						b.WriteString(c.Text + " | ")
					}
					b.WriteString("\n")
				}
			case bl.Signature != nil:
				b.WriteString(strings.Join(bl.Signature.Titles, " ") + " " + bl.Signature.Note + " " + bl.Signature.Name + " " + strings.Join(bl.Signature.Recipients, " "))
			case bl.IssuerHeader != nil:
				b.WriteString(bl.IssuerHeader.Issuer + " " + bl.IssuerHeader.Summary + " " + bl.IssuerHeader.PlaceDate)
			case bl.Contents != nil:
				for _, e := range bl.Contents.Entries {
					b.WriteString(e.Title + "\n")
				}
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}
