package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

// PeriodKind is weekly or monthly.
type PeriodKind int

const (
	Weekly PeriodKind = iota + 1
	Monthly
)

// Period is one reporting period.
//
// Weekly "2026-W48": the ISO week whose Wednesday is the report day; the data
// window runs from the Thursday before to that Wednesday.
// Monthly "2026-11": the data window runs from the 15th of the previous month
// to the 14th (Decree 09/2019/NĐ-CP); the report is due before the 16th.
type Period struct {
	Kind PeriodKind
	Year int
	N    int // ISO week or month
}

var (
	reWeek  = regexp.MustCompile(`^(\d{4})-[Ww](\d{1,2})$`)
	reMonth = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
)

// ParsePeriod reads "2026-W48" or "2026-11".
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if g := reWeek.FindStringSubmatch(s); g != nil {
		y, _ := strconv.Atoi(g[1])
		w, _ := strconv.Atoi(g[2])
		if w < 1 || w > isoWeeks(y) {
			return Period{}, fmt.Errorf(msgPeriodWeek, s, y, isoWeeks(y))
		}
		return Period{Kind: Weekly, Year: y, N: w}, nil
	}
	if g := reMonth.FindStringSubmatch(s); g != nil {
		y, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		if m < 1 || m > 12 {
			return Period{}, fmt.Errorf(msgPeriodMonth, s)
		}
		return Period{Kind: Monthly, Year: y, N: m}, nil
	}
	return Period{}, fmt.Errorf(msgPeriodForm, s)
}

var (
	reWeekWords  = regexp.MustCompile(`^tuan (\d{1,2}) nam (\d{4})`)
	reMonthWords = regexp.MustCompile(`^thang (\d{1,2}) nam (\d{4})`)
)

// ReadPeriod reads a period as de06 writes it: the code ("2026-W48") or its
// Vietnamese name, maybe with the window ("Tuần 48 năm 2026 (từ ngày …)").
func ReadPeriod(s string) (Period, bool) {
	s = strings.TrimSpace(s)
	if p, err := ParsePeriod(s); err == nil {
		return p, true
	}
	k := vi.Fold(s)
	if g := reWeekWords.FindStringSubmatch(k); g != nil {
		if p, err := ParsePeriod(g[2] + "-W" + g[1]); err == nil {
			return p, true
		}
	}
	if g := reMonthWords.FindStringSubmatch(k); g != nil {
		if p, err := ParsePeriod(g[2] + "-" + g[1]); err == nil {
			return p, true
		}
	}
	return Period{}, false
}

// isoWeeks is the number of ISO weeks in year y (52 or 53).
func isoWeeks(y int) int {
	_, w := vi.Day(y, time.December, 28).ISOWeek()
	return w
}

// IsZero reports whether p is unset.
func (p Period) IsZero() bool { return p.Kind == 0 }

// String gives the canonical form, also used in file names.
func (p Period) String() string {
	switch p.Kind {
	case Weekly:
		return fmt.Sprintf("%04d-W%02d", p.Year, p.N)
	case Monthly:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	}
	return ""
}

// DeadlineHour is the hour of the report day by which units send their
// report: the end of the working day, so that the standing agency merges on
// the report day. The template's guide, the desk and the link slips all
// say this hour.
const DeadlineHour = 17

// ReportDay is the day the report is due: the week's Wednesday, or the 15th.
func (p Period) ReportDay() time.Time {
	if p.Kind == Monthly {
		return vi.Day(p.Year, time.Month(p.N), 15)
	}
	// ISO week 1 holds 4 January; walk to its Monday, then on.
	jan4 := vi.Day(p.Year, time.January, 4)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(p.N-1)+2)
}

// Start is the first day of the data window.
func (p Period) Start() time.Time {
	if p.Kind == Monthly {
		return vi.Day(p.Year, time.Month(p.N)-1, 15)
	}
	return p.ReportDay().AddDate(0, 0, -6)
}

// End is the last day of the data window.
func (p Period) End() time.Time {
	if p.Kind == Monthly {
		return vi.Day(p.Year, time.Month(p.N), 14)
	}
	return p.ReportDay()
}

// Contains reports whether day t (any time of day) falls in the data window.
func (p Period) Contains(t time.Time) bool {
	d := vi.Day(t.Year(), t.Month(), t.Day())
	return !d.Before(p.Start()) && !d.After(p.End())
}

// Label says the period in Vietnamese with its data window:
// "Tuần 48 năm 2026 (từ ngày 19/11/2026 đến ngày 25/11/2026)".
func (p Period) Label() string {
	return fmt.Sprintf(msgPeriodLabel, p.Name(), vi.FormatDate(p.Start()), vi.FormatDate(p.End()))
}

// Name says the period without its window: "Tuần 48 năm 2026".
func (p Period) Name() string {
	if p.Kind == Monthly {
		return fmt.Sprintf(msgMonthName, p.N, p.Year)
	}
	return fmt.Sprintf(msgWeekName, p.N, p.Year)
}

// Short names the period within a sentence: "tuần 48/2026", "tháng
// 12/2026".
func (p Period) Short() string {
	if p.Kind == Monthly {
		return fmt.Sprintf(msgMonthShort, p.N, p.Year)
	}
	return fmt.Sprintf(msgWeekShort, p.N, p.Year)
}

// Previous returns the period before p.
func (p Period) Previous() Period {
	if p.Kind == Monthly {
		t := vi.Day(p.Year, time.Month(p.N)-1, 1)
		return Period{Kind: Monthly, Year: t.Year(), N: int(t.Month())}
	}
	return WeekOf(p.ReportDay().AddDate(0, 0, -7))
}

// Covers reports whether p is a month whose window holds the whole of
// week q: that week's report can stand for a unit's monthly report.
func (p Period) Covers(q Period) bool {
	return p.Kind == Monthly && q.Kind == Weekly && !q.Start().Before(p.Start()) && !q.End().After(p.End())
}

// Next returns the period after p.
func (p Period) Next() Period {
	if p.Kind == Monthly {
		t := vi.Day(p.Year, time.Month(p.N)+1, 1)
		return Period{Kind: Monthly, Year: t.Year(), N: int(t.Month())}
	}
	return WeekOf(p.ReportDay().AddDate(0, 0, 7))
}

// WeekOf returns the weekly period whose data window holds day t.
func WeekOf(t time.Time) Period {
	d := vi.Day(t.Year(), t.Month(), t.Day())
	// Thursday to Wednesday: the report Wednesday is 0–6 days ahead.
	ahead := (int(time.Wednesday) - int(d.Weekday()) + 7) % 7
	y, w := d.AddDate(0, 0, ahead).ISOWeek()
	return Period{Kind: Weekly, Year: y, N: w}
}

// MonthOf returns the monthly period whose data window holds day t.
func MonthOf(t time.Time) Period {
	d := vi.Day(t.Year(), t.Month(), t.Day())
	if d.Day() >= 15 {
		d = vi.Day(d.Year(), d.Month()+1, 1)
	}
	return Period{Kind: Monthly, Year: d.Year(), N: int(d.Month())}
}
