package desk

import (
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// RollInput is one roll-up of a period, a province's merge: de06 rollup
// and a province's desk build it the same way.
type RollInput struct {
	Province *rollup.Province
	// Communes are the workbooks, examined (rollup.Examine); Roll checks
	// them for Period.
	Communes []*rollup.Commune
	Period   plan.Period
	Doc      Doc // Date zero: the period's report day, or today if earlier
	Today    time.Time
}

// Roll rolls a period's communes' workbooks up into the province's report,
// with the same document facts and checks as Merge: the header's check
// against the report's date (when the province gave its plan). When no
// workbook counts it returns the report all the same (its check says why
// each file was refused) and an error that is ErrNothingUsable: a report
// made of nothing is never written.
func Roll(in RollInput) (*Merged, error) {
	doc := in.Doc.settled(in.Period, in.Today)
	r := rollup.Roll(in.Province, rollup.Check(in.Province, in.Communes, in.Period))
	r.Signed = report.Signed{Number: doc.Number, Date: doc.Date}
	var own []report.Finding
	if !in.Province.Derived {
		own = report.CheckDocument(r.Plan, in.Period, doc.Date)
		r.Findings = append(r.Findings, own...)
		report.SortFindings(r.Findings)
	}
	m := &Merged{Roll: r, Own: own, Doc: doc}
	if r.Counts().Sent == 0 {
		return m, nothingUsable{WordsOf(plan.LevelProvince)}
	}
	return m, nil
}
