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
)

// Write writes the file at path with what write produces. The file gets the mode of the file it
// replaces, or perm when it is new. On any error the target is left as it was.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
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
