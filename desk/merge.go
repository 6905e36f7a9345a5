package desk

import (
	"errors"
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Doc is the signed report's number, date and signer, and the time
// written into the files (so that the same inputs give the same bytes).
type Doc struct {
	Number  int
	Date    time.Time
	Signer  string
	Created time.Time
}

// MergeInput is one merge of a period: de06 merge and the desk build it
// the same way.
type MergeInput struct {
	Plan    *plan.Plan
	Checked *report.Checked // the files, read and validated for the period
	// Previous is the report to compare with, nil for none: de06 merge
	// --previous, or the desk's last merge of the period before.
	Previous *report.Previous
	Doc      Doc // Date zero: the period's report day, or today if earlier
	Today    time.Time
}

// Merged is a period's report, ready to render.
type Merged struct {
	Cons *report.Consolidation
	// Own lists the merge's own findings (the previous report, the
	// document), which are also in Cons.Findings beside the files'.
	Own []report.Finding
	Doc Doc
}

// ErrNothingUsable is returned when no file of the period can be used: a
// report made of nothing is never written.
var ErrNothingUsable = errors.New(msgNothingUsable)

// Merge consolidates a period's checked files into its report: the same
// steps and the same checks for de06 merge and the desk. A previous
// report of the same or a later period is an error; one not of the period
// just before gives a warning.
func Merge(in MergeInput) (*Merged, error) {
	p := in.Checked.Period
	doc := in.Doc
	if doc.Date.IsZero() {
		doc.Date = report.DefaultReportDate(p, in.Today)
	}
	if doc.Created.IsZero() {
		doc.Created = doc.Date.Add(8 * time.Hour)
	}
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
