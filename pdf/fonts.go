package pdf

import (
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/caongoc/de06/assets"
	"github.com/caongoc/de06/internal/vi"
)

const family = "LiberationSerif"

// newFpdf returns an A4 document with the four Liberation Serif styles
// loaded from the embedded fonts. Each call has its own copy of the font
// state, so documents can be built side by side.
func newFpdf() *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	f.AddUTF8FontFromBytes(family, "B", assets.FontBold)
	f.AddUTF8FontFromBytes(family, "I", assets.FontItalic)
	f.AddUTF8FontFromBytes(family, "BI", assets.FontBoldItalic)
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)
	return f
}

// measurer measures text with the real font metrics. One serves the
// whole process: parsing the four fonts is most of the cost of a small
// document, and the renderer has to parse them again to embed them.
type measurer struct {
	mu  sync.Mutex
	f   *fpdf.Fpdf
	cur Font
}

var sharedMeasurer = sync.OnceValue(func() *measurer { return &measurer{f: newFpdf()} })

func newMeasurer() *measurer { return sharedMeasurer() }

func (m *measurer) width(s string, font Font) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if font != m.cur {
		m.f.SetFont(family, string(font.Style), font.Size)
		m.cur = font
	}
	return m.f.GetStringWidth(s)
}

// lineHeight is the height of one line of text at size pt, in mm.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.25 }

// keepTogether binds what must not break across lines with no-break
// spaces: a dash between words stays with the word before it (a line never
// starts with "- ", which reads as a list item), and "C06 - BCA" stays
// whole.
func keepTogether(s string) string {
	return strings.NewReplacer(" - ", "\u00a0- ", " – ", "\u00a0– ", "C06 - BCA", "C06\u00a0-\u00a0BCA").Replace(s)
}

// wrap breaks text into lines no wider than w at ordinary spaces (never at
// a no-break space). Explicit newlines are kept; a word longer than a line
// is cut.
func (m *measurer) wrap(text string, font Font, w float64) []string {
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
			if m.width(cand, font) <= w {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			// A single word wider than the line: cut it by runes.
			for m.width(word, font) > w {
				r := []rune(word)
				n := len(r)
				for n > 1 && m.width(string(r[:n]), font) > w {
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
