package vi

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes a figure the way Vietnamese reports do: thousands
// grouped with "." and one decimal after a comma: 4.512 and 95,7.
func FormatNumber(f float64) string {
	neg := f < 0
	if neg {
		f = -f
	}
	whole := int64(f)
	frac := math.Round((f-float64(whole))*10) / 10
	if frac >= 1 {
		whole++
		frac = 0
	}
	digits := fmt.Sprint(whole)
	var out []byte
	for i := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, digits[i])
	}
	s := string(out)
	if frac > 0 {
		s += "," + fmt.Sprint(int(math.Round(frac*10)))
	}
	if neg {
		s = "-" + s
	}
	return s
}

// FormatExact writes a number as typed, every digit kept, with the
// decimal comma and no grouping: 312, 0,5, 1250. Messages quote a unit's
// own figures this way.
func FormatExact(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', -1, 64), ".", ",", 1)
}
