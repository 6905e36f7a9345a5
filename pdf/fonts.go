package pdf

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/caongoc/de06/assets"
	"github.com/caongoc/de06/internal/metrics"
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

// measurer measures and wraps text with the real font metrics, in mm.
type measurer struct{}

func newMeasurer() *measurer { return &measurer{} }

const ptToMM = 25.4 / 72

func (m *measurer) width(s string, font Font) float64 {
	return metrics.Width(s, metrics.Style(font.Style), font.Size) * ptToMM
}

// wrap breaks text into lines no wider than w mm (see metrics.Wrap).
func (m *measurer) wrap(text string, font Font, w float64) []string {
	return metrics.Wrap(text, metrics.Style(font.Style), font.Size, w/ptToMM)
}

// lineHeight is the height of one line of text at size pt, in mm.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.25 }

// keepTogether binds what must not break across lines with no-break
// spaces: a dash between words stays with the word before it (a line never
// starts with "- ", which reads as a list item), and "C06 - BCA" stays
// whole.
func keepTogether(s string) string { return together.Replace(s) }

var together = strings.NewReplacer(" - ", "\u00a0- ", " – ", "\u00a0– ", "C06 - BCA", "C06\u00a0-\u00a0BCA")
