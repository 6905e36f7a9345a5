package store

import (
	"database/sql"
	"time"
)

// PlanVersion is a plan the officer applied, in force from From on.
type PlanVersion struct {
	ID   int64
	From string // yyyy-mm-dd: the first day of the first period it governs
	Name string // the file it came from
	JSON []byte
	At   time.Time
}

// AddPlan stores a plan version.
func (s *Store) AddPlan(v PlanVersion) (int64, error) {
	var id int64
	err := s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO plans(from_day, name, json, at) VALUES(?, ?, ?, ?)`, v.From, v.Name, v.JSON, v.At.Unix())
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return audit(tx, v.At, "officer", "plan", v.Name+" từ "+v.From)
	})
	return id, err
}

// Plans lists the plan versions, the latest applied first.
func (s *Store) Plans() ([]PlanVersion, error) {
	rows, err := s.db.Query(`SELECT id, from_day, name, json, at FROM plans ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanVersion
	for rows.Next() {
		var v PlanVersion
		var at int64
		if err := rows.Scan(&v.ID, &v.From, &v.Name, &v.JSON, &at); err != nil {
			return nil, err
		}
		v.At = time.Unix(at, 0)
		out = append(out, v)
	}
	return out, rows.Err()
}
