package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/atomicfile"
	"khuyencong/templates"
)

// Exports under kill -9: a child exports the same dossier again and again, alternating two
// creation times (so the two outputs differ), and is killed at random moments. After each kill,
// what the next export does first (atomicfile.CleanStale of its files) must leave a matching pair:
// PDF and sheet of the same export, never a new PDF beside an earlier sheet.
// HOSO_LONG=1 runs 100 kills, else 10.
//
//	HOSO_LONG=1 go test -count=1 -run TestExportKills -v ./templates/export

const exportKillEnv = "EXPORT_KILL_CHILD_DIR"

func TestExportKillChild(t *testing.T) {
	dir := os.Getenv(exportKillEnv)
	if dir == "" {
		t.Skip("child process of TestExportKills")
	}
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())
	// Widen the windows between the renames of the commit so that kills land there too; the
	// renames themselves are the real ones.
	commitHook = func(string) error {
		time.Sleep(time.Duration(rand.IntN(30)) * time.Millisecond)
		return nil
	}
	for i := 0; ; i++ {
		if _, err := Write(context.Background(), app, rep, dir, Options{Now: fixedNow.Add(time.Duration(i%2) * time.Hour)}, nil); err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
		fmt.Println("EXPORTED", i)
	}
}

// sheetCreated is the creation time recorded in a workbook (docProps/core.xml); "" if unreadable.
func sheetCreated(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		if f.Name != "docProps/core.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		xml, _ := io.ReadAll(rc)
		rc.Close()
		i := bytes.Index(xml, []byte("<dcterms:created"))
		if i < 0 {
			return ""
		}
		j := bytes.Index(xml[i:], []byte("</dcterms:created>"))
		if j < 0 {
			return ""
		}
		return string(xml[i : i+j])
	}
	return ""
}

func TestExportKills(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL of a child process: Unix only")
	}
	if os.Getenv(exportKillEnv) != "" {
		t.Skip("already the child")
	}
	app := forms.Sample(forms.TradeFair)
	rep := forms.Check(app, forms.DefaultPacks())
	type pair struct{ pdf, sheet []byte }
	var refs []pair
	for i := range 2 {
		res, err := Write(context.Background(), app, rep, t.TempDir(), Options{Now: fixedNow.Add(time.Duration(i) * time.Hour)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := os.ReadFile(res.PDFPath)
		s, _ := os.ReadFile(res.XLSXPath)
		refs = append(refs, pair{p, s})
	}
	if a, b := sheetCreated(refs[0].sheet), sheetCreated(refs[1].sheet); a == "" || a == b {
		t.Fatalf("the two reference sheets cannot be told apart: %q %q", a, b)
	}
	dir := t.TempDir()
	base := filepath.Join(dir, BaseName(app, templates.Final))
	pdfPath, sheetPath := base+".pdf", base+".xlsx"
	rounds := 10
	if os.Getenv("HOSO_LONG") != "" {
		rounds = 100
	}
	exports, mismatched := 0, 0
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExportKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), exportKillEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if l := sc.Text(); len(l) > 5 && l[:5] == "ERROR" {
					t.Errorf("round %d: child: %s", round, l)
				} else {
					exports++
				}
			}
			close(done)
		}()
		time.Sleep(time.Duration(50+rand.IntN(700)) * time.Millisecond)
		cmd.Process.Kill()
		<-done
		cmd.Wait()

		atomicfile.CleanStale(pdfPath) // what the next export does first
		atomicfile.CleanStale(sheetPath)
		p, errP := os.ReadFile(pdfPath)
		s, errS := os.ReadFile(sheetPath)
		if errP != nil && errS != nil {
			continue // killed before the first export was in place
		}
		ok := false
		for _, r := range refs { // the PDF is byte-stable; the sheet's zip order is not: compare its creation time
			ok = ok || (bytes.Equal(p, r.pdf) && sheetCreated(s) != "" && sheetCreated(s) == sheetCreated(r.sheet))
		}
		if !ok {
			mismatched++
			t.Errorf("round %d: the PDF and the sheet are not from the same export (%d and %d bytes; %v %v; sheet created %q)", round, len(p), len(s), errP, errS, sheetCreated(s))
		}
	}
	t.Logf("export kill -9: %d kills, %d exports completed before them, %d mismatched or broken pairs", rounds, exports, mismatched)
}
