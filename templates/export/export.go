// Package export writes a dossier's PDF and its Excel budget sheet side by side, atomically.
//
// The desktop app and hoso render both export through it.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/templates"
	"khuyencong/templates/docx"
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
	DOCX       bool   // also write the editable Word file (templates/docx)
	// DossierPages prints "Hồ sơ: trang x/y" in the PDF's top margin (pdf.Options.DossierPages).
	DossierPages bool
	// AttachmentsInsideBaseDir reads only attachments inside BaseDir (relative paths that stay in it,
	// links resolved): a received dossier file cannot pull "/etc/passwd" or "../../.bashrc" into the
	// PDF. The others are left out with a warning naming the field. hoso render sets it.
	AttachmentsInsideBaseDir bool
}

// Result names the files written and what the reader should know.
type Result struct {
	PDFPath   string
	XLSXPath  string
	DOCXPath  string
	Pages     int
	Font      string
	Warnings  []string
	Documents []pdf.DocumentPage // where each document sits in the PDF (for templates/readback)
}

// BaseName names the output files the way a person would (forms.DossierFileName), e.g.
// "Hồ sơ khuyến công 2027 - Phước Hưng - Máy móc thiết bị", with " - bản nháp" for a draft and
// " - mẫu trống" for a blank form.
func BaseName(app *forms.Application, v templates.Variant) string {
	switch v {
	case templates.Draft:
		return forms.DossierFileName(app, "draft")
	case templates.Blank:
		return forms.DossierFileName(app, "blank")
	}
	return forms.DossierFileName(app, "")
}

// Write writes the PDF dossier and (unless skipped or blank) the budget sheet into dir. rep is
// forms.Check(app, packs). A final dossier is refused while blocking problems remain. progress, if
// not nil, receives values from 0 to 1. A cancelled context stops the work and leaves no file.
// The outputs are one transaction: all are written to temporary files first and the earlier files
// are replaced only when every output is ready; on any failure the earlier files are exactly as
// they were and the error names the file that could not be written and why, in Vietnamese.
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
		return Result{}, fmt.Errorf("không tạo được thư mục %s: %w", dir, err)
	}
	report(0.05)
	var outside []string
	if opts.AttachmentsInsideBaseDir {
		app, outside = withoutOutsideAttachments(app, opts.BaseDir)
	}
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
	// Every output goes to a temporary file first; the earlier files are replaced only when all are
	// written, together (atomicfile.CommitAll), so a failure leaves them exactly as they were.
	var pres pdf.Result
	pdfFile, err := prepare(ctx, res.PDFPath, "hồ sơ PDF", func(w io.Writer) error {
		var err error
		pres, err = pdf.Write(w, doc, pdf.Options{FontPath: opts.FontPath, DossierPages: opts.DossierPages})
		return err
	})
	if err != nil {
		return Result{}, err
	}
	pending := []*atomicfile.Pending{pdfFile}
	res.Pages, res.Font, res.Warnings, res.Documents = pres.Pages, pres.Font, append(outside, pres.Warnings...), pres.Documents
	report(0.75)
	if !opts.SkipXLSX && opts.Variant != templates.Blank && rep != nil && rep.Budget != nil {
		res.XLSXPath = base + ".xlsx"
		sheet, err := prepare(ctx, res.XLSXPath, "bảng dự toán Excel", func(w io.Writer) error {
			return xlsx.Write(w, app, rep, xlsx.Options{WordStyle: opts.WordStyle, Now: opts.Now, AppVersion: opts.AppVersion, Draft: opts.Variant == templates.Draft})
		})
		if err != nil {
			pdfFile.Discard()
			return Result{}, err
		}
		pending = append(pending, sheet)
	}
	if opts.DOCX {
		word, warnings, err := prepareDOCX(ctx, base+".docx", doc, pres)
		if err != nil {
			for _, p := range pending {
				p.Discard()
			}
			return Result{}, err
		}
		res.DOCXPath = base + ".docx"
		res.Warnings = append(res.Warnings, warnings...)
		pending = append(pending, word)
	}
	if err := ctx.Err(); err != nil {
		for _, p := range pending {
			p.Discard()
		}
		return Result{}, err
	}
	if err := atomicfile.CommitAll(rename, pending...); err != nil {
		var ce *atomicfile.CommitError
		if errors.As(err, &ce) {
			return Result{}, writeError(ce.Path, kindOf(ce.Path), ce.Err)
		}
		return Result{}, err
	}
	report(1)
	return res, nil
}

// withoutOutsideAttachments returns a copy of app without the attachment files outside dir, and
// a warning for each.
func withoutOutsideAttachments(app *forms.Application, dir string) (*forms.Application, []string) {
	var warnings []string
	cp := *app
	cp.Attachments = append([]forms.Attachment(nil), app.Attachments...)
	for i, a := range cp.Attachments {
		if a.File == "" {
			continue
		}
		if _, err := forms.AttachmentIn(dir, a.File); err != nil {
			warnings = append(warnings, fmt.Sprintf("attachments[%d].file: %v; tệp không được ghép vào hồ sơ", i, err))
			cp.Attachments[i].File = ""
		}
	}
	return &cp, warnings
}

// commitHook, for tests, fails the move of a file (as a file held open by Excel fails on Windows).
var commitHook func(path string) error

func rename(oldpath, newpath string) error {
	if commitHook != nil {
		if err := commitHook(oldpath); err != nil {
			return err
		}
	}
	return os.Rename(oldpath, newpath)
}

func kindOf(path string) string {
	if strings.HasSuffix(path, ".xlsx") {
		return "bảng dự toán Excel"
	}
	if strings.HasSuffix(path, ".docx") {
		return "tệp Word"
	}
	return "hồ sơ PDF"
}

// prepare writes one output to its temporary file; the error names the file and why.
func prepare(ctx context.Context, path, kind string, write func(io.Writer) error) (*atomicfile.Pending, error) {
	p, err := atomicfile.Prepare(path, 0o644, func(w io.Writer) error {
		if err := write(w); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		var pe *fs.PathError
		if errors.As(err, &pe) || errors.Is(err, fs.ErrPermission) {
			return nil, writeError(path, kind, err)
		}
		return nil, fmt.Errorf("không tạo được %s %s: %w", kind, filepath.Base(path), err)
	}
	return p, nil
}

// writeError says, in Vietnamese, which file could not be written and why; the earlier files
// are unchanged.
func writeError(path, kind string, err error) error {
	why := "lỗi hệ thống tệp"
	switch {
	case isSharingViolation(err) || errors.Is(err, fs.ErrPermission):
		why = "không có quyền ghi hoặc tệp đang được mở (tệp đang mở trong Excel hoặc trình đọc PDF? hãy đóng nó rồi xuất lại)"
		if kind == "hồ sơ PDF" {
			why = "không có quyền ghi hoặc tệp đang được mở (tệp đang mở trong trình đọc PDF hoặc Excel? hãy đóng nó rồi xuất lại)"
		}
	case isDirErr(path):
		why = "ở đường dẫn này đang có một thư mục cùng tên; hãy đổi tên hoặc xóa thư mục đó"
	case errors.Is(err, syscall.ENOSPC):
		why = "ổ đĩa đã đầy"
	case errors.Is(err, fs.ErrNotExist):
		why = "thư mục không còn"
	}
	return fmt.Errorf("không ghi được %s %s: %s; các tệp đã xuất trước đó vẫn giữ nguyên. (Chi tiết: %w)", kind, path, why, err)
}

func isDirErr(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// isSharingViolation recognises Windows' ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33):
// the file is open in another program.
func isSharingViolation(err error) bool {
	var errno syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == 32 || errno == 33)
}

// BlockedError refuses a final dossier while blocking problems remain.
type BlockedError struct{ Problems []string }

func (e *BlockedError) Error() string {
	return "hồ sơ còn lỗi chặn nộp, chưa xuất được bản chính thức (in bản nháp để xem):\n- " + strings.Join(e.Problems, "\n- ")
}

// prepareDOCX writes the Word file of the same document model to its temporary file; the
// checklist's page references take the PDF's pages.
func prepareDOCX(ctx context.Context, path string, doc *templates.Dossier, pres pdf.Result) (*atomicfile.Pending, []string, error) {
	starts := map[string]int{}
	for _, d := range pres.Documents {
		if d.Start > 0 {
			starts[d.ID] = d.Start
		}
	}
	var dres docx.Result
	p, err := prepare(ctx, path, "tệp Word", func(w io.Writer) error {
		var err error
		dres, err = docx.Write(w, doc, docx.Options{PageStarts: starts})
		return err
	})
	return p, dres.Warnings, err
}
