package boltstore

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/childtest"
)

// The kill -9 campaign: a child process imports, saves, deletes and restores in a loop and prints
// an acknowledgement after each operation returns; the parent kills it (SIGKILL) at random moments
// (also during its Open) and then checks that the library opens, passes Check, and holds every
// acknowledged operation. HOSO_LONG=1 runs 120 kills; otherwise 10 (make test).
//
//	HOSO_LONG=1 go test -count=1 -run TestKillCampaign -v ./forms/boltstore

const killEnv = "BOLTSTORE_KILL_CHILD_DB"

func killRounds() int {
	if os.Getenv("HOSO_LONG") != "" {
		return 120
	}
	return 10
}

// TestKillChild is the child process of TestKillCampaign.
func TestKillChild(t *testing.T) {
	path := os.Getenv(killEnv)
	if path == "" {
		t.Skip("child process of TestKillCampaign")
	}
	fail := func(err error) {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("OPEN-ERROR", err)
		os.Exit(3)
	}
	defer func() { s.Close() }()
	sums, err := s.Applications(forms.Query{})
	if err != nil {
		fail(err)
	}
	var live []string
	for _, sum := range sums {
		live = append(live, sum.ID)
	}
	restoreHeavy := os.Getenv(killEnv+"_RESTORE") != ""
	if restoreHeavy {
		// Widen the windows between a restore's steps (journal written, old file aside, copy in
		// place) so that kills land there too; the steps themselves are unchanged.
		restoreStop = func(string) bool {
			time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
			return false
		}
	}
	for i := 0; ; i++ {
		op := rand.IntN(10)
		if restoreHeavy && len(live) >= 3 {
			op = 3 + 6*(i%2) // save, restore, save, restore ...
		}
		switch {
		case op < 2 || len(live) < 3: // import a dossier file's content
			app := forms.Sample(forms.Programmes()[i%3])
			app.Project.Title = "lần 1"
			if _, err := s.ImportApplication(app, ImportCopy); err != nil {
				fail(err)
			}
			live = append(live, app.ID)
			fmt.Printf("IMPORTED %s\n", app.ID)
		case op < 7: // save
			id := live[rand.IntN(len(live))]
			app, err := s.Application(id)
			if err != nil {
				fail(err)
			}
			n, _ := strconv.Atoi(strings.TrimPrefix(app.Project.Title, "lần "))
			app.Project.Title = "lần " + strconv.Itoa(n+1)
			app.Budget.Lines = append(app.Budget.Lines[:min(len(app.Budget.Lines), 6)], forms.BudgetLine{Description: app.Project.Title, Unit: "gói"})
			if err := s.SaveApplication(app); err != nil {
				fail(err)
			}
			fmt.Printf("SAVED %s %d\n", id, n+1)
		case op < 9 && len(live) > 12: // delete (to the recycle bin)
			k := rand.IntN(len(live))
			id := live[k]
			if err := s.DeleteApplication(id); err != nil {
				fail(err)
			}
			live = append(live[:k], live[k+1:]...)
			fmt.Printf("DELETED %s\n", id)
		case op == 9 && (restoreHeavy || i%4 == 0): // back up now and restore that backup: nothing acknowledged may be lost
			b, err := s.Backup()
			if err != nil {
				fail(err)
			}
			s.Close()
			if _, err := RestoreBackup(b, path); err != nil {
				fail(err)
			}
			if s, err = Open(path, Options{NoAutoBackup: true}); err != nil {
				fmt.Println("OPEN-ERROR", err)
				os.Exit(3)
			}
			fmt.Printf("RESTORED %d\n", i)
		}
	}
}

func TestKillCampaign(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL of a child process: Unix only")
	}
	if os.Getenv(killEnv) != "" || os.Getenv(crashEnv) != "" {
		t.Skip("already a child")
	}
	path := filepath.Join(t.TempDir(), "hoso.db")
	saved := map[string]int{}
	imported := map[string]bool{}
	deleted := map[string]bool{}
	var acks, restores, lost, inconsistent, kills, earlyKills, midRestore int
	rounds := killRounds()
	for round := range rounds {
		env := []string{killEnv + "=" + path}
		if round%3 == 2 { // a third of the rounds restore again and again
			env = append(env, killEnv+"_RESTORE=1")
		}
		cmd, lines := childtest.Start(t, "TestKillChild", env...)
		var reported []string
		var deadline <-chan time.Time
		if rand.IntN(5) == 0 { // during start-up: Open, recovery of a restore, clean-up, first backup
			deadline = time.After(time.Duration(rand.IntN(40)) * time.Millisecond)
			earlyKills++
		} else {
			if first, ok := <-lines; ok {
				reported = append(reported, first)
			}
			deadline = time.After(time.Duration(5+rand.IntN(400)) * time.Millisecond)
		}
	wait:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break wait
				}
				reported = append(reported, l)
			case <-deadline:
				cmd.Process.Kill() // SIGKILL
				kills++
				for l := range lines {
					reported = append(reported, l)
				}
				break wait
			}
		}
		cmd.Wait()
		for _, l := range reported {
			f := strings.Fields(l)
			switch {
			case len(f) == 3 && f[0] == "SAVED":
				n, _ := strconv.Atoi(f[2])
				saved[f[1]] = max(saved[f[1]], n)
			case len(f) == 2 && f[0] == "IMPORTED":
				imported[f[1]] = true
			case len(f) == 2 && f[0] == "DELETED":
				deleted[f[1]] = true
			case len(f) == 2 && f[0] == "RESTORED":
				restores++
			case strings.HasPrefix(l, "ERROR") || strings.HasPrefix(l, "OPEN-ERROR"):
				t.Fatalf("round %d: child failed: %s", round, l)
			default:
				continue
			}
			acks++
		}

		if fileExists(journalPath(path)) {
			midRestore++ // killed between the steps of a restore: Open must finish or roll it back
		}
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			inconsistent++
			t.Errorf("round %d: open after kill: %v", round, err)
			continue
		}
		if r, err := s.Check(); err != nil || !r.OK() {
			inconsistent++
			t.Errorf("round %d: check: %v %v", round, err, r.Problems)
		}
		for id := range imported {
			if _, err := s.Application(id); err != nil {
				lost++
				t.Errorf("round %d: acknowledged import %s lost: %v", round, id, err)
			}
		}
		for id, n := range saved {
			app, err := s.Application(id)
			if err != nil {
				lost++
				t.Errorf("round %d: acknowledged save of %s lost: %v", round, id, err)
				continue
			}
			if got, _ := strconv.Atoi(strings.TrimPrefix(app.Project.Title, "lần ")); got < n {
				lost++
				t.Errorf("round %d: %s has save %d, save %d was acknowledged", round, id, got, n)
			}
		}
		bin, err := s.Applications(forms.Query{Deleted: true})
		if err != nil {
			t.Fatal(err)
		}
		inBin := map[string]bool{}
		for _, sum := range bin {
			inBin[sum.ID] = true
		}
		for id := range deleted {
			if !inBin[id] {
				lost++
				t.Errorf("round %d: acknowledged delete of %s lost", round, id)
			}
		}
		s.Close()
		if _, err := os.Stat(journalPath(path)); err == nil {
			inconsistent++
			t.Errorf("round %d: restore journal left after open", round)
		}
	}
	t.Logf("kill -9 campaign: %d kills (%d during start-up, %d in the middle of a restore), %d acknowledged operations (%d dossiers saved, %d imports, %d deletes, %d restores); lost: %d; inconsistent files: %d",
		kills, earlyKills, midRestore, acks, len(saved), len(imported), len(deleted), restores, lost, inconsistent)
}
