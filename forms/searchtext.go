package forms

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// foldTable maps every rune below foldTableSize to its folded form: lower case, without
// diacritics, đ → d; -1 for a combining mark (dropped).
const foldTableSize = 0x1F00

var foldTable = buildFoldTable()

func buildFoldTable() []rune {
	t := make([]rune, foldTableSize)
	for r := range rune(foldTableSize) {
		if unicode.Is(unicode.Mn, r) {
			t[r] = -1
			continue
		}
		base := r
		if d := []rune(norm.NFD.String(string(r))); len(d) > 0 && !unicode.Is(unicode.Mn, d[0]) {
			base = d[0]
		}
		if base == 'đ' || base == 'Đ' {
			base = 'd'
		}
		t[r] = unicode.ToLower(base)
	}
	return t
}

// FoldSearch prepares text for a search that ignores case and Vietnamese diacritics:
// "Đồng Tháp" and "dong thap" fold to the same text. Decomposed (NFD) input folds the same.
func FoldSearch(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < foldTableSize:
			if f := foldTable[r]; f >= 0 {
				b.WriteRune(f)
			}
		case unicode.Is(unicode.Mn, r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// TextMatcher matches records that contain every word of a query, folded.
type TextMatcher struct{ words []string }

// NewTextMatcher matches the words of a search box's query.
func NewTextMatcher(query string) TextMatcher {
	return TextMatcher{words: strings.Fields(FoldSearch(query))}
}

// Match reports whether the fields together contain every word.
func (m TextMatcher) Match(fields ...string) bool {
	if len(m.words) == 0 {
		return true
	}
	return m.MatchFolded(FoldSearch(strings.Join(fields, "\n")))
}

// MatchFolded matches text already folded with FoldSearch.
func (m TextMatcher) MatchFolded(hay string) bool {
	for _, w := range m.words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// VietnameseOrder sorts n items by Vietnamese collation of name(i) (Đ after D, Ă and Â after A,
// tones after the base letter), then by less(i, j) for equal names.
func VietnameseOrder(n int, name func(i int) string, less func(i, j int) bool) []int {
	col := collate.New(language.Vietnamese)
	var buf collate.Buffer
	keys := make([][]byte, n)
	order := make([]int, n)
	for i := range n {
		keys[i] = col.KeyFromString(&buf, name(i))
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if c := bytes.Compare(keys[i], keys[j]); c != 0 {
			return c < 0
		}
		return less(i, j)
	})
	return order
}

// NameKeys are the Vietnamese collation keys of n names (compare them with bytes.Compare).
func NameKeys(n int, name func(i int) string) [][]byte {
	col := collate.New(language.Vietnamese)
	var buf collate.Buffer
	keys := make([][]byte, n)
	seen := map[string][]byte{}
	for i := range n {
		s := name(i)
		k, ok := seen[s]
		if !ok {
			k = append([]byte(nil), col.KeyFromString(&buf, s)...)
			seen[s] = k
		}
		keys[i] = k
	}
	return keys
}
