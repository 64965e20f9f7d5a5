package pgstore

// SchemaVersion is the layout this package writes: the number of migrations.
const SchemaVersion = 3

// migrations[i] takes a library from version i to i+1. Each runs in one transaction.
var migrations = []string{
	// 1: clients, dossiers, revisions.
	`CREATE TABLE clients (
		id         text PRIMARY KEY,
		name       text NOT NULL,
		tax_code   text NOT NULL DEFAULT '',
		search     text NOT NULL DEFAULT '',
		created_at timestamptz NOT NULL,
		deleted_at timestamptz,
		data       text NOT NULL,
		sha256     bytea NOT NULL
	);
	CREATE INDEX clients_tax_code ON clients (tax_code) WHERE tax_code <> '';
	CREATE TABLE applications (
		id           text PRIMARY KEY,
		client_id    text NOT NULL REFERENCES clients (id),
		programme    text NOT NULL,
		year         integer NOT NULL,
		status       text NOT NULL,
		title        text NOT NULL,
		completeness integer NOT NULL,
		search       text NOT NULL DEFAULT '',
		updated_at   timestamptz NOT NULL,
		deleted_at   timestamptz,
		version      bigint NOT NULL DEFAULT 1,
		updated_by   text NOT NULL DEFAULT '',
		data         text NOT NULL,
		sha256       bytea NOT NULL
	);
	CREATE INDEX applications_client ON applications (client_id);
	CREATE TABLE revisions (
		app_id text NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
		id     bigint NOT NULL,
		at     timestamptz NOT NULL,
		reason text NOT NULL,
		by     text NOT NULL DEFAULT '',
		data   text NOT NULL,
		sha256 bytea NOT NULL,
		PRIMARY KEY (app_id, id)
	);`,
	// 2: a notification on every change, for the windows that list the library.
	`CREATE FUNCTION hoso_notify() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP = 'DELETE' THEN
			PERFORM pg_notify('hoso_changes', OLD.id);
		ELSE
			PERFORM pg_notify('hoso_changes', NEW.id);
		END IF;
		RETURN NULL;
	END $$;
	CREATE TRIGGER clients_notify AFTER INSERT OR UPDATE OR DELETE ON clients
		FOR EACH ROW EXECUTE FUNCTION hoso_notify();
	CREATE TRIGGER applications_notify AFTER INSERT OR UPDATE OR DELETE ON applications
		FOR EACH ROW EXECUTE FUNCTION hoso_notify();`,
	// 3: the content of attached files, addressed by its SHA-256 (see blobs.go).
	`CREATE TABLE blobs (
		sha256     bytea PRIMARY KEY CHECK (length(sha256) = 32),
		size       bigint NOT NULL,
		data       bytea NOT NULL,
		created_at timestamptz NOT NULL
	);`,
}
