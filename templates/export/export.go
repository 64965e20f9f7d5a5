// Package export writes a dossier's PDF and its Excel budget sheet side by side, atomically, for
// the desktop app and for hoso render.
package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/templates"
	"khuyencong/templates/pdf"
	"khuyencong/templates/xlsx"
)

// Options choose what is written.
type Options struct {
	Variant    templates.Variant // final, draft or blank
	WordStyle  forms.WordStyle
	FontPath   string    // a TrueType font the user picked; empty: the system's Times-class serif
	Now        time.Time // the creation time written into the files; zero: now
	AppVersion string
	BaseDir    string // where relative attachment paths start (the dossier file's folder)
	SkipXLSX   bool   // write the PDF only
	// DossierPages prints "Hồ sơ: trang x/y" in the PDF's top margin (pdf.Options.DossierPages).
	DossierPages bool
}

// Result names the files written and what the reader should know.
type Result struct {
	PDFPath  string
	XLSXPath string
	Pages    int
	Font     string
	Warnings []string
}

// BaseName names the output files after the tax code, the programme and the year, e.g.
// "0701234567_equipment_2027", with "_ban-nhap" for a draft and "_mau-trong" for a blank form.
func BaseName(app *forms.Application, v templates.Variant) string {
	tax := strings.ReplaceAll(forms.NormaliseTaxCode(app.Enterprise.TaxCode), "-", "")
	if tax == "" {
		tax = "chua-co-mst"
	}
	name := fmt.Sprintf("%s_%s_%d", safe(tax), safe(string(app.Programme)), app.Year)
	switch v {
	case templates.Draft:
		name += "_ban-nhap"
	case templates.Blank:
		name += "_mau-trong"
	}
	return name
}

func safe(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	return b.String()
}

// Write writes the PDF dossier and (unless skipped or blank) the budget sheet into dir. rep is
// forms.Check(app, packs). A final dossier is refused while blocking problems remain. progress, if
// not nil, receives values from 0 to 1. A cancelled context stops the work and leaves no file.
func Write(ctx context.Context, app *forms.Application, rep *forms.Report, dir string, opts Options, progress func(float64)) (Result, error) {
	report := func(f float64) {
		if progress != nil {
			progress(f)
		}
	}
	if opts.Variant == "" {
		opts.Variant = templates.Final
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Variant == templates.Final && rep != nil && rep.Blocking() {
		var msgs []string
		for _, p := range rep.Problems {
			if p.Severity == forms.SeverityError {
				msgs = append(msgs, p.Message)
			}
		}
		return Result{}, &BlockedError{Problems: msgs}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Result{}, fmt.Errorf("không tạo được thư mục %s: %v", dir, err)
	}
	report(0.05)
	doc, err := templates.Build(app, rep, templates.Options{Variant: opts.Variant, WordStyle: opts.WordStyle, Now: opts.Now,
		AppVersion: opts.AppVersion, BaseDir: opts.BaseDir})
	if err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	report(0.2)
	base := filepath.Join(dir, BaseName(app, opts.Variant))
	res := Result{PDFPath: base + ".pdf"}
	var pres pdf.Result
	err = writeAtomic(ctx, res.PDFPath, func(w io.Writer) error {
		var err error
		pres, err = pdf.Write(w, doc, pdf.Options{FontPath: opts.FontPath, DossierPages: opts.DossierPages})
		return err
	})
	if err != nil {
		return Result{}, err
	}
	res.Pages, res.Font, res.Warnings = pres.Pages, pres.Font, pres.Warnings
	report(0.75)
	if !opts.SkipXLSX && opts.Variant != templates.Blank && rep != nil && rep.Budget != nil {
		res.XLSXPath = base + ".xlsx"
		err = writeAtomic(ctx, res.XLSXPath, func(w io.Writer) error {
			return xlsx.Write(w, app, rep, xlsx.Options{WordStyle: opts.WordStyle, Now: opts.Now, AppVersion: opts.AppVersion, Draft: opts.Variant == templates.Draft})
		})
		if err != nil {
			os.Remove(res.PDFPath)
			return Result{}, err
		}
	}
	report(1)
	return res, nil
}

// BlockedError refuses a final dossier while blocking problems remain.
type BlockedError struct{ Problems []string }

func (e *BlockedError) Error() string {
	return "hồ sơ còn lỗi chặn nộp, chưa xuất được bản chính thức (in bản nháp để xem):\n- " + strings.Join(e.Problems, "\n- ")
}

// writeAtomic writes through atomicfile and gives up, leaving nothing, when ctx is cancelled.
func writeAtomic(ctx context.Context, path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		if err := write(w); err != nil {
			return err
		}
		return ctx.Err()
	})
}
