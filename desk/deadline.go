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

// DeadlineHour is the hour of the report day by which units send: the end
// of the working day, so the standing agency merges on the report day.
const DeadlineHour = 17

// Deadline is when a unit's report for p is due: 17:00 on the report day
// (the week's Wednesday, the 15th of the month).
func Deadline(p plan.Period) time.Time {
	d := p.ReportDay()
	return time.Date(d.Year(), d.Month(), d.Day(), DeadlineHour, 0, 0, 0, time.Local)
}

// LateDays is how many days after p's deadline a send made at t came:
// 0 when on time, 1 for anything up to a day late, and so on.
func LateDays(p plan.Period, t time.Time) int {
	late := t.Sub(Deadline(p))
	if late <= 0 {
		return 0
	}
	return int(math.Ceil(late.Hours() / 24))
}

// DeadlineText says a deadline with its hour and how it stands at now:
// "17 giờ 00, thứ Tư 25/11/2026 (còn 2 ngày)" or "(đã quá hạn 4 ngày)".
func DeadlineText(p plan.Period, now time.Time) string {
	d := Deadline(p)
	return fmt.Sprintf(msgDeadline, d.Hour(), d.Minute(), vi.Weekday(d), vi.FormatDate(d), TimeLeft(p, now))
}

// TimeLeft says how the deadline of p stands at now: "còn 2 ngày",
// "còn 3 giờ", "đã quá hạn 4 ngày".
func TimeLeft(p plan.Period, now time.Time) string {
	left := Deadline(p).Sub(now)
	switch {
	case left >= 24*time.Hour:
		return fmt.Sprintf(msgDaysLeft, int(left.Hours()/24))
	case left > 0:
		return fmt.Sprintf(msgHoursLeft, max(1, int(math.Ceil(left.Hours()))))
	}
	return fmt.Sprintf(msgDaysLate, LateDays(p, now))
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
