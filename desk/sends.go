package desk

import (
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Role is what one send is to its unit's period.
type Role string

const (
	RoleCounting   Role = "counting"   // the send that counts
	RoleSuperseded Role = "superseded" // usable, but another send counts
	RoleUnusable   Role = "unusable"   // cannot be used at all
	RoleWithdrawn  Role = "withdrawn"  // withdrawn by the unit
)

// Label says the role in the desk's words.
func (r Role) Label() string { return roleLabels[r] }

// Role says what send s is to the unit's period.
func (u *UnitStatus) Role(s *Send) Role {
	switch {
	case s.Withdrawn:
		return RoleWithdrawn
	case u.Counting != nil && u.Counting.ID == s.ID:
		return RoleCounting
	case !s.Usable:
		return RoleUnusable
	}
	return RoleSuperseded
}

// Verdict is what a new send did to its unit's period, for the clerk who
// just sent it.
type Verdict struct {
	Counts bool // the new send is the one that counts now
	// StillUsed is the earlier send that still counts when the new one
	// does not.
	StillUsed *Send
	// ReplacedClean is the send without errors the new one replaced while
	// bringing errors of its own: the clerk is told, and may withdraw.
	ReplacedClean *Send
}

// VerdictOf compares a unit's status before and after send id arrived.
func VerdictOf(before, after *UnitStatus, id int64) Verdict {
	var v Verdict
	if after.Counting != nil && after.Counting.ID == id {
		v.Counts = true
		if before.Counting != nil && before.Counting.Errors == 0 && after.Counting.Errors > 0 && before.FromWeek == nil {
			v.ReplacedClean = before.Counting
		}
		return v
	}
	v.StillUsed = after.Counting
	return v
}

// LastCounting is the send that counts in the latest period before p that
// has one, among a unit's sends of every period: what the unit's template
// for p is pre-filled from. Its period is returned with it.
func LastCounting(unitID string, sends []Send, choices []Choice, p plan.Period) (*Send, plan.Period) {
	byPeriod := map[plan.Period][]Send{}
	for _, s := range sends {
		if s.UnitID == unitID && s.Period.End().Before(p.End()) {
			byPeriod[s.Period] = append(byPeriod[s.Period], s)
		}
	}
	var best *Send
	var bestPeriod plan.Period
	for q, ss := range byPeriod {
		if best != nil && !q.End().After(bestPeriod.End()) {
			continue
		}
		if c := Counting(ss, latestChoice(choices, unitID, q)); c != nil {
			cc := *c
			best, bestPeriod = &cc, q
		}
	}
	return best, bestPeriod
}

// PreviousOf turns the unit's earlier counting file, read and checked for
// its period, into the values its next template starts from; nil when the
// file is not the unit's usable report.
func PreviousOf(pl *plan.Plan, sub *report.Submission, unitID string, p plan.Period, today time.Time) *report.Previous {
	fr := report.Validate(pl, []*report.Submission{sub}, p, today).Files[0]
	if !fr.Accepted || fr.Unit == nil || fr.Unit.ID != unitID {
		return nil
	}
	return &report.Previous{Period: p, Entries: report.PreviousOf(fr.Entries)}
}
