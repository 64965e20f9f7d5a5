package main

import (
	"bytes"
	"time"

	"khuyencong/assets"
	"khuyencong/forms"
	"khuyencong/templates/xlsx"
)

// renderXLSX writes the budget sheet of a checked dossier to outPath, atomically (a temporary file
// beside it, then a rename), so that a crash never leaves a half-written workbook.
func renderXLSX(app *forms.Application, rep *forms.Report, outPath string) error {
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, app, rep, xlsx.Options{Now: time.Now(), AppVersion: assets.Version()}); err != nil {
		return err
	}
	return writeFileAtomic(outPath, buf.Bytes())
}
