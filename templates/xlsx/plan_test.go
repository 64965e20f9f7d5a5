package xlsx

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

func portfolioPlan(t testing.TB, n int) *forms.Plan {
	t.Helper()
	var in []forms.PlanInput
	for i, app := range forms.SamplePortfolio(n) {
		in = append(in, forms.PlanInput{Source: fmt.Sprintf("hs-%03d", i+1), App: app})
	}
	p, err := forms.BuildPlan(in, forms.PlanOptions{Year: 2027, Province: "79", Fund: forms.FundLocal})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlanWorkbookRecalculated has LibreOffice recalculate every formula of the plan workbook and
// compares each item's total, each group's sums and the grand totals with forms.BuildPlan.
func TestPlanWorkbookRecalculated(t *testing.T) {
	p := portfolioPlan(t, 11)
	var buf bytes.Buffer
	if err := WritePlan(&buf, p, Options{}); err != nil {
		t.Fatal(err)
	}
	out := convert(t, map[string][]byte{"plan": buf.Bytes()}, csvFilter)
	data, err := os.ReadFile(filepath.Join(out, "plan-"+SheetPlan+".csv"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no plan sheet: %v", err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	lay := PlanRows(p)
	at := func(row, c int) forms.Money {
		t.Helper()
		if row-1 >= len(rows) || c-1 >= len(rows[row-1]) {
			t.Fatalf("no cell %s in LibreOffice's output", cell(c, row))
		}
		return money(t, cell(c, row), rows[row-1][c-1])
	}
	three := func(row int) forms.PlanTotals {
		return forms.PlanTotals{Total: at(row, planColTotal), Support: at(row, planColSupport), Counterpart: at(row, planColCounterpart)}
	}
	for i, it := range p.Items {
		got := three(lay.ItemRows[i])
		if got.Total != it.Total || got.Support != it.Support || got.Counterpart != it.Counterpart {
			t.Errorf("item %s: LibreOffice %+v, plan %s/%s/%s", it.ID, got, it.Total, it.Support, it.Counterpart)
		}
	}
	for _, g := range p.Groups {
		if got := three(lay.GroupRows[g.Group]); got != g.PlanTotals {
			t.Errorf("group %s: LibreOffice %+v, plan %+v", g.Group, got, g.PlanTotals)
		}
	}
	if got := three(lay.TotalRow); got != p.PlanTotals {
		t.Errorf("grand total: LibreOffice %+v, plan %+v", got, p.PlanTotals)
	}
}

// TestPlanWorkbookFormulas checks the formulas themselves (so a total written as a plain number
// fails) and excelize's own recalculation.
func TestPlanWorkbookFormulas(t *testing.T) {
	p := portfolioPlan(t, 7)
	var buf bytes.Buffer
	if err := WritePlan(&buf, p, Options{}); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	lay := PlanRows(p)
	refs := []int{lay.TotalRow}
	for _, g := range p.Groups {
		if g.Dossiers > 0 {
			refs = append(refs, lay.GroupRows[g.Group])
		}
	}
	refs = append(refs, lay.ItemRows...)
	for _, row := range refs {
		ref := cell(planColTotal, row)
		fml, err := f.GetCellFormula(SheetPlan, ref)
		if err != nil || fml == "" {
			t.Fatalf("%s has no formula (%v)", ref, err)
		}
		v, err := f.CalcCellValue(SheetPlan, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		cached, _ := f.GetCellValue(SheetPlan, ref, excelize.Options{RawCellValue: true})
		if v != cached {
			t.Errorf("%s = %s recalculated, %s cached", ref, v, cached)
		}
	}
}

func BenchmarkWritePlan1000(b *testing.B) {
	p := portfolioPlan(b, 1000)
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePlan(&buf, p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
