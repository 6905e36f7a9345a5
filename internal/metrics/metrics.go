// Package metrics measures and wraps text in the embedded Liberation Serif
// faces, metric-compatible with Times New Roman, so that the PDF lays out
// its lines and the workbook sizes its rows from the widths the text will
// really have (in LibreOffice, and in Excel with Times New Roman).
package metrics

import (
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"golang.org/x/text/unicode/norm"

	"github.com/caongoc/de06/assets"
	"github.com/caongoc/de06/internal/vi"
)

// Style is a face: "", "B", "I" or "BI".
type Style string

// face holds one font's advance widths, in ems, read once per process.
type face struct {
	once   sync.Once
	data   []byte
	mu     sync.Mutex // guards f, buf and wide
	f      *sfnt.Font
	buf    sfnt.Buffer
	narrow [0x2100]float32 // the Latin, Vietnamese and punctuation range
	wide   map[rune]float32
}

var faces = map[Style]*face{
	"": {data: assets.FontRegular}, "B": {data: assets.FontBold},
	"I": {data: assets.FontItalic}, "BI": {data: assets.FontBoldItalic},
}

func (fc *face) load() {
	fc.once.Do(func() {
		f, err := sfnt.Parse(fc.data)
		if err != nil {
			panic("metrics: embedded font unreadable: " + err.Error())
		}
		fc.f, fc.wide = f, map[rune]float32{}
		for r := range rune(len(fc.narrow)) {
			fc.narrow[r] = fc.advance(r)
		}
	})
}

// advance is r's advance width in ems (the caller holds mu, or is load).
func (fc *face) advance(r rune) float32 {
	upem := fc.f.UnitsPerEm()
	i, err := fc.f.GlyphIndex(&fc.buf, r)
	if err != nil || i == 0 {
		i, _ = fc.f.GlyphIndex(&fc.buf, '?')
	}
	adv, err := fc.f.GlyphAdvance(&fc.buf, i, fixed.I(int(upem)), font.HintingNone)
	if err != nil {
		return 0.5
	}
	return float32(adv) / 64 / float32(upem)
}

func (fc *face) em(r rune) float32 {
	if r >= 0 && int(r) < len(fc.narrow) {
		return fc.narrow[r]
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	w, ok := fc.wide[r]
	if !ok {
		w = fc.advance(r)
		fc.wide[r] = w
	}
	return w
}

// Width is the width of s set in style at size, in the unit of size.
func Width(s string, style Style, size float64) float64 {
	fc := faceOf(style)
	var em float32
	for _, r := range vi.NFC(s) {
		em += fc.em(r)
	}
	return float64(em) * size
}

func faceOf(style Style) *face {
	fc := faces[style]
	if fc == nil {
		fc = faces[""]
	}
	fc.load()
	return fc
}

// Wrap breaks text into lines no wider than w (in the unit of size) at
// ordinary spaces, never at a no-break space. Explicit newlines are kept; a
// word longer than a line is cut, between characters (never between a
// letter and its combining marks), and the first character of a line stays
// on it even when it alone is wider.
//
// Each character is measured a bounded number of times, so the time is
// linear in the text's length, however long a word is: the running width
// of the line is carried forward rather than measured again. The sums are
// made in the same order as Width makes them, so a line is kept exactly
// when Width says it fits.
func Wrap(text string, style Style, size, w float64) []string {
	fc := faceOf(style)
	space := fc.em(' ')
	fits := func(em float32) bool { return float64(em)*size <= w }
	var lines []string
	for _, para := range vi.SplitLines(text) {
		words := strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' })
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		var line []string // the words of the line being filled
		var lineEm float32
		for _, word := range words {
			nw := vi.NFC(word)
			if len(line) > 0 {
				// The line, a space and the word, summed in Width's order.
				cand := lineEm + space
				for _, r := range nw {
					cand += fc.em(r)
				}
				if fits(cand) {
					line, lineEm = append(line, word), cand
					continue
				}
				lines = append(lines, strings.Join(line, " "))
			}
			full, last, lastEm := fc.cut(nw, fits)
			lines = append(lines, full...)
			line, lineEm = append(line[:0], last), lastEm
		}
		lines = append(lines, strings.Join(line, " "))
	}
	return lines
}

// cut splits a word (in NFC) into pieces that fit, each as wide as fits
// allows; the last piece is returned apart, with its width, to start the
// line the next word may join. A piece breaks only where normalisation
// may (before a starter), so a letter keeps its marks.
func (fc *face) cut(word string, fits func(float32) bool) (full []string, last string, lastEm float32) {
	start, em := 0, float32(0)
	var it norm.Iter
	it.InitString(norm.NFC, word)
	for pos := 0; !it.Done(); {
		seg := it.Next() // one starter and its marks, already composed
		segEm := em
		for _, r := range string(seg) {
			segEm += fc.em(r)
		}
		if !fits(segEm) && pos > start {
			full = append(full, word[start:pos])
			start, segEm = pos, 0
			for _, r := range string(seg) {
				segEm += fc.em(r)
			}
		}
		em = segEm
		pos += len(seg)
	}
	return full, word[start:], em
}
