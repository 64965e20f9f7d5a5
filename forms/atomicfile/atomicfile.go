// Package atomicfile writes files so that a crash, a full disk or a cancel never leaves a
// half-written file: the content goes to a temporary file in the same folder, is synced, and is
// renamed over the target only when complete.
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
func CommitAll(rename func(oldpath, newpath string) error, ps ...*Pending) error {
	if rename == nil {
		rename = os.Rename
	}
	type aside struct{ target, old string }
	var moved []aside
	undo := func(placed []*Pending) {
		for _, p := range placed {
			os.Remove(p.Path)
		}
		for i := len(moved) - 1; i >= 0; i-- {
			os.Rename(moved[i].old, moved[i].target)
		}
		for _, p := range ps {
			p.Discard()
		}
	}
	for _, p := range ps {
		if _, err := os.Lstat(p.Path); err != nil {
			continue
		}
		old := p.tmp + asideSuffix
		if err := rename(p.Path, old); err != nil {
			undo(nil)
			return &CommitError{Path: p.Path, Err: err}
		}
		moved = append(moved, aside{p.Path, old})
	}
	for i, p := range ps {
		if err := rename(p.tmp, p.Path); err != nil {
			undo(ps[:i])
			return &CommitError{Path: p.Path, Err: err}
		}
	}
	for _, m := range moved {
		os.Remove(m.old)
	}
	dirs := map[string]bool{}
	for _, p := range ps {
		if d := filepath.Dir(p.Path); !dirs[d] {
			dirs[d] = true
			syncDir(d)
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
