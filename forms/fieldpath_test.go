package forms

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSetAndGetFieldByPath(t *testing.T) {
	app := Sample(Equipment)
	cases := []struct{ path, in, out string }{
		{"enterprise.name", norm.NFD.String("  Hợp tác xã Tiến Đạt  "), "Hợp tác xã Tiến Đạt"},
		{"enterprise.revenue", "1234567", "1.234.567"},
		{"enterprise.founded_on", "5/1/2020", "05/01/2020"},
		{"project.machines[0].quantity", "1,5", "1,5"},
		{"project.machines[0].new", "false", "false"},
		{"project.machines[4].name", "Máy đóng gói", "Máy đóng gói"},
		{"year", "2028", "2028"},
		{"enterprise.revenue", "", ""},
	}
	for _, c := range cases {
		if err := SetField(app, c.path, c.in); err != nil {
			t.Errorf("SetField(%s, %q): %v", c.path, c.in, err)
			continue
		}
		if got, err := GetField(app, c.path); err != nil || got != c.out {
			t.Errorf("GetField(%s) = %q, %v; want %q", c.path, got, err, c.out)
		}
	}
	if n := RowCount(app, "project.machines"); n != 5 {
		t.Errorf("setting row 4 should grow the table to 5 rows, got %d", n)
	}
}

func TestSetFieldRefusesBadInputAndKeepsTheOldValue(t *testing.T) {
	app := Sample(Equipment)
	before := app.Enterprise.Revenue
	for path, in := range map[string]string{
		"enterprise.revenue":           "12,5 triệu",
		"enterprise.founded_on":        "31/02/2020",
		"project.machines[0].quantity": "1.5",
		"khong.ton.tai":                "x",
		"enterprise.employees":         "-3",
	} {
		if err := SetField(app, path, in); err == nil {
			t.Errorf("SetField(%s, %q) accepted", path, in)
		}
	}
	if app.Enterprise.Revenue != before {
		t.Error("a refused value changed the application")
	}
}

func TestTableRows(t *testing.T) {
	app := &Application{Programme: Equipment}
	for _, n := range []string{"A", "B", "C"} {
		i, err := AddRow(app, "project.machines")
		if err != nil {
			t.Fatal(err)
		}
		SetField(app, "project.machines["+string(rune('0'+i))+"].name", n)
	}
	if err := MoveRow(app, "project.machines", 2, 0); err != nil {
		t.Fatal(err)
	}
	if err := RemoveRow(app, "project.machines", 1); err != nil {
		t.Fatal(err)
	}
	var got string
	for _, m := range app.Project.Machines {
		got += m.Name
	}
	if got != "CB" {
		t.Errorf("rows %q, want CB", got)
	}
	if err := RemoveRow(app, "project.machines", 5); err == nil {
		t.Error("removing a missing row succeeded")
	}
}

func TestEveryRegistryPathResolves(t *testing.T) {
	for _, p := range Programmes() {
		app := Sample(p)
		for _, s := range Definition(p).Steps {
			for _, f := range s.Fields {
				if _, err := GetField(app, f.Path); err != nil {
					t.Errorf("%s/%s: %v", p, f.Path, err)
				}
				if f.Kind == FieldTable {
					AddRow(app, f.Path)
					for _, c := range f.Columns {
						if _, err := GetField(app, f.Path+"[0]."+c.Path); err != nil {
							t.Errorf("%s/%s[0].%s: %v", p, f.Path, c.Path, err)
						}
					}
				}
			}
		}
	}
}
