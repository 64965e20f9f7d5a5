package forms

import "strings"

// What an official document may print. Rule packs, budget notes and citations carry remarks for the
// person who prepares the dossier (a pack's id and version, "chưa xác minh", "mức cũ", the name of a
// rounding method). The final PDF and sheet leave them out; the app, `hoso check` and the draft
// show them. A legal note the officer needs ("hỗ trợ 50% chi phí theo khoản 4 Điều 8 Thông tư
// 28/2018/TT-BTC") stays.

// InternalPhrases are the marks of a remark meant for the preparer, not for the officer.
var InternalPhrases = []string{
	"chưa xác minh", "chưa được xác minh", "chưa đối chiếu", "chưa tìm thấy", "mức cũ",
	"phiên bản", "số dư lớn nhất", "gói quy định", "bộ quy tắc", "local@", "national@",
	"tỉnh chưa có gói riêng", "chưa nhập", "tạm lấy", "tạm dùng",
}

// IsInternal reports whether s holds a remark for the preparer.
func IsInternal(s string) bool {
	l := strings.ToLower(s)
	for _, p := range InternalPhrases {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// OfficialText removes from s every parenthesised remark meant for the preparer; ok is false when
// what is left still holds one, and s cannot be printed on official paper at all.
func OfficialText(s string) (string, bool) {
	var b strings.Builder
	for {
		open := strings.Index(s, "(")
		if open < 0 {
			b.WriteString(s)
			break
		}
		end := closingParen(s, open)
		if end < 0 {
			b.WriteString(s)
			break
		}
		group := s[open : end+1]
		if IsInternal(group) {
			b.WriteString(strings.TrimRight(s[:open], " "))
		} else {
			b.WriteString(s[:end+1])
		}
		s = s[end+1:]
	}
	out := strings.TrimSpace(b.String())
	return out, !IsInternal(out)
}

// closingParen finds the parenthesis that closes the one at open, or -1.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// OfficialNotes are the budget notes an official document prints, their preparer's remarks taken
// out: the rounding note (which names its method) and any note that is only a remark are left out.
func OfficialNotes(notes []BudgetNote) []BudgetNote {
	var out []BudgetNote
	for _, n := range notes {
		if n.Kind == "rounding" {
			continue
		}
		msg, ok := OfficialText(n.Message)
		if !ok {
			continue
		}
		cit, ok := OfficialText(n.Citation)
		if !ok {
			cit = ""
		}
		out = append(out, BudgetNote{Kind: n.Kind, Line: n.Line, Message: msg, Citation: cit})
	}
	return out
}

// OfficialCitation is the part of a list of legal documents ("A; B; C") that official paper may
// print: each item without its preparer's remarks, items that are only remarks left out.
func OfficialCitation(s string) string {
	var keep []string
	for _, part := range strings.Split(s, ";") {
		if t, ok := OfficialText(part); ok && t != "" {
			keep = append(keep, t)
		}
	}
	return strings.Join(keep, "; ")
}
