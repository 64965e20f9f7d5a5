package templates

import (
	"strings"
	"testing"

	"khuyencong/forms"
)

// What the documents write by themselves about places (the address line, the recipient, the
// place of the date line) names only the units in force from 1 July 2025: no district, no town
// (thị trấn), no old province. Old names a user typed are the officer-review checks' business.
func TestGeneratedPlacesUseTheNewUnits(t *testing.T) {
	var old []string
	for _, p := range forms.Provinces() {
		for _, f := range p.Formerly {
			if f != p.Name {
				old = append(old, f)
			}
		}
	}
	if len(old) < 25 {
		t.Fatalf("only %d old provinces known", len(old))
	}
	for _, p := range forms.Provinces() {
		for _, fund := range []forms.FundKind{forms.FundLocal, forms.FundNational} {
			app := forms.Sample(forms.Equipment)
			app.Enterprise.Address = forms.Address{Street: "Số 1 Đường Số 2", Commune: "Xã An Bình", Province: p.Code}
			app.Enterprise.FormerAddress = ""
			app.Fund = forms.Fund{Kind: fund, Province: p.Code}
			app.Letter.Recipient, app.Letter.Place = "", ""
			generated := []string{recipient(app), placeName(app), app.Enterprise.Address.String(),
				forms.PlaceDateLine(placeName(app), app.Letter.Date)}
			want := "Sở Công Thương " + map[bool]string{true: p.FullName(), false: "tỉnh " + p.Name}[p.Kind == "Thành phố"]
			if generated[0] != want {
				t.Errorf("%s: recipient %q, want %q", p.Code, generated[0], want)
			}
			text := strings.Join(generated, " | ")
			for _, w := range []string{"huyện", "Huyện", "quận", "Quận", "thị xã", "Thị xã", "thị trấn", "Thị trấn"} {
				if strings.Contains(text, w) {
					t.Errorf("%s: %q names a district-level unit: %s", p.Code, w, text)
				}
			}
			for _, o := range old {
				if strings.Contains(text, o) && !strings.Contains(p.Name, o) {
					t.Errorf("%s: names the old province %q: %s", p.Code, o, text)
				}
			}
			// the whole final dossier: its recipient everywhere is the new province's Department
			d := buildFinal(t, app)
			if dt := dossierText(d); !strings.Contains(dt, "Kính gửi: "+want) {
				t.Errorf("%s: the letter is not addressed to %s", p.Code, want)
			}
		}
	}
}
