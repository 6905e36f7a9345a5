package desk

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// DeadlineHour is the hour of the report day by which units send
// (plan.DeadlineHour: the template says the same hour).
const DeadlineHour = plan.DeadlineHour

// Deadline is when a unit's report for p is due: 17:00 on the report day
// (the week's Wednesday, the 15th of the month).
func Deadline(p plan.Period) time.Time {
	d := p.ReportDay()
	return time.Date(d.Year(), d.Month(), d.Day(), DeadlineHour, 0, 0, 0, time.Local)
}

// calendarDays counts the days from a's date to b's (negative when b's is
// earlier), by the calendar in the desk's time zone: from Wednesday 17:00
// to Sunday 09:00 is 4 days, as a person counts them.
func calendarDays(a, b time.Time) int {
	ay, am, ad := a.In(time.Local).Date()
	by, bm, bd := b.In(time.Local).Date()
	return int(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// Lateness is how far a moment is past a period's deadline, counted the
// way the time left is (TimeLeft): in calendar days after the deadline's
// day, or in hours on that day itself. The zero Lateness is on time.
type Lateness struct {
	Days  int // calendar days after the deadline's day
	Hours int // on the deadline's day: whole hours past it, at least 1
}

// LateBy is how late a send made at t is for p.
func LateBy(p plan.Period, t time.Time) Lateness {
	d := Deadline(p)
	if !t.After(d) {
		return Lateness{}
	}
	if n := calendarDays(d, t); n > 0 {
		return Lateness{Days: n}
	}
	return Lateness{Hours: max(1, int(math.Ceil(t.Sub(d).Hours())))}
}

// Text says the lateness: "4 ngày", "2 giờ"; "" when on time.
func (l Lateness) Text() string {
	switch {
	case l.Days > 0:
		return fmt.Sprintf(msgDays, l.Days)
	case l.Hours > 0:
		return fmt.Sprintf(msgHours, l.Hours)
	}
	return ""
}

// String is Text, so a page prints a Lateness as it reads.
func (l Lateness) String() string { return l.Text() }

// Count is the lateness in days as scripts read it (/api/status "late"):
// calendar days after the deadline's day, 1 for a send late on that day
// itself, 0 when on time.
func (l Lateness) Count() int {
	if l.Days == 0 && l.Hours > 0 {
		return 1
	}
	return l.Days
}

// LateDays is LateBy(p, t).Count().
func LateDays(p plan.Period, t time.Time) int { return LateBy(p, t).Count() }

// DeadlineText says a deadline with its hour and how it stands at now:
// "17 giờ 00, thứ Tư 25/11/2026 (còn 2 ngày)" or "(đã quá hạn 4 ngày)".
func DeadlineText(p plan.Period, now time.Time) string {
	d := Deadline(p)
	return fmt.Sprintf(msgDeadline, d.Hour(), d.Minute(), vi.Weekday(d), vi.FormatDate(d), TimeLeft(p, now))
}

// TimeLeft says how the deadline of p stands at now, in calendar days as
// LateBy counts the other way: "còn 3 ngày" from Sunday to Wednesday
// whatever the hour, "còn 3 giờ" on the deadline's day, "đã quá hạn 4
// ngày", "đã quá hạn 2 giờ".
func TimeLeft(p plan.Period, now time.Time) string {
	d := Deadline(p)
	switch {
	case now.Before(d):
		if n := calendarDays(now, d); n > 0 {
			return fmt.Sprintf(msgLeft, fmt.Sprintf(msgDays, n))
		}
		return fmt.Sprintf(msgLeftToday, max(1, int(math.Ceil(d.Sub(now).Hours()))))
	case now.Equal(d):
		return msgDueNow
	}
	return fmt.Sprintf(msgPastDue, LateBy(p, now).Text())
}

// Current is the period of kind k under way at now: the week whose window
// holds today, or the month.
func Current(k plan.PeriodKind, now time.Time) plan.Period {
	if k == plan.Monthly {
		return plan.MonthOf(now)
	}
	return plan.WeekOf(now)
}

// Opens is the first day a plan takes reports for: the start of the year
// of the plan's own date when it has one, else two years before now.
func Opens(pl *plan.Plan, now time.Time) time.Time {
	if y := planYear(pl); y > 0 {
		return vi.Day(y, time.January, 1)
	}
	return vi.Day(now.Year()-2, time.January, 1)
}

var reYear = regexp.MustCompile(`(?:19|20)\d\d`)

// planYear is the year in the plan's own date ("… tháng 4 năm 2024"), 0
// when it has none.
func planYear(pl *plan.Plan) int {
	ys := reYear.FindAllString(pl.Document.DateText, -1)
	if len(ys) == 0 {
		return 0
	}
	y, _ := strconv.Atoi(ys[len(ys)-1])
	return y
}

// OpenFor checks that period p may take sends at now under plan pl: not
// before the plan's first year, not after the period under way. The error
// is a sentence for the clerk.
func OpenFor(pl *plan.Plan, p plan.Period, now time.Time) error {
	if p.End().Before(Opens(pl, now)) {
		return fmt.Errorf(msgPeriodBeforePlan, p.Name(), vi.FormatDate(Opens(pl, now)))
	}
	if cur := Current(p.Kind, now); p.Start().After(cur.Start()) {
		return fmt.Errorf(msgPeriodFuture, p.Name(), cur.Name())
	}
	return nil
}

// Owed lists the periods a unit is asked for at now, newest first: this
// week's; the month's while it is open for sends (from the 1st of its
// report month until a week after its deadline); and the weeks before
// this one up to back weeks, so a unit that missed one still sees it.
func Owed(now time.Time, back int) []plan.Period {
	week := plan.WeekOf(now)
	out := []plan.Period{week}
	if m := MonthDue(now); !m.IsZero() {
		out = append(out, m)
	}
	w := week
	for range back {
		w = w.Previous()
		out = append(out, w)
	}
	return out
}

// MonthDue is the month whose report is being asked for at now: from the
// 1st of the month its report is due in until a week after its deadline;
// zero otherwise.
func MonthDue(now time.Time) plan.Period {
	for _, m := range []plan.Period{plan.MonthOf(now), plan.MonthOf(now).Previous()} {
		d := Deadline(m)
		first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.Local)
		if !now.Before(first) && now.Before(d.AddDate(0, 0, 7)) {
			return m
		}
	}
	return plan.Period{}
}
