package store

import (
	"database/sql"
	"fmt"
)

// Quota bounds what the desk keeps, in bytes of files kept and of drafts:
// what one unit keeps for one period (UnitPeriod) and for all periods
// (Unit), what all units keep for one period (Period), and what the whole
// desk keeps (Desk). Zero is no bound. A write that would pass one is
// refused with a *QuotaError, the check and the write in one
// transaction: writes at once cannot pass a bound together.
type Quota struct {
	UnitPeriod, Unit, Period, Desk int64
}

// QuotaKind names the bound a write would pass.
type QuotaKind int

const (
	QuotaUnitPeriod QuotaKind = iota
	QuotaUnit
	QuotaPeriod
	QuotaDesk
)

// QuotaError is a write refused: it would take Kind past Max bytes.
type QuotaError struct {
	Kind QuotaKind
	Max  int64
}

func (e *QuotaError) Error() string {
	return fmt.Sprintf("store: quota %d of %d bytes reached", e.Kind, e.Max)
}

// usedIn is what the files and drafts of unitID in period take ("" for
// every unit, or every period), leaving out the draft of (skipUnit,
// skipPeriod), which the write replaces.
func usedIn(tx *sql.Tx, unitID, period, skipUnit, skipPeriod string) (int64, error) {
	var files, drafts int64
	err := tx.QueryRow(`SELECT COALESCE(SUM(length(data)), 0) FROM uploads WHERE (? = '' OR unit_id = ?) AND (? = '' OR period = ?)`,
		unitID, unitID, period, period).Scan(&files)
	if err != nil {
		return 0, err
	}
	err = tx.QueryRow(`SELECT COALESCE(SUM(length(CAST(fields AS BLOB))), 0) FROM drafts WHERE (? = '' OR unit_id = ?) AND (? = '' OR period = ?)
		AND NOT (unit_id = ? AND period = ?)`, unitID, unitID, period, period, skipUnit, skipPeriod).Scan(&drafts)
	return files + drafts, err
}

// within refuses n more bytes for unitID ("" for a file of no known unit:
// only the period's and the desk's bounds) in period.
func (q Quota) within(tx *sql.Tx, unitID, period string, n int64, skipDraft bool) error {
	skipU, skipP := "\x00", "\x00"
	if skipDraft {
		skipU, skipP = unitID, period
	}
	checks := []struct {
		kind         QuotaKind
		max          int64
		unit, period string
	}{
		{QuotaUnitPeriod, q.UnitPeriod, unitID, period},
		{QuotaUnit, q.Unit, unitID, ""},
		{QuotaPeriod, q.Period, "", period},
		{QuotaDesk, q.Desk, "", ""},
	}
	for _, c := range checks {
		if c.max <= 0 || c.unit == "" && (c.kind == QuotaUnitPeriod || c.kind == QuotaUnit) {
			continue
		}
		used, err := usedIn(tx, c.unit, c.period, skipU, skipP)
		if err != nil {
			return err
		}
		if used+n > c.max {
			return &QuotaError{Kind: c.kind, Max: c.max}
		}
	}
	return nil
}

// AddUploadWithin is AddUpload held to q.
func (s *Store) AddUploadWithin(u Upload, data []byte, q Quota) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		if err := q.within(tx, u.UnitID, u.Period, int64(len(data)), false); err != nil {
			return err
		}
		var err error
		id, err = addUpload(tx, u, data)
		return err
	})
	return id, err
}

// SaveDraftWithin is SaveDraft held to q: the draft it replaces counts
// for nothing.
func (s *Store) SaveDraftWithin(d Draft, q Quota) error {
	return s.tx(func(tx *sql.Tx) error {
		if err := q.within(tx, d.UnitID, d.Period, int64(len(d.Fields)), true); err != nil {
			return err
		}
		return saveDraft(tx, d)
	})
}
