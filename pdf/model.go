// Package pdf is de06's PDF adapter, built on codeberg.org/go-pdf/fpdf: it
// lays out the consolidated report as a Vietnamese administrative document
// (Decree 30/2020/NĐ-CP, Appendix I) with the plan's appendix table, then
// draws it. Layout and drawing are separate steps: Build returns a page
// model (every line of text and every rule with its position) that tests
// can inspect, and Render draws it. It never imports the excel adapter.
package pdf

import "time"

// A4 in millimetres, and the margins of Decree 30/2020 (top and bottom
// 20–25 mm, left 30–35 mm, right 15–20 mm).
const (
	a4W          = 210.0
	a4H          = 297.0
	marginTop    = 20.0
	marginBottom = 20.0
	marginLeft   = 30.0
	marginRight  = 15.0
)

// Style is a font style of Liberation Serif: "", "B", "I" or "BI".
type Style string

// Font is a style and a size in points.
type Font struct {
	Style Style
	Size  float64
}

// Kind of a drawn item.
type Kind int

const (
	KindText Kind = iota // one line of text
	KindLine             // a rule from (X, Y) to (X+W, Y+H)
	KindRect             // a filled and/or stroked rectangle
)

// Item is one thing drawn on a page. For text, (X, Y) is the top-left of
// the line box of width W and height H; Align places the text in it.
type Item struct {
	Kind   Kind
	X, Y   float64
	W, H   float64
	Text   string
	Font   Font
	Align  string // "L", "C", "R" or "J" (justified: spread to W)
	Color  [3]int // text or stroke colour
	Fill   *[3]int
	Stroke bool
	Role   string // what the item is, for tests: "header-row", "page-number", …
	RowKey string // for table cells: the row they belong to
}

// Page is one page of the document.
type Page struct {
	Landscape bool
	Items     []Item
}

// Size returns the page's width and height in millimetres.
func (p *Page) Size() (float64, float64) {
	if p.Landscape {
		return a4H, a4W
	}
	return a4W, a4H
}

// Document is the laid-out report.
type Document struct {
	Title   string
	Author  string
	Subject string
	Created time.Time
	Pages   []*Page
}
