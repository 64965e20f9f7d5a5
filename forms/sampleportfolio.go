package forms

import "fmt"

// SamplePortfolio returns n valid dossiers of one province's plan year, as a Centre receives them:
// the three sample programmes in turn, each establishment with its own tax code, budgets scaled so
// that no two dossiers have the same figures, and a few that meet the year's priorities. It backs
// `hoso sample --portfolio`, the plan's tests and its benchmark. Deterministic: the same n gives the
// same dossiers.
func SamplePortfolio(n int) []*Application {
	out := make([]*Application, 0, n)
	progs := Programmes()
	for i := 0; i < n; i++ {
		app := Sample(progs[i%len(progs)])
		app.Enterprise.TaxCode = SampleTaxCode(i)
		app.Enterprise.Name = fmt.Sprintf("%s số %d", app.Enterprise.Name, i+1)
		if app.Enterprise.Address.Province != "79" {
			app.Enterprise.Address = Address{Street: "Số 8 đường Lê Lợi", Commune: "Phường Bà Rịa", Province: "79"}
			app.Project.Location = app.Enterprise.Address.String()
			app.Letter.Recipient = "Sở Công Thương Thành phố Hồ Chí Minh"
		}
		app.Fund = Fund{Kind: FundLocal, Province: "79"}
		for j := range app.Budget.Lines {
			app.Budget.Lines[j].UnitPrice += Money((i*7919 + j*104729) % 5_000_000)
		}
		switch i % 5 {
		case 1:
			if len(app.Project.Machines) > 0 {
				app.Project.Machines[0].SelfMade = true
				app.Project.Machines[0].Recognition = "Quyết định công nhận số 12/QĐ-SCT ngày 05/6/2026 của Sở Công Thương"
			}
		case 2:
			if app.Programme == TradeFair {
				app.Project.Selection.Enter = true
				app.Project.Selection.Level = "quoc-gia"
			}
		}
		out = append(out, app)
	}
	return out
}

// SampleTaxCode is the i-th valid sample tax code (10 digits with its check digit, range 07).
func SampleTaxCode(i int) string {
	for n := 1000 + i*13; ; n++ {
		s := fmt.Sprintf("07%07d", n%10_000_000)
		sum := 0
		for k, c := range s {
			sum += int(c-'0') * taxCodeWeights[k]
		}
		if sum%11 == 0 || s[2:] == "0000000" {
			continue
		}
		return s + fmt.Sprint(10-sum%11)
	}
}
