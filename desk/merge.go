package desk

import (
	"fmt"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// Doc is the signed report's number, date and signer, and the time
// written into the files (so that the same inputs give the same bytes).
type Doc struct {
	Number  int
	Date    time.Time
	Signer  string
	Created time.Time
}

// settled is the document's facts with the defaults filled: the date,
// today (report.SigningDate); the files' time, 8 o'clock that day.
func (d Doc) settled(p plan.Period, today time.Time) Doc {
	if d.Date.IsZero() {
		d.Date = report.SigningDate(p, today)
	}
	if d.Created.IsZero() {
		d.Created = d.Date.Add(8 * time.Hour)
	}
	return d
}

// MergeInput is one merge of a period: de06 merge and the desk build it
// the same way.
type MergeInput struct {
	Plan    *plan.Plan
	Checked *report.Checked // the files, read and validated for the period
	// Previous is the report to compare with, nil for none: de06 merge
	// --previous, or the desk's last merge of the period before.
	Previous *report.Previous
	Doc      Doc // Date zero: report.SigningDate
	Today    time.Time
}

// Merged is a period's report, ready to render: a commune's (Cons) or a
// province's (Roll).
type Merged struct {
	// Cons is a commune's report: its units' files consolidated (Merge);
	// nil for a province's.
	Cons *report.Consolidation
	// Roll is a province's report: its communes' workbooks rolled up
	// (Roll); nil for a commune's.
	Roll *rollup.Rollup
	// Own lists the merge's own findings (the previous report, the
	// document), which are also in the report's findings beside the files'.
	Own []report.Finding
	Doc Doc
}

// Summary says the report in one line, as the desk lists its merges:
// who reported, of those expected, and what is overdue.
func (m *Merged) Summary() string {
	if m.Roll != nil {
		n := m.Roll.Counts()
		return fmt.Sprintf(msgMergedCommunes, n.Sent, n.Expected, n.OverdueCommunes, n.Overdue)
	}
	n := m.Cons.Counts()
	return fmt.Sprintf(msgMergedUnits, n.UnitsReported, n.UnitsExpected, n.Overdue)
}

// plan is the plan the report was made under, at either level.
func (m *Merged) plan() *plan.Plan {
	if m.Roll != nil {
		return m.Roll.Plan
	}
	return m.Cons.Plan
}

// ErrNothingUsable is returned when no file of the period can be used: a
// report made of nothing is never written. The error returned says it in
// the level's words, and is ErrNothingUsable (errors.Is).
var ErrNothingUsable error = nothingUsable{WordsOf(plan.LevelCommune)}

// Merge consolidates a period's checked files into its report: the same
// steps and the same checks for de06 merge and the desk. A previous
// report of the same or a later period is an error; one not of the period
// just before gives a warning.
func Merge(in MergeInput) (*Merged, error) {
	p := in.Checked.Period
	doc := in.Doc.settled(p, in.Today)
	var own []report.Finding
	if in.Previous != nil {
		w, err := report.CheckPrevious(p, in.Previous.Period)
		if err != nil {
			return nil, err
		}
		if w != nil {
			own = append(own, *w)
		}
	}
	if len(in.Checked.Entries()) == 0 {
		return nil, ErrNothingUsable
	}
	cons := report.Consolidate(in.Plan, in.Checked, in.Previous)
	cons.Signed = report.Signed{Number: doc.Number, Date: doc.Date}
	own = append(own, report.CheckDocument(in.Plan, p, doc.Date)...)
	cons.Findings = append(cons.Findings, own...)
	report.SortFindings(cons.Findings)
	return &Merged{Cons: cons, Own: own, Doc: doc}, nil
}

// early is the reason a report signed before its period ends is a draft:
// its figures cannot be the whole period's.
func early(date time.Time, p plan.Period) []string {
	if date.IsZero() || !date.Before(p.End()) {
		return nil
	}
	return []string{fmt.Sprintf(msgSignedEarly, vi.FormatDate(date), p.Short(), vi.FormatDate(p.End()))}
}

// Draft says why the report's document is a draft (DỰ THẢO), one reason a
// line; empty for a document that can be signed: its header's, on its
// date (plan.Header.DraftReasonsSigned, with the signer it is signed by),
// a date before the period ends (the figures are not the whole period's),
// and the signer's own unit without a usable report (its own models have
// no figures; a commune's report). The PDF, the console and the desk say
// the same.
func (m *Merged) Draft() []string {
	if m.Roll != nil {
		return append(m.Roll.Plan.Header.DraftReasonsSigned(m.Doc.Date, m.Doc.Signer), early(m.Doc.Date, m.Roll.Period)...)
	}
	out := m.Cons.Plan.Header.DraftReasonsSigned(m.Doc.Date, m.Doc.Signer)
	out = append(out, early(m.Doc.Date, m.Cons.Period)...)
	if own := m.Cons.Own; own != "" {
		for _, u := range m.Cons.NotReported {
			if u.ID == own {
				out = append(out, fmt.Sprintf(msgOwnNotUsable, u.Name))
			}
		}
	}
	return out
}
