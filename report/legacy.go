package report

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

// vietLatin1 holds the Latin-1 letters Vietnamese Unicode text really uses.
const vietLatin1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"

// DetectLegacy guesses whether s was typed in a legacy encoding. font is the
// cell's font name when known (".VnTime", "VNI-Times"), which settles it.
func DetectLegacy(s, font string) Encoding {
	f := strings.ToLower(strings.TrimSpace(font))
	hasLatin1 := false
	for _, r := range s {
		if r >= 0xA0 && r <= 0xFF {
			hasLatin1 = true
			break
		}
	}
	if !hasLatin1 {
		return EncodingNone
	}
	switch {
	case strings.HasPrefix(f, ".vn"):
		return EncodingTCVN3
	case strings.HasPrefix(f, "vni"):
		return EncodingVNI
	}
	// Evidence: a VNI mark right after a vowel it can modify counts double
	// ("oâ", "aõ" never occur in Unicode Vietnamese); a Latin-1 character
	// Vietnamese never uses counts once, for whichever table holds it.
	rs := []rune(s)
	tcvn, vni, foreign := 0, 0, 0
	for i, r := range rs {
		if r < 0xA0 || r > 0xFF {
			continue
		}
		viet := strings.ContainsRune(vietLatin1, r)
		if !viet {
			foreign++
			if _, ok := tcvn3[r]; ok {
				tcvn++
			}
			if _, ok := vniSingle[r]; ok {
				vni++
			}
		}
		if i > 0 {
			prev := unicode.ToLower(rs[i-1])
			low := unicode.ToLower(r)
			m, ok := vniMarks[low]
			// "hoá", "hoà": the old tone placement is real Unicode text.
			weak := prev == 'o' && (low == 'á' || low == 'à' || low == 'ã')
			if ok && !weak && strings.ContainsRune(m.bases+"ôö", prev) {
				vni += 2
			}
		}
	}
	switch {
	case vni > 0 && vni >= tcvn:
		return EncodingVNI
	case tcvn > 0 && foreign > 0:
		return EncodingTCVN3
	}
	return EncodingNone
}

// FixLegacy returns s converted to Unicode if it looks like legacy text, and
// the encoding found.
func FixLegacy(s, font string) (string, Encoding) {
	switch enc := DetectLegacy(s, font); enc {
	case EncodingTCVN3:
		return DecodeTCVN3(s, strings.HasSuffix(strings.ToLower(strings.TrimSpace(font)), "h")), enc
	case EncodingVNI:
		return DecodeVNI(s), enc
	}
	return s, EncodingNone
}
