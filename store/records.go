package store

import (
	"database/sql"
	"errors"
	"strconv"
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
	Size      int // as received; the bytes kept may be fewer (Kept)
	Kept      int // bytes kept
	At        time.Time
	From      string // the sender's address
	ByOfficer bool   // dropped on the desk by the officer
	Via       string // "link", "form" or "officer"
	Accepted  bool
	Errors    int
	Warnings  int
	Findings  string // the check's JSON for this file
	Reporter  string // the reporter's name and phone, as typed in the file
	Phone     string
	// WithdrawnAt is when the unit withdrew the send; zero when it stands.
	WithdrawnAt time.Time
}

// AddUpload stores a file and its check in one transaction; when it
// returns nil the file is on disk. data may be only the start of the file
// (one that could not be read is kept as a bounded prefix): u.Size is then
// the size received.
func (s *Store) AddUpload(u Upload, data []byte) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) (err error) {
		id, err = addUpload(tx, u, data)
		return err
	})
	return id, err
}

func addUpload(tx *sql.Tx, u Upload, data []byte) (int64, error) {
	u.Size = max(u.Size, len(data))
	res, err := tx.Exec(`INSERT INTO uploads(unit_id, period, name, sha256, size, data, at, from_addr, by_officer, via, accepted, errors, warnings, findings, reporter, phone)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		u.UnitID, u.Period, u.Name, u.SHA256, u.Size, data, u.At.UnixMilli(), u.From, u.ByOfficer, u.Via, u.Accepted, u.Errors, u.Warnings, u.Findings, u.Reporter, u.Phone)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, audit(tx, u.At, who(u.ByOfficer, u.UnitID), "upload", u.Name)
}

// who names the actor of an audit line.
func who(officer bool, unitID string) string {
	if officer {
		return "officer"
	}
	return "unit:" + unitID
}

const uploadCols = `id, unit_id, period, name, sha256, size, length(data), at, from_addr, by_officer, via, accepted, errors, warnings, findings, reporter, phone, withdrawn_at`

func scanUploads(rows *sql.Rows, err error) ([]Upload, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Upload
	for rows.Next() {
		var u Upload
		var at, withdrawn int64
		if err := rows.Scan(&u.ID, &u.UnitID, &u.Period, &u.Name, &u.SHA256, &u.Size, &u.Kept, &at, &u.From, &u.ByOfficer, &u.Via,
			&u.Accepted, &u.Errors, &u.Warnings, &u.Findings, &u.Reporter, &u.Phone, &withdrawn); err != nil {
			return nil, err
		}
		u.At = time.UnixMilli(at)
		if withdrawn != 0 {
			u.WithdrawnAt = time.UnixMilli(withdrawn)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Uploads lists the uploads of the given periods, oldest first.
func (s *Store) Uploads(periods ...string) ([]Upload, error) {
	var out []Upload
	for _, p := range periods {
		us, err := scanUploads(s.db.Query(`SELECT `+uploadCols+` FROM uploads WHERE period = ? ORDER BY id`, p))
		if err != nil {
			return nil, err
		}
		out = append(out, us...)
	}
	return out, nil
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

// Withdraw marks an upload withdrawn by its unit; it stays stored. An
// upload already withdrawn keeps its first time.
func (s *Store) Withdraw(id int64, at time.Time) error {
	return s.tx(func(tx *sql.Tx) error {
		var unit string
		if err := tx.QueryRow(`SELECT unit_id FROM uploads WHERE id = ?`, id).Scan(&unit); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE uploads SET withdrawn_at = ? WHERE id = ? AND withdrawn_at = 0`, at.UnixMilli(), id); err != nil {
			return err
		}
		return audit(tx, at, who(false, unit), "withdraw", strconv.FormatInt(id, 10))
	})
}

// Choice is the officer's choice of the upload that counts for a unit and
// period.
type Choice struct {
	UnitID   string
	Period   string
	UploadID int64
	At       time.Time
}

// AddChoice records the officer's choice.
func (s *Store) AddChoice(c Choice) error {
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO choices(unit_id, period, upload_id, at) VALUES(?, ?, ?, ?)`, c.UnitID, c.Period, c.UploadID, c.At.UnixMilli()); err != nil {
			return err
		}
		return audit(tx, c.At, "officer", "choose", c.Period+" "+c.UnitID+" "+strconv.FormatInt(c.UploadID, 10))
	})
}

// Choices lists the choices made for the given periods, oldest first.
func (s *Store) Choices(periods ...string) ([]Choice, error) {
	var out []Choice
	for _, p := range periods {
		rows, err := s.db.Query(`SELECT unit_id, period, upload_id, at FROM choices WHERE period = ? ORDER BY id`, p)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c Choice
			var at int64
			if err := rows.Scan(&c.UnitID, &c.Period, &c.UploadID, &at); err != nil {
				rows.Close()
				return nil, err
			}
			c.At = time.UnixMilli(at)
			out = append(out, c)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
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
	Used    []int64 // the uploads the merge used, ascending
	// Header and Draft are what the document printed, in the desk's
	// stored form (desk.EncodeMergeDoc); '' for merges made before.
	Header, Draft string
}

// AddReport stores a merged report's workbook and PDF.
func (s *Store) AddReport(r Report, xlsx, pdf []byte) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO reports(period, number, date, signer, xlsx, pdf, summary, models, at, header, draft) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Period, r.Number, r.Date, r.Signer, xlsx, pdf, r.Summary, r.Models, r.At.Unix(), r.Header, r.Draft)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, u := range r.Used {
			if _, err := tx.Exec(`INSERT INTO report_uploads(report_id, upload_id) VALUES(?, ?)`, id, u); err != nil {
				return err
			}
		}
		return audit(tx, r.At, "officer", "merge", r.Period)
	})
	return id, err
}

// Reports lists a period's merged reports, newest first ("" for all).
func (s *Store) Reports(period string) ([]Report, error) {
	rows, err := s.db.Query(`SELECT id, period, number, date, signer, summary, models, at, header, draft FROM reports WHERE ? = '' OR period = ? ORDER BY id DESC`, period, period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var r Report
		var at int64
		if err := rows.Scan(&r.ID, &r.Period, &r.Number, &r.Date, &r.Signer, &r.Summary, &r.Models, &at, &r.Header, &r.Draft); err != nil {
			return nil, err
		}
		r.At = time.Unix(at, 0)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range out {
		if out[i].Used, err = s.used(out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// used lists the uploads a report used, ascending.
func (s *Store) used(report int64) ([]int64, error) {
	rows, err := s.db.Query(`SELECT upload_id FROM report_uploads WHERE report_id = ? ORDER BY upload_id`, report)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ReportFile returns a stored report's workbook (pdf false) or PDF.
func (s *Store) ReportFile(id int64, pdf bool) (Report, []byte, error) {
	var r Report
	var xlsx, p []byte
	var at int64
	err := s.db.QueryRow(`SELECT id, period, number, date, signer, summary, at, header, draft, xlsx, pdf FROM reports WHERE id = ?`, id).
		Scan(&r.ID, &r.Period, &r.Number, &r.Date, &r.Signer, &r.Summary, &at, &r.Header, &r.Draft, &xlsx, &p)
	r.At = time.Unix(at, 0)
	if pdf {
		return r, p, err
	}
	return r, xlsx, err
}
