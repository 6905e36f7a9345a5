package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

// DeadlineKind says how a deadline text is to be read.
type DeadlineKind string

const (
	KindDate      DeadlineKind = "date"      // "30/9/2024"
	KindQuarter   DeadlineKind = "quarter"   // "Quý II/2024"
	KindYear      DeadlineKind = "year"      // "Năm 2024"
	KindRange     DeadlineKind = "range"     // "Giai đoạn 2023 - 2025"
	KindRecurring DeadlineKind = "recurring" // "Thường xuyên"
	KindExternal  DeadlineKind = "external"  // "Theo tiến độ triển khai của Bộ Công an"
)

// Milestone is one dated (or undated) part of a deadline text.
type Milestone struct {
	Text string
	Kind DeadlineKind
	Due  *time.Time
}

// Deadline is a model's "Thời gian hoàn thành": the text as written and how
// it reads. Kind and Due sum up the milestones: a recurring part makes the
// whole recurring (never overdue); otherwise the latest dated milestone
// decides; with no date at all the deadline is external.
type Deadline struct {
	Text       string
	Kind       DeadlineKind
	Due        *time.Time
	Milestones []Milestone
}

var (
	reDayWord = regexp.MustCompile(`^(?:ngay |truoc ngay |den ngay )`)
	reQuarter = regexp.MustCompile(`^(?:trong )?quy (iv|iii|ii|i|[1-4]) (?:nam )?(\d{4})$`)
	reYear    = regexp.MustCompile(`^(?:trong |ca )?nam (\d{4})$`)
	reRange   = regexp.MustCompile(`^(?:giai doan|tu nam|tu) (\d{4}) (?:den nam |den )?(\d{4})$`)
	reRecur   = regexp.MustCompile(`^(?:thuc hien |trien khai )?thuong xuyen(?: lien tuc)?$`)
	// "đối với …" narrows a milestone to part of the model; it does not
	// change the date.
	reScope = regexp.MustCompile(` doi voi .*$`)
)

// ParseDeadline reads a deadline text. It fails when any part of the text
// cannot be read, so that a plan with a deadline de06 does not understand is
// refused when loaded rather than silently never overdue.
func ParseDeadline(text string) (Deadline, error) {
	text = strings.TrimSpace(vi.NFC(text))
	d := Deadline{Text: text}
	if text == "" {
		return d, fmt.Errorf(msgDeadlineEmpty)
	}
	for _, chunk := range splitChunks(text) {
		ms, ok := parseChunk(chunk)
		if !ok {
			return d, fmt.Errorf(msgDeadlineUnreadable, chunk)
		}
		d.Milestones = append(d.Milestones, ms...)
	}
	d.Kind = KindExternal
	for _, m := range d.Milestones {
		if m.Kind == KindRecurring {
			d.Kind, d.Due = KindRecurring, nil
			return d, nil
		}
		if m.Due != nil && (d.Due == nil || m.Due.After(*d.Due)) {
			d.Kind, d.Due = m.Kind, m.Due
		}
	}
	return d, nil
}

func splitChunks(text string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' }) {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "-+•– ")
		line = strings.TrimRight(line, ". ")
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// parseChunk reads one line; a line that does not read as a whole is tried
// as parts joined by "và" ("Năm 2023 và thường xuyên").
func parseChunk(chunk string) ([]Milestone, bool) {
	if m, ok := parseOne(chunk); ok {
		return []Milestone{m}, true
	}
	parts := splitAnd(chunk)
	if len(parts) < 2 {
		return nil, false
	}
	var ms []Milestone
	for _, p := range parts {
		m, ok := parseOne(p)
		if !ok {
			return nil, false
		}
		ms = append(ms, m)
	}
	return ms, true
}

func splitAnd(s string) []string {
	words := strings.Fields(s)
	var parts []string
	start := 0
	for i, w := range words {
		if vi.Fold(w) == "va" && i > start && i < len(words)-1 {
			parts = append(parts, strings.Join(words[start:i], " "))
			start = i + 1
		}
	}
	return append(parts, strings.Join(words[start:], " "))
}

var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// isDate: "30/9/2024", folded to "30 9 2024", maybe after "ngày"; a day
// that does not exist is not a date.
func isDate(k string) bool {
	_, ok := vi.ParseDate(reDayWord.ReplaceAllString(k, ""))
	return ok
}

func parseOne(text string) (Milestone, bool) {
	m := Milestone{Text: strings.TrimSpace(text)}
	k := vi.Fold(text)
	if strings.HasPrefix(k, "theo ") {
		m.Kind = KindExternal
		return m, true
	}
	k = reScope.ReplaceAllString(k, "")
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	due := func(t time.Time) *time.Time { return &t }
	switch {
	case reRecur.MatchString(k):
		m.Kind = KindRecurring
	case isDate(k):
		t, _ := vi.ParseDate(reDayWord.ReplaceAllString(k, ""))
		m.Kind, m.Due = KindDate, due(t)
	case reQuarter.MatchString(k):
		g := reQuarter.FindStringSubmatch(k)
		q := romanQuarter[g[1]]
		// The last day of the quarter: day 0 of the following month.
		m.Kind, m.Due = KindQuarter, due(vi.Day(atoi(g[2]), time.Month(3*q+1), 0))
	case reYear.MatchString(k):
		g := reYear.FindStringSubmatch(k)
		m.Kind, m.Due = KindYear, due(vi.Day(atoi(g[1]), time.December, 31))
	case reRange.MatchString(k):
		g := reRange.FindStringSubmatch(k)
		if atoi(g[2]) < atoi(g[1]) {
			return m, false
		}
		m.Kind, m.Due = KindRange, due(vi.Day(atoi(g[2]), time.December, 31))
	default:
		return m, false
	}
	return m, true
}
