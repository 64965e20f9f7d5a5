package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"khuyencong/forms"
)

// errOpener fails every request the way the system can.
type errOpener struct{ open, print error }

func (o errOpener) Open(string) error  { return o.open }
func (o errOpener) Print(string) error { return o.print }

// overlayText is every label's text in the dialog on top of the window: what the user sees.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walkRendered(top, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		default:
			return true
		}
		return false
	})
	return b.String()
}

// The generation result's Mở PDF, Mở thư mục and In buttons show what went wrong, in Vietnamese.
func TestOpenAndPrintFailuresAreShown(t *testing.T) {
	cases := []struct {
		name   string
		opener errOpener
		tap    func(g *generation) *widget.Button
		want   []string
	}{
		{"open PDF fails", errOpener{open: errors.New("chưa có chương trình nào mở được loại tệp này")},
			func(g *generation) *widget.Button { return g.openPDF }, []string{"Không mở được", "chưa có chương trình nào mở được"}},
		{"open folder fails", errOpener{open: errors.New("tệp hoặc thư mục không còn ở đó")},
			func(g *generation) *widget.Button { return g.openFolder }, []string{"Không mở được", "không còn ở đó"}},
		{"print fails", errOpener{print: errors.New("máy in từ chối")},
			func(g *generation) *widget.Button { return g.print }, []string{"Không in được", "máy in từ chối", "Ctrl+P"}},
		{"no print verb: opened to print", errOpener{print: ErrOpenedToPrint},
			func(g *generation) *widget.Button { return g.print }, []string{"Bấm Ctrl+P để in", "đã được mở trong trình xem"}},
		{"printed", errOpener{},
			func(g *generation) *widget.Button { return g.print }, []string{"Đã gửi PDF tới máy in"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ta := newTestApp(t)
			ta.deps.Opener = c.opener
			cl := ta.seedClient(t, forms.Equipment)
			app := forms.Sample(forms.Equipment)
			app.ClientID = cl.ID
			if err := ta.store.SaveApplication(app); err != nil {
				t.Fatal(err)
			}
			ta.openApplication(app)
			w := ta.wizard
			w.generateInto(t.TempDir(), VariantDraft)
			if w.gen == nil || !w.gen.done || w.gen.err != nil {
				t.Fatalf("generation did not finish: %+v", w.gen)
			}
			test.Tap(c.tap(w.gen))
			got := overlayText(ta.w)
			for _, want := range c.want {
				if !strings.Contains(got, want) {
					t.Errorf("the window shows %q; want it to contain %q", got, want)
				}
			}
		})
	}
}

// SystemOpener reports a missing file instead of starting a viewer that shows nothing.
func TestSystemOpenerMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "không-có.pdf")
	for name, err := range map[string]error{"Open": SystemOpener{}.Open(missing), "Print": SystemOpener{}.Print(missing)} {
		if err == nil || !strings.Contains(err.Error(), "không còn ở đó") {
			t.Errorf("%s of a missing file: %v", name, err)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("the file exists")
	}
}
