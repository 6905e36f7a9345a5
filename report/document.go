package report

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// SigningDate is the day a consolidated report is signed unless told
// otherwise: today — never a day already past (the report day, once
// passed, would date a report made later), nor one to come (a report made
// before its period ends says so and is a draft, desk.Merged.Draft). de06
// merge, rollup, the desk's merge and its merge form use it alike.
func SigningDate(_ plan.Period, today time.Time) time.Time {
	return vi.Day(today.Year(), today.Month(), today.Day())
}

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
// first day to a week after its report day), or before the window's last
// day (the figures are not yet the whole period's); each body the header names
// that did not exist on that date (a district's, after the 2025 reform),
// with what to write instead; and a header the officer has not confirmed.
// The last two make the document a draft (plan.Header.DraftReasons).
func CheckDocument(pl *plan.Plan, p plan.Period, date time.Time) []Finding {
	var out []Finding
	switch {
	case date.Before(p.Start()) || date.After(p.ReportDay().AddDate(0, 0, 7)):
		out = append(out, Finding{Severity: Warning, Code: DocumentDate,
			Message: fmt.Sprintf(msgDocumentDate, vi.FormatDate(date), p.Name(), vi.FormatDate(p.Start()), vi.FormatDate(p.ReportDay().AddDate(0, 0, 7))),
			Hint:    hintDocumentDate})
	case date.Before(p.End()):
		// Within the window but before its last day: the figures cannot be
		// the whole period's (a month signed on the 29th of the month before).
		out = append(out, Finding{Severity: Warning, Code: DocumentDate,
			Message: fmt.Sprintf(msgDocumentEarly, vi.FormatDate(date), lowerFirst(p.Name()), vi.FormatDate(p.End())),
			Hint:    fmt.Sprintf(hintDocumentEarly, vi.FormatDate(p.End()))})
	}
	for _, d := range pl.Header.Defunct(date) {
		out = append(out, Finding{Severity: Warning, Code: DocumentDistrict, Message: d.Message(), Hint: hintDocumentDistrict})
	}
	if !pl.Header.Confirmed {
		out = append(out, Finding{Severity: Warning, Code: DocumentUnconfirmed, Message: msgDocumentUnconfirmed, Hint: hintDocumentUnconfirmed})
	}
	return out
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
