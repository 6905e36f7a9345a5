package report

import (
	"fmt"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// DefaultReportDate is the day a period's report is signed unless told
// otherwise: the period's report day (the week's Wednesday, the 15th of the
// month), or today if that is earlier.
func DefaultReportDate(p plan.Period, today time.Time) time.Time {
	d := p.ReportDay()
	t := vi.Day(today.Year(), today.Month(), today.Day())
	if t.Before(d) {
		return t
	}
	return d
}

// CheckDocument warns about what an official would otherwise correct by
// hand on the signed report: a date outside the period's window (from its
// first day to a week after its report day); each body the header names
// that did not exist on that date (a district's, after the 2025 reform),
// with what to write instead; and a header the officer has not confirmed.
// The last two make the document a draft (plan.Header.DraftReasons).
func CheckDocument(pl *plan.Plan, p plan.Period, date time.Time) []Finding {
	var out []Finding
	if date.Before(p.Start()) || date.After(p.ReportDay().AddDate(0, 0, 7)) {
		out = append(out, Finding{Severity: Warning, Code: DocumentDate,
			Message: fmt.Sprintf(msgDocumentDate, vi.FormatDate(date), p.Name(), vi.FormatDate(p.Start()), vi.FormatDate(p.ReportDay().AddDate(0, 0, 7))),
			Hint:    hintDocumentDate})
	}
	for _, d := range pl.Header.Defunct(date) {
		out = append(out, Finding{Severity: Warning, Code: DocumentDistrict, Message: d.Message(), Hint: hintDocumentDistrict})
	}
	if !pl.Header.Confirmed {
		out = append(out, Finding{Severity: Warning, Code: DocumentUnconfirmed, Message: msgDocumentUnconfirmed, Hint: hintDocumentUnconfirmed})
	}
	return out
}
