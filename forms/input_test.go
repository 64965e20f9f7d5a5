package forms

import (
	"strings"
	"testing"
)

func TestRegroupMoneyInput(t *testing.T) {
	for _, tc := range []struct{ prev, next, want string }{
		{"", "1", "1"},
		{"1.500", "1.5000", "15.000"}, // a digit typed after the automatic grouping
		{"1.500", "1500", "1.500"},
		{"1", "1.", "1."},    // a dot the user typed is kept
		{"1.", "1.5", "1.5"}, // and what follows it: not silently 15
		{"1.5", "1.50", "1.50"},
		{"", "1500000", "1.500.000"}, // pasted digits
		{"", "1 500 000", "1 500 000"},
		{"1", "1,", "1,"},
		{"15.000", "1.000", "1.000"},  // a digit deleted
		{"1 500", "1 5000", "15 000"}, // the user's spaces are kept
		{"68 500 000", "68 500 00", "6 850 000"},
	} {
		if got := RegroupMoneyInput(tc.prev, tc.next); got != tc.want {
			t.Errorf("RegroupMoneyInput(%q, %q) = %q, want %q", tc.prev, tc.next, got, tc.want)
		}
	}
}

func TestUnitPriceValidator(t *testing.T) {
	for _, tc := range []struct {
		costType, typed, want string
	}{
		{"booth-rent", "25.000.000", ""},
		{"booth-rent", "999999999999999", "hợp lý"},
		{"machinery", "50.000.000.000", ""},
		{"travel", "5.000.000.000", "hợp lý"},
		{"", "1,5", "thập phân"},
		{"", "1.5", "3 chữ số"},
		{"", "", ""},
	} {
		err := UnitPriceValidator(tc.costType)(tc.typed)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s %q: %v", tc.costType, tc.typed, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s %q: %v, want a message about %q", tc.costType, tc.typed, err, tc.want)
		}
	}
}

func TestValidateCount(t *testing.T) {
	for s, ok := range map[string]bool{"": true, "2": true, "hai": false, "-2": false, "2,5": false} {
		if err := ValidateCount(s); (err == nil) != ok {
			t.Errorf("ValidateCount(%q) = %v", s, err)
		}
	}
}

func TestDateOrderError(t *testing.T) {
	app := &Application{}
	app.Project.Schedule = make([]Task, 3)
	must := func(path, v string) {
		if err := SetField(app, path, v); err != nil {
			t.Fatal(err)
		}
	}
	must("project.fair.start", "10/05/2027")
	must("project.fair.end", "08/05/2027")
	if err := DateOrderError(app, "project.fair.end"); err == nil || !strings.Contains(err.Error(), "10/05/2027") {
		t.Errorf("closing before opening: %v", err)
	}
	if err := DateOrderError(app, "project.fair.start"); err == nil {
		t.Error("opening after closing: no error on the opening date")
	}
	must("project.fair.end", "10/05/2027")
	if err := DateOrderError(app, "project.fair.end"); err != nil {
		t.Errorf("same day: %v", err)
	}
	must("project.schedule[2].start", "02/03/2027")
	must("project.schedule[2].end", "01/03/2027")
	if p, later, ok := DatePair("project.schedule[2].end"); !ok || !later || p != "project.schedule[2].start" {
		t.Errorf("DatePair of a schedule row: %q %v %v", p, later, ok)
	}
	if err := DateOrderError(app, "project.schedule[2].end"); err == nil {
		t.Error("a schedule row ending before it starts: no error")
	}
	if err := DateOrderError(app, "letter.date"); err != nil {
		t.Errorf("a date without partner: %v", err)
	}
}

func TestTakeAndInsertRow(t *testing.T) {
	app := Sample(Equipment)
	n := len(app.Budget.Lines)
	second := app.Budget.Lines[1]
	row, err := TakeRow(app, "budget.lines", 1)
	if err != nil || len(app.Budget.Lines) != n-1 {
		t.Fatalf("TakeRow: %v, %d lines", err, len(app.Budget.Lines))
	}
	if err := InsertRow(app, "budget.lines", 1, row); err != nil {
		t.Fatal(err)
	}
	if len(app.Budget.Lines) != n || app.Budget.Lines[1] != second {
		t.Errorf("after InsertRow: %d lines, line 2 %+v", len(app.Budget.Lines), app.Budget.Lines[1])
	}
	if err := InsertRow(app, "budget.lines", 0, "not a line"); err == nil {
		t.Error("InsertRow took a row of the wrong type")
	}
	if _, err := TakeRow(app, "budget.lines", n); err == nil {
		t.Error("TakeRow took a row past the end")
	}
}
