package store

// StorageUsed is the bytes of uploaded files kept for a unit in a period;
// "" stands for every unit, or every period.
func (s *Store) StorageUsed(unitID, period string) (int64, error) {
	var n int64
	err := s.db.QueryRow(`SELECT COALESCE(SUM(length(data)), 0) FROM uploads WHERE (? = '' OR unit_id = ?) AND (? = '' OR period = ?)`,
		unitID, unitID, period, period).Scan(&n)
	return n, err
}
