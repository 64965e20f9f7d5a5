package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"khuyencong/forms"
)

// keystroke is one event an input method sends: a rune, or a backspace when r is 0.
type keystroke struct{ r rune }

func backspace() keystroke { return keystroke{} }

// send types what Unikey sends in its default "backspace and replace" mode:
// each letter as typed; a Telex key (e, w, j, f ...) is not delivered: instead it backspaces over what
// follows the changed letter and types the changed part again.
func send(e *widget.Entry, keys []keystroke) {
	for _, k := range keys {
		if k.r == 0 {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		} else {
			test.Type(e, string(k.r))
		}
	}
}

func runes(s string) []keystroke {
	var out []keystroke
	for _, r := range s {
		out = append(out, keystroke{r})
	}
	return out
}

func seq(parts ...[]keystroke) []keystroke {
	var out []keystroke
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestTelexBackspaceAndReplaceStoresNFC(t *testing.T) {
	cases := []struct {
		name string
		keys []keystroke
		want string
	}{
		// "Vieetj": V i e, then e → ê (backspace over e), t, then j → ệ (backspace over ê t, retype ệ t).
		{"Vieetj precomposed", seq(runes("Vie"), []keystroke{backspace()}, runes("êt"), []keystroke{backspace(), backspace()}, runes("ệt")), "Việt"},
		// Unikey's "Unicode tổ hợp" output sends base letters and combining marks (NFD).
		{"Vieetj combining", seq(runes("Vie"), []keystroke{backspace()}, runes("e\u0302t"),
			[]keystroke{backspace(), backspace(), backspace()}, runes("e\u0302\u0323t")), "Việt"},
		// "Nguyeenx Thij Ngocj Huwowngf"
		{"Nguyễn Thị Ngọc Hường", seq(runes("Nguye"), []keystroke{backspace()}, runes("ên"),
			[]keystroke{backspace(), backspace()}, runes("ễn"), runes(" Thi"), []keystroke{backspace()}, runes("ị"),
			runes(" Ngoc"), []keystroke{backspace(), backspace()}, runes("ọc"),
			runes(" Hu"), []keystroke{backspace()}, runes("ư"), runes("o"), []keystroke{backspace()}, runes("ơng"),
			[]keystroke{backspace(), backspace(), backspace()}, runes("ờng")), "Nguyễn Thị Ngọc Hường"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ta := newTestApp(t)
			w := openNewDossier(t, ta, forms.Equipment)
			w.showStep(stepIndex(t, w, "letter"))
			e := entryAt(t, w.inputs, "signer.name")
			e.SetText("")
			send(e, c.keys)
			if norm.NFC.String(e.Text) != c.want {
				t.Fatalf("the entry shows %q, the key sequence is wrong", e.Text)
			}
			stored, _ := ta.store.Application(w.app.ID)
			if got := stored.Signer.Name; got != c.want || !norm.NFC.IsNormalString(got) {
				t.Errorf("stored %q (% x), want NFC %q", got, got, c.want)
			}
		})
	}
}

func TestNFDInputInWizardStoredAsNFC(t *testing.T) {
	ta := newTestApp(t)
	w := openNewDossier(t, ta, forms.CleanerProduction)
	text := "Hỗ trợ áp dụng sản xuất sạch hơn trong khâu nhuộm"
	test.Type(entryAt(t, w.inputs, "project.title"), norm.NFD.String(text))
	stored, _ := ta.store.Application(w.app.ID)
	if stored.Project.Title != text {
		t.Errorf("stored title %q is not NFC", stored.Project.Title)
	}
}
