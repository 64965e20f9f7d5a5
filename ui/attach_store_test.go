package ui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khuyencong/forms"
	"khuyencong/forms/handoff"
)

// A file the user picks is copied into the library's attachment store on purpose: the dossier
// refers to the copy, which stays when the original is removed.
func TestPickedFileIsCopiedIntoTheLibrary(t *testing.T) {
	ta := newTestApp(t)
	dbPath := filepath.Join(t.TempDir(), "hoso.db")
	files := forms.FolderAttachments(forms.LibraryFilesDir(dbPath))
	ta.deps.AdoptAttachment = func(path string) (string, string, error) { return handoff.Adopt(files, path) }
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(stepIndex(t, w, "attachments"))
	pdf := filepath.Join(t.TempDir(), "giay-dang-ky.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 giấy đăng ký"), 0o644)
	w.attachments.attach("registration", pdf)
	var reg *forms.Attachment
	for i := range w.app.Attachments {
		if w.app.Attachments[i].ID == "registration" {
			reg = &w.app.Attachments[i]
		}
	}
	if reg == nil || reg.File == pdf || !strings.HasPrefix(reg.File, forms.LibraryFilesDir(dbPath)+string(filepath.Separator)) {
		t.Fatalf("picked file not copied into the library: %+v", reg)
	}
	os.Remove(pdf)
	if data, err := os.ReadFile(reg.File); err != nil || !strings.Contains(string(data), "giấy đăng ký") {
		t.Errorf("the library's copy: %v", err)
	}
}

// memBlobs keeps files by SHA-256, as a shared library's server does.
type memBlobs map[string][]byte

func (m memBlobs) PutAttachment(name string, r io.Reader) (string, string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", "", err
	}
	sum := sha256.Sum256(data)
	hexSum := hex.EncodeToString(sum[:])
	m[hexSum] = data
	return forms.BlobFile(hexSum, name), hexSum, nil
}

func (m memBlobs) OpenAttachment(a forms.Attachment) (io.ReadCloser, error) {
	sum, _, _ := forms.BlobOf(a.File)
	data, ok := m[sum]
	if !ok {
		return nil, os.ErrNotExist
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

func (m memBlobs) HasAttachment(a forms.Attachment) bool {
	sum, _, _ := forms.BlobOf(a.File)
	_, ok := m[sum]
	return ok
}

// On a shared library a picked file goes to the server: the item shows the file's name (not
// the server's reference), the review names it, and opening it opens a checked copy from the cache.
func TestPickedFileOnASharedLibrary(t *testing.T) {
	ta := newTestApp(t)
	blobs := memBlobs{}
	cache := t.TempDir()
	ta.deps.AdoptAttachment = func(path string) (string, string, error) { return handoff.Adopt(blobs, path) }
	ta.deps.AttachmentPath = func(a forms.Attachment) (string, error) { return forms.MaterialiseAttachment(blobs, a, cache) }
	w := openNewDossier(t, ta, forms.Equipment)
	w.showStep(stepIndex(t, w, "attachments"))
	pdf := filepath.Join(t.TempDir(), "giay-dang-ky.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 giấy đăng ký"), 0o644)
	w.attachments.attach("registration", pdf)
	os.Remove(pdf)
	var reg forms.Attachment
	for _, a := range w.app.Attachments {
		if a.ID == "registration" {
			reg = a
		}
	}
	if _, name, ok := forms.BlobOf(reg.File); !ok || name != "giay-dang-ky.pdf" || len(blobs) != 1 {
		t.Fatalf("picked file not kept on the server: %+v", reg)
	}
	shown := strings.Join(labels(w.attachments.root), "\n")
	if !strings.Contains(shown, "Đã đính kèm: giay-dang-ky.pdf") || strings.Contains(shown, "kho:") {
		t.Errorf("attachments step shows:\n%s", shown)
	}
	w.attachments.openFile("registration")
	opened := ta.opener.opened
	if len(opened) != 1 || !strings.HasPrefix(opened[0], cache) {
		t.Fatalf("opened %q, want a copy in the cache", opened)
	}
	if data, _ := os.ReadFile(opened[0]); string(data) != "%PDF-1.4 giấy đăng ký" {
		t.Errorf("the opened copy holds %q", data)
	}
}
