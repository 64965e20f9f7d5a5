package xlsx

import "github.com/xuri/excelize/v2"

// fontFamily is the font of the whole workbook: ND 30/2020 asks for Times New Roman; LibreOffice
// substitutes the metric-compatible Liberation Serif where it is missing.
const fontFamily = "Times New Roman"

// Font sizes in points.
const (
	sizeTitle = 14
	sizeBody  = 12
	sizeSmall = 11
)

// styles holds the style ids of the workbook.
type styles struct {
	title, subtitle, info, infoRight                     int
	header, colNumber                                    int
	groupNumber, groupText, groupMoney                   int
	lineNumber, lineText, lineUnit, lineQty, lineMoneyIn int
	lineMoney, lineNote                                  int
	totalText, totalMoney, totalBlank                    int
	words, wordsNote, checkLabel, checkValue             int
	noteHead, note, signTitle, signName, signItalic      int
	anchor, percent, percentBold                         int
	dxfWholeQty, dxfBad, dxfGood                         int
}

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Italic: italic, Color: "000000"}
	}
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	money, qty, pct := fmtMoney, fmtQuantity, fmtPercent
	add := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	add(&s.title, &excelize.Style{Font: font(sizeTitle, true, false), Alignment: align("center", true), Protection: locked})
	add(&s.subtitle, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("center", true), Protection: locked})
	add(&s.info, &excelize.Style{Font: font(sizeBody, false, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Protection: locked})
	add(&s.infoRight, &excelize.Style{Font: font(sizeBody, false, true), Alignment: align("right", false), Protection: locked})
	add(&s.header, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("center", true), Border: border, Protection: locked,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}})
	add(&s.colNumber, &excelize.Style{Font: font(sizeSmall, false, true), Alignment: align("center", true), Border: border, Protection: locked})
	add(&s.groupNumber, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("center", false), Border: border, Protection: locked})
	add(&s.groupText, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("left", true), Border: border, Protection: locked})
	add(&s.groupMoney, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("right", false), Border: border, Protection: locked, CustomNumFmt: &money})
	add(&s.lineNumber, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("center", false), Border: border, Protection: locked})
	add(&s.lineText, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("left", true), Border: border, Protection: unlocked})
	add(&s.lineUnit, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("center", true), Border: border, Protection: unlocked})
	add(&s.lineQty, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("right", false), Border: border, Protection: unlocked, CustomNumFmt: &qty})
	add(&s.lineMoneyIn, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("right", false), Border: border, Protection: unlocked, CustomNumFmt: &money})
	add(&s.lineMoney, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("right", false), Border: border, Protection: locked, CustomNumFmt: &money})
	add(&s.lineNote, &excelize.Style{Font: font(sizeSmall, false, false), Alignment: align("left", true), Border: border, Protection: unlocked})
	add(&s.totalText, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("center", false), Border: border, Protection: locked})
	add(&s.totalMoney, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("right", false), Border: border, Protection: locked, CustomNumFmt: &money})
	add(&s.totalBlank, &excelize.Style{Font: font(sizeBody, true, false), Border: border, Protection: locked})
	add(&s.words, &excelize.Style{Font: font(sizeBody, false, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Protection: locked})
	add(&s.wordsNote, &excelize.Style{Font: font(sizeSmall, false, true), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Protection: locked})
	add(&s.checkLabel, &excelize.Style{Font: font(sizeSmall, false, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}, Protection: locked})
	add(&s.checkValue, &excelize.Style{Font: font(sizeSmall, true, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}, Protection: locked})
	add(&s.noteHead, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("left", false), Protection: locked})
	add(&s.note, &excelize.Style{Font: font(sizeSmall, false, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Protection: locked})
	add(&s.signTitle, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("center", true), Protection: locked})
	add(&s.signName, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("center", false), Protection: locked})
	add(&s.signItalic, &excelize.Style{Font: font(sizeBody, false, true), Alignment: align("center", true), Protection: locked})
	add(&s.anchor, &excelize.Style{Font: font(sizeSmall, false, false), Protection: locked})
	add(&s.percent, &excelize.Style{Font: font(sizeBody, false, false), Alignment: align("right", false), Border: border, Protection: locked, CustomNumFmt: &pct})
	add(&s.percentBold, &excelize.Style{Font: font(sizeBody, true, false), Alignment: align("right", false), Border: border, Protection: locked, CustomNumFmt: &pct})
	if err != nil {
		return nil, err
	}
	whole := fmtWholeQuantity
	if s.dxfWholeQty, err = f.NewConditionalStyle(&excelize.Style{CustomNumFmt: &whole}); err != nil {
		return nil, err
	}
	if s.dxfBad, err = f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "C00000", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FDE9E7"}}}); err != nil {
		return nil, err
	}
	if s.dxfGood, err = f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "006100"}}); err != nil {
		return nil, err
	}
	return &s, nil
}
