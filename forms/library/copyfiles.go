package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"khuyencong/forms"
)

// fileCopier copies the attached files of the records going from one library to another, each
// content once, and remembers what it copied to read it back at the end.
type fileCopier struct {
	from, to forms.AttachmentStore
	done     map[string]forms.Attachment // source File+SHA256 → the target's attachment
	sums     map[string]bool             // contents copied (SHA-256)
	missing  []string
}

func newFileCopier(from, to forms.AttachmentStore) *fileCopier {
	return &fileCopier{from: from, to: to, done: map[string]forms.Attachment{}, sums: map[string]bool{}}
}

// record copies the files of a dossier or revision record and rewrites its references.
func (c *fileCopier) record(r *forms.LibraryRecord) error {
	switch {
	case r.Application != nil:
		app := *r.Application
		app.Attachments = append([]forms.Attachment(nil), app.Attachments...)
		for i := range app.Attachments {
			if err := c.attachment(&app.Attachments[i], "hồ sơ "+app.ID); err != nil {
				return err
			}
		}
		r.Application = &app
	case r.Revision != nil:
		where := fmt.Sprintf("bản lưu %s#%d", r.Revision.AppID, r.Revision.Info.ID)
		out, err := mapAttachments(r.Revision.Application, func(a *forms.Attachment) error { return c.attachment(a, where) })
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		rev := *r.Revision
		rev.Application = out
		r.Revision = &rev
	}
	return nil
}

// attachment copies one attached file (once per content) and points a at the target's copy.
func (c *fileCopier) attachment(a *forms.Attachment, where string) error {
	if a.File == "" {
		return nil
	}
	key := a.File + "\x00" + a.SHA256
	if got, ok := c.done[key]; ok {
		a.File, a.SHA256 = got.File, got.SHA256
		return nil
	}
	data, err := forms.ReadAttachment(c.from, *a)
	if err != nil {
		c.missing = append(c.missing, fmt.Sprintf("%s: tệp đính kèm %s (%s): %v", where, a.ID, forms.AttachmentName(*a), err))
		c.done[key] = *a // keep the reference as it is
		return nil
	}
	file, sum, err := c.to.PutAttachment(forms.AttachmentName(*a), bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	c.sums[sum] = true
	c.done[key] = forms.Attachment{File: file, SHA256: sum}
	a.File, a.SHA256 = file, sum
	return nil
}

// verify reads every copied file back from the target and compares its SHA-256.
func (c *fileCopier) verify() CopyCount {
	var from, to []string
	for sum := range c.sums {
		from = append(from, sum)
	}
	checked := map[string]bool{}
	for _, a := range c.done {
		if !c.sums[a.SHA256] || checked[a.SHA256] {
			continue
		}
		checked[a.SHA256] = true
		rc, err := c.to.OpenAttachment(a)
		if err != nil {
			continue
		}
		h := sha256.New()
		_, err = io.Copy(h, rc)
		rc.Close()
		if sum := hex.EncodeToString(h.Sum(nil)); err == nil {
			to = append(to, sum)
		}
	}
	return CopyCount{Kind: "tệp đính kèm", From: len(from), FromSHA256: sumOfSums(from), To: len(to), ToSHA256: sumOfSums(to)}
}

func sumOfSums(sums []string) string {
	sort.Strings(sums)
	h := sha256.New()
	for _, s := range sums {
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// mapAttachments applies fn to each attachment of a dossier's JSON (a revision's snapshot) and
// returns the JSON with them replaced; the other fields are kept as they are.
func mapAttachments(snapshot json.RawMessage, fn func(a *forms.Attachment) error) (json.RawMessage, error) {
	if len(snapshot) == 0 {
		return snapshot, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(snapshot, &fields); err != nil {
		return nil, err
	}
	raw, ok := fields["attachments"]
	if !ok {
		return snapshot, nil
	}
	var list []forms.Attachment
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	for i := range list {
		if err := fn(&list[i]); err != nil {
			return nil, err
		}
	}
	data, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	fields["attachments"] = data
	return json.Marshal(fields)
}

// nameOnly is an attachment as the copy compares it: where its file is kept reduced to its name.
func nameOnly(a forms.Attachment) forms.Attachment {
	a.File = forms.AttachmentName(a)
	a.SHA256 = ""
	return a
}

// byName is app with its attachments reduced by nameOnly (for the digest).
func byName(app *forms.Application) *forms.Application {
	cp := *app
	cp.Attachments = make([]forms.Attachment, len(app.Attachments))
	for i, a := range app.Attachments {
		cp.Attachments[i] = nameOnly(a)
	}
	if app.Attachments == nil {
		cp.Attachments = nil
	}
	return &cp
}
