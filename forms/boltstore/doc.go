// Package boltstore keeps the client library (clients, dossiers, revisions) in one bbolt file.
//
// # Schema (version 4)
//
// Keys are the record's ID as bytes unless noted. Values of clients/, applications/, summaries/
// and revisions/<appID>/ are sealed JSON (since v4): one byte 0x01, the CRC-32C (Castagnoli) of
// key ‖ 0x00 ‖ JSON as 4 bytes big-endian, then the JSON. Every read checks the checksum; a
// mismatch is a *RecordError (errors.Is ErrDamaged) naming the record.
//
//	hoso.db
//	├── meta/
//	│   ├── schema_version → "3" (decimal)
//	│   └── created_at     → RFC 3339 time the file was created
//	├── clients/
//	│   └── <clientID> → forms.Client (DeletedAt set while in the recycle bin)
//	├── applications/
//	│   └── <appID> → forms.Application (the dossier as last saved; its Enterprise is the
//	│                  dossier's own snapshot, never rewritten from the client's profile)
//	├── summaries/                                      (since v3)
//	│   └── <appID> → forms.ApplicationSummary (list line: client, programme, year, status,
//	│                  completeness, updated, deleted_at); written in the same transaction
//	│                  as applications/<appID>
//	├── tax_codes/                                      (since v2)
//	│   └── <tax code> 0x00 <clientID> → empty (index: clients by tax code)
//	└── revisions/
//	    └── <appID>/                                    (one nested bucket per application)
//	        └── <revID, uint64 big-endian> → {at, reason, changes, application}
//
// Version 3 stored plain JSON values. Version 1 had no tax_codes and no summaries, and kept the recycle bin of applications in
// a bucket trash/ (<appID> → RFC 3339 deletion time). Migrations (schema.go) run in order, in
// one transaction, right after a backup of the older file.
//
// # Safety
//
// Every save is one short bbolt transaction (one fsync). Open takes the file's lock with a
// one-second timeout (ErrLocked when another window holds it) and checks the file read-only
// before writing anything: first a walk of the pages with bounds-checked reads (precheck.go:
// bbolt trusts page numbers, and a garbage page would crash the process through its memory
// map), then bbolt's tx.Check, then the schema. A damaged file is never written to: Open
// returns a *DamagedError (errors.Is ErrDamaged) naming the newest backup that passes the same
// checks, for RestoreBackup. Open also verifies every record's checksum: with
// Options.ReadOnlyIfDamaged a library with damaged records opens read-only (Store.Damage says
// what is damaged; every write and Backup fail); without it, Open refuses it. A 0-byte or missing
// data file is never re-initialised while backups/ holds backups of it.
//
// Open writes at most one backup a day into backups/ next to the data file and keeps the
// backups of the last KeepBackupDays days; each backup is checked (CheckFile) after it is
// written and its verdict recorded beside it (<backup>.kiem-tra). RestoreBackup swaps files with a
// journal (<data file>.khoi-phuc.json) so that a restore killed between steps is finished or
// rolled back by the next Open (RecoverRestore). Open also removes temporary files that killed
// runs left (atomicfile temps in backups/, unreferenced restore copies, half-extracted packages).
package boltstore
