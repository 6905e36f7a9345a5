// Package store keeps the desk's data in an embedded SQLite database
// (modernc.org/sqlite, pure Go): the officer's password hash and sessions,
// the units' link secrets, every uploaded file with its findings, every
// merged report, and an audit log. Nothing is deleted: a resubmission
// supersedes. Every write is one transaction; what a call acknowledged is
// on disk (WAL, synchronous=FULL).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite"
)

// FileName is the database's name inside the data folder.
const FileName = "de06.sqlite"

// Store is the open database.
type Store struct {
	db  *sql.DB
	dir string
}

// Open opens (creating it if needed) the database in dir and brings its
// schema up to date.
func Open(dir string) (*Store, error) {
	if err := privateDir(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, FileName)
	if err := privateFile(path); err != nil {
		return nil, err
	}
	dsn := "file:" + filepath.ToSlash(path) +
		"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// One writer at a time is SQLite's rule; a single connection keeps
	// the pragmas above on every statement.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, dir: dir}
	if err := s.migrate(); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	// The journal files SQLite made take the database's mode; those of an
	// older desk are narrowed too.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := narrow(path + suffix); err != nil {
			return nil, errors.Join(err, db.Close())
		}
	}
	if err := s.moveSecretOut(); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return s, nil
}

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrations are applied in order; PRAGMA user_version counts those done.
var migrations = []string{
	`CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB NOT NULL);
	 CREATE TABLE sessions (token_hash BLOB PRIMARY KEY, expires INTEGER NOT NULL);
	 CREATE TABLE links (unit_id TEXT PRIMARY KEY, generation INTEGER NOT NULL, token_hash BLOB NOT NULL UNIQUE, changed INTEGER NOT NULL);
	 CREATE TABLE uploads (
		id INTEGER PRIMARY KEY,
		unit_id TEXT NOT NULL, period TEXT NOT NULL,
		name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL,
		at INTEGER NOT NULL, from_addr TEXT NOT NULL, by_officer INTEGER NOT NULL,
		accepted INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
		findings TEXT NOT NULL);
	 CREATE INDEX uploads_period ON uploads(period, unit_id, id);
	 CREATE TABLE reports (
		id INTEGER PRIMARY KEY, period TEXT NOT NULL,
		number INTEGER NOT NULL, date TEXT NOT NULL, signer TEXT NOT NULL,
		xlsx BLOB NOT NULL, pdf BLOB NOT NULL, summary TEXT NOT NULL, models TEXT NOT NULL, at INTEGER NOT NULL);
	 CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);`,
	// Plan versions: each applies from a day on (the start of a period).
	`CREATE TABLE plans (id INTEGER PRIMARY KEY, from_day TEXT NOT NULL, name TEXT NOT NULL, json BLOB NOT NULL, at INTEGER NOT NULL);`,
	// Which send counts: how each send came, who reported, withdrawals,
	// the officer's choices, and the sends each merge used.
	`ALTER TABLE uploads ADD COLUMN via TEXT NOT NULL DEFAULT '';
	 UPDATE uploads SET via = CASE WHEN by_officer THEN 'officer' ELSE 'link' END;
	 ALTER TABLE uploads ADD COLUMN reporter TEXT NOT NULL DEFAULT '';
	 ALTER TABLE uploads ADD COLUMN phone TEXT NOT NULL DEFAULT '';
	 ALTER TABLE uploads ADD COLUMN withdrawn_at INTEGER NOT NULL DEFAULT 0;
	 CREATE TABLE choices (
		id INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, period TEXT NOT NULL,
		upload_id INTEGER NOT NULL REFERENCES uploads(id), at INTEGER NOT NULL);
	 CREATE INDEX choices_period ON choices(period, unit_id, id);
	 CREATE TABLE report_uploads (
		report_id INTEGER NOT NULL REFERENCES reports(id),
		upload_id INTEGER NOT NULL REFERENCES uploads(id),
		PRIMARY KEY (report_id, upload_id));`,
	// Sessions say where and when they began, for the officer's list;
	// expired ones are purged by expiry.
	`ALTER TABLE sessions ADD COLUMN created INTEGER NOT NULL DEFAULT 0;
	 ALTER TABLE sessions ADD COLUMN from_addr TEXT NOT NULL DEFAULT '';
	 ALTER TABLE sessions ADD COLUMN agent TEXT NOT NULL DEFAULT '';
	 CREATE INDEX sessions_expires ON sessions(expires);
	 CREATE INDEX uploads_unit ON uploads(unit_id, period);`,
	// Drafts: what a unit typed into its form in the browser, per period.
	`CREATE TABLE drafts (
		unit_id TEXT NOT NULL, period TEXT NOT NULL, fields TEXT NOT NULL, at INTEGER NOT NULL,
		PRIMARY KEY (unit_id, period));`,
	// What a merge printed besides its data: the header (JSON) and why
	// the document was a draft (JSON list); '' for merges made before.
	`ALTER TABLE reports ADD COLUMN header TEXT NOT NULL DEFAULT '';
	 ALTER TABLE reports ADD COLUMN draft TEXT NOT NULL DEFAULT '';`,
}

func (s *Store) migrate() error {
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	for i := v; i < len(migrations); i++ {
		err := s.tx(func(tx *sql.Tx) error {
			if _, err := tx.Exec(migrations[i]); err != nil {
				return err
			}
			// PRAGMA takes no parameters; i is ours, not input.
			_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("store: migration %d: %w", i+1, err)
		}
	}
	return nil
}

// tx runs fn in one transaction.
func (s *Store) tx(fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// Setting reads a setting; ok is false when it was never set.
func (s *Store) Setting(key string) (value []byte, ok bool, err error) {
	err = s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	return value, err == nil, err
}

// SetSetting writes a setting, with an audit line.
func (s *Store) SetSetting(key string, value []byte, who string, at time.Time) error {
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
			return err
		}
		return audit(tx, at, who, "setting", key)
	})
}

func audit(tx *sql.Tx, at time.Time, who, action, detail string) error {
	_, err := tx.Exec(`INSERT INTO audit(at, who, action, detail) VALUES(?, ?, ?, ?)`, at.Unix(), who, action, detail)
	return err
}
