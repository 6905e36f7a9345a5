package desk

import (
	"time"

	"github.com/caongoc/de06/plan"
)

// The plan in force: the one the desk started with, replaced by versions
// the officer applies, each from the start of a period on. A period is
// read, checked and merged under the plan in force on its first day, so a
// new plan never changes a period already under way.

// PlanVersion is a plan the officer applied.
type PlanVersion struct {
	ID   int64
	From time.Time // the first day of the first period it governs
	Name string    // the file it came from
	Plan *plan.Plan
	At   time.Time
}

// Plans are the desk's plans: the base and the versions applied since,
// oldest first.
type Plans struct {
	Base     *plan.Plan
	Versions []PlanVersion
}

// For is the plan in force for period p: the last version whose first day
// is on or before p's.
func (ps Plans) For(p plan.Period) *plan.Plan {
	pl := ps.Base
	for _, v := range ps.Versions {
		if !v.From.After(p.Start()) {
			pl = v.Plan
		}
	}
	return pl
}

// Latest is the newest plan, in force or about to be: unit links and names
// come from it, so a unit added from next week gets its link today.
func (ps Plans) Latest() *plan.Plan {
	if n := len(ps.Versions); n > 0 {
		return ps.Versions[n-1].Plan
	}
	return ps.Base
}

// ApplyFrom is the first day a plan applied at now governs: the start of
// next week, so the week under way keeps its plan.
func ApplyFrom(now time.Time) time.Time { return plan.WeekOf(now).Next().Start() }
