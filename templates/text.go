package templates

import (
	"bytes"
	"embed"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"khuyencong/forms"
)

// The wording of the letters and đề án lives in text templates, one set per programme
// (text/<programme>/*.tmpl) on top of a shared set (text/shared/*.tmpl): a programme's file may
// redefine any shared {{define}}. A wording change is a change of these files, not of Go code.
//
// The templates write a small line-based markup:
//
//	# text      a level-1 heading (document title)
//	## text     a section heading
//	### text    a sub-heading
//	= text      a centred italic line
//	^ text      a centred upright line
//	! text      a centred bold line (a document's summary under its title)
//	> text      an italic paragraph without indent
//	@name       a block built in Go (a table, a list) inserted here
//	text        body text; consecutive lines join into one paragraph, a blank line ends it;
//	            a line starting "- ", "+ ", "1. " or "a) " starts a new paragraph
//
// Answers reach the templates through escapedCopy, so an answer can never be read as markup.
//
//go:embed text
var textFS embed.FS

var (
	textMu    sync.Mutex
	textCache = map[forms.Programme]*template.Template{}
)

// programmeTemplates returns the parsed template set of a programme, parsing it once.
func programmeTemplates(p forms.Programme) (*template.Template, error) {
	textMu.Lock()
	defer textMu.Unlock()
	if t, ok := textCache[p]; ok {
		return t, nil
	}
	t := template.New("").Option("missingkey=error").Funcs(template.FuncMap{
		"lowerFirst":   lowerFirst,
		"sentence":     sentence,
		"sentenceCase": upperFirst,
		// punct gives the punctuation that closes item i of n items: ";" then "." for the last
		"punct": func(i, n int) string {
			if i == n-1 {
				return "."
			}
			return ";"
		},
	})
	var err error
	if t, err = t.ParseFS(textFS, "text/shared/*.tmpl"); err != nil {
		return nil, fmt.Errorf("mẫu văn bản dùng chung bị lỗi: %w", err)
	}
	if matches, _ := fsGlob("text/" + string(p) + "/*.tmpl"); len(matches) > 0 {
		if t, err = t.ParseFS(textFS, "text/"+string(p)+"/*.tmpl"); err != nil {
			return nil, fmt.Errorf("mẫu văn bản của chương trình %s bị lỗi: %w", p, err)
		}
	}
	textCache[p] = t
	return t, nil
}

func fsGlob(pattern string) ([]string, error) {
	entries, err := textFS.ReadDir(pattern[:strings.LastIndex(pattern, "/")])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmpl") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// wording executes the named template of the programme with data and turns its markup into
// blocks; inserts supplies the blocks of the @name lines.
func wording(p forms.Programme, name string, data textData, inserts map[string][]Block) ([]Block, error) {
	t, err := programmeTemplates(p)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, escapedCopy(data)); err != nil {
		return nil, fmt.Errorf("không tạo được nội dung %q từ mẫu văn bản: %w", name, err)
	}
	blocks, err := parseMarkup(buf.String(), inserts)
	if err != nil {
		return nil, err
	}
	if data.Blank { // dotted placeholders read badly when justified
		for _, b := range blocks {
			if b.Paragraph != nil && b.Paragraph.Align == AlignJustify {
				b.Paragraph.Align = AlignLeft
			}
		}
	}
	return blocks, nil
}

// parseMarkup turns the templates' line markup into blocks.
func parseMarkup(text string, inserts map[string][]Block) ([]Block, error) {
	var out []Block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, P(strings.Join(para, " ")))
			para = nil
		}
	}
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(line, escapeMark):
			para = append(para, strings.ReplaceAll(line, escapeMark, ""))
		case line == "":
			flush()
		case strings.HasPrefix(line, "### "):
			flush()
			out = append(out, H(3, strings.TrimSpace(line[4:])))
		case strings.HasPrefix(line, "## "):
			flush()
			out = append(out, H(2, strings.TrimSpace(line[3:])))
		case strings.HasPrefix(line, "# "):
			flush()
			out = append(out, H(1, strings.TrimSpace(line[2:])))
		case strings.HasPrefix(line, "! "):
			flush()
			out = append(out, Para(Paragraph{Text: strings.TrimSpace(line[2:]), Align: AlignCenter, Bold: true}))
		case strings.HasPrefix(line, "^ "):
			flush()
			out = append(out, Para(Paragraph{Text: strings.TrimSpace(line[2:]), Align: AlignCenter}))
		case strings.HasPrefix(line, "= "):
			flush()
			out = append(out, Para(Paragraph{Text: strings.TrimSpace(line[2:]), Align: AlignCenter, Italic: true}))
		case strings.HasPrefix(line, "> "):
			flush()
			out = append(out, Para(Paragraph{Text: strings.TrimSpace(line[2:]), Align: AlignJustify, Italic: true}))
		case strings.HasPrefix(line, "@"):
			flush()
			name := strings.TrimSpace(line[1:])
			blocks, ok := inserts[name]
			if !ok {
				return nil, fmt.Errorf("mẫu văn bản gọi khối %q mà chương trình không có", name)
			}
			out = append(out, blocks...)
		default:
			if startsItem(line) {
				flush()
			}
			para = append(para, strings.ReplaceAll(line, escapeMark, ""))
		}
	}
	flush()
	return out, nil
}

// startsItem reports whether a line begins a list item: "- ", "+ ", "1. ", "2) ", "a) ".
func startsItem(line string) bool {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "+ ") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < 3 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ' {
		return true
	}
	return len(line) > 3 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')' && line[2] == ' '
}

// escapeMark starts an answer's line that would otherwise read as markup; parseMarkup removes it.
const escapeMark = "\uE000"

// escapeAnswer prepares a typed answer for the templates: one paragraph per line of the answer,
// and escapeMark before a line that would otherwise read as markup.
func escapeAnswer(s string) string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(forms.NFC(s), escapeMark, ""), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.ContainsAny(line[:1], "#=^!>@+-0123456789") || (len(line) > 1 && line[1] == ')') {
			line = escapeMark + line
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n\n")
}

// escapedCopy returns a copy of the template data with every string passed through escapeAnswer.
func escapedCopy(d textData) textData {
	v := reflect.ValueOf(&d).Elem()
	escapeValue(v)
	return d
}

func escapeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(escapeAnswer(v.String()))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			escapeValue(v.Field(i))
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := 0; i < c.Len(); i++ {
			escapeValue(c.Index(i))
		}
		v.Set(c)
	}
}

// lowerFirst lower-cases the first letter, to use a label inside a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// sentence ends a text with a full stop unless it already ends with punctuation.
func sentence(s string) string {
	t := strings.TrimRight(s, " ")
	if last, _ := utf8.DecodeLastRuneInString(t); t == "" || strings.ContainsRune(".!?;:…", last) {
		return t
	}
	return t + "."
}
