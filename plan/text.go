package plan

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C. Vietnamese typed on some
// systems arrives decomposed (NFD); every string that is compared, stored or
// drawn goes through here first.
func NFC(s string) string { return norm.NFC.String(s) }

// Fold reduces s to a comparison key: lower case, no diacritics ("đ" → "d"),
// punctuation turned into spaces, runs of spaces collapsed. "TRẠM Y TẾ" and
// "tram  y-te" fold to the same key.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(out) {
		switch {
		case r == 'đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Slug makes an ASCII file-name part from s: "Trạm y tế xã" → "tram-y-te-xa".
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	for _, r := range f {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
