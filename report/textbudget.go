package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How much of the units' texts the consolidated table and the PDF print.

// textBudget shares MaxModelText among a model's texts of one kind.
type textBudget struct {
	out     *Consolidation
	omitted map[*[]Attributed]int
}

// add appends a unit's text to dst, shortened to what the budget leaves,
// or only counts it once the budget is spent.
func (tb *textBudget) add(dst *[]Attributed, e Entry, text, what string) {
	if text == "" {
		return
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
	if src, ok := tb.out.Sources[e.UnitID]; ok {
		a.From = src.Name()
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
