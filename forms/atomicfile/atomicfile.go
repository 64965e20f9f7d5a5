// Package atomicfile writes files so that a crash, a full disk or a cancel never leaves a half-written file.
//
// The content goes to a temporary file in the same folder, is synced, and is renamed over the
// target only when complete.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// StaleAge is how old a temporary file must be to be taken for one that a killed run left behind
// (a write in progress is younger: removing its file would only make that write fail, never
// damage the target).
const StaleAge = time.Minute

// tempPattern is the os.CreateTemp pattern of the temporary files written for a file named base.
func tempPattern(base string) string { return "." + base + ".*.tmp" }

// CleanStale removes the temporary files a killed run of Write, Prepare or CommitAll left for path;
// an earlier file that CommitAll had moved aside when it was killed is put back when path is missing.
func CleanStale(path string) {
	recoverJournals(path)
	pattern := filepath.Join(globQuote(filepath.Dir(path)), tempPattern(globQuote(filepath.Base(path))))
	if asides, _ := filepath.Glob(pattern + asideSuffix); len(asides) > 0 {
		for _, a := range asides {
			if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
				os.Rename(a, path)
			} else {
				os.Remove(a)
			}
		}
	}
	RemoveStale(pattern)
}

// asideSuffix marks an earlier file that CommitAll moved aside.
const asideSuffix = ".cu"

// CleanStaleIn removes every temporary file of Write that a killed run left in dir.
func CleanStaleIn(dir string) { RemoveStale(filepath.Join(globQuote(dir), ".*.tmp")) }

// CleanStaleMatching removes the temporary files of Write (".<name>.<digits>.tmp") that a killed
// run left in dir for any file whose name satisfies match, e.g. every dossier file of a folder. It
// leaves other programs' files alone, and a temporary file younger than StaleAge (a write still in
// progress).
func CleanStaleMatching(dir string, match func(name string) bool) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name, ok := tempTarget(e.Name()); ok && match(name) {
			RemoveStale(filepath.Join(globQuote(dir), globQuote(e.Name())))
		}
	}
}

// tempTarget returns the name of the file a temporary file of Write was written for:
// ".maymoc.hoso.json.123456.tmp" → "maymoc.hoso.json".
func tempTarget(tmp string) (string, bool) {
	rest, ok := strings.CutPrefix(tmp, ".")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutSuffix(rest, ".tmp")
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 || i == len(rest)-1 {
		return "", false
	}
	for _, c := range rest[i+1:] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return rest[:i], true
}

// RemoveStale removes the files and folders matching the glob pattern that are older than StaleAge.
func RemoveStale(pattern string) {
	matches, _ := filepath.Glob(pattern)
	for _, m := range matches {
		if fi, err := os.Lstat(m); err == nil && time.Since(fi.ModTime()) > StaleAge {
			os.RemoveAll(m)
		}
	}
}

// globQuote escapes the characters filepath.Glob would read as a pattern.
func globQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) && (r != '\\' || filepath.Separator != '\\') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Pending is a file written to its temporary name and synced, not yet in place: Commit or
// Discard it. CommitAll puts several in place as one step.
type Pending struct {
	Path string // the target
	tmp  string
}

// Prepare writes what write produces to a temporary file next to path, synced, and returns it
// pending. On error nothing is left.
func Prepare(path string, perm os.FileMode, write func(io.Writer) error) (*Pending, error) {
	dir := filepath.Dir(path)
	CleanStale(path)
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return nil, &os.PathError{Op: "ghi", Path: path, Err: errIsDir}
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return nil, err
	}
	name := tmp.Name()
	werr := write(tmp)
	if werr == nil {
		werr = tmp.Chmod(perm)
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(name)
		return nil, werr
	}
	return &Pending{Path: path, tmp: name}, nil
}

var errIsDir = errors.New("đường dẫn là một thư mục, không phải tệp")

// Discard removes a pending file's temporary file.
func (p *Pending) Discard() { os.Remove(p.tmp) }

// CommitError says which target could not be put in place; every target is as it was before.
type CommitError struct {
	Path string
	Err  error
}

func (e *CommitError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *CommitError) Unwrap() error { return e.Err }

// CommitAll puts every pending file in place, or none: each earlier file is first moved aside
// (a file open in another program fails here, before anything changed), then the new files are
// renamed in; on any failure the earlier files are put back, the new ones removed, and the error
// is a *CommitError naming the file. The temporary files are gone afterwards either way. rename
// is os.Rename when nil (tests pass one that fails).
//
// A journal next to the first file lists the group while the files are swapped; a run killed in
// the middle is rolled back (every earlier file put back, every new one removed) by the next
// CleanStale of any of the files (Prepare and Write call it), so a kill never leaves a new file
// beside an earlier one of the same group.
func CommitAll(rename func(oldpath, newpath string) error, ps ...*Pending) error {
	if rename == nil {
		rename = os.Rename
	}
	if len(ps) == 0 {
		return nil
	}
	j := journal{}
	for _, p := range ps {
		_, err := os.Lstat(p.Path)
		j.Entries = append(j.Entries, journalEntry{Target: p.Path, Temp: p.tmp, Aside: p.tmp + asideSuffix, HadOld: err == nil})
	}
	jpath, err := writeJournal(ps[0].Path, &j)
	if err != nil {
		for _, p := range ps {
			p.Discard()
		}
		return &CommitError{Path: ps[0].Path, Err: err}
	}
	undo := func() {
		rollback(&j)
		os.Remove(jpath)
	}
	for _, e := range j.Entries {
		if !e.HadOld {
			continue
		}
		if err := rename(e.Target, e.Aside); err != nil {
			if err == errKilled {
				return err
			}
			undo()
			return &CommitError{Path: e.Target, Err: err}
		}
	}
	for _, e := range j.Entries {
		if err := rename(e.Temp, e.Target); err != nil {
			if err == errKilled {
				return err
			}
			undo()
			return &CommitError{Path: e.Target, Err: err}
		}
	}
	dirs := map[string]bool{}
	for _, p := range ps {
		if d := filepath.Dir(p.Path); !dirs[d] {
			dirs[d] = true
			syncDir(d)
		}
	}
	os.Remove(jpath) // the commit point
	syncDir(filepath.Dir(jpath))
	for _, e := range j.Entries {
		if e.HadOld {
			os.Remove(e.Aside)
		}
	}
	return nil
}

// Write writes the file at path with what write produces. The file gets the mode of the file it
// replaces, or perm when it is new. On any error the target is left as it was.
//
// Temporary files that a killed run left for the same path (older than StaleAge) are removed first.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	CleanStale(path)
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s: %w", dir, err)
	}
	name := tmp.Name()
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	werr := write(tmp)
	if werr == nil {
		werr = tmp.Chmod(perm)
	}
	serr := tmp.Sync()
	cerr := tmp.Close()
	if werr != nil {
		os.Remove(name)
		return werr
	}
	if err := errors.Join(serr, cerr); err != nil {
		os.Remove(name)
		return fmt.Errorf("không ghi được %s: %w (ổ đĩa có đầy không?)", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("không ghi được %s: %w (tệp có đang mở trong chương trình khác không?)", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir flushes the folder's entry list so that the rename survives a power cut; where folders
// cannot be synced (Windows) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteBytes writes data to path atomically.
func WriteBytes(path string, perm os.FileMode, data []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
