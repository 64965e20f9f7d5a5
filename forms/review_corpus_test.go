package forms

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The review corpus: testdata/review holds the three clean samples and dossiers that are each a
// clean sample with one defect, named by the code it must raise. Regenerate the files with
//
//	go test ./forms -run TestReviewCorpus -update-review

var updateReview = flag.Bool("update-review", false, "rewrite forms/testdata/review from the samples")

const reviewDir = "testdata/review"

// reviewDefect is one defective dossier of the corpus.
type reviewDefect struct {
	name   string // file name without .hoso.json; starts with the code it must raise
	prog   Programme
	mutate func(*Application)
}

func setLine(i int, f func(*BudgetLine)) func(*Application) {
	return func(a *Application) { f(&a.Budget.Lines[i]) }
}

func dropAttachment(id string) func(*Application) {
	return func(a *Application) {
		var out []Attachment
		for _, x := range a.Attachments {
			if x.ID != id {
				out = append(out, x)
			}
		}
		a.Attachments = out
	}
}

var reviewDefects = []reviewDefect{
	{"date-order-letter-after-start", Equipment, func(a *Application) { a.Letter.Date = Date{2027, 3, 10} }},
	{"date-order-end-before-start", CleanerProduction, func(a *Application) { a.Project.EndDate = Date{2027, 2, 1} }},
	{"date-order-fair-outside-project", TradeFair, func(a *Application) {
		a.Project.Fair.Start, a.Project.Fair.End = Date{2027, 11, 5}, Date{2027, 11, 8}
	}},
	{"date-order-quotation-after-letter", Equipment, func(a *Application) {
		a.Project.Machines[0].Quotations = "Báo giá số 112/BG-BDX ngày 02/02/2027"
	}},
	{"date-order-assessment-after-letter", CleanerProduction, func(a *Application) { a.Project.Assessment.Date = Date{2027, 2, 10} }},
	{"date-order-letter-after-start-fair", TradeFair, func(a *Application) { a.Letter.Date = Date{2027, 3, 2} }},
	{"date-order-attachment-note", TradeFair, func(a *Application) {
		a.Attachments[1].Note = "Thư mời số 18/TM-HHMN ngày 20/01/2027"
	}},
	{"date-order-budget-note", Equipment, setLine(0, func(l *BudgetLine) { l.Note = "Báo giá số 112/BG-BDX ngày 15/01/2027" })},
	{"plan-year-end-next-year", Equipment, func(a *Application) { a.Project.EndDate = Date{2028, 3, 31} }},
	{"plan-year-wrong-year", CleanerProduction, func(a *Application) { a.Year = 2028 }},
	{"plan-year-start-previous-year", TradeFair, func(a *Application) {
		a.Project.StartDate, a.Letter.Date = Date{2026, 12, 15}, Date{2026, 12, 1}
	}},
	{"recipient-old-province", TradeFair, func(a *Application) { a.Letter.Recipient = "Sở Công Thương tỉnh Bình Dương" }},
	{"recipient-old-province-ba-ria-vung-tau", Equipment, func(a *Application) { a.Letter.Recipient = "Sở Công Thương tỉnh Bà Rịa - Vũng Tàu" }},
	{"recipient-old-province-phu-yen", CleanerProduction, func(a *Application) { a.Letter.Recipient = "Sở Công Thương tỉnh Phú Yên" }},
	{"recipient-other-province", Equipment, func(a *Application) { a.Letter.Recipient = "Sở Công Thương Thành phố Hà Nội" }},
	{"recipient-other-province-cleaner", CleanerProduction, func(a *Application) { a.Letter.Recipient = "Sở Công Thương tỉnh Gia Lai" }},
	{"recipient-not-department", CleanerProduction, func(a *Application) { a.Letter.Recipient = "Ủy ban nhân dân xã Buôn Đôn" }},
	{"recipient-no-province", Equipment, func(a *Application) { a.Letter.Recipient = "Sở Công Thương" }},
	{"old-address-provincial-city", Equipment, func(a *Application) {
		a.Project.Location = "Số 15 Đường Đoàn Thị Điểm, Phường 1, Thành phố Vũng Tàu, Tỉnh Bà Rịa - Vũng Tàu"
	}},
	{"old-address-district", CleanerProduction, func(a *Application) {
		a.Project.Location = "Thôn Trí A, Xã Krông Na, Huyện Buôn Đôn, Tỉnh Đắk Lắk"
	}},
	{"old-address-township", CleanerProduction, func(a *Application) { a.Enterprise.Address.Commune = "Thị trấn Buôn Đôn" }},
	{"old-address-merged-province", TradeFair, func(a *Application) { a.Project.Location = "Phường Lái Thiêu, Bình Dương" }},
	{"old-address-fair-place", TradeFair, func(a *Application) {
		a.Project.Fair.Place = "Trung tâm Hội chợ Triển lãm, Quận 7, Thành phố Hồ Chí Minh"
	}},
	{"old-address-urban-district", Equipment, func(a *Application) { a.Enterprise.Address.Street = "Số 15 Đường Đoàn Thị Điểm, Quận 1" }},
	{"old-address-town", TradeFair, func(a *Application) { a.Project.Location = "Phường Lái Thiêu, Thị xã Thuận An" }},
	{"foreign-name-title", Equipment, func(a *Application) {
		a.Project.Title = "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào khâu tráng, sấy bánh tráng tại Công ty TNHH Cơ khí Hải Long"
	}},
	{"foreign-name-objectives", Equipment, func(a *Application) {
		a.Project.Objectives += " Công ty Cổ phần Thực phẩm Sao Mai cam kết duy trì sản xuất sau khi kết thúc đề án."
	}},
	{"foreign-name-cooperative", CleanerProduction, func(a *Application) {
		a.Project.Problem = "Hợp tác xã Dệt may Hòa Bình xả nước thải nhuộm chưa qua xử lý; chi phí củi và nước ngày càng tăng."
	}},
	{"foreign-name-household", TradeFair, func(a *Application) {
		a.Project.Effects = "Hộ kinh doanh Nguyễn Văn Tư mở rộng thị trường, quảng bá thương hiệu, tạo việc làm ổn định."
	}},
	{"foreign-name-private-enterprise", Equipment, func(a *Application) {
		a.Project.Organisation = "Doanh nghiệp tư nhân Minh Phát chịu trách nhiệm chung; tổ kỹ thuật gồm 05 người tiếp nhận, vận hành máy."
	}},
	{"foreign-name-tax-code", CleanerProduction, func(a *Application) {
		a.Project.CurrentProduction += " Mã số thuế: 0101245486."
	}},
	{"foreign-name-scale", TradeFair, func(a *Application) {
		a.Project.Scale = "02 gian hàng tiêu chuẩn của Công ty TNHH Gốm Minh Long, trưng bày 120 sản phẩm."
	}},
	{"foreign-name-findings", CleanerProduction, func(a *Application) {
		a.Project.Assessment.Findings = "Kết quả đánh giá tại HTX Mây tre đan Phú Vinh: ba dòng thải chính."
	}},
	{"duplicate-line", Equipment, func(a *Application) { a.Budget.Lines = append(a.Budget.Lines, a.Budget.Lines[2]) }},
	{"duplicate-line-fair", TradeFair, func(a *Application) { a.Budget.Lines = append(a.Budget.Lines, a.Budget.Lines[3]) }},
	{"duplicate-line-cleaner", CleanerProduction, func(a *Application) {
		l := a.Budget.Lines[2]
		l.Description = "Tập huấn  sản xuất sạch hơn cho thành viên HTX " // spacing differs, still the same line
		a.Budget.Lines = append(a.Budget.Lines, l)
	}},
	{"machine-quantity-project", Equipment, func(a *Application) { a.Project.Machines[0].Quantity = QuantityOf(3) }},
	{"machine-quantity-budget", Equipment, setLine(1, func(l *BudgetLine) { l.Quantity = QuantityOf(2) })},
	{"machine-quantity-no-line", Equipment, setLine(1, func(l *BudgetLine) { l.Description = "Máy sấy nhiệt khí nóng" })},
	{"signer", Equipment, func(a *Application) { a.Signer.Name = "Phạm Văn Lộc" }},
	{"signer-cooperative", CleanerProduction, func(a *Application) { a.Signer.Name = "Y Bhim Ksor" }},
	{"signer-fair", TradeFair, func(a *Application) {
		a.Signer = Person{Name: "Lê Thị Ánh Tuyết", Title: "Phó Tổng giám đốc"}
	}},
	{"machine-new-used", Equipment, func(a *Application) { a.Project.Machines[1].Specifications += "; máy đã qua sử dụng 2 năm" }},
	{"machine-new-old-year", Equipment, func(a *Application) { a.Project.Machines[0].Specifications += "; năm sản xuất 2020" }},
	{"machine-new-future-year", Equipment, func(a *Application) { a.Project.Machines[0].Specifications += "; năm sản xuất: 2029" }},
	{"attachment", Equipment, dropAttachment("quotations")},
	{"attachment-cleaner", CleanerProduction, dropAttachment("assessment-report")},
	{"attachment-fair", TradeFair, dropAttachment("invitation")},
	{"phone", Equipment, func(a *Application) { a.Enterprise.Phone = "0123 456" }},
	{"phone-foreign", TradeFair, func(a *Application) { a.Enterprise.Phone = "+1 212 555 0100" }},
	{"email", CleanerProduction, func(a *Application) { a.Enterprise.Email = "lienhe@example" }},
	{"bank-account", TradeFair, func(a *Application) { a.Enterprise.BankAccount = "12AB 5678" }},
	{"bank-account-short", Equipment, func(a *Application) { a.Enterprise.BankAccount = "1234" }},
}

// codeOfName is the code a corpus file must raise: the longest code its name starts with.
func codeOfName(name string) string {
	best := ""
	for _, c := range ReviewCodes() {
		if (name == c || strings.HasPrefix(name, c+"-")) && len(c) > len(best) {
			best = c
		}
	}
	return best
}

func writeReviewCorpus(t *testing.T) {
	if err := os.MkdirAll(reviewDir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, app *Application) {
		data, err := MarshalApplication(app)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(reviewDir, name+".hoso.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range Programmes() {
		write("clean-"+string(p), Sample(p))
	}
	for _, d := range reviewDefects {
		app := Sample(d.prog)
		d.mutate(app)
		write(d.name, app)
	}
}

func TestReviewCorpus(t *testing.T) {
	if *updateReview {
		writeReviewCorpus(t)
	}
	files, err := filepath.Glob(filepath.Join(reviewDir, "*.hoso.json"))
	if err != nil {
		t.Fatal(err)
	}
	defective, clean := 0, 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".hoso.json")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		app, err := DecodeApplication(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rep := Check(app, DefaultPacks())
		raised := map[string][]Problem{}
		for _, p := range rep.Problems {
			if p.Code == "" {
				t.Errorf("%s: a problem without a code: %+v", name, p)
			}
			if IsReviewCode(p.Code) {
				raised[p.Code] = append(raised[p.Code], p)
			}
		}
		if strings.HasPrefix(name, "clean-") {
			clean++
			for code, ps := range raised {
				t.Errorf("%s: false alarm %s: %s", name, code, ps[0].Message)
			}
			continue
		}
		defective++
		want := codeOfName(name)
		if want == "" {
			t.Errorf("%s: the name starts with no review code", name)
			continue
		}
		if len(raised[want]) == 0 {
			t.Errorf("%s: %s not raised; review codes raised: %v", name, want, keys(raised))
		}
		for code, ps := range raised {
			if code != want {
				t.Errorf("%s: one defect should raise only %s, also raised %s: %s", name, want, code, ps[0].Message)
			}
		}
		for _, p := range raised[want] {
			if p.Path == "" || p.Step == "" || p.Message == "" || p.MessageEN == "" {
				t.Errorf("%s: finding without field, step or messages in both languages: %+v", name, p)
			}
		}
	}
	// The samples as built now (they may have changed since the corpus was written) raise none either.
	for _, p := range Programmes() {
		for _, pr := range Check(Sample(p), DefaultPacks()).Problems {
			if IsReviewCode(pr.Code) {
				t.Errorf("Sample(%s): false alarm %s at %s: %s", p, pr.Code, pr.Path, pr.Message)
			}
		}
	}
	if defective < 40 || clean != 3 {
		t.Errorf("corpus has %d defective dossiers and %d clean samples; want ≥ 40 and 3", defective, clean)
	}
}

// TestReviewCorpusListed checks that the corpus and the table above name the same dossiers, so that
// a defect added to the table is generated and a file on disk is explained. (The files are not
// compared byte for byte with the generator: a sample that gains a field keeps the corpus valid.)
func TestReviewCorpusListed(t *testing.T) {
	names := map[string]bool{}
	for _, p := range Programmes() {
		names["clean-"+string(p)] = true
	}
	for _, d := range reviewDefects {
		names[d.name] = true
	}
	files, _ := filepath.Glob(filepath.Join(reviewDir, "*.hoso.json"))
	onDisk := map[string]bool{}
	for _, f := range files {
		n := strings.TrimSuffix(filepath.Base(f), ".hoso.json")
		onDisk[n] = true
		if !names[n] {
			t.Errorf("%s is in the corpus but not in reviewDefects", n)
		}
	}
	for n := range names {
		if !onDisk[n] {
			t.Errorf("%s.hoso.json is missing: run go test ./forms -run TestReviewCorpus -update-review", n)
		}
	}
}

func keys(m map[string][]Problem) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
