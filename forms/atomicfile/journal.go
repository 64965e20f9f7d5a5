package atomicfile

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"
)

// journal lists the files of a CommitAll while they are swapped.
type journal struct {
	Entries []journalEntry `json:"entries"`
}

type journalEntry struct {
	Target string `json:"target"`  // the file being replaced
	Temp   string `json:"temp"`    // its new content, renamed onto Target
	Aside  string `json:"aside"`   // where the earlier Target is moved meanwhile
	HadOld bool   `json:"had_old"` // Target existed before
}

// journalSuffix ends the name of a CommitAll journal: ".<first target>.<random>.commit".
const journalSuffix = ".commit"

// errKilled, for tests, makes CommitAll stop where it is, as a killed process would.
var errKilled = errors.New("killed")

// writeJournal writes j, synced, next to first and returns its path.
func writeJournal(first string, j *journal) (string, error) {
	data, err := json.Marshal(j)
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp(filepath.Dir(first), "."+filepath.Base(first)+".*"+journalSuffix)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	syncDir(filepath.Dir(first))
	return f.Name(), nil
}

// rollback puts every earlier file of j back and removes the new ones and the temporary files.
func rollback(j *journal) {
	for _, e := range j.Entries {
		if e.HadOld {
			if _, err := os.Lstat(e.Aside); err == nil {
				os.Remove(e.Target)
				os.Rename(e.Aside, e.Target)
			}
			// else: the earlier file was never moved; the target is still it.
		} else if _, err := os.Lstat(e.Temp); err != nil {
			os.Remove(e.Target) // the new file was placed: there was none before
		}
		os.Remove(e.Temp)
	}
}

// recoverJournals rolls back the interrupted CommitAll journals in path's folder that name path
// (whatever their age: a new commit of the same file must not build on a half-done one); an
// unreadable journal (killed while writing it, before anything moved) older than StaleAge is removed.
func recoverJournals(path string) {
	matches, _ := filepath.Glob(filepath.Join(globQuote(filepath.Dir(path)), ".*"+journalSuffix))
	for _, m := range matches {
		data, err := os.ReadFile(m)
		var j journal
		if err != nil || json.Unmarshal(data, &j) != nil {
			if fi, err := os.Lstat(m); err == nil && time.Since(fi.ModTime()) > StaleAge {
				os.Remove(m)
			}
			continue
		}
		names := false
		abs, _ := filepath.Abs(path)
		for _, e := range j.Entries {
			t, _ := filepath.Abs(e.Target)
			names = names || t == abs
		}
		if !names {
			continue
		}
		rollback(&j)
		os.Remove(m)
		syncDir(filepath.Dir(path))
	}
}
