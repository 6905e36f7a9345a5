package store

import (
	"database/sql"
	"errors"
	"time"
)

// Draft is what a unit typed into its form for a period, as last saved:
// the form's fields by name, in the web layer's JSON. A save replaces the
// unit's draft of the period; a send stores the workbook as an upload.
type Draft struct {
	UnitID string
	Period string
	Fields string
	At     time.Time
}

// SaveDraft keeps a unit's draft for a period, replacing the one before;
// when it returns nil the draft is on disk.
func (s *Store) SaveDraft(d Draft) error {
	return s.tx(func(tx *sql.Tx) error { return saveDraft(tx, d) })
}

func saveDraft(tx *sql.Tx, d Draft) error {
	_, err := tx.Exec(`INSERT INTO drafts(unit_id, period, fields, at) VALUES(?, ?, ?, ?)
		ON CONFLICT(unit_id, period) DO UPDATE SET fields = excluded.fields, at = excluded.at`,
		d.UnitID, d.Period, d.Fields, d.At.UnixMilli())
	if err != nil {
		return err
	}
	return audit(tx, d.At, who(false, d.UnitID), "draft", d.Period)
}

// Draft returns a unit's draft for a period; ok is false when there is none.
func (s *Store) Draft(unitID, period string) (d Draft, ok bool, err error) {
	var at int64
	err = s.db.QueryRow(`SELECT unit_id, period, fields, at FROM drafts WHERE unit_id = ? AND period = ?`, unitID, period).
		Scan(&d.UnitID, &d.Period, &d.Fields, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, err
	}
	d.At = time.UnixMilli(at)
	return d, true, nil
}
