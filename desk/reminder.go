package desk

import (
	"fmt"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

// Reminder is the text the officer copies into Zalo: the units (a
// province's communes) that still owe the period's report, and by when. It never names the standing
// agency's own unit (the one sending the reminder).
func Reminder(b *Board, now time.Time) string {
	agency := b.Plan.Document.StandingAgency
	own, _ := b.Plan.MatchUnit(agency)
	w := WordsOf(b.Plan.Level)
	var lines []string
	for _, u := range b.Units {
		if !u.State.Owes() || u.Unit.ID == own {
			continue
		}
		line := "- " + u.Unit.Name
		switch u.State {
		case Partial:
			line += fmt.Sprintf(msgReminderPartial, u.Counting.Errors)
		case Rejected:
			line += msgReminderRejected
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return fmt.Sprintf(msgReminderNone, w.UnitsCap, w.Report, b.Period.Name(), w.Units)
	}
	d := Deadline(b.Period)
	when := fmt.Sprintf(msgDeadlineAt, d.Hour(), d.Minute(), vi.Weekday(d), vi.FormatDate(d))
	ask := fmt.Sprintf(msgReminderAsk, w.Units, w.Report, when, TimeLeft(b.Period, now))
	if !now.Before(d) {
		ask = fmt.Sprintf(msgReminderLate, when, LateBy(b.Period, now).Text(), w.Units)
	}
	return fmt.Sprintf(msgReminder, w.Units, agency, w.Report, b.Period.Name(), strings.Join(lines, "\n"), ask, agency)
}
