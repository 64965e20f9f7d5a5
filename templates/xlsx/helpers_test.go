package xlsx

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// layout is where the rows of a written sheet are, found through the hidden anchors (not through
// the writer's own plan).
type layout struct {
	header int
	line   map[int]int    // line index in Application.Budget.Lines → row
	group  map[string]int // cost type → row
	total  int
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func findLayout(t testing.TB, f *excelize.File) layout {
	t.Helper()
	rows, err := f.GetRows(SheetBudget, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	lay := layoutOf(t, rows)
	return lay
}

// layoutOf finds the rows from a grid of cell texts (excelize rows or a LibreOffice CSV).
func layoutOf(t testing.TB, rows [][]string) layout {
	t.Helper()
	lay := layout{line: map[int]int{}, group: map[string]int{}}
	get := func(r, c int) string {
		if r-1 < len(rows) && c-1 < len(rows[r-1]) {
			return rows[r-1][c-1]
		}
		return ""
	}
	for r := 1; r <= len(rows); r++ {
		switch get(r, colKind) {
		case headers[colKind-1]:
			lay.header = r
		case kindGroup:
			lay.group[get(r, colCostType)] = r
		case kindLine:
			n, err := strconv.Atoi(get(r, colIndex))
			if err != nil {
				t.Fatalf("row %d: line anchor %q is not an index", r, get(r, colIndex))
			}
			lay.line[n] = r
		case kindTotal:
			lay.total = r
		}
	}
	if lay.header == 0 || lay.total == 0 {
		t.Fatalf("header row %d, total row %d: anchors missing", lay.header, lay.total)
	}
	return lay
}

// money parses a raw number cell as whole đồng, failing on anything else.
func money(t testing.TB, where, s string) forms.Money {
	t.Helper()
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		t.Fatalf("%s: %q is not a number", where, s)
	}
	if v != float64(int64(v)) {
		t.Fatalf("%s: %q is not whole đồng", where, s)
	}
	return forms.Money(int64(v))
}

// bigApp is a dossier with n budget lines over every cost type of the equipment programme, with
// quantities of two decimals chosen to make floating-point products land just off whole đồng
// (0,29 × 100, 1,15 × 100, 0,07 × 300 ...), large prices and a few ineligible lines.
func bigApp(n int) *forms.Application {
	app := forms.Sample(forms.Equipment)
	def := forms.Definition(app.Programme)
	rng := rand.New(rand.NewPCG(2027, uint64(n)))
	tricky := []forms.Quantity{29, 115, 7, 57, 1, 33, 230, 1001, 149, 99}
	prices := []forms.Money{100, 300, 1_000, 12_345, 99_999, 1_234_567, 45_350_000, 215_500_000, 987_654_321}
	app.Budget.Lines = nil
	for i := 0; i < n; i++ {
		ct := def.CostTypes[rng.IntN(len(def.CostTypes))]
		var q forms.Quantity
		if rng.IntN(2) == 0 {
			q = tricky[rng.IntN(len(tricky))]
		} else {
			q = forms.Quantity(rng.IntN(100_00) + 1)
		}
		p := prices[rng.IntN(len(prices))] + forms.Money(rng.IntN(3))*100
		app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{
			CostType: ct.ID, Description: fmt.Sprintf("Hạng mục số %d: %s, quy cách đặc biệt đường kính ống Ø%d", i+1, ct.Label, i%50),
			Unit: ct.DefaultUnit, Quantity: q, UnitPrice: p, Note: fmt.Sprintf("Báo giá số %d/BG", i+1),
		})
	}
	return app
}
