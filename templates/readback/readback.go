// Package readback reads a rendered dossier PDF back (poppler's pdftotext) and checks that what the officer reads is what forms computed.
package readback

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"khuyencong/forms"
	"khuyencong/templates"
	"khuyencong/templates/pdf"
)

// The letter, the đề án and the budget table each state the applicant and the money of the
// dossier. After a final render this package extracts the text of each of the three documents
// from the PDF and checks that the applicant's name and tax code, the total, the support, the
// counterpart and their amounts in words appear exactly as forms.ComputeBudget computed them,
// and that every "(Bằng chữ: …)" in them reads the amount written just before it. A mismatch is
// a bug of the renderer or the templates, never of the user's data.

// ErrNoPdftotext says poppler's pdftotext is not installed.
var ErrNoPdftotext = errors.New("không tìm thấy chương trình pdftotext (gói poppler-utils) để đọc lại PDF")

// Mismatch is one thing the PDF does not say as computed.
type Mismatch struct {
	Document string // the document id: letter, proposal, budget
	What     string // Vietnamese: what is missing or wrong
}

func (m Mismatch) String() string { return m.Document + ": " + m.What }

// Text says the mismatch for a person: the document's Vietnamese title, then what is wrong.
func (m Mismatch) Text() string {
	for _, c := range checked {
		if c.id == m.Document {
			return upperFirst(c.title) + ": " + m.What
		}
	}
	return m.String()
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// checked are the documents read back, with their titles for messages.
var checked = []struct{ id, title string }{
	{templates.DocLetter, "công văn"},
	{templates.DocProposal, "đề án"},
	{templates.DocBudget, "bảng dự toán"},
}

// Verify reads the PDF at path, whose documents sit at docs (export.Result.Documents), and
// returns what its letter, đề án and budget table do not say as b (the budget of app, computed
// by forms.ComputeBudget) and ws (the style of amounts in words) say. A document the PDF does not
// hold is a mismatch too.
func Verify(ctx context.Context, path string, docs []pdf.DocumentPage, app *forms.Application, b *forms.BudgetResult, ws forms.WordStyle) ([]Mismatch, error) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil, ErrNoPdftotext
	}
	var out []Mismatch
	for _, c := range checked {
		var page *pdf.DocumentPage
		for i := range docs {
			if docs[i].ID == c.id && docs[i].Start > 0 {
				page = &docs[i]
			}
		}
		if page == nil {
			out = append(out, Mismatch{c.id, "không có " + c.title + " trong tệp PDF"})
			continue
		}
		text, err := pageText(ctx, path, page.Start, page.Start+page.Pages-1)
		if err != nil {
			return nil, err
		}
		for _, what := range Compare(text, c.id, app, b, ws) {
			out = append(out, Mismatch{c.id, what})
		}
	}
	return out, nil
}

// pageText is the text of pages first..last of the PDF, white space collapsed to single spaces.
func pageText(ctx context.Context, path string, first, last int) (string, error) {
	cmd := exec.CommandContext(ctx, "pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), path, "-")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pdftotext không đọc được %s: %v %s", path, err, strings.TrimSpace(stderr.String()))
	}
	return normalise(stdout.String()), nil
}

func normalise(s string) string {
	return strings.Join(strings.Fields(forms.NFC(s)), " ")
}

// inWords matches an amount followed by its amount in words: "649.445.678 đồng (Bằng chữ: Sáu
// trăm … đồng)".
var inWords = regexp.MustCompile(`(\d{1,3}(?:\.\d{3})*) đồng\)?\.? ?\((?i:bằng chữ): ([^)]*)\)`)

// Compare checks the text of one document (white space collapsed) against the dossier: what is
// missing or wrong, in Vietnamese. The budget table does not print the tax code.
func Compare(text, docID string, app *forms.Application, b *forms.BudgetResult, ws forms.WordStyle) []string {
	var out []string
	text = normalise(text)
	need := func(what, s string) {
		if s != "" && !strings.Contains(text, normalise(s)) {
			out = append(out, fmt.Sprintf("không thấy %s \"%s\"", what, s))
		}
	}
	need("tên cơ sở", forms.Clean(app.Enterprise.Name))
	if docID != templates.DocBudget {
		need("mã số thuế", forms.NormaliseTaxCode(app.Enterprise.TaxCode))
	}
	for _, a := range []struct {
		what string
		m    forms.Money
	}{{"tổng kinh phí", b.Total}, {"kinh phí hỗ trợ", b.Support}, {"kinh phí đối ứng", b.Counterpart}} {
		need(a.what, a.m.String()+" đồng")
		need(a.what+" bằng chữ", forms.AmountInWords(a.m, ws))
	}
	// Every amount in words reads the amount before it.
	for _, m := range inWords.FindAllStringSubmatch(text, -1) {
		v, err := forms.ParseMoney(m[1])
		if err != nil {
			out = append(out, fmt.Sprintf("số tiền \"%s\" không đọc được", m[1]))
			continue
		}
		if want := forms.AmountInWords(v, ws); normalise(m[2]) != want {
			out = append(out, fmt.Sprintf("%s đồng ghi bằng chữ \"%s\", đúng phải là \"%s\"", m[1], m[2], want))
		}
	}
	return out
}
