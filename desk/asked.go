package desk

import (
	"time"

	"github.com/caongoc/de06/plan"
)

// AskedBack is how many weeks before this one a unit's page looks for a
// report the unit still owes.
const AskedBack = 4

// Asked is one report a unit is asked for, with the unit's state on the
// period's board.
type Asked struct {
	Period  plan.Period
	Status  *UnitStatus
	Current bool // the week under way
	Late    bool // its deadline has passed: a send now is marked late
}

// Collected reports whether the desk collected the period at all: some
// unit sent for it, or it was merged. An earlier week nobody sent for was
// never asked of anyone (the desk was not in use yet).
func (b *Board) Collected() bool {
	if b.LastMerge != nil || len(b.Unknown) > 0 {
		return true
	}
	for _, u := range b.Units {
		if len(u.Sends) > 0 {
			return true
		}
	}
	return false
}

// AskedOf lists the reports unit is asked for at now, newest first, from
// the boards of the periods Owed(now, AskedBack) (in any order; a period
// without a board is left out): this week's always; the month's while it
// is due; an earlier week only while the unit still owes it and the desk
// collected that week, or while the unit's page shows it (shown: the
// period the unit is working on stays in its list after a send or a
// withdrawal settled it).
func AskedOf(unitID string, boards []*Board, now time.Time, shown plan.Period) []Asked {
	byPeriod := boardsByPeriod(boards)
	week := plan.WeekOf(now)
	var out []Asked
	for _, p := range Owed(now, AskedBack) {
		b := byPeriod[p]
		if b == nil {
			continue
		}
		st := b.Unit(unitID)
		if st == nil { // not a reporting unit under that period's plan
			continue
		}
		earlier := p.Kind == plan.Weekly && p != week
		if earlier && p != shown && (!st.State.Owes() || !b.Collected()) {
			continue
		}
		out = append(out, Asked{Period: p, Status: st, Current: p == week, Late: !now.Before(Deadline(p))})
	}
	return out
}

// CurrentMissing is the week under way when the unit has nothing usable
// for it: the page says so plainly even after a send for an older period.
func CurrentMissing(asked []Asked) *Asked {
	for i := range asked {
		if asked[i].Current && !asked[i].Status.State.Sent() {
			return &asked[i]
		}
	}
	return nil
}

// boardsByPeriod indexes boards by their period.
func boardsByPeriod(boards []*Board) map[plan.Period]*Board {
	m := make(map[plan.Period]*Board, len(boards))
	for _, b := range boards {
		m[b.Period] = b
	}
	return m
}
