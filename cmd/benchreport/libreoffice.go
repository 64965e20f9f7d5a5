package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// recalcProfile makes LibreOffice recalculate the sheet's formulas on load, so that the PDF it prints
// shows the same totals as hoso's (the figures would otherwise be the cached values).
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// libreOfficeToPDF measures LibreOffice headless converting the budget sheet to PDF. With fresh, each
// run gets a new profile (as a script or a CI job starts it: LibreOffice first builds the profile);
// otherwise one profile is prepared by an untimed run and reused (LibreOffice already set up).
func libreOfficeToPDF(work, xlsx string, reps int, fresh bool) (series, error) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		return nil, errors.New("chưa cài LibreOffice (make deps-test cài libreoffice-calc-nogui)")
	}
	if xlsx == "" {
		return nil, errors.New("không có bảng dự toán .xlsx để chuyển (hoso render không chạy được)")
	}
	kind := "warm"
	if fresh {
		kind = "fresh"
	}
	i := 0
	convert := func() run {
		i++
		profile := filepath.Join(work, "lo-profile-"+kind)
		if fresh {
			profile = filepath.Join(work, fmt.Sprintf("lo-profile-%s-%d", kind, i))
		}
		out := filepath.Join(work, fmt.Sprintf("lo-out-%s-%d", kind, i))
		if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
			return run{exitErr: err}
		}
		if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
			return run{exitErr: err}
		}
		r := measure(5*time.Minute, work, nil, bin, "--headless", "--norestore", "-env:UserInstallation=file://"+profile,
			"--convert-to", "pdf", "--outdir", out, xlsx)
		if r.exitErr == nil {
			pdf := filepath.Join(out, trimExt(filepath.Base(xlsx))+".pdf")
			if _, err := os.Stat(pdf); err != nil {
				r.exitErr = fmt.Errorf("soffice wrote no PDF: %s", tail(r.stdout+r.stderr, 3))
			}
		}
		return r
	}
	if !fresh {
		if r := convert(); r.exitErr != nil {
			return nil, r.exitErr
		}
	}
	return repeat(reps, convert)
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }
