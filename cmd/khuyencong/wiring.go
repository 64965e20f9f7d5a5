package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/boltstore"
	"khuyencong/forms/handoff"
	"khuyencong/templates"
	"khuyencong/templates/export"
	"khuyencong/templates/pdf"
	"khuyencong/templates/readback"
	"khuyencong/ui"
)

// exporter writes the dossier with templates/export. The files a server library keeps are
// written out to the cache first (checked against their SHA-256), for the PDF merge.
type exporter struct{ store forms.Store }

func (e exporter) Export(ctx context.Context, req ui.ExportRequest, progress func(float64)) (ui.ExportResult, error) {
	app, warnings := req.App, []string(nil)
	if e.store != nil {
		app, warnings = forms.MaterialiseAttachments(forms.AttachmentsOf(e.store), req.App, forms.AttachmentCacheDir())
	}
	res, err := export.Write(ctx, app, req.Report, req.Dir, export.Options{
		Variant: templates.Variant(req.Variant), WordStyle: req.WordStyle, FontPath: req.FontPath, AppVersion: version,
		DOCX:         req.DOCX,
		DossierPages: req.DossierPages,
	}, progress)
	if err != nil {
		return ui.ExportResult{}, err
	}
	out := ui.ExportResult{PDFPath: res.PDFPath, XLSXPath: res.XLSXPath, DOCXPath: res.DOCXPath, Warnings: append(warnings, res.Warnings...), Font: res.Font}
	if req.Variant == ui.VariantFinal && req.Report != nil && req.Report.Budget != nil {
		out.ReadBack, out.Warnings = readBack(ctx, res, req, out.Warnings)
	}
	return out, nil
}

// readBack reads the final PDF's text back (templates/readback, with poppler's pdftotext) and
// compares the name, tax code, amounts and amounts in words with the data. Without pdftotext
// (Windows) it says nothing: the check is a safeguard, not a step the user must take.
func readBack(ctx context.Context, res export.Result, req ui.ExportRequest, warnings []string) (*ui.ReadBack, []string) {
	ms, err := readback.Verify(ctx, res.PDFPath, res.Documents, req.App, req.Report.Budget, req.WordStyle)
	switch {
	case errors.Is(err, readback.ErrNoPdftotext), err != nil && ctx.Err() != nil: // no reader, or cancelled: the files stand
		return nil, warnings
	case err != nil:
		return nil, append(warnings, fmt.Sprintf("không đọc lại được PDF để đối chiếu số liệu: %v", err))
	}
	rb := &ui.ReadBack{Mismatches: []string{}}
	for _, m := range ms {
		rb.Mismatches = append(rb.Mismatches, m.Text())
	}
	return rb, warnings
}

// fontInUse names the font the PDF would use with the font file chosen in settings.
func fontInUse(path string) string {
	fs, _ := pdf.ResolveFonts(pdf.Options{FontPath: path})
	if fs == nil {
		return ""
	}
	return fs.Name
}

// backups lists and restores the data file's backups.
type backups struct {
	store  *boltstore.Store
	dbPath string
}

func (b backups) List() ([]ui.BackupInfo, error) {
	list, err := boltstore.Backups(b.dbPath)
	out := make([]ui.BackupInfo, 0, len(list))
	for _, x := range list {
		out = append(out, ui.BackupInfo{Path: x.Path, At: x.Time, Size: x.Size})
	}
	return out, err
}

// Restore closes the store (the app quits afterwards) and puts the backup in place.
func (b backups) Restore(path string) error {
	if err := b.store.Close(); err != nil {
		return err
	}
	_, err := boltstore.RestoreBackup(path, b.dbPath)
	return err
}

// packager exports and imports hand-off packages with forms/handoff.
type packager struct{ store forms.Store }

func (p packager) Export(appID, path string) error {
	return handoff.ExportFrom(p.store, appID, path, version, time.Now())
}

func (p packager) Import(path string, mode forms.ImportMode) (string, error) {
	_, clientID, err := handoff.ImportInto(p.store, path, mode, time.Now())
	return clientID, err
}

// exportPlan writes a khuyến công plan's PDF and workbook with templates/export.
func exportPlan(p *forms.Plan, dir string, draft bool) ([]string, error) {
	res, err := export.WritePlan(p, dir, export.PlanOptions{Draft: draft, AppVersion: version})
	if err != nil {
		return nil, err
	}
	return []string{res.PDFPath, res.XLSXPath}, nil
}

// The app shows a damaged library opened read-only with a banner and its inputs disabled.
var _ ui.ReadOnlyStore = (*boltstore.Store)(nil)
