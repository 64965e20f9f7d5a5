package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"khuyencong/forms"
)

// Shot is one screen of the screenshot tour: a file name and how to get there.
type Shot struct {
	Name string
	Show func()
	Size fyne.Size // the window's size for this shot; zero: as it is
}

// ScreenshotTour lists the main screens in order, for the documentation: the library, a client
// profile, the first step of each programme's dossier, the budget editor, the attachments, the
// review, the result of a generation into dir, and the settings. It expects the store to hold
// the sample clients and dossiers.
func (a *App) ScreenshotTour(dir string) []Shot {
	apps, _ := a.deps.Store.Applications(forms.Query{})
	byProg := map[forms.Programme]string{}
	for _, s := range apps {
		if byProg[s.Programme] == "" {
			byProg[s.Programme] = s.ID
		}
	}
	shots := []Shot{
		{Name: "home", Show: func() {
			a.showHome()
			if len(a.home.clients) > 0 {
				a.home.clientList.Select(0)
				a.home.dossierList.Select(0)
			}
		}},
		{Name: "client-profile", Show: func() {
			a.showHome()
			if c := a.home.client(); c != nil {
				a.showProfile(c)
			}
		}},
	}
	for _, p := range forms.Programmes() {
		id := byProg[p]
		if id == "" {
			continue
		}
		shots = append(shots, Shot{Name: "step1-" + string(p), Show: func() { a.openDossier(id) }})
	}
	eq := byProg[forms.Equipment]
	step := func(stepID string) func() {
		return func() {
			if a.wizard == nil || a.wizard.app.ID != eq {
				a.openDossier(eq)
			}
			a.wizard.goToField(stepID, "", false)
		}
	}
	shots = append(shots,
		Shot{Name: "budget", Show: step("budget")},
		Shot{Name: "attachments", Show: step("attachments")},
		Shot{Name: "review", Show: func() {
			if a.wizard == nil || a.wizard.app.ID != eq {
				a.openDossier(eq)
			}
			a.wizard.showStep(len(a.wizard.steps))
		}},
		// A small laptop: the budget and the review at 1024×600 must fit without cutting anything.
		Shot{Name: "budget-1024x600", Show: step("budget"), Size: fyne.NewSize(1024, 600)},
		Shot{Name: "review-1024x600", Show: func() {
			if a.wizard == nil || a.wizard.app.ID != eq {
				a.openDossier(eq)
			}
			a.wizard.showStep(len(a.wizard.steps))
		}, Size: fyne.NewSize(1024, 600)},
		Shot{Name: "generate-result", Show: func() {
			if a.wizard == nil {
				a.openDossier(eq)
			}
			a.wizard.generateInto(dir, "")
		}},
		Shot{Name: "settings", Show: func() {
			if a.wizard != nil && a.wizard.gen != nil && a.wizard.gen.resultDialog != nil {
				a.wizard.gen.resultDialog.Hide()
			}
			a.showSettings()
		}},
		Shot{Name: "plan", Show: func() {
			a.showPlan()
			a.plan.year.SetText("2027")
			a.plan.fund.SetSelectedIndex(0)
			a.plan.rebuild()
		}},
	)
	return shots
}

// CaptureScreens walks the tour in a running app, writing each screen as DIR/NAME.png. It must run
// on its own goroutine while the event loop runs. capture takes the picture; nil: the canvas's own
// Capture (which some software-GL setups return blank: main then falls back to the X server).
func (a *App) CaptureScreens(dir string, settle time.Duration, capture func(fyne.Window) (image.Image, error)) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var shots []Shot
	fyne.DoAndWait(func() { shots = a.ScreenshotTour(dir) })
	var normal fyne.Size
	fyne.DoAndWait(func() { normal = a.w.Canvas().Size() })
	for _, s := range shots {
		size := normal
		if !s.Size.IsZero() {
			size = s.Size
		}
		fyne.DoAndWait(func() {
			if a.w.Canvas().Size() != size {
				a.w.Resize(size)
			}
		})
		fyne.DoAndWait(s.Show)
		time.Sleep(settle)
		var img image.Image
		var err error
		if capture != nil {
			img, err = capture(a.w)
		} else {
			fyne.DoAndWait(func() { img = a.w.Canvas().Capture() })
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
		if err := writePNG(filepath.Join(dir, s.Name+".png"), img); err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	return nil
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
