package forms

import (
	"encoding/json"
	"time"
)

// LibraryRecord is one record of a whole library, as it is stored, for copying a library to
// another store (hoso db copy): exactly one of Client, Application and Revision is set.
type LibraryRecord struct {
	Client *Client `json:"client,omitempty"`

	Application  *Application `json:"application,omitempty"`
	AppDeletedAt time.Time    `json:"app_deleted_at,omitzero"` // the dossier's recycle-bin time
	Version      Version      `json:"version,omitzero"`        // its version and who saved it last

	Revision *StoredRevision `json:"revision,omitempty"`
}

// StoredRevision is a revision with its snapshot.
type StoredRevision struct {
	AppID       string          `json:"app_id"`
	Info        RevisionInfo    `json:"info"`
	Application json.RawMessage `json:"application"`
}

// LibraryCopier is a Store that can hand out and take in whole records, times and IDs kept.
type LibraryCopier interface {
	Store
	// EachRecord calls fn on every record, from one consistent snapshot: clients first, then
	// dossiers, then revisions.
	EachRecord(fn func(r *LibraryRecord) error) error
	// PutRecords writes records as they are, in one transaction; a client comes before its
	// dossiers and a dossier before its revisions. Meant for an empty library.
	PutRecords(recs []LibraryRecord) error
}
