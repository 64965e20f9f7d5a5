// Package pgstore keeps the client library on a PostgreSQL server, for several people at once.
//
// # Schema (version 2)
//
// Every record is kept as the same JSON the bbolt store keeps, in a text column "data", with the
// SHA-256 of those bytes in "sha256": every read checks it, so a record changed behind the store's
// back (or damaged) is refused with a message, never used. The other columns are what lists,
// searches and filters need; they are derived from the JSON on every write.
//
//	schema_version(version)                       one row: the last migration applied
//	clients(id, name, tax_code, search, created_at, deleted_at, data, sha256)
//	applications(id, client_id → clients, programme, year, status, title, completeness, search,
//	             updated_at, deleted_at, version, updated_by, data, sha256)
//	revisions(app_id → applications ON DELETE CASCADE, id, at, reason, by, data, sha256)
//	                                              data: {at, reason, by, changes, application}
//
// "search" holds the record's text folded by forms.FoldSearch (lower case, no diacritics, đ → d),
// so that "dong thap" finds "Đồng Tháp" with a plain strpos on the server.
//
// Migrations (schema.go) run in order when the store is opened, each in its own transaction
// that also records the new version, under an advisory lock so that several programs opening a
// new library at once do not race. A library made by a newer program is refused, not changed.
//
// # Several people at once
//
// Every save is one short transaction. A dossier's row carries a version number (1 for the first
// save, +1 for every save) and who made it; SaveApplicationAt refuses a save based on an older
// version and keeps the refused text as a conflict revision. Every write sends a NOTIFY on the
// channel "hoso_changes" (payload: the dossier or client ID) so that open windows can refresh.
package pgstore
