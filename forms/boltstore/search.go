package boltstore

import "khuyencong/forms"

// Search and ordering are forms' (shared with the other stores).

func fold(s string) string { return forms.FoldSearch(s) }

type textMatcher struct{ m forms.TextMatcher }

func newTextMatcher(query string) textMatcher { return textMatcher{forms.NewTextMatcher(query)} }

func (t textMatcher) match(fields ...string) bool { return t.m.Match(fields...) }

func (t textMatcher) matchFolded(hay string) bool { return t.m.MatchFolded(hay) }

func vietnameseOrder(n int, name func(i int) string, less func(i, j int) bool) []int {
	return forms.VietnameseOrder(n, name, less)
}
