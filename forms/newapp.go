package forms

import (
	"encoding/json"
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
