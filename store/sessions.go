package store

import (
	"database/sql"
	"time"
)

// Session is an officer's session: its token's hash (the token itself is
// only in the officer's cookie), when and from where it began.
type Session struct {
	TokenHash []byte
	Created   time.Time
	Expires   time.Time
	From      string // the address it began from
	Agent     string // the browser, as it names itself
}

// maxAgent bounds the browser name kept with a session.
const maxAgent = 200

// StartSession records a session, and purges those expired at now.
func (s *Store) StartSession(se Session, now time.Time) error {
	if len(se.Agent) > maxAgent {
		se.Agent = se.Agent[:maxAgent]
	}
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM sessions WHERE expires <= ?`, now.Unix()); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO sessions(token_hash, expires, created, from_addr, agent) VALUES(?, ?, ?, ?, ?)`,
			se.TokenHash, se.Expires.Unix(), se.Created.Unix(), se.From, se.Agent)
		return err
	})
}

// SessionValid reports whether a session token's hash is known and not
// expired at now.
func (s *Store) SessionValid(tokenHash []byte, now time.Time) (bool, error) {
	var n int
	err := s.db.QueryRow(`SELECT COUNT(*) FROM sessions WHERE token_hash = ? AND expires > ?`, tokenHash, now.Unix()).Scan(&n)
	return n > 0, err
}

// EndSession ends one session (logging out).
func (s *Store) EndSession(tokenHash []byte) error {
	_, err := s.db.Exec(`DELETE FROM sessions WHERE token_hash = ?`, tokenHash)
	return err
}

// EndAllSessions ends every session ("đăng xuất mọi nơi"), with an audit
// line, and says how many there were.
func (s *Store) EndAllSessions(who string, at time.Time) (int64, error) {
	var n int64
	err := s.tx(func(tx *sql.Tx) error {
		var err error
		n, err = endAll(tx)
		if err != nil {
			return err
		}
		return audit(tx, at, who, "sessions", "all ended")
	})
	return n, err
}

func endAll(tx *sql.Tx) (int64, error) {
	res, err := tx.Exec(`DELETE FROM sessions`)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// Sessions lists the sessions live at now, newest first.
func (s *Store) Sessions(now time.Time) ([]Session, error) {
	rows, err := s.db.Query(`SELECT token_hash, created, expires, from_addr, agent FROM sessions WHERE expires > ? ORDER BY created DESC`, now.Unix())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var se Session
		var created, expires int64
		if err := rows.Scan(&se.TokenHash, &created, &expires, &se.From, &se.Agent); err != nil {
			return nil, err
		}
		se.Created, se.Expires = time.Unix(created, 0), time.Unix(expires, 0)
		out = append(out, se)
	}
	return out, rows.Err()
}

// PurgeSessions deletes the sessions expired at now.
func (s *Store) PurgeSessions(now time.Time) (int64, error) {
	res, err := s.db.Exec(`DELETE FROM sessions WHERE expires <= ?`, now.Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// SetCredential writes a setting that proves who the officer is (the
// password hash) and ends every session, in one transaction: a password
// changed, no one stays logged in with the old one.
func (s *Store) SetCredential(key string, value []byte, who string, at time.Time) error {
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
			return err
		}
		if _, err := endAll(tx); err != nil {
			return err
		}
		return audit(tx, at, who, "setting", key+"; every session ended")
	})
}
