package forms

import (
	"testing"
	"time"
)

func TestCopyForYearMovesDates(t *testing.T) {
	now := time.Date(2027, 11, 2, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name     string
		from     Date
		year, to int
		want     Date
	}{
		{"same day next year", Date{2027, 3, 15}, 2027, 2028, Date{2028, 3, 15}},
		{"29/02 to a leap year stays", Date{2028, 2, 29}, 2028, 2032, Date{2032, 2, 29}},
		{"29/02 to a common year", Date{2028, 2, 29}, 2028, 2029, Date{2029, 2, 28}},
		{"28/02 to a leap year stays 28", Date{2027, 2, 28}, 2027, 2028, Date{2028, 2, 28}},
		{"back one year", Date{2028, 12, 31}, 2028, 2027, Date{2027, 12, 31}},
		{"same year", Date{2028, 2, 29}, 2028, 2028, Date{2028, 2, 29}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := Sample(TradeFair)
			src.ID, src.Year, src.Status = "a1", tc.year, StatusSubmitted
			src.Project.StartDate, src.Project.Fair.Start = tc.from, tc.from
			src.Project.Schedule = []Task{{Start: tc.from, End: tc.from}}
			src.Letter.Number, src.Letter.Date = "12/CV", tc.from
			src.Project.PriorSupportThisYear = 5
			cp := CopyForYear(src, tc.to, now)
			if cp.Project.StartDate != tc.want || cp.Project.Fair.Start != tc.want || cp.Project.Schedule[0].End != tc.want {
				t.Errorf("start %v, fair %v, schedule %v; want %v", cp.Project.StartDate, cp.Project.Fair.Start, cp.Project.Schedule[0].End, tc.want)
			}
			if cp.ID != "" || cp.Year != tc.to || cp.Status != StatusDraft || !cp.CreatedAt.Equal(now) {
				t.Errorf("copy: id %q year %d status %q created %v", cp.ID, cp.Year, cp.Status, cp.CreatedAt)
			}
			if !cp.Letter.Date.IsZero() || cp.Letter.Number != "" || cp.Project.PriorSupportThisYear != 0 {
				t.Errorf("letter %q %v, prior support %v: not cleared", cp.Letter.Number, cp.Letter.Date, cp.Project.PriorSupportThisYear)
			}
			if src.Project.StartDate != tc.from || src.Project.Schedule[0].End != tc.from {
				t.Error("the source dossier changed")
			}
		})
	}
}

func TestNewApplication(t *testing.T) {
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	c := &Client{ID: "c1", Enterprise: Sample(Equipment).Enterprise}
	c.Enterprise.Representative.IDNumber = "001088012345"
	fund := Fund{Kind: FundLocal, Province: c.Enterprise.Address.Province}
	for _, p := range Programmes() {
		app := NewApplication(c, p, fund, 2027, now, Person{Name: "Người ký mặc định"})
		if app.ClientID != "c1" || app.Programme != p || app.Year != 2027 || app.Status != StatusDraft || app.FormatVersion != FormatVersion {
			t.Errorf("%s: %+v", p, app)
		}
		if def := Definition(p); len(def.Scopes) > 0 && app.Project.Scope != def.Scopes[0].Value {
			t.Errorf("%s: scope %q", p, app.Project.Scope)
		}
		if app.Signer.Name != c.Enterprise.Representative.Name || app.Signer.IDNumber != "" {
			t.Errorf("%s: signer %+v (the ID number must not be copied)", p, app.Signer)
		}
		if app.Letter.Recipient == "" {
			t.Errorf("%s: no recipient for province %q", p, fund.Province)
		}
	}
	c.Enterprise.Representative = Person{}
	if app := NewApplication(c, TradeFair, fund, 2027, now, Person{Name: "Trần Văn Ký", Title: "Giám đốc"}); app.Signer.Name != "Trần Văn Ký" {
		t.Errorf("no representative: signer %+v, want the default signer", app.Signer)
	}
}

func TestDossierFileName(t *testing.T) {
	app := Sample(TradeFair)
	app.Year = 2027
	for _, tc := range []struct{ name, short, variant, want string }{
		{"Công ty TNHH Chế biến Nông sản Phước Hưng", "", "", "Hồ sơ khuyến công 2027 - Chế biến Nông sản Phước Hưng - Hội chợ triển lãm"},
		{"Hợp tác xã Mây tre đan Phú Vinh", "Phú Vinh", "draft", "Hồ sơ khuyến công 2027 - Phú Vinh - Hội chợ triển lãm - bản nháp"},
		{"Cơ sở A/B: \"Tân\" *", "", "blank", "Hồ sơ khuyến công 2027 - AB Tân - Hội chợ triển lãm - mẫu trống"},
		{"", "", "", "Hồ sơ khuyến công 2027 - Hội chợ triển lãm"},
	} {
		app.Enterprise.Name, app.Enterprise.ShortName = tc.name, tc.short
		if got := DossierFileName(app, tc.variant); got != tc.want {
			t.Errorf("%q %q: %q, want %q", tc.name, tc.variant, got, tc.want)
		}
	}
}
