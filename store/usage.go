package store

// StorageUsed is the bytes of uploaded files kept for a unit in a period;
// "" stands for every unit, or every period.
func (s *Store) StorageUsed(unitID, period string) (int64, error) {
	var n int64
	err := s.db.QueryRow(`SELECT COALESCE(SUM(length(data)), 0) FROM uploads WHERE (? = '' OR unit_id = ?) AND (? = '' OR period = ?)`,
		unitID, unitID, period, period).Scan(&n)
	return n, err
}

// Usage is what the files of one unit in one period take.
type Usage struct {
	Period string
	UnitID string // "" for files that named no unit the desk knows
	Files  int
	Bytes  int64 // as kept (an unreadable file keeps only its start)
}

// StorageUse is the storage of every unit in every period that has files,
// in one reading.
func (s *Store) StorageUse() ([]Usage, error) {
	rows, err := s.db.Query(`SELECT period, unit_id, COUNT(*), COALESCE(SUM(length(data)), 0) FROM uploads GROUP BY period, unit_id ORDER BY period, unit_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Usage
	for rows.Next() {
		var u Usage
		if err := rows.Scan(&u.Period, &u.UnitID, &u.Files, &u.Bytes); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}
