package forms

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/format.md's examples from Sample")

// TestFormatDocExamples keeps the examples in docs/format.md identical to Sample's output, and each
// of them a valid dossier.
func TestFormatDocExamples(t *testing.T) {
	head, err := os.ReadFile("../docs/format.head.md")
	if err != nil {
		t.Fatal(err)
	}
	var doc bytes.Buffer
	doc.Write(head)
	for _, p := range Programmes() {
		data, err := MarshalApplication(Sample(p))
		if err != nil {
			t.Fatal(err)
		}
		doc.WriteString("\n### " + string(p) + " — " + p.Label() + "\n\n```json\n")
		doc.Write(data)
		doc.WriteString("```\n")
	}
	if *updateDocs {
		if err := os.WriteFile("../docs/format.md", doc.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, doc.Bytes()) {
		t.Fatal("docs/format.md is out of date: run go test ./forms -run FormatDoc -update-docs")
	}
	for _, block := range strings.Split(string(got), "```json\n")[1:] {
		js := block[:strings.Index(block, "```")]
		app, err := DecodeApplication([]byte(js))
		if err != nil {
			t.Fatal(err)
		}
		if Check(app, DefaultPacks()).Blocking() {
			t.Errorf("example %s does not pass the checks", app.Programme)
		}
	}
}
