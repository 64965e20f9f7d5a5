package xlsx

import (
	"time"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
)

// Keys of the hidden sheet, one per row: key in column A, value in column B.
const (
	keyFormat      = "dinh_dang"
	keyProgramme   = "chuong_trinh"
	keyDossierID   = "ma_ho_so"
	keyTaxCode     = "ma_so_thue"
	keyYear        = "nam"
	keyPackID      = "bo_quy_tac"
	keyPackVersion = "phien_ban_quy_tac"
	keyMadeAt      = "lap_luc"
	keyAppVersion  = "phien_ban_ung_dung"
	keyLines       = "so_dong"
	keyTotal       = "tong_thanh_tien"
	keySupport     = "tong_ho_tro"
	keyCounterpart = "tong_doi_ung"
)

// writeMachineSheet writes the hidden sheet read back by Read. The format version is its B1.
func (b *builder) writeMachineSheet() error {
	f, sh := b.f, SheetMachine
	made := ""
	if !b.opts.Now.IsZero() {
		made = b.opts.Now.Format(time.RFC3339)
	}
	rows := [][2]any{
		{keyFormat, FormatVersion},
		{keyProgramme, string(b.app.Programme)},
		{keyDossierID, b.app.ID},
		{keyTaxCode, forms.Clean(b.app.Enterprise.TaxCode)},
		{keyYear, b.app.Year},
		{keyPackID, b.res.PackID},
		{keyPackVersion, b.res.PackVersion},
		{keyMadeAt, made},
		{keyAppVersion, b.opts.AppVersion},
		{keyLines, len(b.res.Lines)},
		{keyTotal, int64(b.res.Total)},
		{keySupport, int64(b.res.Support)},
		{keyCounterpart, int64(b.res.Counterpart)},
	}
	for i, kv := range rows {
		if err := f.SetCellValue(sh, cell(1, i+1), kv[0]); err != nil {
			return err
		}
		// Text values are written as text even when they look like numbers (a tax code keeps its zeros).
		if s, ok := kv[1].(string); ok {
			if err := f.SetCellStr(sh, cell(2, i+1), s); err != nil {
				return err
			}
			continue
		}
		if err := f.SetCellValue(sh, cell(2, i+1), kv[1]); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "B", 24); err != nil {
		return err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true}); err != nil {
		return err
	}
	return f.SetSheetVisible(sh, false)
}
