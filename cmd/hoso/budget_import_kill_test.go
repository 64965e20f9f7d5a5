package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"khuyencong/forms"
	"khuyencong/forms/childtest"
	"khuyencong/templates/xlsx"
)

// budgetSheet renders app's budget sheet to path with line 0's unit price set to price, as an
// accountant would after editing it in Excel.
func budgetSheet(t *testing.T, app *forms.Application, path string, price int) {
	t.Helper()
	if err := renderXLSX(app, forms.Check(app, forms.DefaultPacks()), path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(xlsx.SheetBudget)
	row := 0
	for r, cells := range rows {
		if len(cells) >= 11 && cells[9] == "dong" && cells[10] == "0" {
			row = r + 1
		}
	}
	if row == 0 {
		t.Fatal("line 0 not found in the sheet")
	}
	if err := f.SetCellInt(xlsx.SheetBudget, "E"+itoa(row), int64(price)); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func writeDossierFile(t *testing.T, app *forms.Application, path string) {
	t.Helper()
	data, err := forms.MarshalApplication(app)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tempsIn lists the temporary files of atomic writes (".<name>.<digits>.tmp") in dir.
func tempsIn(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// backdate makes files look older than atomicfile.StaleAge, as if the next run came later.
func backdate(t *testing.T, paths ...string) {
	t.Helper()
	old := time.Now().Add(-2 * time.Minute)
	for _, p := range paths {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBudgetImportCleansStaleTempsInTheFolder: the temporary files that killed budget imports left
// beside any dossier file of the folder are removed by the next budget import there, even a dry
// run into another dossier; a temporary file younger than a minute (a write in progress) and other
// programs' files stay.
func TestBudgetImportCleansStaleTempsInTheFolder(t *testing.T) {
	t.Setenv("HOSO_RULES", t.TempDir())
	dir := t.TempDir()
	app := forms.Sample(forms.TradeFair)
	dossier := filepath.Join(dir, "hoi-cho.hoso.json")
	writeDossierFile(t, app, dossier)
	sheet := filepath.Join(t.TempDir(), "dutoan.xlsx")
	budgetSheet(t, app, sheet, 30_000_000)
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	staleOther := write(".may-moc.hoso.json.2894511.tmp", `{"format_version":"1.0","enter`)
	staleSame := write(".hoi-cho.hoso.json.77.tmp", `{"format_`)
	staleCase := write(".Tiet-Kiem.HOSO.JSON.5.tmp", `{`)
	young := write(".may-moc.hoso.json.31337.tmp", `{"format_version"`)
	foreign := write(".ghi-chu.txt.12.tmp", "not ours")
	notTemp := write(".may-moc.hoso.json.abc.tmp", "not a Write temporary name")
	backdate(t, staleOther, staleSame, staleCase, foreign, notTemp)

	code, out, stderr := hoso(t, "", "budget", "import", sheet, "--into", dossier)
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, stderr)
	}
	for _, p := range []string{staleOther, staleSame, staleCase} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("stale temporary file %s left", filepath.Base(p))
		}
	}
	for _, p := range []string{young, foreign, notTemp, dossier} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(p), err)
		}
	}
}

// The kill -9 campaign of budget import: a child imports two edited sheets into one dossier file
// in turn (--yes), writing the file slowly (in chunks, with pauses) so that kills land in the
// middle of the write too, and prints an acknowledgement after each import returns. After each
// kill the dossier file must read (strictly) and hold either the acknowledged import or the one
// being written, never a mix; the temporary file a kill left must be removed by the next run in
// the folder. HOSO_LONG=1 runs 100 kills; otherwise 10 (make test).
//
//	HOSO_LONG=1 go test -count=1 -run TestBudgetImportKills -v ./cmd/hoso

const budgetKillEnv = "HOSO_BUDGET_KILL_CHILD"

var killPrices = [2]int{30_000_000, 31_000_000}

// TestBudgetImportKillChild is the child process of TestBudgetImportKills.
func TestBudgetImportKillChild(t *testing.T) {
	args := strings.Split(os.Getenv(budgetKillEnv), "\n")
	if len(args) != 3 {
		t.Skip("child process of TestBudgetImportKills")
	}
	dossier, sheets := args[0], args[1:]
	writeDossierData = func(w io.Writer, data []byte) error {
		fmt.Println("WRITING")
		for len(data) > 0 {
			n := min(len(data), 1+len(data)/8)
			if _, err := w.Write(data[:n]); err != nil {
				return err
			}
			data = data[n:]
			time.Sleep(time.Duration(rand.IntN(4)) * time.Millisecond)
		}
		return nil
	}
	app, err := readDossier(dossier)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	// Start with the sheet whose price the dossier does not have yet.
	next := 0
	if int(app.Budget.Lines[0].UnitPrice) == killPrices[0] {
		next = 1
	}
	for {
		var errb bytes.Buffer
		if code := runBudgetImport([]string{sheets[next], "--into", dossier, "--yes"}, io.Discard, &errb); code != 0 {
			fmt.Println("ERROR", code, strings.TrimSpace(errb.String()))
			os.Exit(3)
		}
		fmt.Println("IMPORTED", killPrices[next])
		next = 1 - next
	}
}

func TestBudgetImportKills(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL of a child process: Unix only")
	}
	if os.Getenv(budgetKillEnv) != "" {
		t.Skip("already the child")
	}
	rules := t.TempDir()
	t.Setenv("HOSO_RULES", rules)
	dir := t.TempDir()
	app := forms.Sample(forms.TradeFair)
	original := int(app.Budget.Lines[0].UnitPrice)
	dossier := filepath.Join(dir, "hoi-cho.hoso.json")
	other := filepath.Join(dir, "may-moc.hoso.json")
	writeDossierFile(t, app, dossier)
	writeDossierFile(t, forms.Sample(forms.Equipment), other)
	var sheets [2]string
	for i, price := range killPrices {
		sheets[i] = filepath.Join(t.TempDir(), fmt.Sprintf("dutoan-%d.xlsx", i))
		budgetSheet(t, app, sheets[i], price)
	}
	otherSheet := filepath.Join(t.TempDir(), "may-moc.xlsx")
	if err := renderXLSX(forms.Sample(forms.Equipment), forms.Check(forms.Sample(forms.Equipment), forms.DefaultPacks()), otherSheet); err != nil {
		t.Fatal(err)
	}

	rounds := 10
	if os.Getenv("HOSO_LONG") != "" {
		rounds = 100
	}
	acked := original // the price of the last acknowledged import
	var kills, duringWrite, afterRename, imports, tempsLeft, tempsRemoved, lost, broken int
	for round := range rounds {
		cmd, lines := childtest.Start(t, "TestBudgetImportKillChild",
			budgetKillEnv+"="+dossier+"\n"+sheets[0]+"\n"+sheets[1], "HOSO_RULES="+rules)
		deadline := time.After(time.Duration(20+rand.IntN(900)) * time.Millisecond)
		last := ""
	wait:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break wait
				}
				last = l
				if f := strings.Fields(l); len(f) == 2 && f[0] == "IMPORTED" {
					acked, _ = strconv.Atoi(f[1])
					imports++
				} else if f[0] == "ERROR" {
					t.Fatalf("round %d: child failed: %s", round, l)
				}
			case <-deadline:
				cmd.Process.Kill() // SIGKILL
				kills++
				for l := range lines {
					last = l
					if f := strings.Fields(l); len(f) == 2 && f[0] == "IMPORTED" {
						acked, _ = strconv.Atoi(f[1])
						imports++
					}
				}
				break wait
			}
		}
		cmd.Wait()
		if last == "WRITING" {
			duringWrite++
		}

		// The dossier file is the acknowledged one or the one being written, whole.
		got, err := readDossier(dossier)
		if err != nil {
			broken++
			t.Errorf("round %d: the dossier file does not read after the kill: %v", round, err)
			continue
		}
		price := int(got.Budget.Lines[0].UnitPrice)
		next := killPrices[0]
		if acked == killPrices[0] {
			next = killPrices[1]
		}
		switch price {
		case acked:
		case next:
			acked = price // the kill came after the rename, before the acknowledgement
			afterRename++
		default:
			lost++
			t.Errorf("round %d: the dossier holds price %d; acknowledged %d, next %d", round, price, acked, next)
		}
		if want, _ := forms.MarshalApplication(got); want == nil {
			t.Errorf("round %d: the dossier read does not write back", round)
		}

		// A temporary file the kill left is removed by the next run in the folder, even a dry run
		// into another dossier file (it is older than a minute by then).
		if temps := tempsIn(t, dir); len(temps) > 0 {
			tempsLeft++
			backdate(t, temps...)
			var so, se bytes.Buffer
			if code := runBudgetImport([]string{otherSheet, "--into", other}, &so, &se); code != 0 {
				t.Fatalf("round %d: dry run into the other dossier: exit %d\n%s%s", round, code, so.String(), se.String())
			}
			if left := tempsIn(t, dir); len(left) > 0 {
				t.Errorf("round %d: temporary files left after the next run: %v", round, left)
			} else {
				tempsRemoved++
			}
		}
	}
	t.Logf("budget import kill -9 campaign: %d kills (%d while writing the dossier file, %d of them after its rename), %d acknowledged imports, %d kills left a temporary file (%d times removed by the next run); acknowledged imports lost: %d; dossier files not whole: %d",
		kills, duringWrite, afterRename, imports, tempsLeft, tempsRemoved, lost, broken)
}
