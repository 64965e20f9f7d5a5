package boltstore

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"khuyencong/forms"
	"khuyencong/forms/childtest"
)

const crashEnv = "BOLTSTORE_CRASH_CHILD_DB"

// TestCrashChild is the child process of TestCrashKeepsEverySave: it saves dossiers in a loop and
// prints "SAVED <id> <n>" after each save returns (n is the save counter written in the title),
// and "REV <id> <revID>" after each revision, until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("child process of TestCrashKeepsEverySave")
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("OPEN-ERROR", err)
		os.Exit(3)
	}
	cs, err := s.Clients(forms.Query{})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	var c *forms.Client
	if len(cs) > 0 {
		c = &cs[0]
	} else {
		c = &forms.Client{Enterprise: forms.Sample(forms.Equipment).Enterprise}
		if err := s.SaveClient(c); err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
	}
	sums, _ := s.Applications(forms.Query{})
	var apps []string
	for _, sum := range sums {
		apps = append(apps, sum.ID)
	}
	for i := 0; ; i++ {
		var app *forms.Application
		if len(apps) == 0 || i%5 == 0 {
			app = forms.Sample(forms.Programmes()[i%3])
			app.ClientID = c.ID
			app.Project.Title = "lần 1"
		} else {
			app, err = s.Application(apps[rand.IntN(len(apps))])
			if err != nil {
				fmt.Println("ERROR", err)
				os.Exit(3)
			}
			n, _ := strconv.Atoi(strings.TrimPrefix(app.Project.Title, "lần "))
			app.Project.Title = "lần " + strconv.Itoa(n+1)
			app.Budget.Lines = append(app.Budget.Lines, forms.BudgetLine{Description: app.Project.Title, Unit: "gói"})
		}
		if err := s.SaveApplication(app); err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
		if !slices.Contains(apps, app.ID) {
			apps = append(apps, app.ID)
		}
		fmt.Printf("SAVED %s %s\n", app.ID, strings.TrimPrefix(app.Project.Title, "lần "))
		if i%7 == 3 {
			info, err := s.SaveRevision(app.ID, "render")
			if err != nil {
				fmt.Println("ERROR", err)
				os.Exit(3)
			}
			fmt.Printf("REV %s %d\n", app.ID, info.ID)
		}
	}
}

// TestCrashKeepsEverySave kills a process that saves in a loop (SIGKILL, at random moments, many
// times) and checks that every save it reported before dying is in the file, and the file is sound.
func TestCrashKeepsEverySave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL of a child process: Unix only")
	}
	if os.Getenv(crashEnv) != "" {
		t.Skip("already the child")
	}
	if testing.Short() {
		t.Skip("slow: kills a child process 20 times")
	}
	path := filepath.Join(t.TempDir(), "hoso.db")
	saved := map[string]int{}        // dossier ID → highest save counter reported
	revisions := map[string]uint64{} // dossier ID → highest revision reported
	totalSaves := 0
	for round := range 20 {
		cmd, lines := childtest.Start(t, "TestCrashChild", crashEnv+"="+path)
		// Let it save for a random while after its first save, then kill it mid-flight.
		first := <-lines
		var reported []string
		if first != "" {
			reported = append(reported, first)
		}
		deadline := time.After(time.Duration(20+rand.IntN(300)) * time.Millisecond)
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
				totalSaves++
			case len(f) == 3 && f[0] == "REV":
				n, _ := strconv.ParseUint(f[2], 10, 64)
				revisions[f[1]] = max(revisions[f[1]], n)
			case strings.HasPrefix(l, "ERROR") || strings.HasPrefix(l, "OPEN-ERROR"):
				t.Fatalf("round %d: child failed: %s", round, l)
			}
		}

		// Every reported save is there, and the file passes the check.
		if err := CheckFile(path); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			t.Fatalf("round %d: open after kill: %v", round, err)
		}
		for id, n := range saved {
			app, err := s.Application(id)
			if err != nil {
				t.Errorf("round %d: reported save of %s lost: %v", round, id, err)
				continue
			}
			got, _ := strconv.Atoi(strings.TrimPrefix(app.Project.Title, "lần "))
			if got < n {
				t.Errorf("round %d: %s has save %d, save %d was reported", round, id, got, n)
			}
		}
		for id, rev := range revisions {
			list, err := s.Revisions(id)
			if err != nil || len(list) == 0 || list[0].ID < rev {
				t.Errorf("round %d: revision %d of %s lost (%v)", round, rev, id, err)
			}
		}
		report, err := s.Check()
		if err != nil || !report.OK() {
			t.Errorf("round %d: check: %v %v", round, err, report.Problems)
		}
		s.Close()
	}
	t.Logf("%d saves reported by 20 killed processes, %d dossiers checked", totalSaves, len(saved))
}
