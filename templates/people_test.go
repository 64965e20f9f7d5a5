package templates

import (
	"strings"
	"testing"

	"khuyencong/forms"
)

func buildFinal(t *testing.T, app *forms.Application) *Dossier {
	t.Helper()
	rep := forms.Check(app, forms.DefaultPacks())
	if rep.Blocking() {
		t.Fatalf("blocking problems: %+v", rep.Problems)
	}
	d, err := Build(app, rep, Options{Variant: Final, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// householdApp is the equipment sample as a household business: the owner's 12-digit number as
// tax code, no insured workers, no seal.
func householdApp() *forms.Application {
	app := forms.Sample(forms.Equipment)
	app.Enterprise.Kind = forms.KindHousehold
	app.Enterprise.Name = "Hộ kinh doanh Bánh tráng Ba Hưng"
	app.Enterprise.TaxCode = "079083001234"
	app.Enterprise.InsuredEmployees, app.Enterprise.Revenue, app.Enterprise.Capital = 0, 0, 0
	app.Enterprise.Representative.Title = "Chủ hộ kinh doanh"
	app.Signer.Title = "Chủ hộ kinh doanh"
	return app
}

func TestHouseholdBusinessDossier(t *testing.T) {
	app := householdApp()
	rep := forms.Check(app, forms.DefaultPacks())
	for _, p := range rep.Problems {
		if p.Path == "enterprise.tax_code" || strings.HasPrefix(p.Path, "enterprise.insured") {
			t.Errorf("household: %s: %s", p.Path, p.Message)
		}
	}
	text := dossierText(buildFinal(t, app))
	for _, want := range []string{"chủ hộ kinh doanh", "(Ký, ghi rõ họ tên, đóng dấu nếu có)", "079083001234", "Bản sao giấy chứng nhận đăng ký hộ kinh doanh"} {
		if !strings.Contains(text, want) {
			t.Errorf("household dossier lacks %q", want)
		}
	}
	for _, bad := range []string{"người đại diện theo pháp luật", "Người đại diện theo pháp luật", "(Ký, ghi rõ họ tên và đóng dấu)",
		"chủ hộ kinh doanh, làm chủ hộ kinh doanh", "mã số doanh nghiệp", "đăng ký doanh nghiệp"} {
		if strings.Contains(text, bad) {
			t.Errorf("household dossier prints %q", bad)
		}
	}
	// a bad 10-digit code of a household is explained with its own certificate
	app.Enterprise.TaxCode = "0100233480"
	found := false
	for _, p := range forms.Check(app, forms.DefaultPacks()).Problems {
		if p.Path == "enterprise.tax_code" {
			found = true
			if !strings.Contains(p.Message, "giấy chứng nhận đăng ký hộ kinh doanh") {
				t.Errorf("household tax-code message: %s", p.Message)
			}
		}
	}
	if !found {
		t.Error("a wrong check digit is accepted")
	}
}

func TestTwelveDigitCodeWarnsForAnEnterprise(t *testing.T) {
	for _, k := range []forms.EnterpriseKind{forms.KindEnterprise, forms.KindCooperative} {
		app := forms.Sample(forms.Equipment)
		app.Enterprise.Kind = k
		app.Enterprise.TaxCode = "079083001234"
		warned := false
		for _, p := range forms.Check(app, forms.DefaultPacks()).Problems {
			warned = warned || (p.Path == "enterprise.tax_code" && p.Severity == forms.SeverityWarning && strings.Contains(p.Message, "12 chữ số"))
		}
		if !warned {
			t.Errorf("%s with a 12-digit code: no warning", k)
		}
	}
}

func TestCooperativeSignsForTheCooperative(t *testing.T) {
	d := buildFinal(t, forms.Sample(forms.CleanerProduction))
	n := 0
	for _, doc := range d.Documents {
		for _, b := range doc.Blocks {
			if b.Signature == nil {
				continue
			}
			n++
			if len(b.Signature.Titles) != 2 || b.Signature.Titles[0] != "TM. HỢP TÁC XÃ" || b.Signature.Titles[1] != "CHỦ NHIỆM" {
				t.Errorf("%s: cooperative signature %v", doc.ID, b.Signature.Titles)
			}
			if b.Signature.Note != "(Ký, ghi rõ họ tên và đóng dấu)" {
				t.Errorf("%s: note %q", doc.ID, b.Signature.Note)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d signatures", n)
	}
	app := forms.Sample(forms.CleanerProduction)
	app.Signer.Title = "Giám đốc"
	for _, doc := range buildFinal(t, app).Documents {
		for _, b := range doc.Blocks {
			if b.Signature != nil && strings.Join(b.Signature.Titles, "/") != "TM. HỢP TÁC XÃ/GIÁM ĐỐC" {
				t.Errorf("%s: %v", doc.ID, b.Signature.Titles)
			}
		}
	}
}

func TestGenderGivesOngOrBa(t *testing.T) {
	for _, p := range forms.Programmes() {
		for _, g := range []forms.Gender{forms.GenderFemale, forms.GenderMale} {
			app := forms.Sample(p)
			app.Enterprise.Representative.Gender = g
			text := dossierText(buildFinal(t, app))
			if strings.Contains(text, "ông/bà") || strings.Contains(text, "Ông/bà") {
				t.Errorf("%s, %s: the dossier prints ông/bà", p, g)
			}
			name := forms.Clean(app.Enterprise.Representative.Name)
			want := g.Honorific() + " " + name
			if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
				t.Errorf("%s: the dossier lacks %q", p, want)
			}
			other := forms.GenderMale
			if g == forms.GenderMale {
				other = forms.GenderFemale
			}
			if strings.Contains(strings.ToLower(text), strings.ToLower(other.Honorific()+" "+name)) {
				t.Errorf("%s: the dossier calls a %s representative %q", p, g, other.Honorific())
			}
		}
	}
}

func TestImplementingAndPartnerUnits(t *testing.T) {
	app := forms.Sample(forms.CleanerProduction)
	text := dossierText(buildFinal(t, app))
	if !strings.Contains(text, "Đơn vị thực hiện đồng thời là đơn vị thụ hưởng") {
		t.Error("default: the establishment carries out its project itself")
	}
	app.Project.ImplementingUnit = "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Đắk Lắk"
	app.Project.PartnerUnit = "Viện Môi trường Nông nghiệp"
	text = dossierText(buildFinal(t, app))
	if strings.Contains(text, "đồng thời là đơn vị thụ hưởng") {
		t.Error("another implementing unit was named, yet the dossier says the beneficiary implements")
	}
	for _, want := range []string{"Đơn vị thực hiện: Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Đắk Lắk", "Đơn vị thụ hưởng:", "Đơn vị phối hợp: Viện Môi trường Nông nghiệp"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
}

// Each legal document of the "Căn cứ" list gives its number, date and issuer; TT 20/2017 amends
// TT 46/2012 and TT 64/2024 amends TT 28/2018 (neither replaces it).
func TestLegalBasisListsNumberDateIssuer(t *testing.T) {
	text := dossierText(buildFinal(t, forms.Sample(forms.Equipment)))
	i := strings.Index(text, "Căn cứ thực hiện")
	if i < 0 {
		t.Fatal("no Căn cứ section")
	}
	var items []string
	for _, l := range strings.Split(text[i:], "\n")[1:] {
		if !strings.HasPrefix(l, "- ") {
			break
		}
		items = append(items, l)
	}
	if len(items) < 5 {
		t.Fatalf("Căn cứ: %v", items)
	}
	for _, it := range items[:len(items)-1] { // the last is the establishment's own need
		if !strings.Contains(it, " số ") || !strings.Contains(it, " ngày ") || !strings.Contains(it, " của ") {
			t.Errorf("Căn cứ without number, date or issuer: %s", it)
		}
	}
	for _, want := range []string{"Thông tư số 46/2012/TT-BCT ngày 28/12/2012", "được sửa đổi, bổ sung bởi Thông tư số 20/2017/TT-BCT",
		"Thông tư số 28/2018/TT-BTC ngày 28/3/2018 của Bộ trưởng Bộ Tài chính", "được sửa đổi, bổ sung bởi Thông tư số 64/2024/TT-BTC"} {
		if !strings.Contains(text, want) {
			t.Errorf("Căn cứ lacks %q", want)
		}
	}
	if strings.Contains(text, "nay là Thông tư 20/2017") {
		t.Error("TT 20/2017 is said to replace TT 46/2012")
	}
}
