// Command checkdist checks the Windows release in dist/windows (made by `make windows`).
//
// It checks the kind of each executable, its icon, version and manifest resources, the MSI's
// tables and shortcuts, the portable zip, the signatures, and runs hoso.exe under wine when wine
// is installed. It exits with status 1 when any check fails; `make windows-check` runs it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// options are the command-line settings of one run.
type options struct {
	dir        string // folder holding the artefacts
	version    string // expected version, e.g. 0.1.0
	name       string // expected product name, e.g. "Hồ sơ Khuyến công"
	wantSigned bool   // fail when the files are not signed
	caFile     string // CA certificate for osslsigncode verify (a self-signed test certificate)
	work       string // scratch folder for msiextract, zip and wine output
	wine       bool   // run hoso.exe under wine when wine is installed
}

func main() {
	var o options
	flag.StringVar(&o.dir, "dir", "dist/windows", "folder with HosoKhuyenCong.exe, hoso.exe, the MSI and the zip")
	flag.StringVar(&o.version, "version", "", "expected version (FyneApp.toml Version)")
	flag.StringVar(&o.name, "name", "Hồ sơ Khuyến công", "expected product name (FyneApp.toml Name)")
	flag.BoolVar(&o.wantSigned, "signed", os.Getenv("SIGN_CERT") != "", "require Authenticode signatures (default: when SIGN_CERT is set)")
	flag.StringVar(&o.caFile, "ca", "", "CA file for osslsigncode verify (for a self-signed certificate)")
	flag.StringVar(&o.work, "work", "", "scratch folder (default: a temporary folder)")
	flag.BoolVar(&o.wine, "wine", true, "run hoso.exe under wine when wine is installed")
	flag.Parse()
	if o.version == "" {
		fmt.Fprintln(os.Stderr, "checkdist: thiếu -version (phiên bản trong FyneApp.toml), ví dụ -version 0.1.0")
		os.Exit(2)
	}
	if o.work == "" {
		tmp, err := os.MkdirTemp("", "checkdist-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "checkdist:", err)
			os.Exit(2)
		}
		defer os.RemoveAll(tmp)
		o.work = tmp
	}
	failed := run(o, os.Stdout)
	if failed > 0 {
		fmt.Printf("\n%d kiểm tra KHÔNG ĐẠT\n", failed)
		os.Exit(1)
	}
	fmt.Println("\nTất cả kiểm tra đều đạt.")
}

// result is the outcome of one check: passed, failed (err) or skipped (with the reason).
type result struct {
	name    string
	err     error
	skipped string
	detail  string
}

// run performs every check, prints one line per check to w and returns the number of failures.
func run(o options, w io.Writer) int {
	gui := filepath.Join(o.dir, "HosoKhuyenCong.exe")
	cli := filepath.Join(o.dir, "hoso.exe")
	msi := filepath.Join(o.dir, fmt.Sprintf("HosoKhuyenCong-%s-windows-x64.msi", o.version))
	zip := filepath.Join(o.dir, fmt.Sprintf("HosoKhuyenCong-%s-windows-portable.zip", o.version))

	var results []result
	results = append(results, checkGUIExe(gui, o)...)
	results = append(results, checkCLIExe(cli, o)...)
	results = append(results, checkSignatures([]string{gui, cli, msi}, o)...)
	results = append(results, checkMSI(msi, []string{gui, cli}, o)...)
	results = append(results, checkZip(zip, []string{gui, cli}, o)...)
	results = append(results, checkUnderWine(cli, o)...)

	failed := 0
	for _, r := range results {
		switch {
		case r.err != nil:
			failed++
			fmt.Fprintf(w, "LỖI     %s: %v\n", r.name, r.err)
		case r.skipped != "":
			fmt.Fprintf(w, "bỏ qua  %s: %s\n", r.name, r.skipped)
		default:
			if r.detail != "" {
				fmt.Fprintf(w, "đạt     %s (%s)\n", r.name, r.detail)
			} else {
				fmt.Fprintf(w, "đạt     %s\n", r.name)
			}
		}
	}
	return failed
}
