package forms

import (
	"fmt"
	"strings"
	"testing"
)

func nationalPack(t testing.TB) *RulePack {
	t.Helper()
	for _, p := range DefaultPacks() {
		if p.ID == "national" {
			return p
		}
	}
	t.Fatal("no national pack")
	return nil
}

func budgetApp(p Programme, scope string, lines ...BudgetLine) *Application {
	return &Application{Programme: p, Fund: Fund{Kind: FundNational}, Year: 2027, Project: Project{Scope: scope}, Budget: Budget{Lines: lines}}
}

func line(ct string, qty Quantity, price Money) BudgetLine {
	return BudgetLine{CostType: ct, Description: "Dòng " + ct, Unit: "cái", Quantity: qty, UnitPrice: price}
}

func TestComputeBudget(t *testing.T) {
	cases := []struct {
		name                        string
		app                         *Application
		total, support, counterpart Money
		capNote                     string // a substring of a cap note that must be present; "" = no cap note
	}{
		{"machinery under the cap", budgetApp(Equipment, "machinery", line("machinery", QuantityOf(1), 400_000_000)),
			400_000_000, 200_000_000, 200_000_000, ""},
		{"machinery exactly at the cap", budgetApp(Equipment, "machinery", line("machinery", QuantityOf(2), 300_000_000)),
			600_000_000, 300_000_000, 300_000_000, ""},
		{"machinery cap bites", budgetApp(Equipment, "machinery", line("machinery", QuantityOf(1), 900_000_000)),
			900_000_000, 300_000_000, 600_000_000, "vượt mức trần 300.000.000 đồng cho một cơ sở theo khoản 4 Điều 8 Thông tư 28/2018/TT-BTC"},
		{"technology line cap 450 million", budgetApp(Equipment, "technology-line", line("machinery", QuantityOf(1), 1_000_000_000)),
			1_000_000_000, 450_000_000, 550_000_000, "450.000.000"},
		{"technology line under its cap", budgetApp(Equipment, "technology-line", line("machinery", QuantityOf(1), 800_000_000)),
			800_000_000, 400_000_000, 400_000_000, ""},
		{"demonstration model 30%", budgetApp(Equipment, "demonstration-model", line("machinery", QuantityOf(1), 2_000_000_000), line("construction", QuantityOf(100), 1_500_000)),
			2_150_000_000, 645_000_000, 1_505_000_000, ""},
		{"demonstration model cap 1 billion", budgetApp(Equipment, "demonstration-model", line("machinery", QuantityOf(1), 4_000_000_000)),
			4_000_000_000, 1_000_000_000, 3_000_000_000, "1.000.000.000"},
		{"odd amount rounds down", budgetApp(Equipment, "machinery", line("machinery", QuantityOf(1), 12_345_679)),
			12_345_679, 6_172_839, 6_172_840, ""},
		{"fractional quantity rounds the line total down", budgetApp(Equipment, "machinery", line("machinery", 133, 1_000_001)),
			1_330_001, 665_000, 665_001, ""},
		{"ineligible cost type is all counterpart", budgetApp(Equipment, "machinery", line("installation", QuantityOf(1), 18_750_000)),
			18_750_000, 0, 18_750_000, ""},
		{"cleaner production assessment cap", budgetApp(CleanerProduction, "assessment", line("consultancy", QuantityOf(1), 150_000_000)),
			150_000_000, 50_000_000, 100_000_000, "50.000.000"},
		{"domestic fair 80% of booth rent", budgetApp(TradeFair, "domestic", line("booth-rent", QuantityOf(2), 26_400_000), line("booth-build", QuantityOf(2), 14_850_000)),
			82_500_000, 42_240_000, 40_260_000, ""},
		{"abroad: air tickets are not fair support", budgetApp(TradeFair, "abroad", line("travel", QuantityOf(3), 21_500_000), line("accommodation", QuantityOf(3), 9_000_000)),
			91_500_000, 0, 91_500_000, ""},
		{"empty budget", budgetApp(Equipment, "machinery"), 0, 0, 0, ""},
	}
	pack := nationalPack(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := ComputeBudget(c.app, pack)
			if err != nil {
				t.Fatal(err)
			}
			if b.Total != c.total || b.Support != c.support || b.Counterpart != c.counterpart {
				t.Errorf("total/support/counterpart = %s/%s/%s, want %s/%s/%s", b.Total, b.Support, b.Counterpart, c.total, c.support, c.counterpart)
			}
			var notes []string
			for _, n := range b.Notes {
				if n.Kind == "cap" {
					notes = append(notes, n.Message)
				}
			}
			joined := strings.Join(notes, "\n")
			if c.capNote == "" && len(notes) > 0 {
				t.Errorf("unexpected cap note: %s", joined)
			}
			if c.capNote != "" && !strings.Contains(joined, c.capNote) {
				t.Errorf("cap notes %q lack %q", joined, c.capNote)
			}
			assertColumnsAddUp(t, b)
		})
	}
}

func assertColumnsAddUp(t testing.TB, b *BudgetResult) {
	t.Helper()
	var total, support, counterpart Money
	for _, l := range b.Lines {
		if l.Support < 0 || l.Counterpart < 0 || l.Total < 0 {
			t.Fatalf("negative figure in line %+v", l)
		}
		if l.Support+l.Counterpart != l.Total {
			t.Fatalf("line %d: support %s + counterpart %s != total %s", l.Index, l.Support, l.Counterpart, l.Total)
		}
		if !l.Eligible && l.Support != 0 {
			t.Fatalf("ineligible line %d has support %s", l.Index, l.Support)
		}
		total += l.Total
		support += l.Support
		counterpart += l.Counterpart
	}
	if total != b.Total || support != b.Support || counterpart != b.Counterpart {
		t.Fatalf("columns add up to %s/%s/%s, totals say %s/%s/%s", total, support, counterpart, b.Total, b.Support, b.Counterpart)
	}
	var gt, gs, gc Money
	n := 0
	for _, g := range b.Groups {
		gt += g.Total
		gs += g.Support
		gc += g.Counterpart
		n += len(g.Lines)
	}
	if gt != b.Total || gs != b.Support || gc != b.Counterpart || n != len(b.Lines) {
		t.Fatalf("groups add up to %s/%s/%s over %d lines", gt, gs, gc, n)
	}
}

func TestCapSpreadOverManyLinesAddsUpExactly(t *testing.T) {
	var lines []BudgetLine
	for i := 0; i < 97; i++ {
		lines = append(lines, line("machinery", Quantity(100+i*7), Money(3_333_333+i*1_001)))
	}
	app := budgetApp(Equipment, "machinery", lines...)
	b, err := ComputeBudget(app, nationalPack(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Support != 300_000_000 {
		t.Fatalf("support %s, want the cap 300.000.000", b.Support)
	}
	assertColumnsAddUp(t, b)
	// Proportionality: every line's support is within one đồng of its exact share.
	var rawSum Money
	raws := make([]Money, len(b.Lines))
	for i, l := range b.Lines {
		raws[i] = l.Total / 2
		rawSum += raws[i]
	}
	for i, l := range b.Lines {
		exact := mulDiv(300_000_000, int64(raws[i]), int64(rawSum))
		if d := l.Support - exact; d < 0 || d > 1 {
			t.Errorf("line %d: support %s, exact share %s", i, l.Support, exact)
		}
	}
}

func TestPerYearCapSubtractsSupportAlreadyReceived(t *testing.T) {
	pack := nationalPack(t)
	pack.Programmes[Equipment].Scopes["machinery"].Caps = append(pack.Programmes[Equipment].Scopes["machinery"].Caps,
		Cap{Per: CapPerYear, Amount: 350_000_000, Citation: "thử nghiệm"})
	app := budgetApp(Equipment, "machinery", line("machinery", QuantityOf(1), 500_000_000))
	app.Project.PriorSupportThisYear = 100_000_000
	b, err := ComputeBudget(app, pack)
	if err != nil {
		t.Fatal(err)
	}
	if b.Support != 250_000_000 {
		t.Fatalf("support %s, want 250.000.000 (350 million a year less 100 million received)", b.Support)
	}
}

func TestBudgetGroupsFollowProgrammeOrder(t *testing.T) {
	app := budgetApp(Equipment, "machinery", line("other", QuantityOf(1), 1_000), line("machinery", QuantityOf(1), 2_000), line("other", QuantityOf(1), 3_000))
	b, err := ComputeBudget(app, nationalPack(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Groups) != 2 || b.Groups[0].CostType != "machinery" || b.Groups[1].CostType != "other" {
		t.Fatalf("groups %+v", b.Groups)
	}
	if b.Groups[0].Numeral != "I" || b.Groups[1].Numeral != "II" {
		t.Errorf("numerals %s %s", b.Groups[0].Numeral, b.Groups[1].Numeral)
	}
	if got := b.Lines[b.Groups[1].Lines[1]]; got.Number != 2 || got.Index != 2 {
		t.Errorf("second 'other' line: number %d index %d", got.Number, got.Index)
	}
}

func TestBudgetRefusesOverflow(t *testing.T) {
	app := budgetApp(Equipment, "machinery", line("machinery", MaxQuantity, MaxMoney))
	if _, err := ComputeBudget(app, nationalPack(t)); err == nil {
		t.Fatal("overflowing line accepted")
	}
}

func TestRomanAndPercent(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 1999: "MCMXCIX"} {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %s, want %s", n, got, want)
		}
	}
	for bp, want := range map[int64]string{5000: "50%", 3000: "30%", 3750: "37,5%", 1: "0,01%", 10000: "100%"} {
		if got := PercentBP(bp); got != want {
			t.Errorf("PercentBP(%d) = %s, want %s", bp, got, want)
		}
	}
}

func FuzzComputeBudget(f *testing.F) {
	f.Add(uint8(0), int64(100), int64(1_000_000), int64(250), int64(99_999), uint8(3))
	f.Add(uint8(1), int64(133), int64(999_999_999), int64(1), int64(7), uint8(40))
	f.Add(uint8(2), int64(1), int64(1), int64(100000), int64(123_456_789_012), uint8(1))
	pack := nationalPack(f)
	cts := []string{"machinery", "technology-transfer", "installation", "other", "construction"}
	scopes := []string{"machinery", "technology-line", "demonstration-model"}
	f.Fuzz(func(t *testing.T, scope uint8, q1, p1, q2, p2 int64, n uint8) {
		abs := func(v, m int64) int64 {
			if v < 0 {
				v = -v
			}
			if v < 0 {
				v = 0
			}
			return v % m
		}
		var lines []BudgetLine
		for i := 0; i < int(n%60)+1; i++ {
			q, p := q1, p1
			if i%2 == 1 {
				q, p = q2, p2
			}
			lines = append(lines, line(cts[i%len(cts)], Quantity(abs(q+int64(i), 100_000)), Money(abs(p*int64(i+1), 5_000_000_000))))
		}
		app := budgetApp(Equipment, scopes[int(scope)%len(scopes)], lines...)
		b, err := ComputeBudget(app, pack)
		if err != nil {
			t.Fatal(err)
		}
		assertColumnsAddUp(t, b)
		capAmount := pack.Programmes[Equipment].Scopes[b.Scope].Caps[0].Amount
		if b.Support > capAmount {
			t.Fatalf("support %s over the cap %s", b.Support, capAmount)
		}
	})
}

func ExampleComputeBudget() {
	app := Sample(Equipment)
	pack, _ := PackFor(app, DefaultPacks())
	b, _ := ComputeBudget(app, pack)
	fmt.Println(b.Total, b.Support, b.Counterpart)
	// Output: 649.445.678 300.000.000 349.445.678
}
