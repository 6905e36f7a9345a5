package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caongoc/de06/plan"
)

// How much of the units' texts the consolidated table and the PDF print.

// textBudget shares MaxModelText among a model's texts of one kind.
type textBudget struct {
	out     *Consolidation
	omitted map[*[]Attributed]int
}

// add appends a unit's text to dst, shortened to what the budget leaves,
// or only counts it once the budget is spent. A text written for a week
// that stands in a month's report names that week where it says "trong
// tuần": a monthly report never says "this week".
func (tb *textBudget) add(dst *[]Attributed, e Entry, text, what string) {
	if text == "" {
		return
	}
	src, fromWeek := tb.out.Sources[e.UnitID]
	if fromWeek {
		text = NameTheWeek(text, src)
	}
	used := 0
	for _, a := range *dst {
		used += utf8.RuneCountInString(a.Text)
	}
	if used+MinReportText > MaxModelText {
		if tb.omitted == nil {
			tb.omitted = map[*[]Attributed]int{}
		}
		tb.omitted[dst]++
		return
	}
	shown, cut := ShortenForReport(text, MaxModelText-used)
	if cut {
		tb.out.Findings = append(tb.out.Findings, Finding{Severity: Warning, Code: TextTooLong, File: e.File, Sheet: e.Sheet, Model: e.Model.Number,
			Message: fmt.Sprintf(msgTextTooLong, what, e.Model.Number, utf8.RuneCountInString(text)), Hint: hintTextTooLong})
	}
	a := Attributed{Unit: tb.out.unitName(e.UnitID), Text: shown}
	if fromWeek && tb.out.OneSource.IsZero() {
		// Sources differ between units: each text names its own. When
		// they are all one week's, the report says so once.
		a.From = src.Short()
	}
	*dst = append(*dst, a)
}

// close ends each list with a line counting the texts left out.
func (tb *textBudget) close(lists ...*[]Attributed) {
	for _, list := range lists {
		if n := tb.omitted[list]; n > 0 {
			*list = append(*list, Attributed{Unit: msgOtherUnits, Text: fmt.Sprintf(msgTextsOmitted, n)})
		}
	}
}

// ShortenForReport cuts text beyond limit characters (at most
// MaxReportText) at a word, with a visible marker saying how much was left
// out.
func ShortenForReport(text string, limit int) (string, bool) {
	limit = min(limit, MaxReportText)
	r := []rune(text)
	if len(r) <= limit {
		return text, false
	}
	cut := limit
	for cut > limit*3/4 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	return strings.TrimSpace(string(r[:cut])) + fmt.Sprintf(msgTextCut, len(r)-cut), true
}

// reThisWeek finds "trong tuần" (and "tuần này", "tuần qua").
var reThisWeek = regexp.MustCompile(`(?i)trong tuần(?: vừa qua| này| qua)?|tuần này|tuần qua`)

// reNamed is what follows a week already named: its number, or a letter
// of a longer word.
var reNamed = regexp.MustCompile(`^(\s*\d|\p{L})`)

// NameTheWeek replaces "trong tuần" in a unit's weekly text by the week it
// means: "418 lượt trong tuần" is "418 lượt trong tuần 48/2026".
func NameTheWeek(text string, week plan.Period) string {
	var sb strings.Builder
	last := 0
	for _, m := range reThisWeek.FindAllStringIndex(text, -1) {
		if reNamed.MatchString(text[m[1]:]) {
			continue
		}
		named := fmt.Sprintf(msgInWeek, week.Short())
		if r, _ := utf8.DecodeRuneInString(text[m[0]:]); unicode.IsUpper(r) {
			named = strings.ToUpper(named[:1]) + named[1:]
		}
		sb.WriteString(text[last:m[0]])
		sb.WriteString(named)
		last = m[1]
	}
	sb.WriteString(text[last:])
	return sb.String()
}
