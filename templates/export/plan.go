package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/templates"
	"khuyencong/templates/pdf"
	"khuyencong/templates/xlsx"
)

// PlanOptions choose what the plan's files say.
type PlanOptions struct {
	Draft      bool   // adds the notes for whoever assembles the plan
	SignerName string // the Department's or Centre's signer
	FontPath   string
	WordStyle  forms.WordStyle
	Now        time.Time
	AppVersion string
}

// PlanResult names the plan's files.
type PlanResult struct {
	PDFPath  string
	XLSXPath string
	Font     string
}

// PlanBaseName names the plan's files as a person would: "Kế hoạch khuyến công 2027 - Thành phố Hồ
// Chí Minh", with " (bản nháp)" for a draft.
func PlanBaseName(p *forms.Plan, draft bool) string {
	base := fmt.Sprintf("Kế hoạch khuyến công %d", p.Year)
	if pr, ok := forms.ProvinceByCode(p.Province); ok {
		base += " - " + pr.FullName()
	}
	if draft {
		base += " (bản nháp)"
	}
	return base
}

// WritePlan writes the plan's PDF and workbook into dir. Both are written to temporary files
// first; the earlier files of the same name are replaced only when both are ready.
func WritePlan(p *forms.Plan, dir string, opts PlanOptions) (PlanResult, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return PlanResult{}, fmt.Errorf("không tạo được thư mục %s: %w", dir, err)
	}
	base := PlanBaseName(p, opts.Draft)
	res := PlanResult{PDFPath: filepath.Join(dir, base+".pdf"), XLSXPath: filepath.Join(dir, base+".xlsx")}
	doc := templates.BuildPlan(p, templates.PlanOptions{SignerName: opts.SignerName, Draft: opts.Draft, WordStyle: opts.WordStyle,
		Now: opts.Now, AppVersion: opts.AppVersion})
	tmpPDF, tmpXLSX := res.PDFPath+".tmp-plan", res.XLSXPath+".tmp-plan"
	defer os.Remove(tmpPDF)
	defer os.Remove(tmpXLSX)
	if err := atomicfile.Write(tmpPDF, 0o644, func(w io.Writer) error {
		r, err := pdf.Write(w, doc, pdf.Options{FontPath: opts.FontPath})
		res.Font = r.Font
		return err
	}); err != nil {
		return PlanResult{}, fmt.Errorf("không ghi được %s: %w", res.PDFPath, err)
	}
	if err := atomicfile.Write(tmpXLSX, 0o644, func(w io.Writer) error {
		return xlsx.WritePlan(w, p, xlsx.Options{WordStyle: opts.WordStyle, Now: opts.Now, AppVersion: opts.AppVersion})
	}); err != nil {
		return PlanResult{}, fmt.Errorf("không ghi được %s: %w", res.XLSXPath, err)
	}
	if err := os.Rename(tmpPDF, res.PDFPath); err != nil {
		return PlanResult{}, fmt.Errorf("không thay được %s (tệp đang mở?): %w", res.PDFPath, err)
	}
	if err := os.Rename(tmpXLSX, res.XLSXPath); err != nil {
		return PlanResult{}, fmt.Errorf("không thay được %s (tệp đang mở trong Excel?): %w", res.XLSXPath, err)
	}
	return res, nil
}
