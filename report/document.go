package report

import (
	"fmt"
	"strings"
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

// districtsEnded is when district-level bodies ceased to exist (two-level
// local government, from 1 July 2025).
var districtsEnded = vi.Day(2025, time.July, 1)

// CheckDocument warns about what an official would otherwise correct by
// hand on the signed report: a date outside the period's window (from its
// first day to a week after its report day), and, in a report dated after
// districts ended, a header that still names a district-level body.
func CheckDocument(pl *plan.Plan, p plan.Period, date time.Time) []Finding {
	var out []Finding
	if date.Before(p.Start()) || date.After(p.ReportDay().AddDate(0, 0, 7)) {
		out = append(out, Finding{Severity: Warning, Code: DocumentDate,
			Message: fmt.Sprintf(msgDocumentDate, vi.FormatDate(date), p.Name(), vi.FormatDate(p.Start()), vi.FormatDate(p.ReportDay().AddDate(0, 0, 7))),
			Hint:    hintDocumentDate})
	}
	if !date.Before(districtsEnded) {
		h := pl.Header
		texts := append([]string{h.ParentAgency, h.IssuingAgency}, h.Recipients...)
		texts = append(texts, h.Distribution...)
		for _, t := range texts {
			if k := vi.Fold(t); strings.Contains(k, "huyen") {
				out = append(out, Finding{Severity: Warning, Code: DocumentDistrict,
					Message: fmt.Sprintf(msgDocumentDistrict, t), Hint: hintDocumentDistrict})
				break
			}
		}
	}
	return out
}
