package store

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// 40 writes at once through one unit's quota: the check and the insert
// are one transaction, so no more than the quota is kept.
func TestQuotaConcurrent(t *testing.T) {
	s, _ := open(t)
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	data := make([]byte, 1<<20)
	q := Quota{UnitPeriod: 10 << 20}
	var wg sync.WaitGroup
	var mu sync.Mutex
	stored, refused := 0, 0
	for range 40 {
		wg.Go(func() {
			_, err := s.AddUploadWithin(Upload{UnitID: "cong-an", Period: "2026-W48", Name: "a.xlsx", At: at, Findings: "{}"}, data, q)
			var qe *QuotaError
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				stored++
			case errors.As(err, &qe) && qe.Kind == QuotaUnitPeriod:
				refused++
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if stored != 10 || refused != 30 {
		t.Fatalf("stored %d, refused %d; want 10 and 30", stored, refused)
	}
}

// Every bound, drafts counted in each; a draft's save does not count the
// draft it replaces.
func TestQuotaBounds(t *testing.T) {
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	up := func(s *Store, unit, period string, n int, q Quota) error {
		_, err := s.AddUploadWithin(Upload{UnitID: unit, Period: period, Name: "a", At: at, Findings: "{}"}, make([]byte, n), q)
		return err
	}
	kind := func(err error) QuotaKind {
		var qe *QuotaError
		if !errors.As(err, &qe) {
			t.Fatalf("want a quota error, got %v", err)
		}
		return qe.Kind
	}
	s, _ := open(t)
	q := Quota{UnitPeriod: 100, Unit: 150, Period: 250, Desk: 300}
	if err := up(s, "a", "2026-W48", 80, q); err != nil {
		t.Fatal(err)
	}
	if k := kind(up(s, "a", "2026-W48", 30, q)); k != QuotaUnitPeriod {
		t.Fatalf("unit and period: %v", k)
	}
	if err := s.SaveDraftWithin(Draft{UnitID: "a", Period: "2026-W47", Fields: strings.Repeat("x", 60), At: at}, q); err != nil {
		t.Fatal(err)
	}
	// The same draft saved again replaces itself.
	if err := s.SaveDraftWithin(Draft{UnitID: "a", Period: "2026-W47", Fields: strings.Repeat("ư", 35), At: at}, q); err != nil {
		t.Fatal(err)
	}
	if k := kind(up(s, "a", "2026-W46", 10, q)); k != QuotaUnit {
		t.Fatalf("unit over periods (80 kept + a 70 draft): %v", k)
	}
	if err := up(s, "b", "2026-W48", 100, q); err != nil {
		t.Fatal(err)
	}
	if k := kind(up(s, "c", "2026-W48", 80, q)); k != QuotaPeriod {
		t.Fatalf("period: %v", k)
	}
	if err := up(s, "", "2026-W45", 50, q); err != nil { // no unit: the period's and the desk's bounds only
		t.Fatal(err)
	}
	if k := kind(up(s, "", "2026-W44", 1, q)); k != QuotaDesk {
		t.Fatalf("desk: %v", k)
	}
}
