package desk

import (
	"fmt"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

// Channel is how units can send their reports: through their links, or,
// while the links open only on the desk's own computer, as files sent to
// the standing agency some other way (Zalo, e-mail) for the officer to
// drop on the board.
type Channel int

const (
	ThroughLinks Channel = iota
	AsFiles
)

// Reminder is the text the officer copies into Zalo: the units (a
// province's communes) that still owe the period's report, by when, and how to send it (ch). It never
// names the standing agency's own unit (the one sending the reminder; the
// board says so, OwnUnit).
func Reminder(b *Board, now time.Time, ch Channel) string {
	agency := b.Plan.Document.StandingAgency
	own := b.OwnUnit()
	w := WordsOf(b.Plan.Level)
	var lines []string
	for _, u := range b.Units {
		if !u.State.Owes() || (own != nil && u.Unit.ID == own.Unit.ID) {
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
	how := msgThroughLinks
	if ch == AsFiles {
		how = fmt.Sprintf(msgAsFiles, w.Report, agency)
	}
	ask := fmt.Sprintf(msgReminderAsk, w.Units, w.Report, when, TimeLeft(b.Period, now), how)
	if now.After(d) {
		ask = fmt.Sprintf(msgReminderLate, when, LateBy(b.Period, now).Text(), w.Units, how)
	}
	return fmt.Sprintf(msgReminder, w.Units, agency, w.Report, b.Period.Name(), strings.Join(lines, "\n"), ask, agency)
}

// OwnUnit is the standing agency's own unit on the board (the one that
// sends the reminder, never named in it); nil when it does not report.
func (b *Board) OwnUnit() *UnitStatus {
	own, _ := b.Plan.MatchUnit(b.Plan.Document.StandingAgency)
	if own == "" {
		return nil
	}
	return b.Unit(own)
}
