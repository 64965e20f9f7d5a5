package main

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"os/exec"

	"fyne.io/fyne/v2"
)

// capture takes a picture of the window: the canvas's own capture, or, when that comes back blank
// (Mesa's software renderer under Xvfb has no front buffer to read), the X server's picture of the
// screen cropped to the window, which sits at 0,0 when there is no window manager.
func capture(w fyne.Window) (image.Image, error) {
	var img image.Image
	fyne.DoAndWait(func() { img = w.Canvas().Capture() })
	if img != nil && !uniform(img) {
		return img, nil
	}
	out, err := exec.Command("import", "-window", "root", "png:-").Output()
	if err != nil {
		return img, nil
	}
	screen, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	var size fyne.Size
	var scale float32
	fyne.DoAndWait(func() { size, scale = w.Canvas().Size(), w.Canvas().Scale() })
	r := image.Rect(0, 0, int(size.Width*scale), int(size.Height*scale)).Intersect(screen.Bounds())
	crop := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(crop, crop.Bounds(), screen, r.Min, draw.Src)
	return crop, nil
}

func uniform(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				return false
			}
		}
	}
	return true
}
