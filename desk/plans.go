package desk

import (
	"slices"
	"time"

	"github.com/caongoc/de06/plan"
)

// The plan in force: the one the desk started with, replaced by versions
// the officer applies, each from the start of a period on. A period is
// read, checked and merged under the models and units in force on its
// first day, so a new plan never changes a period already under way. The
// report's header is another matter: it is the officer's word on who
// reports to whom, confirmed once, so every report made after a change
// carries the newest header, whatever the period (a month whose window
// began weeks ago included).

// PlanVersion is a plan the officer applied.
type PlanVersion struct {
	ID   int64
	From time.Time // the first day of the first period its models and units govern
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

// For is the plan for period p: the models and units of the last version
// whose first day is on or before p's, under the newest header.
func (ps Plans) For(p plan.Period) *plan.Plan {
	pl := ps.Base
	for _, v := range ps.Versions {
		if !v.From.After(p.Start()) {
			pl = v.Plan
		}
	}
	return withHeader(pl, ps.Latest().Header)
}

// withHeader is pl under header h: pl itself when it has h already, else a
// copy that shares everything but the header (plans are read-only once
// loaded).
func withHeader(pl *plan.Plan, h plan.Header) *plan.Plan {
	if sameHeader(pl.Header, h) {
		return pl
	}
	c := *pl
	c.Header = h
	return &c
}

func sameHeader(a, b plan.Header) bool {
	return a.ParentAgency == b.ParentAgency && a.IssuingAgency == b.IssuingAgency && a.Place == b.Place &&
		a.Symbol == b.Symbol && slices.Equal(a.Recipients, b.Recipients) && slices.Equal(a.Distribution, b.Distribution) &&
		a.SignerAuthority == b.SignerAuthority && a.SignerPosition == b.SignerPosition &&
		a.SignerName == b.SignerName && a.Province == b.Province && a.Confirmed == b.Confirmed
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

// HeaderFrom is the first day a plan version that changes only the header,
// saved at now over ps, governs with its models and units: no earlier than
// the newest version's, so a plan applied from next week keeps its date
// (the header itself applies at once, see For).
func (ps Plans) HeaderFrom(now time.Time) time.Time {
	from := ApplyFrom(now)
	if n := len(ps.Versions); n > 0 && ps.Versions[n-1].From.After(from) {
		from = ps.Versions[n-1].From
	}
	return from
}
