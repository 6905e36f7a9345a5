package desk

import (
	"slices"
	"time"

	"github.com/caongoc/de06/plan"
)

// The rule for which send counts, in one place:
//
//   - a send that cannot be used at all (unreadable, not a report, another
//     unit's, a period not open) is kept in the history and never displaces
//     the counting one;
//   - a withdrawn send never counts;
//   - the newest usable send counts, whole — its rows with errors are
//     returned to the unit to be fixed, never read as "not reported";
//   - the officer may choose another usable send of the unit; the choice
//     holds until the unit sends a newer usable file;
//   - a month without a usable send of the unit's own is made of its last
//     counting week inside the month's window.

// newer orders sends by time, then by id (the order they were stored in).
func newer(a, b *Send) bool {
	if !a.At.Equal(b.At) {
		return a.At.After(b.At)
	}
	return a.ID > b.ID
}

// Counting returns the send that counts among one unit's sends for one
// period (in any order), given the officer's latest choice for that unit
// and period (nil for none); nil when none can count.
func Counting(sends []Send, choice *Choice) *Send {
	var newest, chosen *Send
	for i := range sends {
		s := &sends[i]
		if !s.Usable || s.Withdrawn {
			continue
		}
		if newest == nil || newer(s, newest) {
			newest = s
		}
		if choice != nil && s.ID == choice.SendID {
			chosen = s
		}
	}
	if chosen != nil && !newest.At.After(choice.At) {
		return chosen
	}
	return newest
}

// MergeRecord is what the desk keeps of a merge: when, which sends it
// used, and the document it printed.
type MergeRecord struct {
	ID   int64
	At   time.Time
	Used []int64 // the counting sends, ascending
	// Header is the document header the merge printed; nil for a merge
	// stored before the desk kept it (no header is said to differ from
	// it).
	Header *plan.Header
	// Draft says why the merge's document was a draft (DỰ THẢO); empty
	// when it could be signed.
	Draft []string
}

// Ledger is what the store holds about the periods a board needs (see
// Concerned): every send, every choice, the merges of the period itself.
type Ledger struct {
	Sends   []Send
	Choices []Choice
	Merges  []MergeRecord
}

// Concerned lists the periods whose sends decide period p: p itself, and
// for a month the weeks inside its window (a month is made of weeks when a
// unit sent nothing for the month).
func Concerned(p plan.Period) []plan.Period {
	out := []plan.Period{p}
	if p.Kind != plan.Monthly {
		return out
	}
	for w := plan.WeekOf(p.Start()); !w.End().After(p.End()); w = w.Next() {
		if p.Covers(w) {
			out = append(out, w)
		}
	}
	return out
}

// UnitStatus is one unit's state for a period, and why.
type UnitStatus struct {
	Unit     *plan.Unit
	State    State
	Sends    []Send // the unit's sends filed under the period, oldest first, withdrawn ones too
	Counting *Send  // the send that counts; nil when none
	Latest   *Send  // the last send not withdrawn; nil when none
	Chosen   bool   // the officer chose Counting over a newer usable send
	// FromWeek is set when a month has no usable send of the unit's own and
	// the unit's last counting week inside the month stands in (Counting).
	FromWeek *plan.Period
	Late     Lateness // how late Counting came; zero when on time or none
}

// LatestNotUsed reports whether the last send is not the one that counts:
// "this file is not used; the one sent at … still is".
func (u *UnitStatus) LatestNotUsed() bool {
	return u.Latest != nil && u.Counting != nil && u.Latest.ID != u.Counting.ID
}

// Board is every reporting unit's state for a period, as the board, the
// reminder, the unit pages, /api/status and the merge all see it.
type Board struct {
	Period   plan.Period
	Plan     *plan.Plan
	Deadline time.Time
	Units    []UnitStatus // the plan's reporting units, plan order
	Unknown  []Send       // sends naming no unit of the plan
	// LastMerge is the period's last merge; ChangedSinceMerge is set when
	// the sends that count are no longer the ones it used, or the header
	// is no longer the one it printed: Changes says how, unit by unit.
	LastMerge         *MergeRecord
	ChangedSinceMerge bool
	Changes           []Change
}

// Status decides every reporting unit's state for period p under plan pl,
// from the ledger of the periods Concerned(p).
func Status(pl *plan.Plan, p plan.Period, l Ledger) *Board {
	b := &Board{Period: p, Plan: pl, Deadline: Deadline(p)}
	byUnit := map[string][]Send{}
	for _, s := range l.Sends {
		if s.Period == p {
			if pl.Unit(s.UnitID) == nil {
				b.Unknown = append(b.Unknown, s)
				continue
			}
			byUnit[s.UnitID] = append(byUnit[s.UnitID], s)
		}
	}
	for _, u := range pl.ReportingUnits() {
		b.Units = append(b.Units, unitStatus(u, p, byUnit[u.ID], l))
	}
	for i := range l.Merges {
		if b.LastMerge == nil || l.Merges[i].At.After(b.LastMerge.At) || (l.Merges[i].At.Equal(b.LastMerge.At) && l.Merges[i].ID > b.LastMerge.ID) {
			b.LastMerge = &l.Merges[i]
		}
	}
	if b.LastMerge != nil {
		b.Changes = changes(b, l.Sends)
		b.ChangedSinceMerge = len(b.Changes) > 0 || !slices.Equal(b.LastMerge.Used, b.Used())
	}
	return b
}

func unitStatus(u *plan.Unit, p plan.Period, sends []Send, l Ledger) UnitStatus {
	slices.SortStableFunc(sends, func(a, b Send) int {
		if newer(&a, &b) {
			return 1
		}
		return -1
	})
	st := UnitStatus{Unit: u, State: Missing, Sends: sends}
	for i := range sends {
		if !sends[i].Withdrawn {
			st.Latest = &sends[i]
		}
	}
	if c := Counting(sends, latestChoice(l.Choices, u.ID, p)); c != nil {
		st.Counting = c
		st.Chosen = st.Latest != nil && c.ID != st.Latest.ID && st.Latest.Usable
	}
	if st.Counting == nil && p.Kind == plan.Monthly {
		st.Counting, st.FromWeek = weekForMonth(u.ID, p, l)
	}
	switch {
	case st.Counting != nil && st.Counting.Errors > 0:
		st.State = Partial
	case st.Counting != nil:
		st.State = Accepted
	case st.Latest != nil:
		st.State = Rejected
	}
	if st.Counting != nil {
		st.Late = LateBy(p, st.Counting.At)
		if st.FromWeek != nil {
			st.Late = LateBy(*st.FromWeek, st.Counting.At)
		}
	}
	return st
}

// latestChoice is the officer's last choice for a unit and period.
func latestChoice(cs []Choice, unitID string, p plan.Period) *Choice {
	var best *Choice
	for i := range cs {
		c := &cs[i]
		if c.UnitID == unitID && c.Period == p && (best == nil || !c.At.Before(best.At)) {
			best = c
		}
	}
	return best
}

// weekForMonth is the unit's counting send of the latest week inside
// month p that has one.
func weekForMonth(unitID string, p plan.Period, l Ledger) (*Send, *plan.Period) {
	byWeek := map[plan.Period][]Send{}
	for _, s := range l.Sends {
		if s.UnitID == unitID && p.Covers(s.Period) {
			byWeek[s.Period] = append(byWeek[s.Period], s)
		}
	}
	var best *Send
	var bestWeek plan.Period
	for w, sends := range byWeek {
		c := Counting(sends, latestChoice(l.Choices, unitID, w))
		if c != nil && (best == nil || w.End().After(bestWeek.End())) {
			cc := *c
			best, bestWeek = &cc, w
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, &bestWeek
}

// Used lists the sends that count, ascending: what a merge of the board
// uses, and what a later board compares with.
func (b *Board) Used() []int64 {
	var ids []int64
	for _, u := range b.Units {
		if u.Counting != nil {
			ids = append(ids, u.Counting.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// SentCount is how many units have a usable send counting.
func (b *Board) SentCount() int {
	n := 0
	for _, u := range b.Units {
		if u.State.Sent() {
			n++
		}
	}
	return n
}

// Unit returns the status of one unit, nil when it does not report.
func (b *Board) Unit(id string) *UnitStatus {
	for i := range b.Units {
		if b.Units[i].Unit.ID == id {
			return &b.Units[i]
		}
	}
	return nil
}

// ChangeKind is how a period differs from its last merge.
type ChangeKind string

const (
	ChangeNew       ChangeKind = "new"       // a unit the merge had no send of has one counting now
	ChangeResent    ChangeKind = "resent"    // the unit sent again: its newer send counts now
	ChangeWithdrawn ChangeKind = "withdrawn" // the unit withdrew the send used: another of its sends counts now
	ChangeChosen    ChangeKind = "chosen"    // the officer chose another of the unit's sends
	ChangeGone      ChangeKind = "gone"      // the unit's send the merge used counts no more, and none does
	ChangeHeader    ChangeKind = "header"    // the header is not the one the merge printed
)

// Label says the change in the board's words.
func (k ChangeKind) Label() string { return changeLabels[k] }

// Change is one way a period differs from its last merge: a unit whose
// counting send is not the one the merge used (Send: the one counting
// now, nil when none; Was: the one the merge used, nil when none), or the
// header (Unit nil).
type Change struct {
	Kind ChangeKind
	Unit *plan.Unit
	Send *Send
	Was  *Send
}

// changes lists how board b differs from its last merge, unit by unit in
// plan order, the header last; sends are the ledger's (a month's weeks
// too), to know whose send the merge used.
func changes(b *Board, sends []Send) []Change {
	owner := map[int64]string{}
	byID := map[int64]*Send{}
	for i, s := range sends {
		owner[s.ID] = s.UnitID
		byID[s.ID] = &sends[i]
	}
	used := map[string]int64{}
	for _, id := range b.LastMerge.Used {
		if u, ok := owner[id]; ok {
			used[u] = id
		}
	}
	var out []Change
	for i := range b.Units {
		u := &b.Units[i]
		was := used[u.Unit.ID]
		switch {
		case u.Counting == nil && was != 0:
			out = append(out, Change{Kind: ChangeGone, Unit: u.Unit, Was: byID[was]})
		case u.Counting == nil || u.Counting.ID == was:
		case was == 0:
			out = append(out, Change{Kind: ChangeNew, Unit: u.Unit, Send: u.Counting})
		default:
			out = append(out, Change{Kind: replacedBy(u, byID[was]), Unit: u.Unit, Send: u.Counting, Was: byID[was]})
		}
	}
	if h := b.LastMerge.Header; h != nil && !sameHeader(*h, b.Plan.Header) {
		out = append(out, Change{Kind: ChangeHeader})
	}
	return out
}

// replacedBy says why u's counting send is no longer was, the one the
// merge used: the officer's choice, the clerk's withdrawal, or a newer
// send.
func replacedBy(u *UnitStatus, was *Send) ChangeKind {
	switch {
	case u.Chosen:
		return ChangeChosen
	case was != nil && was.Withdrawn:
		return ChangeWithdrawn
	case was != nil && u.Counting.At.Before(was.At):
		return ChangeChosen // an earlier send counts again: the officer's word
	}
	return ChangeResent
}

// PartialCount is how many of the units counted by SentCount still have
// rows with errors to fix.
func (b *Board) PartialCount() int {
	n := 0
	for _, u := range b.Units {
		if u.State == Partial {
			n++
		}
	}
	return n
}
