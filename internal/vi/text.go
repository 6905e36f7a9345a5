package vi

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r == 0:
			continue // a combining mark
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
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

// The folded forms of the letters and marks Vietnamese text uses, made
// once: folding is on the hot path of reading. Latin up to U+024F, the
// combining marks, and Latin Extended Additional (ạ…ỹ); the scripts in
// between are folded when met, which is rare, and the same either way.
var (
	foldLatin    = foldBlock(0, 0x370)
	foldExtended = foldBlock(0x1E00, 0x1F00)
)

func foldBlock(from, to rune) []rune {
	t := make([]rune, to-from)
	for r := from; r < to; r++ {
		t[r-from] = slowFoldRune(r)
	}
	return t
}

func foldRune(r rune) rune {
	switch {
	case r < 0x370:
		return foldLatin[r]
	case 0x1E00 <= r && r < 0x1F00:
		return foldExtended[r-0x1E00]
	}
	return slowFoldRune(r)
}

// slowFoldRune lowers r and strips its marks; 0 means r is itself a mark.
func slowFoldRune(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	r = unicode.ToLower(r)
	if r == 'đ' {
		return 'd'
	}
	if r < 0x80 {
		return r
	}
	d := []rune(norm.NFD.String(string(r)))
	if len(d) > 0 && !unicode.Is(unicode.Mn, d[0]) {
		return unicode.ToLower(d[0])
	}
	return r
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

// SplitLines splits s at line ends ("\n" or "\r\n").
func SplitLines(s string) []string {
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// Shorten cuts s to n characters with an ellipsis, for quoting in messages
// and narrow tables.
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// ListLines reads a list typed one item a line: lines trimmed, empty ones
// dropped.
func ListLines(s string) []string {
	var out []string
	for _, l := range SplitLines(s) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// OneLine puts a text written as a list on one line: "- A;\n- B" becomes
// "A; B".
func OneLine(s string) string {
	var parts []string
	for _, l := range SplitLines(s) {
		l = strings.TrimRight(strings.TrimLeft(strings.TrimSpace(l), "-+• "), ";. ")
		if l != "" {
			parts = append(parts, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(parts, "; ")
}

// Sentence makes a message that starts in lower case (as findings and
// errors do, to be quoted after a colon) stand alone: a capital first
// letter and a full stop.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// levels are the words of administrative levels that begin a place's
// name: capital at the head of a list or a cell, lower case within a
// sentence.
var levels = []string{"Xã ", "Phường ", "Thị trấn ", "Đặc khu ", "Thị xã ", "Huyện ", "Quận ", "Tỉnh ", "Thành phố "}

// InSentence writes a place's name as it reads within a sentence: its
// level in lower case ("Xã Minh Sơn" → "xã Minh Sơn"); other names are
// left as they are.
func InSentence(name string) string {
	for _, l := range levels {
		if strings.HasPrefix(name, l) {
			return strings.ToLower(l) + name[len(l):]
		}
	}
	return name
}
