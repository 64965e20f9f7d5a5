package templates

import (
	"fmt"
	"strings"

	"khuyencong/forms"
)

// preparerNotes is the draft's last page, "Ghi chú cho người lập": what the final documents leave
// out because it is meant for the person who prepares the dossier, not for the officer: the rule
// pack used (id, version), its remarks, the budget notes in full with their unverified flags, the
// rounding method, and the eligibility criteria whose legal basis is not verified.
func (b *builder) preparerNotes() (Document, bool) {
	if b.budget == nil {
		return Document{}, false
	}
	var blocks []Block
	add := func(text string) {
		blocks = append(blocks, Para(Paragraph{Text: "- " + strings.TrimRight(forms.Clean(text), ".") + ".", Align: AlignJustify, Indent: true, Size: 12}))
	}
	res := b.budget
	blocks = append(blocks, H(1, "GHI CHÚ CHO NGƯỜI LẬP"),
		Para(Paragraph{Text: "(Trang này chỉ có trong bản nháp, không nộp kèm hồ sơ)", Align: AlignCenter, Italic: true}),
		Space(3), H(3, "Gói quy định dùng để tính dự toán"))
	if res.PackTitle != "" {
		add(fmt.Sprintf("%s (mã %s, phiên bản %s)", res.PackTitle, res.PackID, res.PackVersion))
	}
	if b.rep != nil && b.rep.Pack != nil {
		if c := forms.Clean(b.rep.Pack.Citation); c != "" {
			add("Căn cứ của gói: " + c)
		}
		if n := forms.Clean(b.rep.Pack.Notes); n != "" {
			add(n)
		}
	}
	if len(res.Notes) > 0 {
		blocks = append(blocks, H(3, "Ghi chú của phần tính dự toán"))
		for _, n := range res.Notes {
			text := strings.TrimRight(forms.Clean(n.Message), ".")
			if n.Citation != "" && !strings.Contains(text, forms.Clean(n.Citation)) {
				text += " (Căn cứ: " + forms.Clean(n.Citation) + ")"
			}
			if n.Unverified {
				text += " [căn cứ chưa xác minh với văn bản gốc]"
			}
			add(text)
		}
	}
	if b.rep != nil {
		var unv []string
		for _, c := range b.rep.Eligibility {
			if c.Unverified {
				unv = append(unv, c.Label+": "+c.Citation+" [chưa xác minh]")
			}
		}
		if len(unv) > 0 {
			blocks = append(blocks, H(3, "Điều kiện có căn cứ chưa xác minh"))
			for _, u := range unv {
				add(u)
			}
		}
	}
	return Document{ID: DocPreparerNotes, Title: "Ghi chú cho người lập (bản nháp)", Orientation: Portrait, PageNumbers: true, Blocks: blocks}, true
}
