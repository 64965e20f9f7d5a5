package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/pgstore/pgtest"
)

// TestMain: with HOSO_TEST_AS_HOSO=1 the test binary is hoso itself (for tests that run several
// hoso processes at once, or kill one); otherwise it runs the tests and stops the PostgreSQL
// cluster they started.
func TestMain(m *testing.M) {
	if os.Getenv("HOSO_TEST_AS_HOSO") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	pgtest.Main(m)
}

// hosoProcess is a hoso process (this test binary as hoso).
func hosoProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HOSO_TEST_AS_HOSO=1")
	return cmd
}

// writeDossiers writes n dossier files into dir; their enterprises use taxCodes in turn.
func writeDossiers(t *testing.T, dir, prefix string, n, taxCodes int) []string {
	t.Helper()
	var paths []string
	programmes := forms.Programmes()
	for i := range n {
		app := forms.Sample(programmes[i%len(programmes)])
		app.Enterprise.Name = fmt.Sprintf("Cơ sở %s số %d", prefix, i)
		app.Enterprise.TaxCode = fmt.Sprintf("03%08d", i%taxCodes)
		app.Project.Title = fmt.Sprintf("Dự án %s-%d", prefix, i)
		data, err := forms.MarshalApplication(app)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("%s-%03d%s", prefix, i, forms.FileExtension))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// Four hoso processes import 100 dossiers each into one new PostgreSQL library at the same time:
// 400 are listed, none lost; the dossiers of one tax code all join one client.
func TestPGFourImportersAtOnce(t *testing.T) {
	url := pgtest.DB(t)
	dir := t.TempDir()
	const procs, each, taxCodes = 4, 100, 10
	var wg sync.WaitGroup
	outs := make([]string, procs)
	codes := make([]error, procs)
	for p := range procs {
		files := writeDossiers(t, dir, fmt.Sprintf("p%d", p), each, taxCodes)
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := hosoProcess(append([]string{"db", "import", "--merge", "--db", url}, files...)...)
			out, err := cmd.CombinedOutput()
			outs[p], codes[p] = string(out), err
		}()
	}
	wg.Wait()
	for p := range procs {
		if codes[p] != nil || !strings.Contains(outs[p], fmt.Sprintf("Đã nhập %d/%d tệp.", each, each)) {
			t.Errorf("process %d: %v\n%s", p, codes[p], lastLines(outs[p], 5))
		}
	}
	sums := listIDs(t, url)
	if len(sums) != procs*each {
		t.Fatalf("%d dossiers listed, want %d", len(sums), procs*each)
	}
	titles := map[string]bool{}
	clients := map[string]bool{}
	for _, s := range sums {
		titles[s.Title] = true
		clients[s.ClientID] = true
	}
	if len(titles) != procs*each || len(clients) != taxCodes {
		t.Errorf("%d distinct dossiers and %d clients, want %d and %d", len(titles), len(clients), procs*each, taxCodes)
	}
	if code, out, errb := hosoDB(t, url, "check"); code != 0 {
		t.Errorf("check: exit %d\n%s%s", code, out, errb)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// kill -9 during an import into PostgreSQL: the library passes hoso db check, and every dossier
// that is there is whole (with its first revision).
func TestPGKillDuringImport(t *testing.T) {
	url := pgtest.DB(t)
	files := writeDossiers(t, t.TempDir(), "k", 400, 400)
	for round := range 3 {
		cmd := hosoProcess(append([]string{"db", "import", "--copy", "--db", url}, files...)...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		printed := 0
		for sc.Scan() && printed < 10+round*15 {
			printed++
		}
		time.Sleep(time.Duration(round*7) * time.Millisecond) // kill at different points of a transaction
		if err := cmd.Process.Kill(); err != nil {            // SIGKILL
			t.Fatal(err)
		}
		cmd.Wait()
		if printed == 0 {
			t.Fatal("the import printed nothing before it was killed")
		}
	}
	code, out, errb := hosoDB(t, url, "check", "--json")
	if code != 0 {
		t.Fatalf("check after kill -9: exit %d\n%s%s", code, out, errb)
	}
	if !strings.Contains(out, `"problems": []`) {
		t.Errorf("check report: %s", out)
	}
	sums := listIDs(t, url)
	if len(sums) == 0 || len(sums) >= 3*400 {
		t.Errorf("%d dossiers after three killed imports", len(sums))
	}
	for _, s := range sums[:min(len(sums), 20)] {
		code, out, _ := hosoDB(t, url, "history", s.ID, "--json")
		if code != 0 || strings.Count(out, `"nhập từ tệp"`) != 1 {
			t.Errorf("dossier %s: history exit %d: %s", s.ID, code, out)
		}
	}
}

// Every hoso db command works on a PostgreSQL library, and hoso db copy moves a library there and
// back with matching counts and checksums.
func TestPGCommandsAndCopy(t *testing.T) {
	url := pgtest.DB(t)
	files := dossierFiles(t)
	if code, out, errb := hosoDB(t, url, append([]string{"import"}, files...)...); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, out, errb)
	}
	sums := listIDs(t, url, "--search", "PHUOC HUNG")
	if len(sums) != 1 {
		t.Fatalf("search on PostgreSQL: %+v", sums)
	}
	id := sums[0].ID
	pkg := filepath.Join(t.TempDir(), "goi.zip")
	for _, args := range [][]string{
		{"show", id}, {"history", id}, {"export", id, "-o", pkg}, {"import", "--copy", pkg},
		{"delete", id}, {"trash"}, {"trash", "--restore", id}, {"check"},
	} {
		if code, out, errb := hosoDB(t, url, args...); code != 0 {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errb)
		}
	}
	for _, args := range [][]string{{"backup"}, {"restore", "x.db"}} {
		code, _, errb := hosoDB(t, url, args...)
		if code == 0 || !strings.Contains(errb, "máy chủ") {
			t.Errorf("%v on a server library: exit %d, %s", args, code, errb)
		}
	}
	// password never shown
	code, _, errb := hosoDB(t, "postgres://lan:bi-mat-9@127.0.0.1:1/khong?connect_timeout=2", "list")
	if code != 1 || strings.Contains(errb, "bi-mat-9") || !strings.Contains(errb, "không kết nối được") {
		t.Errorf("unreachable server: exit %d, %s", code, errb)
	}

	file := filepath.Join(t.TempDir(), "ban-sao.db")
	var out, eb bytes.Buffer
	if code := runDB([]string{"copy", "--from", url, "--to", file}, &out, &eb); code != 0 {
		t.Fatalf("copy PostgreSQL → file: %d\n%s%s", code, out.String(), eb.String())
	}
	t.Logf("hoso db copy:\n%s", out.String())
	if strings.Count(out.String(), "khớp") != 4 || !strings.Contains(out.String(), "tệp đính kèm") {
		t.Errorf("copy report:\n%s", out.String())
	}
	url2 := pgtest.DB(t)
	out.Reset()
	if code := runDB([]string{"copy", "--from", file, "--to", url2, "--json"}, &out, &eb); code != 0 {
		t.Fatalf("copy file → PostgreSQL: %d\n%s%s", code, out.String(), eb.String())
	}
	if !strings.Contains(out.String(), `"ok": true`) {
		t.Errorf("copy report: %s", out.String())
	}
	if n := len(listIDs(t, url2)); n != 4 {
		t.Errorf("%d dossiers in the second server library", n)
	}
	// Not into a library that has data.
	out.Reset()
	eb.Reset()
	if code := runDB([]string{"copy", "--from", file, "--to", url2}, &out, &eb); code != 1 || !strings.Contains(eb.String(), "đã có dữ liệu") {
		t.Errorf("copy into a full library: %s", eb.String())
	}
}
