package vi

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Day returns the civil date y-m-d as a UTC midnight time.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// FormatDate writes dd/mm/yyyy, the form Vietnamese documents use.
func FormatDate(t time.Time) string { return t.Format("02/01/2006") }

var reDate = regexp.MustCompile(`^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$`)

// ParseDate reads a day written dd/mm/yyyy (also with ".", "-" or a space,
// as folding leaves it); a day that does not exist is refused.
func ParseDate(s string) (time.Time, bool) {
	g := reDate.FindStringSubmatch(strings.TrimSpace(s))
	if g == nil {
		return time.Time{}, false
	}
	d, _ := strconv.Atoi(g[1])
	m, _ := strconv.Atoi(g[2])
	y, _ := strconv.Atoi(g[3])
	t := Day(y, time.Month(m), d)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

var weekdays = [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}

// Weekday names the day of the week as a sentence writes it: "thứ Tư".
func Weekday(t time.Time) string { return weekdays[t.Weekday()] }
