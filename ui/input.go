package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// One input discipline for every field: what the user sees is what is stored. A text that does not
// pass its check (forms validators) is kept here with its message, shown under the field; the
// stored answer is then empty (or, for plain text, the text itself), so that no stale value
// counts anywhere, the step loses its tick and the final dossier is refused until it is fixed.

// badInput is one field whose typed text is not valid.
type badInput struct {
	text string // as typed, shown again when the step is redrawn
	msg  string
}

// badInputs maps a field path to its invalid text, for one open dossier or profile.
type badInputs map[string]badInput

// paths returns the invalid paths in order.
func (b badInputs) paths() []string {
	out := make([]string, 0, len(b))
	for p := range b {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// under reports whether a path at or below prefix is invalid.
func (b badInputs) under(prefix string) bool {
	for p := range b {
		if hasPrefixPath(p, prefix) {
			return true
		}
	}
	return false
}

// reindex renumbers the rows of a table after a move or removal: f maps an old row index to
// the new one, or to -1 when the row is gone.
func (b badInputs) reindex(table string, f func(int) int) {
	moved := badInputs{}
	for p, v := range b {
		if !strings.HasPrefix(p, table+"[") {
			continue
		}
		rest := p[len(table)+1:]
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			continue
		}
		old := atoiOr(rest[:end], -1)
		delete(b, p)
		if n := f(old); n >= 0 {
			moved[table+"["+itoa(n)+"]"+rest[end+1:]] = v
		}
	}
	for p, v := range moved {
		b[p] = v
	}
}

func atoiOr(s string, def int) int {
	n := 0
	if s == "" {
		return def
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return def
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

// newFieldMessage is the one-line message under an input, hidden while the input is valid.
func newFieldMessage() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	return l
}

// showFieldMessage shows msg under a field, or hides the label when msg is empty.
func showFieldMessage(l *widget.Label, msg string) {
	if l == nil {
		return
	}
	if msg == "" {
		if l.Visible() {
			l.Hide()
		}
		return
	}
	if l.Text != msg {
		l.SetText(msg)
	}
	if !l.Visible() {
		l.Show()
	}
}

// storeTyped checks text and stores it at path; it returns the message to show, "" when valid.
// An invalid text is remembered in bad; the stored answer is then the text itself when keepText
// (a plain text field: a tax code being typed), else empty (a number, an amount, a date).
func storeTyped(app *forms.Application, bad badInputs, path, text string, check func(string) error, keepText bool) string {
	var err error
	if check != nil && strings.TrimSpace(text) != "" {
		err = check(text)
	}
	if err == nil {
		err = forms.SetField(app, path, text)
	}
	if err == nil {
		err = forms.DateOrderError(app, path)
	}
	if err == nil {
		delete(bad, path)
		return ""
	}
	if !keepText || forms.SetField(app, path, text) != nil {
		_ = forms.SetField(app, path, "")
	}
	shown := trMessage(err.Error())
	if en := forms.EnglishOf(err); lang == langEN && en != "" {
		shown = en // written in English by the check itself
	}
	msg := capitalize(strings.TrimSpace(shown))
	bad[path] = badInput{text: text, msg: msg}
	return msg
}

// capitalize writes the first letter of a message in upper case.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// trMessage gives a check's message in the interface language. The checks in forms speak
// Vietnamese; in English mode their fixed phrases are replaced by the English ones and the values
// they quote are kept.
func trMessage(msg string) string {
	if lang != langEN {
		return msg
	}
	for _, p := range messagePhrases {
		msg = strings.ReplaceAll(msg, p[0], p[1])
	}
	return msg
}

// swapIndex maps row i to j and j to i (a move by one).
func swapIndex(i, j int) func(int) int {
	return func(k int) int {
		switch k {
		case i:
			return j
		case j:
			return i
		}
		return k
	}
}

// removedIndex maps the rows after a removed row i one up, and i to nothing.
func removedIndex(i int) func(int) int {
	return func(k int) int {
		switch {
		case k == i:
			return -1
		case k > i:
			return k - 1
		}
		return k
	}
}

// insertedIndex maps the rows from i on one down, to make room for a row put back at i.
func insertedIndex(i int) func(int) int {
	return func(k int) int {
		if k >= i {
			return k + 1
		}
		return k
	}
}

// take removes and returns the invalid texts at or below prefix (a row being deleted).
func (b badInputs) take(prefix string) badInputs {
	out := badInputs{}
	for p, v := range b {
		if hasPrefixPath(p, prefix) {
			out[p] = v
			delete(b, p)
		}
	}
	return out
}

// put adds invalid texts back (a deleted row restored).
func (b badInputs) put(o badInputs) {
	for p, v := range o {
		b[p] = v
	}
}
