package vi

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese is written in syllables: an optional initial consonant, a
// vowel cluster, an optional final consonant, and one tone mark. Text
// decoded from the wrong legacy table breaks that shape ("Mỹller",
// "ôghi"), which is how a decoding is told from a real one.

var initials = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

var finals = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t", ""}

// vowelClusters are the vowel sequences of Vietnamese syllables, tone marks
// removed (the glide of "qu"/"gi" belongs to the initial).
var vowelClusters = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`a ă â e ê i o ô ơ u ư y
		ai ao au ay âu ây eo êu ia iu iê oa oă oe oi ôi ơi oo ua uâ uê ui uô uy ưa ưi ươ ưu yê uơ
		oai oay oao oeo uây uôi uya uyê uyu ươi ươu iêu yêu uê`) {
		vowelClusters[v] = true
	}
}

// toneMarks are the combining marks of the five tones.
var toneMarks = map[rune]bool{'\u0300': true, '\u0301': true, '\u0303': true, '\u0309': true, '\u0323': true}

// stripTone removes tone marks, keeping the letters' own marks (â ă ơ ư),
// and lower-cases.
func stripTone(w string) (string, int) {
	var b strings.Builder
	tones := 0
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if toneMarks[r] {
			tones++
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String()), tones
}

// IsSyllable reports whether w is one well-formed Vietnamese syllable.
func IsSyllable(w string) bool {
	s, tones := stripTone(w)
	if s == "" || tones > 1 {
		return false
	}
	for _, ini := range initials {
		rest, ok := strings.CutPrefix(s, ini)
		if !ok {
			continue
		}
		for _, fin := range finals {
			v, ok := strings.CutSuffix(rest, fin)
			if ok && vowelClusters[v] {
				return true
			}
		}
	}
	return false
}

// words splits s at spaces and ASCII punctuation. Latin-1 symbols stay in
// the words: in legacy text they are letters ("C«ng" is "Công").
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || (r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r))
	})
}
