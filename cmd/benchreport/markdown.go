package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"khuyencong/forms"
)

// markdown writes the report: machine, headline figures, then each measurement in detail.
func (r *report) markdown() string {
	var b strings.Builder
	m := r.machine
	b.WriteString("# Hiệu năng (performance)\n\n")
	b.WriteString("Tệp này do `make bench` (chương trình `cmd/benchreport`) sinh ra; đừng sửa tay, hãy chạy lại.\n")
	b.WriteString("Số liệu là thời gian thực (wall clock) trên một máy, đọc như bậc độ lớn.\n")
	b.WriteString("Bộ nhớ của giao diện (màn hình thư viện, bước dự toán, khung hình đầu), trước và sau khi giảm: [performance-ui.md](performance-ui.md).\n\n")

	b.WriteString("## Máy đo\n\n")
	b.WriteString(mdHeader("", ""))
	b.WriteString(mdRow("Ngày đo", m.date.Format("02/01/2006 15:04 MST")))
	b.WriteString(mdRow("CPU", m.cpu))
	b.WriteString(mdRow("Số nhân (nproc)", fmt.Sprint(m.cores)))
	b.WriteString(mdRow("Bộ nhớ", number(float64(m.memory)/(1<<30), 1)+" GB"))
	b.WriteString(mdRow("Hệ điều hành", m.os))
	b.WriteString(mdRow("Go", m.goVersion))
	if m.commit != "" {
		b.WriteString(mdRow("Mã nguồn", m.commit))
	}
	b.WriteString("\n")

	r.writeSummary(&b)
	r.writeSamples(&b)
	r.writeScaling(&b)
	r.writeStore(&b)
	r.writeStart(&b)
	r.writeLibreOffice(&b)
	r.writeGoBenchmarks(&b)
	r.writeMethod(&b)
	return b.String()
}

var errSkipped = errors.New("bỏ qua trong lần chạy này (-skip)")

func (r *report) sample(p forms.Programme) *renderFigures {
	for i := range r.samples {
		if r.samples[i].label == string(p) {
			return &r.samples[i]
		}
	}
	return nil
}

// benchFigure formats one metric of one Go benchmark, or says why it is missing.
func (r *report) benchFigure(pkgSuffix, name, unit string) (string, bool) {
	if r.opts.skip["gobench"] {
		return notMeasured(errSkipped), false
	}
	if r.bench == nil {
		return notMeasured(r.benchErr), false
	}
	res := r.bench.findMetric(pkgSuffix, name, unit)
	if res == nil {
		for pkg, why := range r.bench.failures {
			if strings.HasSuffix(pkg, pkgSuffix) {
				return notMeasured(fmt.Errorf("gói %s không chạy được: %s", pkg, why)), false
			}
		}
		return notMeasured(fmt.Errorf("chưa có benchmark %s trong %s", name, pkgSuffix)), false
	}
	v, ok := res.metrics[unit]
	if !ok {
		return notMeasured(fmt.Errorf("%s không báo %s", name, unit)), false
	}
	switch unit {
	case "ns/op":
		return duration(time.Duration(v)), true
	case "ms-median", "ms-p99":
		return duration(time.Duration(v * float64(time.Millisecond))), true
	case "MB-file":
		return number(v, 1) + " MB", true
	}
	return number(v, 1) + " " + unit, true
}

func (r *report) writeSummary(b *strings.Builder) {
	b.WriteString("## Tóm tắt\n\n")
	b.WriteString(mdHeader("Chỉ số", "Kết quả", "Bộ nhớ đỉnh", "Ghi chú"))
	hosoWall := time.Duration(0)
	if f := r.sample(forms.Equipment); f != nil && f.err == nil {
		hosoWall = f.runs.median()
		b.WriteString(mdRow("`hoso render` hồ sơ mẫu máy móc thiết bị (PDF + Excel, cả tiến trình)", duration(hosoWall), megabytes(f.runs.peak()), fmt.Sprintf("trung vị %d lần, bản %s", len(f.runs), f.variant)))
	} else {
		b.WriteString(mdRow("`hoso render` hồ sơ mẫu máy móc thiết bị", r.sampleError(forms.Equipment), "", ""))
	}
	switch {
	case r.opts.skip["libreoffice"]:
		b.WriteString(mdRow("LibreOffice chuyển cùng bảng dự toán sang PDF", notMeasured(errSkipped), "", ""))
	case r.loErr != nil:
		b.WriteString(mdRow("LibreOffice chuyển cùng bảng dự toán sang PDF", notMeasured(r.loErr), "", ""))
	default:
		lo := r.lo.median()
		note := "hồ sơ LibreOffice đã có sẵn; mục tiêu: hoso nhanh hơn ít nhất 10×"
		if hosoWall > 0 {
			x := float64(lo) / float64(hosoWall)
			verdict := "đạt"
			if x < 10 {
				verdict = "CHƯA ĐẠT"
			}
			note = fmt.Sprintf("hoso nhanh hơn %s (mục tiêu ≥ 10×: %s); hồ sơ LibreOffice đã có sẵn", ratio(x), verdict)
			if r.loFreshErr == nil && len(r.loFresh) > 0 {
				note += fmt.Sprintf(", với hồ sơ mới mỗi lần: %s, %s", duration(r.loFresh.median()), ratio(float64(r.loFresh.median())/float64(hosoWall)))
			}
		}
		b.WriteString(mdRow("LibreOffice chuyển cùng bảng dự toán sang PDF", duration(lo), megabytes(r.lo.peak()), note))
	}
	if last := r.lastScaled(); last != nil {
		per := last.runs.median() / time.Duration(last.lines)
		b.WriteString(mdRow(fmt.Sprintf("`hoso render` %s dự toán", plural(last.lines, "dòng")), duration(last.runs.median()), megabytes(last.runs.peak()), duration(per)+" mỗi dòng"))
	} else {
		b.WriteString(mdRow("`hoso render` nhiều dòng dự toán", r.scaleError(), "", ""))
	}
	med, _ := r.benchFigure("boltstore", "BenchmarkSaveApplication", "ms-median")
	p99, _ := r.benchFigure("boltstore", "BenchmarkSaveApplication", "ms-p99")
	b.WriteString(mdRow("Lưu một hồ sơ (một giao dịch bbolt, fsync): trung vị / p99", med+" / "+p99, "", "`BenchmarkSaveApplication`"))
	list, _ := r.benchFigure("boltstore", "BenchmarkApplications10k/all-after-a-save", "ns/op")
	b.WriteString(mdRow("Danh sách 10.000 hồ sơ (đọc lại sau một lần lưu)", list, "", "`BenchmarkApplications10k/all-after-a-save`"))
	switch {
	case r.opts.skip["start"]:
		b.WriteString(mdRow("Mở ứng dụng tới khung hình đầu tiên (Xvfb)", notMeasured(errSkipped), "", ""))
	case len(r.frames) == 0:
		b.WriteString(mdRow("Mở ứng dụng tới khung hình đầu tiên (Xvfb)", notMeasured(r.framesErr), "", ""))
	default:
		med, peak := frameStats(r.frames)
		b.WriteString(mdRow("Mở ứng dụng tới khung hình đầu tiên (Xvfb)", duration(med), megabytes(peak), fmt.Sprintf("trung vị %d lần, tệp dữ liệu trống", len(r.frames))))
	}
	b.WriteString("\n")
}

func (r *report) sampleError(p forms.Programme) string {
	if r.opts.skip["render"] {
		return notMeasured(errSkipped)
	}
	if f := r.sample(p); f != nil && f.err != nil {
		return notMeasured(f.err)
	}
	return notMeasured(errors.New("không có số liệu"))
}

func (r *report) lastScaled() *renderFigures {
	for i := len(r.scaled) - 1; i >= 0; i-- {
		if r.scaled[i].err == nil && len(r.scaled[i].runs) > 0 {
			return &r.scaled[i]
		}
	}
	return nil
}

func (r *report) scaleError() string {
	if r.opts.skip["scale"] {
		return notMeasured(errSkipped)
	}
	for _, f := range r.scaled {
		if f.err != nil {
			return notMeasured(f.err)
		}
	}
	return notMeasured(errors.New("không có số liệu"))
}

func (r *report) writeSamples(b *strings.Builder) {
	b.WriteString("## Xuất hồ sơ mẫu của từng chương trình\n\n")
	b.WriteString("`hoso render MẪU.hoso.json -o THƯ_MỤC` như một tiến trình riêng: đọc tệp, kiểm tra, tính dự toán, ")
	b.WriteString("ghi PDF và bảng Excel. Bộ nhớ đỉnh là ru_maxrss của tiến trình con.\n\n")
	b.WriteString(mdHeader("Chương trình", "Dòng dự toán", "Trung vị", "Nhanh nhất", "Bộ nhớ đỉnh", "Trang PDF", "PDF", "Excel"))
	if r.opts.skip["render"] {
		b.WriteString(mdRow("tất cả", notMeasured(errSkipped), "", "", "", "", "", ""))
	}
	for _, f := range r.samples {
		name := forms.Programme(f.label).Label()
		if f.err != nil {
			b.WriteString(mdRow(name, "", notMeasured(f.err), "", "", "", "", ""))
			continue
		}
		b.WriteString(mdRow(name, fmt.Sprint(f.lines), duration(f.runs.median()), duration(f.runs.fastest()), megabytes(f.runs.peak()),
			fmt.Sprint(f.pages), kilobytes(f.pdf), kilobytes(f.xlsx)))
	}
	b.WriteString("\n")
}

func (r *report) writeScaling(b *strings.Builder) {
	b.WriteString("## Thời gian theo số dòng dự toán\n\n")
	b.WriteString("Hồ sơ mẫu máy móc thiết bị với các dòng dự toán của nó lặp lại tới N dòng. \"Thêm mỗi dòng\" là ")
	b.WriteString("(thời gian N dòng − thời gian ít dòng nhất) / (N − số dòng ít nhất): phần việc tăng theo dòng, bỏ ")
	b.WriteString("phần cố định (khởi động, phông chữ). Nếu con số này gần như không đổi thì thời gian tăng tuyến tính.\n\n")
	b.WriteString(mdHeader("Dòng", "Trung vị", "Mỗi dòng", "Thêm mỗi dòng", "Bộ nhớ đỉnh", "Trang PDF", "PDF", "Excel", "Bản"))
	if r.opts.skip["scale"] {
		b.WriteString(mdRow("tất cả", notMeasured(errSkipped), "", "", "", "", "", "", ""))
	}
	var base *renderFigures
	for i := range r.scaled {
		f := &r.scaled[i]
		if f.err != nil {
			b.WriteString(mdRow(number(float64(f.lines), 0), notMeasured(f.err), "", "", "", "", "", "", ""))
			continue
		}
		med := f.runs.median()
		marginal := "–"
		if base == nil {
			base = f
		} else if f.lines > base.lines {
			marginal = duration((med - base.runs.median()) / time.Duration(f.lines-base.lines))
		}
		b.WriteString(mdRow(number(float64(f.lines), 0), duration(med), duration(med/time.Duration(f.lines)), marginal,
			megabytes(f.runs.peak()), fmt.Sprint(f.pages), kilobytes(f.pdf), kilobytes(f.xlsx), f.variant))
	}
	b.WriteString("\n")
}

func (r *report) writeStore(b *strings.Builder) {
	b.WriteString("## Kho dữ liệu (bbolt)\n\n")
	b.WriteString("Từ các benchmark của `forms/boltstore` (tệp thật trong thư mục tạm, mỗi lần lưu một giao dịch và một fsync).\n\n")
	b.WriteString(mdHeader("Thao tác", "Kết quả", "Benchmark"))
	rows := []struct{ what, name, unit string }{
		{"Lưu một hồ sơ: trung vị", "BenchmarkSaveApplication", "ms-median"},
		{"Lưu một hồ sơ: p99", "BenchmarkSaveApplication", "ms-p99"},
		{"Danh sách 10.000 hồ sơ (có chỉ mục trong bộ nhớ)", "BenchmarkApplications10k/all", "ns/op"},
		{"Danh sách 10.000 hồ sơ sau một lần lưu (giải mã lại)", "BenchmarkApplications10k/all-after-a-save", "ns/op"},
		{"Tìm trong 10.000 hồ sơ", "BenchmarkApplications10k/search", "ns/op"},
		{"Kích thước tệp 10.000 hồ sơ", "BenchmarkOpen10k", "MB-file"},
		{"Mở tệp 10.000 hồ sơ và kiểm tra toàn tệp", "BenchmarkOpen10k/open+check", "ns/op"},
		{"Sao lưu tệp 10.000 hồ sơ", "BenchmarkOpen10k/backup", "ns/op"},
		{"Nhập 1.000 hồ sơ", "BenchmarkImport1000", "ns/op"},
	}
	for _, row := range rows {
		v, _ := r.benchFigure("boltstore", row.name, row.unit)
		b.WriteString(mdRow(row.what, v, "`"+row.name+"`"))
	}
	b.WriteString("\n")
}

func frameStats(frames []frameRun) (time.Duration, int64) {
	d := make([]time.Duration, len(frames))
	var peak int64
	for i, f := range frames {
		d[i] = f.toFrame
		peak = max(peak, f.rss)
	}
	slices.Sort(d)
	return d[len(d)/2], peak
}

func (r *report) writeStart(b *strings.Builder) {
	b.WriteString("## Khởi động ứng dụng\n\n")
	b.WriteString("`cmd/khuyencong` (bản dựng như `make build`) chạy dưới Xvfb 1280×800 với phần mềm dựng hình Mesa, tệp ")
	b.WriteString("dữ liệu trống; đo từ lúc exec tới lúc bắt đầu lần chụp màn hình (`import -window root`) đầu tiên thấy ")
	b.WriteString("nội dung. Khung hình đầu xuất hiện trong khoảng một lần chụp trước đó: độ phân giải của phép đo là cột ")
	b.WriteString("\"Một lần chụp\". Bộ nhớ là VmRSS của ứng dụng lúc đó.\n\n")
	switch {
	case r.opts.skip["start"]:
		b.WriteString(notMeasured(errSkipped) + "\n\n")
		return
	case len(r.frames) == 0:
		b.WriteString(notMeasured(r.framesErr) + "\n\n")
		return
	}
	b.WriteString(mdHeader("Lần", "Tới khung hình đầu", "Bộ nhớ (VmRSS)", "Một lần chụp"))
	for i, f := range r.frames {
		b.WriteString(mdRow(fmt.Sprint(i+1), duration(f.toFrame), megabytes(f.rss), duration(f.capture)))
	}
	if r.framesErr != nil {
		b.WriteString(mdRow("…", notMeasured(r.framesErr), "", ""))
	}
	b.WriteString("\n")
}

func (r *report) writeLibreOffice(b *strings.Builder) {
	b.WriteString("## So sánh với LibreOffice\n\n")
	b.WriteString("LibreOffice headless chuyển chính bảng dự toán Excel mà `hoso render` vừa ghi (hồ sơ mẫu máy móc ")
	b.WriteString("thiết bị) sang PDF, tính lại công thức khi mở; hồ sơ người dùng LibreOffice (`-env:UserInstallation`) ")
	b.WriteString("hoặc đã được tạo bởi một lần chạy không tính giờ, hoặc mới mỗi lần (như một script hay CI chạy nó: ")
	b.WriteString("LibreOffice phải dựng hồ sơ trước). `hoso render` làm nhiều việc hơn (kiểm tra, PDF nhiều trang và ")
	b.WriteString("bảng Excel) trong một tiến trình.\n\n")
	if r.opts.skip["libreoffice"] {
		b.WriteString(notMeasured(errSkipped) + "\n\n")
		return
	}
	hoso := r.sample(forms.Equipment)
	b.WriteString(mdHeader("", "Trung vị", "Nhanh nhất", "Bộ nhớ đỉnh", "Số lần", "LibreOffice / hoso"))
	for _, lo := range []struct {
		label string
		s     series
		err   error
	}{
		{"`soffice --headless --convert-to pdf`, hồ sơ LibreOffice đã có sẵn", r.lo, r.loErr},
		{"`soffice --headless --convert-to pdf`, hồ sơ LibreOffice mới mỗi lần", r.loFresh, r.loFreshErr},
	} {
		if lo.err != nil || len(lo.s) == 0 {
			b.WriteString(mdRow(lo.label, notMeasured(cmpErr(lo.err)), "", "", "", ""))
			continue
		}
		x := "–"
		if hoso != nil && hoso.err == nil {
			x = ratio(float64(lo.s.median()) / float64(hoso.runs.median()))
		}
		b.WriteString(mdRow(lo.label, duration(lo.s.median()), duration(lo.s.fastest()), megabytes(lo.s.peak()), fmt.Sprint(len(lo.s)), x))
	}
	if hoso != nil && hoso.err == nil {
		b.WriteString(mdRow("`hoso render` (PDF + Excel)", duration(hoso.runs.median()), duration(hoso.runs.fastest()), megabytes(hoso.runs.peak()), fmt.Sprint(len(hoso.runs)), "1×"))
	}
	b.WriteString("\nMục tiêu: LibreOffice / hoso ≥ 10×.\n\n")
}

func cmpErr(err error) error {
	if err == nil {
		return errors.New("không có số liệu")
	}
	return err
}

func (r *report) writeGoBenchmarks(b *strings.Builder) {
	b.WriteString("## Benchmark Go\n\n")
	b.WriteString(fmt.Sprintf("`go test -tags %s -run '^$' -bench . -benchmem %s`", r.opts.tags, strings.Join(r.opts.pkgs, " ")))
	switch {
	case r.opts.skip["gobench"]:
		b.WriteString("\n\n" + notMeasured(errSkipped) + "\n\n")
		return
	case r.bench == nil:
		b.WriteString("\n\n" + notMeasured(r.benchErr) + "\n\n")
		return
	}
	b.WriteString(fmt.Sprintf(" (%s).\n\n", duration(r.bench.elapsed)))
	b.WriteString(mdHeader("Gói", "Benchmark", "Thời gian/lần", "Cấp phát/lần", "Số lần cấp phát", "Chỉ số khác"))
	for _, res := range r.bench.results {
		var other []string
		for _, u := range res.units {
			switch u {
			case "ns/op", "B/op", "allocs/op":
			default:
				other = append(other, number(res.metrics[u], 2)+" "+u)
			}
		}
		alloc, allocs := "–", "–"
		if v, ok := res.metrics["B/op"]; ok {
			alloc = kilobytes(int64(v))
		}
		if v, ok := res.metrics["allocs/op"]; ok {
			allocs = number(v, 0)
		}
		b.WriteString(mdRow(strings.TrimPrefix(res.pkg, "khuyencong/"), strings.TrimPrefix(res.name, "Benchmark"),
			duration(time.Duration(res.metrics["ns/op"])), alloc, allocs, strings.Join(other, ", ")))
	}
	var failed []string
	for pkg, why := range r.bench.failures {
		failed = append(failed, fmt.Sprintf("- %s: %s", pkg, notMeasured(errors.New(why))))
	}
	slices.Sort(failed)
	if len(failed) > 0 {
		b.WriteString("\nGói không chạy được:\n\n" + strings.Join(failed, "\n") + "\n")
	}
	b.WriteString("\n")
}

func (r *report) writeMethod(b *strings.Builder) {
	b.WriteString("## Cách đo\n\n")
	b.WriteString(fmt.Sprintf("- Mỗi phép đo cả tiến trình chạy %d lần (1.000 dòng trở lên: tối đa 3 lần, LibreOffice: tối đa 3), ", r.opts.reps))
	b.WriteString("báo trung vị; bộ nhớ đỉnh là lớn nhất của các lần.\n")
	b.WriteString("- `hoso` được dựng với `CGO_ENABLED=0 go build ./cmd/hoso`, như `make build`.\n")
	b.WriteString("- Chạy lại: `make bench` (hoặc `go run ./cmd/benchreport -skip start,libreoffice` khi thiếu Xvfb hay LibreOffice).\n")
	b.WriteString("- Máy có 2 nhân dùng chung với việc khác thì số liệu dao động; so sánh các lần đo trên cùng một máy.\n")
}
