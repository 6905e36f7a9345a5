package report

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var reThousands = regexp.MustCompile(`^\d{1,3}([.,]\d{3})+$`)

// ParseNumber reads a number as Vietnamese offices type it: "1.250" and
// "1,250" are one thousand two hundred and fifty, "12,5" is twelve and a half.
func ParseNumber(v Value) (float64, bool) {
	if v.Num != nil {
		return *v.Num, true
	}
	s := strings.Join(strings.Fields(v.Text), "")
	if s == "" {
		return 0, false
	}
	if reThousands.MatchString(s) {
		s = strings.NewReplacer(".", "", ",", "").Replace(s)
	} else {
		s = strings.ReplaceAll(s, ",", ".")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// ParseProgress reads a progress as a percentage: 80, "80", "80%", "80 %",
// and 0.8 (a fraction, typed or in a percent-formatted cell) all give 80.
// 1 stays 1 %: a whole number is a percentage.
func ParseProgress(v Value) (float64, bool) {
	if v.Num != nil {
		n := *v.Num
		if v.Percent || (n > 0 && n < 1) {
			n *= 100
		}
		return round2(n), !math.IsNaN(n) && !math.IsInf(n, 0)
	}
	s := strings.TrimSpace(v.Text)
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	n, ok := ParseNumber(Value{Text: s})
	if !ok {
		return 0, false
	}
	if !pct && n > 0 && n < 1 {
		n *= 100
	}
	return round2(n), true
}

// progressFraction reports whether ParseProgress reads v as a fraction
// (0.8 as 80 %): a number between 0 and 1 neither in a percent-formatted
// cell nor written with "%".
func progressFraction(v Value) bool {
	if v.Num != nil {
		return !v.Percent && *v.Num > 0 && *v.Num < 1
	}
	s := strings.TrimSpace(v.Text)
	n, ok := ParseNumber(Value{Text: s})
	return ok && !strings.HasSuffix(s, "%") && n > 0 && n < 1
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
