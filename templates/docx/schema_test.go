package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

// The child sequences of the ECMA-376 (transitional) WordprocessingML elements this writer uses,
// as the schema orders them (facts from wml.xsd: CT_PPrBase + CT_PPr, EG_RPrBase, CT_SectPr,
// CT_TblPrBase, CT_TcPrBase, CT_PBdr, CT_TblBorders, CT_TblCellMar, CT_Style). A child not listed
// is an error too, so a new element has to be placed here, in its schema position, first.
var schemaSequences = map[string][]string{
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
		"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
		"overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
		"spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
		"textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"},
	"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
		"shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
		"kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
		"rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"},
	"sectPr": {"headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
		"paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
		"textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
		"tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"},
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
		"textDirection", "tcFitText", "vAlign", "hideMark"},
	"pBdr":       {"top", "left", "bottom", "right", "between", "bar"},
	"tblBorders": {"top", "left", "bottom", "right", "insideH", "insideV"},
	"tblCellMar": {"top", "left", "bottom", "right"},
	"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
		"semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply",
		"rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"},
	"tbl": {"bookmarkStart", "bookmarkEnd", "tblPr", "tblGrid", "tr"},
	"tr":  {"tblPrEx", "trPr", "tc"},
	// CT_TrPrBase is a choice: any order, these members only
	"trPr": nil,
}

var trPrMembers = map[string]bool{"cnfStyle": true, "divId": true, "gridBefore": true, "gridAfter": true,
	"wBefore": true, "wAfter": true, "cantSplit": true, "trHeight": true, "tblHeader": true,
	"tblCellSpacing": true, "jc": true, "hidden": true}

// checkSequences walks a WordprocessingML part and reports every child out of its schema order or
// not in its parent's content model, every table cell without a paragraph, and a body whose last
// child is not its section properties.
func checkSequences(part string, data []byte) []string {
	type frame struct {
		name     string
		pos      int // index in the sequence of the last child seen
		children []string
	}
	var stack []*frame
	var problems []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if len(stack) > 0 && e.Name.Space == nsW {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, e.Name.Local)
				if seq, ok := schemaSequences[parent.name]; ok {
					if parent.name == "trPr" {
						if !trPrMembers[e.Name.Local] {
							problems = append(problems, fmt.Sprintf("%s: w:%s not allowed in w:trPr", part, e.Name.Local))
						}
					} else {
						i := indexOf(seq, e.Name.Local)
						switch {
						case i < 0:
							problems = append(problems, fmt.Sprintf("%s: w:%s not allowed in w:%s", part, e.Name.Local, parent.name))
						case i < parent.pos:
							problems = append(problems, fmt.Sprintf("%s: w:%s after w:%s in w:%s", part, e.Name.Local, seq[parent.pos], parent.name))
						default:
							parent.pos = i
						}
					}
				}
			}
			name := e.Name.Local
			if e.Name.Space != nsW {
				name = e.Name.Space + ":" + name // do not mistake a:ext for a WordprocessingML element
			}
			stack = append(stack, &frame{name: name})
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch f.name {
			case "tc":
				if indexOf(f.children, "p") < 0 || f.children[len(f.children)-1] != "p" {
					problems = append(problems, fmt.Sprintf("%s: a w:tc that does not end with a paragraph: %v", part, f.children))
				}
			case "p", "r":
				pr := map[string]string{"p": "pPr", "r": "rPr"}[f.name]
				if i := indexOf(f.children, pr); i > 0 {
					problems = append(problems, fmt.Sprintf("%s: w:%s not first in w:%s", part, pr, f.name))
				}
			case "body":
				if len(f.children) == 0 || f.children[len(f.children)-1] != "sectPr" {
					problems = append(problems, part+": the body does not end with w:sectPr")
				}
			}
		}
	}
	return problems
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// TestSchemaOrder checks every WordprocessingML part of every variant, with pictures, against the
// schema sequences above.
func TestSchemaOrder(t *testing.T) {
	apps := map[string]*forms.Application{"attached": attachedApp(t)}
	for _, p := range forms.Programmes() {
		apps[string(p)] = forms.Sample(p)
	}
	for name, app := range apps {
		for _, v := range []templates.Variant{templates.Final, templates.Draft, templates.Blank} {
			rep := forms.Check(app, forms.DefaultPacks())
			d, err := templates.Build(app, rep, templates.Options{Variant: v, Now: fixedNow})
			if err != nil {
				if v == templates.Final {
					t.Fatalf("%s: %v", name, err)
				}
				continue
			}
			for part, data := range parts(t, render(t, d, Options{})) {
				if !strings.HasPrefix(part, "word/") || !strings.HasSuffix(part, ".xml") {
					continue
				}
				for _, p := range checkSequences(part, data) {
					t.Errorf("%s %s: %s", name, v, p)
				}
			}
		}
	}
}

// TestSchemaCheckCatchesDisorder makes sure the check above can fail.
func TestSchemaCheckCatchesDisorder(t *testing.T) {
	bad := `<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:pPr><w:jc w:val="left"/><w:ind w:left="1"/></w:pPr></w:p>` +
		`<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl></w:body></w:document>`
	got := strings.Join(checkSequences("bad", []byte(bad)), "\n")
	for _, want := range []string{"w:ind after w:jc", "does not end with a paragraph", "does not end with w:sectPr"} {
		if !strings.Contains(got, want) {
			t.Errorf("the check missed %q; it said:\n%s", want, got)
		}
	}
}
