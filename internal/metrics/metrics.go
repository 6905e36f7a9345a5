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
	fc := faces[style]
	if fc == nil {
		fc = faces[""]
	}
	fc.load()
	var em float32
	for _, r := range vi.NFC(s) {
		em += fc.em(r)
	}
	return float64(em) * size
}

// Wrap breaks text into lines no wider than w (in the unit of size) at
// ordinary spaces, never at a no-break space. Explicit newlines are kept; a
// word longer than a line is cut.
func Wrap(text string, style Style, size, w float64) []string {
	var lines []string
	for _, para := range vi.SplitLines(text) {
		words := strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' })
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := ""
		for _, word := range words {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if Width(cand, style, size) <= w {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for Width(word, style, size) > w {
				r := []rune(word)
				n := len(r)
				for n > 1 && Width(string(r[:n]), style, size) > w {
					n--
				}
				lines = append(lines, string(r[:n]))
				word = string(r[n:])
			}
			line = word
		}
		lines = append(lines, line)
	}
	return lines
}
