package store

import (
	"database/sql"
	"errors"
	"time"
)

// Link is a unit's link state: the generation of its token and the hash
// of the token, by which a request's token is looked up.
type Link struct {
	UnitID     string
	Generation int
	TokenHash  []byte
}

// SetLink records a unit's link, replacing (so revoking) the one before.
func (s *Store) SetLink(l Link, who string, at time.Time) error {
	return s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO links(unit_id, generation, token_hash, changed) VALUES(?, ?, ?, ?)
			ON CONFLICT(unit_id) DO UPDATE SET generation = excluded.generation, token_hash = excluded.token_hash, changed = excluded.changed`,
			l.UnitID, l.Generation, l.TokenHash, at.Unix())
		if err != nil {
			return err
		}
		return audit(tx, at, who, "link", l.UnitID)
	})
}

// Links lists every unit's link.
func (s *Store) Links() ([]Link, error) {
	rows, err := s.db.Query(`SELECT unit_id, generation, token_hash FROM links ORDER BY unit_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var l Link
		if err := rows.Scan(&l.UnitID, &l.Generation, &l.TokenHash); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// UnitByTokenHash finds the unit whose current link has this token hash.
func (s *Store) UnitByTokenHash(h []byte) (string, bool, error) {
	var id string
	err := s.db.QueryRow(`SELECT unit_id FROM links WHERE token_hash = ?`, h).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return id, err == nil, err
}

// Upload is one file received for a unit and period, with what the check
// found. Data is kept apart: lists do not carry the bytes.
type Upload struct {
	ID        int64
	UnitID    string
	Period    string
	Name      string
	SHA256    string
	Size      int
	At        time.Time
	From      string // the sender's address
	ByOfficer bool   // dropped on the desk by the officer
	Accepted  bool
	Errors    int
	Warnings  int
	Findings  string // the check's JSON for this file
}

// AddUpload stores a file and its check in one transaction; when it
// returns nil the file is on disk.
func (s *Store) AddUpload(u Upload, data []byte) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO uploads(unit_id, period, name, sha256, size, data, at, from_addr, by_officer, accepted, errors, warnings, findings)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			u.UnitID, u.Period, u.Name, u.SHA256, len(data), data, u.At.UnixMilli(), u.From, u.ByOfficer, u.Accepted, u.Errors, u.Warnings, u.Findings)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		who := "unit:" + u.UnitID
		if u.ByOfficer {
			who = "officer"
		}
		return audit(tx, u.At, who, "upload", u.Name)
	})
	return id, err
}

const uploadCols = `id, unit_id, period, name, sha256, size, at, from_addr, by_officer, accepted, errors, warnings, findings`

func scanUploads(rows *sql.Rows, err error) ([]Upload, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Upload
	for rows.Next() {
		var u Upload
		var at int64
		if err := rows.Scan(&u.ID, &u.UnitID, &u.Period, &u.Name, &u.SHA256, &u.Size, &at, &u.From, &u.ByOfficer, &u.Accepted, &u.Errors, &u.Warnings, &u.Findings); err != nil {
			return nil, err
		}
		u.At = time.UnixMilli(at)
		out = append(out, u)
	}
	return out, rows.Err()
}

// Uploads lists a period's uploads, oldest first.
func (s *Store) Uploads(period string) ([]Upload, error) {
	return scanUploads(s.db.Query(`SELECT `+uploadCols+` FROM uploads WHERE period = ? ORDER BY id`, period))
}

// UnitUploads lists one unit's uploads of every period, newest first.
func (s *Store) UnitUploads(unitID string) ([]Upload, error) {
	return scanUploads(s.db.Query(`SELECT `+uploadCols+` FROM uploads WHERE unit_id = ? ORDER BY id DESC`, unitID))
}

// Upload returns one upload and its bytes.
func (s *Store) Upload(id int64) (Upload, []byte, error) {
	us, err := scanUploads(s.db.Query(`SELECT `+uploadCols+` FROM uploads WHERE id = ?`, id))
	if err != nil || len(us) == 0 {
		if err == nil {
			err = sql.ErrNoRows
		}
		return Upload{}, nil, err
	}
	var data []byte
	err = s.db.QueryRow(`SELECT data FROM uploads WHERE id = ?`, id).Scan(&data)
	return us[0], data, err
}

// Report is one merged report of a period.
type Report struct {
	ID      int64
	Period  string
	Number  int
	Date    string // dd/mm/yyyy
	Signer  string
	Summary string
	Models  string // JSON: each model's status and progress, for trends
	At      time.Time
}

// AddReport stores a merged report's workbook and PDF.
func (s *Store) AddReport(r Report, xlsx, pdf []byte) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO reports(period, number, date, signer, xlsx, pdf, summary, models, at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Period, r.Number, r.Date, r.Signer, xlsx, pdf, r.Summary, r.Models, r.At.Unix())
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return audit(tx, r.At, "officer", "merge", r.Period)
	})
	return id, err
}

// Reports lists a period's merged reports, newest first ("" for all).
func (s *Store) Reports(period string) ([]Report, error) {
	rows, err := s.db.Query(`SELECT id, period, number, date, signer, summary, models, at FROM reports WHERE ? = '' OR period = ? ORDER BY id DESC`, period, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var r Report
		var at int64
		if err := rows.Scan(&r.ID, &r.Period, &r.Number, &r.Date, &r.Signer, &r.Summary, &r.Models, &at); err != nil {
			return nil, err
		}
		r.At = time.Unix(at, 0)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReportFile returns a stored report's workbook (pdf false) or PDF.
func (s *Store) ReportFile(id int64, pdf bool) (Report, []byte, error) {
	var r Report
	var xlsx, p []byte
	var at int64
	err := s.db.QueryRow(`SELECT id, period, number, date, signer, summary, at, xlsx, pdf FROM reports WHERE id = ?`, id).
		Scan(&r.ID, &r.Period, &r.Number, &r.Date, &r.Signer, &r.Summary, &at, &xlsx, &p)
	r.At = time.Unix(at, 0)
	if pdf {
		return r, p, err
	}
	return r, xlsx, err
}
