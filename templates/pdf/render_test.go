package pdf

import (
	"testing"

	"khuyencong/forms"
	"khuyencong/templates"
)

func TestRenderSamples(t *testing.T) {
	for _, p := range forms.Programmes() {
		for _, v := range []templates.Variant{templates.Final, templates.Draft, templates.Blank} {
			t.Run(string(p)+"-"+string(v), func(t *testing.T) {
				_, res, _ := renderApp(t, string(p)+"-"+string(v), forms.Sample(p), v, Options{})
				t.Logf("%d pages, font %s, warnings %v", res.Pages, res.Font, res.Warnings)
			})
		}
	}
}
