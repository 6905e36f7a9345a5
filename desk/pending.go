package desk

import (
	"fmt"
	"slices"
	"time"

	"github.com/caongoc/de06/plan"
)

// Pending is a period other than the one on screen that the officer's
// board mentions because something is left to do there.
type Pending struct {
	Board *Board
	// Missing counts the units with nothing usable, Partial those whose
	// counting send has rows with errors; both only once the deadline has
	// passed (before it, units not done yet are no news).
	Missing, Partial int
	Remerge          bool // its files or header changed since its last merge
	Unmerged         bool // its deadline passed, units sent, nobody merged
}

// PendingOf lists, newest first, the periods the units are still asked
// for at now (StillAsked; the week under way and the period on screen,
// shown, left out) that have something left to do: units
// still owing once the deadline passed, a merge to make again, or none
// made. boards are those periods' boards, in any order; a period without
// one is left out.
func PendingOf(boards []*Board, now time.Time, shown plan.Period) []Pending {
	byPeriod := boardsByPeriod(boards)
	week := plan.WeekOf(now)
	var out []Pending
	for _, p := range Owed(now, AskedBack) {
		b := byPeriod[p]
		if p == week || p == shown || b == nil || !StillAsked(b, now) {
			continue
		}
		pd := Pending{Board: b, Remerge: b.ChangedSinceMerge}
		if now.After(b.Deadline) {
			for _, u := range b.Units {
				switch u.State {
				case Missing, Rejected:
					pd.Missing++
				case Partial:
					pd.Partial++
				}
			}
			pd.Unmerged = b.LastMerge == nil && b.SentCount() > 0
		}
		if pd.Missing+pd.Partial > 0 || pd.Remerge || pd.Unmerged {
			out = append(out, pd)
		}
	}
	return out
}

// StillAsked reports whether the units are still asked for b's period at
// now, as their pages ask (AskedOf): the period is among Owed(now,
// AskedBack) — this week, the month while due, the weeks before up to
// AskedBack — and an earlier week only once the desk collected it.
func StillAsked(b *Board, now time.Time) bool {
	week := plan.WeekOf(now)
	for _, p := range Owed(now, AskedBack) {
		if p == b.Period {
			return p.Kind != plan.Weekly || p == week || b.Collected()
		}
	}
	return false
}

// NoLongerAsked says why the units are no longer asked for b's period at
// now, its deadline passed (so its board does not show an overdue period
// the other boards and the units' pages are silent about); "" while they
// still are, or before the deadline.
func NoLongerAsked(b *Board, now time.Time) string {
	if !now.After(b.Deadline) || StillAsked(b, now) {
		return ""
	}
	switch {
	case b.Period.Kind == plan.Monthly:
		return msgNotAskedMonth
	case slices.Contains(Owed(now, AskedBack), b.Period): // an earlier week nobody sent for
		return msgNotAskedUncollected
	}
	return fmt.Sprintf(msgNotAskedWeek, AskedBack)
}
