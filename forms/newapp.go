package forms

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// NewApplication starts a draft dossier of programme p for a client: the enterprise comes from the
// client's profile, the signer is the legal representative (or signer when the profile has none),
// the recipient is the Department of Industry and Trade of the fund's province.
func NewApplication(c *Client, p Programme, fund Fund, year int, now time.Time, signer Person) *Application {
	app := &Application{FormatVersion: FormatVersion, ClientID: c.ID, Programme: p, Fund: fund, Year: year,
		Status: StatusDraft, Enterprise: c.Enterprise, CreatedAt: now, UpdatedAt: now}
	if def := Definition(p); def != nil && len(def.Scopes) > 0 {
		app.Project.Scope = def.Scopes[0].Value
	}
	app.Signer = c.Enterprise.Representative
	app.Signer.IDNumber = ""
	if app.Signer.Name == "" && signer.Name != "" {
		app.Signer = signer
	}
	if pr, ok := ProvinceByCode(fund.Province); ok {
		app.Letter.Recipient = "Sở Công Thương " + pr.FullName()
	}
	return app
}

// CopyForYear returns a new draft with src's answers for another plan year: its dates move by the
// difference in years (29/02 stays 29/02 when the new year has it, else becomes 28/02), the letter's
// number and date and the support already received this year are cleared.
func CopyForYear(src *Application, year int, now time.Time) *Application {
	cp := cloneApplication(src)
	shift := year - src.Year
	move := func(d *Date) {
		if d.IsZero() || shift == 0 {
			return
		}
		d.Y += shift
		if d.M == 2 && d.D > daysIn(2, d.Y) {
			d.D = daysIn(2, d.Y)
		}
	}
	cp.ID = ""
	cp.Year = year
	cp.Status = StatusDraft
	cp.CreatedAt, cp.UpdatedAt = now, now
	cp.Letter.Date = Date{}
	cp.Letter.Number = ""
	move(&cp.Project.StartDate)
	move(&cp.Project.EndDate)
	for i := range cp.Project.Schedule {
		move(&cp.Project.Schedule[i].Start)
		move(&cp.Project.Schedule[i].End)
	}
	move(&cp.Project.Fair.Start)
	move(&cp.Project.Fair.End)
	cp.Project.PriorSupportThisYear = 0
	return cp
}

// cloneApplication is a deep copy through the dossier's own JSON form.
func cloneApplication(app *Application) *Application {
	data, err := json.Marshal(app)
	if err != nil {
		panic(err) // an Application always marshals
	}
	var c Application
	if err := json.Unmarshal(data, &c); err != nil {
		panic(err)
	}
	return &c
}

// legalForms are the prefixes of enterprise names that a person leaves out when naming a file.
var legalForms = []string{
	"công ty trách nhiệm hữu hạn một thành viên", "công ty trách nhiệm hữu hạn", "công ty tnhh mtv",
	"công ty tnhh", "công ty cổ phần", "công ty cp", "công ty", "hợp tác xã", "htx", "hộ kinh doanh",
	"doanh nghiệp tư nhân", "dntn", "cơ sở",
}

// DossierFileName names a dossier's output files the way a person would, without extension:
// "Hồ sơ khuyến công 2027 - Phước Hưng - Máy móc thiết bị", with " - bản nháp" or " - mẫu trống"
// for a draft or a blank form ("draft", "blank"). Vietnamese is kept (every current file system
// stores it); characters Windows refuses in names are left out.
func DossierFileName(app *Application, variant string) string {
	name := Clean(app.Enterprise.ShortName)
	if name == "" {
		name = Clean(app.Enterprise.Name)
		lower := strings.ToLower(name)
		for _, p := range legalForms {
			if strings.HasPrefix(lower, p+" ") {
				name = strings.TrimSpace(name[len(p):])
				break
			}
		}
		words := strings.Fields(name)
		if len(words) > 6 {
			words = words[len(words)-6:]
		}
		name = strings.Join(words, " ")
	}
	parts := []string{"Hồ sơ khuyến công"}
	if app.Year > 0 {
		parts[0] += " " + strconv.Itoa(app.Year)
	}
	if name != "" {
		parts = append(parts, name)
	}
	parts = append(parts, app.Programme.ShortLabel())
	switch variant {
	case "draft":
		parts = append(parts, "bản nháp")
	case "blank":
		parts = append(parts, "mẫu trống")
	}
	return safeFileName(strings.Join(parts, " - "))
}

// safeFileName leaves out what Windows refuses in a file name (<>:"/\|?* and control characters)
// and trailing dots and spaces.
func safeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return -1
		}
		return r
	}, NFC(s))
	return strings.TrimRight(strings.Join(strings.Fields(s), " "), ". ")
}
