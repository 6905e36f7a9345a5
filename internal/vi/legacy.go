package vi

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Legacy Vietnamese encodings. Before Unicode, Vietnamese was typed with
// 8-bit fonts: TCVN3 (ABC, fonts .VnTime, .VnArial…) put precomposed letters
// on Latin-1 code points; VNI (fonts VNI-Times…) wrote a base letter followed
// by a Latin-1 "mark" character. Excel stores what was typed as Latin-1
// characters, so "Công an xã" arrives as "C«ng an x·" or "Coâng an xaõ".
// No Go module carries these tables.

// Encoding names a legacy encoding.
type Encoding int

const (
	EncodingNone Encoding = iota
	EncodingTCVN3
	EncodingVNI
)

func (e Encoding) String() string {
	switch e {
	case EncodingTCVN3:
		return "TCVN3 (ABC)"
	case EncodingVNI:
		return "VNI"
	}
	return "Unicode"
}

// tcvn3 maps TCVN3 (lower-case) code points to Unicode.
var tcvn3 = map[rune]rune{
	0xB5: 'à', 0xB8: 'á', 0xB6: 'ả', 0xB7: 'ã', 0xB9: 'ạ',
	0xA8: 'ă', 0xBB: 'ằ', 0xBE: 'ắ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xC6: 'ặ',
	0xA9: 'â', 0xC7: 'ầ', 0xCA: 'ấ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCB: 'ậ',
	0xAE: 'đ',
	0xCC: 'è', 0xD0: 'é', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD1: 'ẹ',
	0xAA: 'ê', 0xD2: 'ề', 0xD5: 'ế', 0xD3: 'ể', 0xD4: 'ễ', 0xD6: 'ệ',
	0xD7: 'ì', 0xDD: 'í', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDE: 'ị',
	0xDF: 'ò', 0xE3: 'ó', 0xE1: 'ỏ', 0xE2: 'õ', 0xE4: 'ọ',
	0xAB: 'ô', 0xE5: 'ồ', 0xE8: 'ố', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE9: 'ộ',
	0xAC: 'ơ', 0xEA: 'ờ', 0xED: 'ớ', 0xEB: 'ở', 0xEC: 'ỡ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF3: 'ú', 0xF1: 'ủ', 0xF2: 'ũ', 0xF4: 'ụ',
	0xAD: 'ư', 0xF5: 'ừ', 0xF8: 'ứ', 0xF6: 'ử', 0xF7: 'ữ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFD: 'ý', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFE: 'ỵ',
	0xA1: 'Ă', 0xA2: 'Â', 0xA7: 'Đ', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư',
}

// Combining marks used to build VNI letters.
const (
	cAcute = '\u0301'
	cGrave = '\u0300'
	cHook  = '\u0309'
	cTilde = '\u0303'
	cDot   = '\u0323'
	cCirc  = '\u0302'
	cBreve = '\u0306'
	cHorn  = '\u031B'
)

// vniMarks maps a VNI mark (lower-case form) to the combining marks it adds,
// and the base letters it may follow.
var vniMarks = map[rune]struct {
	marks []rune
	bases string
}{
	'ù': {[]rune{cAcute}, "aeouyơư"}, 'ø': {[]rune{cGrave}, "aeouyơư"}, 'û': {[]rune{cHook}, "aeouyơư"},
	'õ': {[]rune{cTilde}, "aeouyơư"}, 'ï': {[]rune{cDot}, "aeouyơư"},
	'â': {[]rune{cCirc}, "aeo"}, 'á': {[]rune{cCirc, cAcute}, "aeo"}, 'à': {[]rune{cCirc, cGrave}, "aeo"},
	'å': {[]rune{cCirc, cHook}, "aeo"}, 'ã': {[]rune{cCirc, cTilde}, "aeo"}, 'ä': {[]rune{cCirc, cDot}, "aeo"},
	'ê': {[]rune{cBreve}, "a"}, 'é': {[]rune{cBreve, cAcute}, "a"}, 'è': {[]rune{cBreve, cGrave}, "a"},
	'ú': {[]rune{cBreve, cHook}, "a"}, 'ü': {[]rune{cBreve, cTilde}, "a"}, 'ë': {[]rune{cBreve, cDot}, "a"},
}

// vniSingle maps VNI characters that stand alone for a letter.
var vniSingle = map[rune]string{
	'ô': "ơ", 'Ô': "Ơ", 'ö': "ư", 'Ö': "Ư", 'ñ': "đ", 'Ñ': "Đ",
	'æ': "ỉ", 'Æ': "Ỉ", 'ó': "ĩ", 'Ó': "Ĩ", 'ò': "ị", 'Ò': "Ị", 'î': "ỵ", 'Î': "Ỵ",
}

// DecodeTCVN3 converts TCVN3 text to Unicode; upper is true for the
// capital-letter fonts (.VnTimeH), which reuse the lower-case code points.
func DecodeTCVN3(s string, upper bool) string {
	var b strings.Builder
	for _, r := range s {
		if u, ok := tcvn3[r]; ok {
			r = u
		}
		if upper {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// DecodeVNI converts VNI text to Unicode.
func DecodeVNI(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		base := rs[i]
		lowBase := unicode.ToLower(base)
		if single, ok := vniSingle[base]; ok {
			base, lowBase = []rune(single)[0], []rune(single)[0]
			lowBase = unicode.ToLower(lowBase)
		}
		if i+1 < len(rs) {
			if m, ok := vniMarks[unicode.ToLower(rs[i+1])]; ok && strings.ContainsRune(m.bases, lowBase) {
				out := []rune{baseLetter(base)}
				if lowBase == 'ơ' || lowBase == 'ư' {
					out = append(out, cHorn)
				}
				out = append(out, m.marks...)
				b.WriteString(norm.NFC.String(string(out)))
				i++
				continue
			}
		}
		b.WriteRune(base)
	}
	return norm.NFC.String(b.String())
}

// baseLetter strips the horn from ơ/ư so marks can be stacked in order.
func baseLetter(r rune) rune {
	switch r {
	case 'ơ':
		return 'o'
	case 'Ơ':
		return 'O'
	case 'ư':
		return 'u'
	case 'Ư':
		return 'U'
	}
	return r
}

// unicodeOnly reports whether s holds a letter that only Unicode text can
// hold: ă đ ơ ư (and capitals) or a precomposed toned letter (U+1EA0 to
// U+1EF9). Legacy encodings write with Latin-1 characters alone, so such
// text is Unicode whatever its font says.
func unicodeOnly(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x1EA0 && r <= 0x1EF9,
			r == 'ă', r == 'Ă', r == 'đ', r == 'Đ', r == 'ơ', r == 'Ơ', r == 'ư', r == 'Ư':
			return true
		}
	}
	return false
}

// MaybeLegacy reports whether s holds a character of the upper Latin-1
// half, the only ones legacy encodings put in a cell: only such text is
// worth a closer look (and a look-up of its font).
func MaybeLegacy(s string) bool {
	for _, r := range s {
		if r >= 0xA0 && r <= 0xFF {
			return true
		}
	}
	return false
}

// DetectLegacy says whether s was typed in a legacy encoding, converting
// only on strong evidence, since correct text must never be altered:
//   - text with a Unicode-only Vietnamese letter is Unicode;
//   - a legacy font name (".VnTime", "VNI-Times") settles it otherwise;
//   - without one, the decoded text must read as Vietnamese: most of the
//     words the decoding changes become syllables, and more of them than
//     before (so "ông Müller", "«ghi chú»", "2×3" stay as they are).
func DetectLegacy(s, font string) Encoding {
	if !MaybeLegacy(s) || unicodeOnly(s) {
		return EncodingNone
	}
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, ".vn"):
		return EncodingTCVN3
	case strings.HasPrefix(f, "vni"):
		return EncodingVNI
	}
	best, bestScore := EncodingNone, 0
	for _, enc := range []Encoding{EncodingTCVN3, EncodingVNI} {
		if score, ok := readsAsVietnamese(s, decode(s, enc, false)); ok && score > bestScore {
			best, bestScore = enc, score
		}
	}
	return best
}

// readsAsVietnamese compares the words of s that a decoding changed: the
// decoded words must be mostly syllables (three in four) and more of them
// syllables than the original words were. score is the syllables gained.
func readsAsVietnamese(s, decoded string) (score int, ok bool) {
	before, after := words(s), words(decoded)
	if len(before) != len(after) {
		return 0, false
	}
	changed, validBefore, validAfter := 0, 0, 0
	for i := range before {
		if before[i] == after[i] {
			continue
		}
		changed++
		if IsSyllable(before[i]) {
			validBefore++
		}
		if IsSyllable(after[i]) {
			validAfter++
		}
	}
	if changed == 0 || validAfter*4 < changed*3 || validAfter <= validBefore {
		return 0, false
	}
	return validAfter - validBefore, true
}

func decode(s string, enc Encoding, upper bool) string {
	switch enc {
	case EncodingTCVN3:
		return DecodeTCVN3(s, upper)
	case EncodingVNI:
		return DecodeVNI(s)
	}
	return s
}

// FixLegacy returns s converted to Unicode if it was typed in a legacy
// encoding, and the encoding found.
func FixLegacy(s, font string) (string, Encoding) {
	enc := DetectLegacy(s, font)
	if enc == EncodingNone {
		return s, enc
	}
	upper := strings.HasSuffix(strings.ToLower(strings.TrimSpace(font)), "h")
	return decode(s, enc, upper), enc
}
