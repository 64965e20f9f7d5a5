package forms

import (
	"errors"
	"time"
)

// ErrNotFound is returned by a Store when a client, application or revision does not exist.
var ErrNotFound = errors.New("không tìm thấy")

// ErrClientExists is returned by Store.ImportApplication with ImportAsk when a client with the
// dossier's tax code is already in the library: the caller asks the user to merge or copy.
var ErrClientExists = errors.New("đã có khách hàng cùng mã số thuế trong thư viện: chọn gộp vào khách hàng đó hoặc tạo bản sao")

// ImportMode says what to do when an imported dossier's tax code matches an existing client.
type ImportMode int

// The import modes.
const (
	ImportAsk   ImportMode = iota // refuse with ErrClientExists so the user can choose
	ImportMerge                   // attach the dossier to the existing client
	ImportCopy                    // create a new client, a copy, for the dossier
)

// Client is one enterprise in the consultant's library, with its dossiers.
type Client struct {
	ID         string     `json:"id"`
	Enterprise Enterprise `json:"enterprise"`
	Notes      string     `json:"notes,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	DeletedAt  time.Time  `json:"deleted_at,omitzero"` // non-zero when in the recycle bin
}

// ApplicationSummary is one line of the list of dossiers.
type ApplicationSummary struct {
	ID           string    `json:"id"`
	ClientID     string    `json:"client_id"`
	ClientName   string    `json:"client_name"`
	TaxCode      string    `json:"tax_code"`
	Programme    Programme `json:"programme"`
	Year         int       `json:"year"`
	Status       Status    `json:"status"`
	Title        string    `json:"title"`
	Completeness int       `json:"completeness"` // percent
	UpdatedAt    time.Time `json:"updated_at"`
	DeletedAt    time.Time `json:"deleted_at,omitzero"`
	Version      uint64    `json:"version,omitempty"`    // the dossier's save count (see Version)
	UpdatedBy    string    `json:"updated_by,omitempty"` // who saved it last
}

// Query filters lists of clients and applications. Zero fields do not filter.
type Query struct {
	Text      string    // matches name, short name or tax code, ignoring case and diacritics
	ClientID  string    // applications of one client
	Programme Programme //
	Year      int       //
	Status    Status    //
	Deleted   bool      // list the recycle bin instead
}

// RevisionInfo describes one saved snapshot of an application.
type RevisionInfo struct {
	ID      uint64    `json:"id"`
	At      time.Time `json:"at"`
	Reason  string    `json:"reason"`       // "render", "export", "restore" ...
	By      string    `json:"by,omitempty"` // who saved it (the user name set in the settings)
	Changes []string  `json:"changes"`      // what changed since the previous revision, in Vietnamese
}

// Store keeps clients and their applications. Every save is one short transaction.
// Implementations must never mix one client's data into another's.
type Store interface {
	// SaveClient creates (empty ID: one is assigned) or updates a client.
	SaveClient(c *Client) error
	Client(id string) (*Client, error)
	Clients(q Query) ([]Client, error) // sorted by name with a Vietnamese collator
	// DeleteClient moves a client and its applications to the recycle bin.
	DeleteClient(id string) error

	// SaveApplication creates (empty ID) or updates an application; ClientID must name an existing client.
	SaveApplication(app *Application) error
	Application(id string) (*Application, error)
	Applications(q Query) ([]ApplicationSummary, error) // sorted by client name (Vietnamese collator), then year descending
	// DeleteApplication moves an application to the recycle bin.
	DeleteApplication(id string) error
	// Restore takes a client or application back out of the recycle bin.
	Restore(id string) error
	// EmptyTrash deletes for good everything in the recycle bin.
	EmptyTrash() error

	// SaveRevision snapshots the application as it is now, with a reason.
	SaveRevision(appID, reason string) (RevisionInfo, error)
	Revisions(appID string) ([]RevisionInfo, error) // newest first
	Revision(appID string, revID uint64) (*Application, error)

	// ImportApplication stores a dossier that comes from a file or package, in one transaction: it
	// gets a new ID and is attached to a client found or created from its enterprise's tax code,
	// according to mode. It returns the client's ID.
	ImportApplication(app *Application, mode ImportMode) (clientID string, err error)

	// SetUser names who saves from this session (the user name set once in the settings):
	// every save and revision records it.
	SetUser(name string)
	// ApplicationAt returns a dossier with its stored version, read together in one transaction.
	ApplicationAt(id string) (*Application, Version, error)
	// SaveApplicationAt saves a dossier edited from version base (ApplicationAt's) and returns the
	// new version. When someone else saved it since, nothing is overwritten: the caller's text is
	// kept as a revision (reason ConflictReason) and the error is a *ConflictError naming who saved
	// and when. SaveApplication saves whatever the stored version (one writer, or last save wins).
	SaveApplicationAt(app *Application, base uint64) (Version, error)

	// Backup writes a copy of the whole library now and returns the backup file's path.
	Backup() (string, error)

	// Path is the data file's location.
	Path() string
	Close() error
}
