package forms

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// englishCases are the dossiers whose messages TestEnglishMessages reads: every sample, every
// dossier of the review corpus, and samples broken so that the validation, eligibility, budget
// and rule-pack messages are raised too.
func englishCases(t *testing.T) map[string]*Application {
	t.Helper()
	out := map[string]*Application{}
	files, err := filepath.Glob(filepath.Join(reviewDir, "*.hoso.json"))
	if err != nil || len(files) < 40 {
		t.Fatalf("review corpus: %d files, %v", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		app, err := DecodeApplication(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[filepath.Base(f)] = app
	}
	for _, p := range Programmes() {
		out["sample "+string(p)] = Sample(p)
		out["empty "+string(p)] = &Application{Programme: p, Year: 2027}
		broken := Sample(p)
		broken.Budget.Lines = append(broken.Budget.Lines,
			BudgetLine{CostType: "no-such-cost", Description: "Chi phí lạ", Quantity: 100, UnitPrice: 5_000_000},
			BudgetLine{CostType: broken.Budget.Lines[0].CostType, Description: "Dòng rất lớn", Unit: "bộ", Quantity: 100, UnitPrice: 90_000_000_000},
			BudgetLine{CostType: broken.Budget.Lines[0].CostType},
		)
		broken.Enterprise.Kind = KindEnterprise
		broken.Enterprise.Industry = "99"
		broken.Enterprise.InsuredEmployees, broken.Enterprise.Employees = 500, 20
		broken.Enterprise.Revenue, broken.Enterprise.Capital = 900*billion, 900*billion
		broken.Commitments = Commitments{}
		for i := range broken.Project.Machines {
			broken.Project.Machines[i].New = false
		}
		broken.Project.PriorSupportThisYear = 10 * billion
		broken.Attachments = append(broken.Attachments, Attachment{ID: "no-such-attachment"})
		broken.Enterprise.Phone = "12ab"
		broken.Enterprise.Email = "ten @congty"
		broken.Enterprise.TaxCode = "0100109107"
		broken.Enterprise.Representative.IDNumber = "123456789"
		out["broken "+string(p)] = broken
		local := Sample(p)
		local.Fund = Fund{Kind: FundLocal, Province: "01"}
		local.Enterprise.Address.Province = "79"
		out["local "+string(p)] = local
		unknown := Sample(p)
		unknown.RulePack = "no-such-pack"
		out["unknown pack "+string(p)] = unknown
	}
	return out
}

// vietnamese reports whether s holds a Vietnamese letter with a diacritic (or đ).
func vietnamese(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// names are the texts an English message may quote as they are: every string of the dossier (the
// user's text), the rule packs' strings (titles, citations) and the provinces' names.
func names(t *testing.T, app *Application, packs []*RulePack) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if x != "" {
				out = append(out, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, v := range []any{app, packs} {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var tree any
		if err := json.Unmarshal(data, &tree); err != nil {
			t.Fatal(err)
		}
		walk(tree)
	}
	for _, p := range Provinces() {
		out = append(out, p.FullName())
		out = append(out, p.Formerly...)
	}
	out = append(out, "Thừa Thiên Huế", FromTCVN3("Coâng ty"))
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// withoutNames removes quoted text and the names from s.
func withoutNames(s string, names []string) string {
	for _, q := range [][2]string{{"\"", "\""}, {"“", "”"}} {
		for {
			i := strings.Index(s, q[0])
			if i < 0 {
				break
			}
			j := strings.Index(s[i+len(q[0]):], q[1])
			if j < 0 {
				break
			}
			s = s[:i] + s[i+len(q[0])+j+len(q[1]):]
		}
	}
	for _, n := range names {
		s = strings.ReplaceAll(s, n, "")
	}
	return s
}

// TestEnglishMessages: every problem, criterion and budget note has an English text, and that text
// has no Vietnamese word once the names and the user's quoted text are taken out.
func TestEnglishMessages(t *testing.T) {
	cases := englishCases(t)
	overridden := DefaultPacks()
	for _, p := range overridden {
		p.Override = true
	}
	seen := map[string]int{}
	for name, app := range cases {
		for _, packs := range [][]*RulePack{DefaultPacks(), overridden, nil} {
			rep := Check(app, packs)
			ns := names(t, app, DefaultPacks())
			check := func(what, vi, en string) {
				t.Helper()
				if en == "" {
					t.Errorf("%s: %s has no English text: %s", name, what, vi)
					return
				}
				if rest := withoutNames(en, ns); vietnamese(rest) {
					t.Errorf("%s: %s: English text has Vietnamese words: %q (left after names: %q)", name, what, en, rest)
				}
			}
			for _, p := range rep.Problems {
				seen[p.Code]++
				check("problem "+p.Code+" at "+p.Path, p.Message, p.MessageEN)
			}
			for _, c := range rep.Eligibility {
				check("criterion "+c.ID+" label", c.Label, c.LabelEN)
				check("criterion "+c.ID+" reason", c.Reason, c.ReasonEN)
			}
			if rep.Budget != nil {
				for _, n := range rep.Budget.Notes {
					check("budget note "+n.Kind, n.Message, n.MessageEN)
				}
			}
			for _, m := range rep.Completeness.Missing {
				check("missing "+m.Path, m.Label, m.LabelEN)
			}
		}
	}
	// The broken dossiers must have raised the messages this test is about.
	for _, code := range []string{CodeRequired, CodeBudgetLine, CodePhone, CodeEmail, CodeTaxCode, CodeFormat, CodeIneligibleCost, CodeEligibility, CodeEmployees,
		CodeFund, CodeRulePackOverride, CodeAttachmentUnknown, CodeAttachment} {
		if seen[code] == 0 {
			t.Errorf("no dossier raised %s; the test does not cover it", code)
		}
	}
}

// TestEnglishMessagesExact reads a few English messages word for word.
func TestEnglishMessagesExact(t *testing.T) {
	app := Sample(Equipment)
	app.Enterprise.Name = ""
	app.Enterprise.Kind = KindHousehold
	app.Commitments.Counterpart = false
	app.Budget.Lines = append(app.Budget.Lines, BudgetLine{CostType: "no-such-cost", Description: "X", Unit: "bộ", Quantity: 100, UnitPrice: 1000})
	rep := Check(app, DefaultPacks())
	want := map[string]string{
		"enterprise.name":         "Name: not answered",
		"commitments.counterpart": "Not eligible – Commitment to fund the counterpart: the commitment to fund the counterpart is not ticked",
	}
	got := map[string][]string{}
	for _, p := range rep.Problems {
		got[p.Path] = append(got[p.Path], p.MessageEN)
	}
	for path, w := range want {
		if !contains(got[path], w) {
			t.Errorf("%s: English messages %q, want %q", path, got[path], w)
		}
	}
	last := len(app.Budget.Lines)
	wantNote := "Line " + strconv.Itoa(last) + " (X): cost type \"no-such-cost\" is not one of the programme's; no support is counted"
	if !contains(got["budget.lines["+strconv.Itoa(last-1)+"].cost_type"], wantNote) {
		t.Errorf("ineligible line: %q, want %q", got["budget.lines["+strconv.Itoa(last-1)+"].cost_type"], wantNote)
	}
	for _, c := range rep.Eligibility {
		if c.ID == "sme" && c.ReasonEN != "Household business is a beneficiary without the SME size test (Circular 46/2012/TT-BCT, Art. 3.1, points b and c)" {
			t.Errorf("sme reason in English: %q", c.ReasonEN)
		}
	}
	var rounding string
	for _, n := range rep.Budget.Notes {
		if n.Kind == "rounding" {
			rounding = n.Text(true)
		}
	}
	if !strings.HasPrefix(rounding, "Line totals and support are rounded down to whole VND") {
		t.Errorf("rounding note in English: %q", rounding)
	}
	_, err := PackFor(&Application{Programme: Equipment, RulePack: "nope"}, DefaultPacks())
	if en := EnglishOf(err); en != "the rules \"nope\" are not found: import them or choose other rules" {
		t.Errorf("PackFor error in English: %q", en)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestValidatorsSayItInEnglish: the checks of typed values carry their English text (the wizard
// shows it under the field in English mode, and a format problem uses it).
func TestValidatorsSayItInEnglish(t *testing.T) {
	for _, tc := range []struct {
		check func(string) error
		in    string
		want  string
	}{
		{ValidateMoney, "1,5", "whole VND only, no decimals"},
		{ValidateMoney, "1.23.456", "each group after a separator has exactly 3 digits"},
		{ValidateMoney, "-5", "cannot be negative"},
		{ValidateMoney, "12abc", "only digits and dots"},
		{ValidateDate, "31/02/2027", "month 2 of 2027 has only 28 days"},
		{ValidateDate, "5/1/27", "the year needs all 4 digits"},
		{ValidateQuantity, "1,555", "at most 2 decimals"},
		{ValidateTaxCode, "0100109107", "wrong check digit"},
		{ValidateTaxCode, "123", "it has 3 digits"},
		{ValidateCCCD, "123456789", "old 9-digit identity card"},
		{ValidatePhone, "12ab", "digits only"},
		{ValidateEmail, "ten@congty", "needs a dot"},
		{ValidateProvinceCode, "99", "choose one of the 34 provinces"},
		{ValidateCount, "hai", "a whole number, 0 or more"},
		{UnitPriceValidator("travel"), "999.999.999.999", "above what is plausible"},
	} {
		err := tc.check(tc.in)
		if err == nil {
			t.Errorf("%q: no error", tc.in)
			continue
		}
		en := EnglishOf(err)
		if !strings.Contains(en, tc.want) {
			t.Errorf("%q: English %q, want %q (Vietnamese %q)", tc.in, en, tc.want, err)
		}
		if vietnamese(withoutNames(en, nil)) {
			t.Errorf("%q: Vietnamese left in %q", tc.in, en)
		}
	}
}
