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

// VerdictNow is what send id is to its unit now, for the clerk's page
// that follows a send (the page may be shown again later): whether it
// counts, else which send does; replaced is the clean send VerdictOf said
// the send replaced (0 for none), kept while that still holds — the send
// counts with errors, the clean one is still there to come back, and the
// clerk may still withdraw.
func VerdictNow(u *UnitStatus, id, replaced int64) Verdict {
	var v Verdict
	if u.Counting == nil || u.Counting.ID != id {
		v.StillUsed = u.Counting
		return v
	}
	v.Counts = true
	if replaced == 0 || u.Counting.Errors == 0 || MayWithdraw(u, id) != nil {
		return v
	}
	for i := range u.Sends {
		if s := &u.Sends[i]; s.ID == replaced && s.Usable && !s.Withdrawn && s.Errors == 0 {
			v.ReplacedClean = s
		}
	}
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

// FormSource is what a unit's form in the browser opens with.
type FormSource string

const (
	FormEmpty   FormSource = "empty"   // nothing to start from
	FormEarlier FormSource = "earlier" // the unit's counting send of an earlier period
	FormDraft   FormSource = "draft"   // the draft the clerk saved, not sent
	FormSent    FormSource = "sent"    // the draft that the clerk then sent through the form
)

// FormOpens says what the unit's form for a period opens with, so the
// page names it truly: its draft when it saved one (draftAt not zero) —
// the very values it sent when its last send through the form, not
// withdrawn, came at or after the draft was saved (that send is returned)
// —, else the earlier report it was pre-filled from (prefilled), else
// nothing.
func FormOpens(u *UnitStatus, draftAt time.Time, prefilled bool) (FormSource, *Send) {
	if draftAt.IsZero() {
		if prefilled {
			return FormEarlier, nil
		}
		return FormEmpty, nil
	}
	if u != nil {
		for i := len(u.Sends) - 1; i >= 0; i-- {
			s := &u.Sends[i]
			if s.Via != ViaForm || s.Withdrawn {
				continue
			}
			if !s.At.Before(draftAt) {
				return FormSent, s
			}
			break
		}
	}
	return FormDraft, nil
}
