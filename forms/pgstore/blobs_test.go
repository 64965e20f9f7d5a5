package pgstore

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"khuyencong/forms"
)

// An attached file's content changed on the server (outside the app) is refused when read and
// reported by Check; putting the good content again repairs it. A dossier naming a content the
// server does not have is reported too.
func TestDamagedBlobIsRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	content := []byte("%PDF-1.4 giấy chứng nhận đăng ký doanh nghiệp")
	file, sum, err := s.PutAttachment("dkkd.pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if file != forms.BlobFile(sum, "dkkd.pdf") {
		t.Errorf("file %q", file)
	}
	c := &forms.Client{Enterprise: forms.Enterprise{Name: "Công ty TNHH Cơ khí Phước Hưng", TaxCode: "0312345675"}}
	if err := s.SaveClient(c); err != nil {
		t.Fatal(err)
	}
	app := forms.Sample(forms.Equipment)
	app.ClientID = c.ID
	app.Attachments = append(app.Attachments, forms.Attachment{ID: "registration", File: file, SHA256: sum})
	if err := s.SaveApplication(app); err != nil {
		t.Fatal(err)
	}
	a := app.Attachments[len(app.Attachments)-1]
	if rep, err := s.Check(); err != nil || !rep.OK() || rep.Blobs != 1 {
		t.Fatalf("check of a good library: %+v %v", rep, err)
	}

	for _, damage := range []string{
		"UPDATE blobs SET data = overlay(data placing 'X' from 5 for 1)", // one byte changed
		"UPDATE blobs SET data = substring(data from 1 for 10)",          // truncated
	} {
		if _, err := s.pool.Exec(ctx, damage); err != nil {
			t.Fatal(err)
		}
		if _, err := forms.ReadAttachment(s, a); !errors.Is(err, forms.ErrAttachmentDamaged) {
			t.Errorf("%s: read gave %v, want ErrAttachmentDamaged", damage, err)
		}
		if _, w := forms.MaterialiseAttachments(s, app, t.TempDir()); len(w) != 1 || !strings.Contains(w[0], "dkkd.pdf") {
			t.Errorf("%s: materialising warned %q", damage, w)
		}
		rep, err := s.Check()
		if err != nil || rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), sum) {
			t.Errorf("%s: check %+v %v", damage, rep, err)
		}
		// The good content put again replaces the damaged row.
		if _, _, err := s.PutAttachment("dkkd.pdf", bytes.NewReader(content)); err != nil {
			t.Fatal(err)
		}
		if got, err := forms.ReadAttachment(s, a); err != nil || !bytes.Equal(got, content) {
			t.Errorf("%s: after putting it again: %q %v", damage, got, err)
		}
	}

	if _, err := s.pool.Exec(ctx, "DELETE FROM blobs"); err != nil {
		t.Fatal(err)
	}
	if s.HasAttachment(a) {
		t.Error("HasAttachment after the content was deleted")
	}
	rep, err := s.Check()
	if err != nil || rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), "không có trên máy chủ") {
		t.Errorf("check with a missing content: %+v %v", rep, err)
	}
}
