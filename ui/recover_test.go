package ui

import (
	"errors"
	"image/png"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The damaged-library prompt shows what is damaged and the way out, offers restore and a
// read-only look, and never shows the word "panic".
func TestDamagedPrompt(t *testing.T) {
	fa := test.NewTempApp(t)
	lang = langVI
	w := fa.NewWindow("")
	msg := "Thư viện /tmp/hoso.db bị hỏng nên chỉ được mở để đọc.\nPhần bị hỏng: hồ sơ \"3f9c2a7b1e0d4c58\": mã kiểm tra không khớp.\nLệnh khôi phục: hoso db restore --db \"/tmp/hoso.db\" \"/tmp/backups/hoso-20270104-083000.db\""
	viewed := false
	restoreErr := errors.New("bản sao lưu không đọc được")
	content := damagedContent(w, msg, func() (*App, error) { return nil, restoreErr }, func() (*App, error) {
		viewed = true
		return nil, errors.New("thử")
	})
	w.SetContent(content)
	w.Resize(fyne.NewSize(680, 420))
	var texts []string
	var buttons []*widget.Button
	walk(content, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *widget.Button:
			if x.Visible() {
				buttons = append(buttons, x)
			}
		}
	})
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "mã kiểm tra không khớp") || !strings.Contains(all, "hoso db restore") || strings.Contains(strings.ToLower(all), "panic") {
		t.Errorf("prompt text:\n%s", all)
	}
	if len(buttons) != 3 {
		t.Fatalf("%d buttons, want restore, view and close", len(buttons))
	}
	test.Tap(buttons[0])
	if !strings.Contains(strings.Join(labels(content), "\n"), "Không khôi phục được: bản sao lưu không đọc được") {
		t.Error("a failed restore is not explained")
	}
	test.Tap(buttons[1])
	if !viewed {
		t.Error("the read-only view was not offered")
	}
	if dir := os.Getenv("HOSO_LOOK"); dir != "" {
		f, _ := os.Create(dir + "/damaged.png")
		png.Encode(f, w.Canvas().Capture())
		f.Close()
	}
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case *container.Scroll:
		walk(x.Content, fn)
	}
}

// walkRendered calls fn for o and, while fn returns true, for everything drawn under it: the
// objects of containers and of widgets' renderers (walk stops at widgets).
func walkRendered(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) {
	if !fn(o) {
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkRendered(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkRendered(c, fn)
		}
	}
}

func labels(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}
