package boltstore

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// fold prepares text for a search that ignores case and Vietnamese diacritics:
// "Đồng Tháp" and "dong thap" fold to the same text.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'đ' || r == 'Đ' {
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// textMatcher matches records that contain every word of a query, folded.
type textMatcher struct{ words []string }

func newTextMatcher(query string) textMatcher {
	return textMatcher{words: strings.Fields(fold(query))}
}

func (m textMatcher) any() bool { return len(m.words) > 0 }

func (m textMatcher) match(fields ...string) bool {
	if len(m.words) == 0 {
		return true
	}
	hay := fold(strings.Join(fields, "\n"))
	for _, w := range m.words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// vietnameseOrder sorts n items by Vietnamese collation of name(i) (Đ after D, Ă and Â after A,
// tones after the base letter), then by less(i, j) for equal names.
func vietnameseOrder(n int, name func(i int) string, less func(i, j int) bool) []int {
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
