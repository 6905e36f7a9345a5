package excel

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/metrics"
)

// Printing geometry. A column w characters wide is w digits of the
// default font (Times New Roman 11: 7 pixels in Excel, 7,33 in
// LibreOffice; the larger is used) plus 5 pixels, at 96 pixels an inch; a
// cell keeps about 2 points of padding on each side. Text is Times New
// Roman, measured with the metric-compatible Liberation Serif.
const (
	pageWidthPt  = 842 - 2*0.4*72 // A4 landscape less the side margins
	pageHeightPt = 595 - 2*0.6*72 // less top and bottom margins
	minScale     = 0.8            // never print smaller than this
	lineFactor   = 1.25           // line height over font size (Excel's is ~1.3, LibreOffice's ~1.15)
	cellPadding  = 4.0
)

// columnPoints is the width in points of a column w characters wide.
func columnPoints(w float64) float64 { return (7.33*w + 5) * 0.75 }

// textHeight is the height in points a text needs in a column w characters
// wide, at size points.
func textHeight(text string, w, size float64, bold bool) float64 {
	style := metrics.Style("")
	if bold {
		style = "B"
	}
	// A little narrower than the column: a line measured as fitting must
	// not wrap in Excel or LibreOffice, whose text areas differ slightly.
	lines := len(metrics.Wrap(text, style, size, columnPoints(w)*0.92-cellPadding))
	return float64(max(lines, 1))*size*lineFactor + 3
}

// printScale is the scale at which columns of these widths fit the page's
// width: 1 when they fit, never below minScale (beyond that the sheet
// prints on more pages across rather than in unreadable type).
func printScale(widths []float64) float64 {
	total := 0.0
	for _, w := range widths {
		total += columnPoints(w)
	}
	return max(minScale, min(1, pageWidthPt/total))
}

// fitChars is how many characters of column width n columns may have in
// all to print on the page's width at the smallest scale.
func fitChars(n int) float64 {
	return (pageWidthPt/minScale/0.75 - 5*float64(n)) / 7.33
}

// wordWidth is the narrowest column, in characters, that holds every word
// of texts on one line at size points, and at least least.
func wordWidth(texts []string, size float64, least float64) float64 {
	need := 0.0
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			need = max(need, metrics.Width(w, "", size))
		}
	}
	// Inverse of the measure textHeight wraps at.
	return max(least, math.Ceil(((need+cellPadding)/0.92/0.75-5)/7.33*2)/2)
}

// printLayout prints sh on A4 landscape at scale, rows first..last
// repeated on every page (none when first is 0), page numbers in the
// footer.
func printLayout(f *book, sh string, scale float64, first, last int) error {
	size, orient, pct := 9, "landscape", uint(scale*100)
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &pct}); err != nil {
		return err
	}
	l, r, t, b := 0.4, 0.4, 0.6, 0.6
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &r, Top: &t, Bottom: &b}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: footerPages}); err != nil {
		return err
	}
	if first == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, first, last),
		Scope:    sh,
	})
}

// pager follows where pages break as rows are added, so that a heading is
// never the last row of a page.
type pager struct {
	avail, repeat, y float64
}

// newPager starts after the rows above the table (top points, repeated
// heading rows included) at scale.
func newPager(top, repeat, scale float64) *pager {
	return &pager{avail: pageHeightPt / scale, repeat: repeat, y: top}
}

// add places a row of height h; keep is the height that must follow it on
// the same page (a heading's first row). It reports whether a page break
// must go before the row.
func (p *pager) add(h, keep float64) bool {
	if p.y+h+keep > p.avail && p.y > p.repeat {
		p.y = p.repeat + h
		return true
	}
	p.y += h
	return false
}
