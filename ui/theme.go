package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices in settings.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme is the default theme with the light or dark variant forced.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func applyTheme(fa fyne.App, choice string) {
	switch choice {
	case themeLight:
		fa.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		fa.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		fa.Settings().SetTheme(theme.DefaultTheme())
	}
}
