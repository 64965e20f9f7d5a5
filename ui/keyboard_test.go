package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// keyboard drives the window the way a user without a mouse does: Tab, typed text, Enter, Space,
// arrows and shortcuts, always into whatever has the focus.
type keyboard struct {
	t  *testing.T
	ta *testApp
	c  fyne.Canvas
}

func (k keyboard) tab() { test.FocusNext(k.c) }

func (k keyboard) key(name fyne.KeyName) {
	k.t.Helper()
	f := k.c.Focused()
	if f == nil {
		k.t.Fatalf("key %s with nothing focused", name)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
	if name == fyne.KeySpace {
		f.TypedRune(' ') // as the driver does: the key, then the character (a check box takes this)
	}
}

func (k keyboard) typ(s string) {
	k.t.Helper()
	f := k.c.Focused()
	if f == nil {
		k.t.Fatalf("typing %q with nothing focused", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

func (k keyboard) shortcut(s fyne.Shortcut) {
	if f, ok := k.c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	k.c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(s)
}

func (k keyboard) ctrl(name fyne.KeyName) {
	k.shortcut(&desktop.CustomShortcut{KeyName: name, Modifier: fyne.KeyModifierShortcutDefault})
}

// tabTo presses Tab until target has the focus.
func (k keyboard) tabTo(what string, target fyne.Focusable) {
	k.t.Helper()
	for i := 0; i < 400; i++ {
		if k.c.Focused() == target {
			return
		}
		k.tab()
	}
	k.t.Fatalf("Tab never reached %s (%T)", what, target)
}

// fill answers one question from the value the sample dossier has, by keyboard only.
func (k keyboard) fill(in fyne.Focusable, f forms.Field, value string) {
	k.t.Helper()
	k.tabTo(f.Path, in)
	switch v := in.(type) {
	case *formSelect:
		want := ""
		for _, c := range f.Choices {
			if c.Value == value {
				want = choiceLabel(c)
			}
		}
		for i := 0; i <= len(v.Options) && v.Selected != want; i++ {
			k.key(fyne.KeyRight)
		}
		if v.Selected != want {
			k.t.Fatalf("%s: arrows never chose %q", f.Path, want)
		}
	case *formCheck:
		if v.Checked != (value == "true") {
			k.key(fyne.KeySpace)
		}
	case *formEntry:
		k.shortcut(&fyne.ShortcutSelectAll{})
		if value == "" {
			k.key(fyne.KeyBackspace)
			return
		}
		k.typ(value)
	default:
		k.t.Fatalf("%s: no keyboard way for %T", f.Path, in)
	}
}

// fillFields answers the applying questions of a form in screen order, tables row by row.
func (k keyboard) fillFields(ff *fieldForm, fields []forms.Field, sample *forms.Application, target *forms.Application) {
	k.t.Helper()
	for _, f := range fields {
		if !f.Applies(target) {
			continue
		}
		if f.Kind == forms.FieldTable {
			var te *tableEditor
			for _, x := range ff.tables {
				if x.field.Path == f.Path {
					te = x
				}
			}
			n := forms.RowCount(sample, f.Path)
			for r := forms.RowCount(target, f.Path); r < n; r++ {
				k.tabTo(f.Path+" Thêm dòng", te.add)
				k.key(fyne.KeySpace)
			}
			for r := 0; r < n; r++ {
				for _, col := range f.Columns {
					p := f.Path + "[" + itoa(r) + "]." + col.Path
					v, _ := forms.GetField(sample, p)
					cf := col
					cf.Path = p
					k.fill(ff.inputs[p], cf, v)
				}
			}
			continue
		}
		v, err := forms.GetField(sample, f.Path)
		if err != nil {
			k.t.Fatalf("%s: %v", f.Path, err)
		}
		if cur, _ := forms.GetField(target, f.Path); cur == v {
			continue
		}
		k.fill(ff.inputs[f.Path], f, v)
	}
}

// A whole trade-fair dossier, from the empty library to the final PDF, with the keyboard only; the
// saved dossier holds what was typed.
func TestKeyboardOnlyTradeFairDossier(t *testing.T) {
	ta := newTestApp(t)
	k := keyboard{t: t, ta: ta, c: ta.w.Canvas()}
	sample := forms.Sample(forms.TradeFair)
	sample.Year = 2027
	out := t.TempDir()
	ta.prefs.SetString(prefLastFolder, out) // where the last dossier was printed

	// The library: a new client.
	h := ta.home
	k.tabTo("Thêm khách hàng", h.addClient)
	k.key(fyne.KeySpace)
	if k.c.Focused() != h.newName {
		t.Fatalf("the new client dialog does not start in the name (focus %T)", k.c.Focused())
	}
	k.typ(sample.Enterprise.Name)
	k.tab()
	k.typ(sample.Enterprise.TaxCode)
	k.key(fyne.KeyReturn)
	if ta.screen != "profile" {
		t.Fatalf("after Enter in the new client dialog: screen %q", ta.screen)
	}

	// The client profile.
	p := ta.profile
	k.fillFields(p.form, forms.EnterpriseFields(), sample, p.scratch)
	k.tabTo("Xong, về thư viện", p.back)
	k.key(fyne.KeySpace)

	// A new trade-fair dossier for 2027.
	k.ctrl(fyne.KeyN)
	if h.dlg == nil {
		t.Fatal("Ctrl+N did not open the new dossier dialog")
	}
	k.tabTo("Chương trình", h.newProgramme)
	for i := 0; i < 3 && forms.Programmes()[max(h.newProgramme.SelectedIndex(), 0)] != forms.TradeFair; i++ {
		k.key(fyne.KeyRight)
	}
	k.tabTo("Năm kế hoạch", h.newYear)
	k.shortcut(&fyne.ShortcutSelectAll{})
	k.typ("2027")
	k.key(fyne.KeyReturn)
	if ta.screen != "wizard" {
		t.Fatalf("after Enter in the new dossier dialog: screen %q (error %q)", ta.screen, ta.lastError)
	}
	w := ta.wizard
	if w.app.Programme != forms.TradeFair {
		t.Fatalf("programme %s", w.app.Programme)
	}

	// Every step: the questions, the budget, the attachments on paper.
	for step := 0; step < len(w.steps); step++ {
		if w.cur != step {
			t.Fatalf("expected step %d, the wizard is at %d", step+1, w.cur+1)
		}
		s := w.steps[step]
		switch s.Kind {
		case forms.StepBudget:
			b := w.budget
			for i, l := range sample.Budget.Lines {
				k.tabTo("Thêm dòng chi", b.add)
				k.key(fyne.KeySpace)
				r := b.rows[i]
				if k.c.Focused() != r.desc {
					t.Fatalf("line %d: focus %T after adding", i+1, k.c.Focused())
				}
				k.typ(l.Description)
				k.tab()
				k.typ(l.Unit)
				k.tab()
				k.typ(l.Quantity.String())
				k.tab()
				k.typ(l.UnitPrice.String())
				k.tab()
				for j := 0; j <= len(w.def.CostTypes) && (r.costType.SelectedIndex() < 0 || w.def.CostTypes[r.costType.SelectedIndex()].ID != l.CostType); j++ {
					k.key(fyne.KeyRight)
				}
			}
		case forms.StepAttachments:
			for _, it := range w.attachments.items {
				k.tabTo("Nộp kèm bản giấy", it.paper)
				k.key(fyne.KeySpace)
			}
		default:
			k.fillFields(w.form, s.Fields, sample, w.app)
		}
		k.tabTo("Tiếp theo", w.next)
		k.key(fyne.KeySpace)
	}
	if w.cur != len(w.steps) {
		t.Fatalf("not on the review: step %d", w.cur+1)
	}
	if rep := forms.Check(w.app, ta.packs); rep.Blocking() {
		for _, pr := range rep.Problems {
			if pr.Severity == forms.SeverityError {
				t.Errorf("blocking: %s (%s)", pr.Message, pr.Path)
			}
		}
		t.FailNow()
	}

	// Ctrl+P, then the folder dialog by keyboard: Tab to its confirm button, Space.
	k.ctrl(fyne.KeyP)
	confirm := overlayButton(t, k.c)
	k.tabTo("the folder dialog's button "+confirm.Text, confirm)
	k.key(fyne.KeySpace)
	if n := len(ta.exporter.requests); n != 1 {
		t.Fatalf("%d exports (error %q)", n, ta.lastError)
	}
	req := ta.exporter.requests[0]
	if req.Variant != VariantFinal || req.Dir != out {
		t.Errorf("export %s into %s, want the final dossier into %s", req.Variant, req.Dir, out)
	}

	// The saved dossier holds what was typed.
	if err := ta.Flush(); err != nil {
		t.Fatal(err)
	}
	saved, err := ta.store.Application(w.app.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range comparedPaths(w.def, saved) {
		want, _ := forms.GetField(sample, path)
		got, _ := forms.GetField(saved, path)
		if got != want {
			t.Errorf("%s: saved %q, typed %q", path, got, want)
		}
	}
	for i, l := range sample.Budget.Lines {
		g := saved.Budget.Lines[i]
		if g.Description != l.Description || g.Unit != l.Unit || g.Quantity != l.Quantity || g.UnitPrice != l.UnitPrice || g.CostType != l.CostType {
			t.Errorf("budget line %d: saved %+v, typed %+v", i+1, g, l)
		}
	}
	if !reflect.DeepEqual(saved.Enterprise.Name, sample.Enterprise.Name) {
		t.Errorf("enterprise %q", saved.Enterprise.Name)
	}
}

// comparedPaths lists the answers of the steps that apply, table cells included.
func comparedPaths(def *forms.ProgrammeDef, app *forms.Application) []string {
	var out []string
	for _, s := range def.VisibleSteps(app) {
		for _, f := range s.Fields {
			if !f.Applies(app) {
				continue
			}
			if f.Kind != forms.FieldTable {
				out = append(out, f.Path)
				continue
			}
			for r := 0; r < forms.RowCount(app, f.Path); r++ {
				for _, c := range f.Columns {
					out = append(out, f.Path+"["+itoa(r)+"]."+c.Path)
				}
			}
		}
	}
	return out
}

// overlayButton finds the confirm button of the dialog on top (the one of high importance).
func overlayButton(t *testing.T, c fyne.Canvas) *widget.Button {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var found *widget.Button
	walkRendered(top, func(o fyne.CanvasObject) bool {
		v, ok := o.(*widget.Button)
		if ok && v.Importance == widget.HighImportance && !v.Disabled() && found == nil {
			found = v
		}
		return !ok
	})
	if found == nil {
		t.Fatal("the dialog has no confirm button")
	}
	if strings.TrimSpace(found.Text) == "" {
		t.Fatal("the confirm button has no text")
	}
	return found
}
