package pdf

import (
	"strconv"
	"strings"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// builder lays out flowing content onto pages.
type builder struct {
	m    *measurer
	doc  *Document
	page *Page
	y    float64 // next free position from the top, mm
	// firstPage is the index of the first page of the current part: an
	// appendix is numbered on its own (Decree 30, Appendix I).
	firstPage int
	// plan names the units; abbreviated are those written by their short
	// names, for the key under the appendix table.
	plan        *plan.Plan
	abbreviated map[string]string // unit id → the plan's words it stands for
	// cols are the appendix table's columns, fitted to the document.
	cols []tcol
	// draft marks the document "DỰ THẢO" in the first page's top margin.
	draft bool
}

func newBuilder(doc *Document) *builder { return &builder{m: newMeasurer(), doc: doc} }

// newPart starts a part numbered on its own (the appendix) on a new page.
func (b *builder) newPart(landscape bool) {
	b.firstPage = len(b.doc.Pages)
	b.newPage(landscape)
}

func (b *builder) newPage(landscape bool) {
	b.page = &Page{Landscape: landscape}
	b.doc.Pages = append(b.doc.Pages, b.page)
	b.y = marginTop
	if b.draft && len(b.doc.Pages) == 1 {
		// Once, at the head of the document (Decree 30/2020).
		b.draftMark()
	}
	if n := len(b.doc.Pages) - b.firstPage; n >= 2 {
		// Page numbers: centred at the top from a part's page 2, plain
		// digits.
		w, _ := b.page.Size()
		b.page.Items = append(b.page.Items, Item{Kind: KindText, X: marginLeft, Y: marginTop - 10, W: w - marginLeft - marginRight,
			H: lineHeight(13), Text: strconv.Itoa(n), Font: Font{"", 13}, Align: "C", Role: "page-number"})
	}
}

// draftMark writes "DỰ THẢO", boxed, at the top right of the page, above
// the text area, where a signed document has nothing.
func (b *builder) draftMark() {
	w, _ := b.page.Size()
	f := Font{"B", 13}
	tw := b.m.width(txtDraft, f) + 6
	x, y := w-marginRight-tw, marginTop-13.0
	b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x, Y: y, W: tw, H: lineHeight(f.Size) + 2, Stroke: true, Role: "draft"},
		Item{Kind: KindText, X: x, Y: y + 1, W: tw, H: lineHeight(f.Size), Text: txtDraft, Font: f, Align: "C", Role: "draft"})
}

// left edge, width and bottom of the text area of the current page.
func (b *builder) left() float64 { return marginLeft }
func (b *builder) width() float64 {
	w, _ := b.page.Size()
	return w - marginLeft - marginRight
}
func (b *builder) bottom() float64 {
	_, h := b.page.Size()
	return h - marginBottom
}

// ensure starts a new page (same orientation) unless h mm still fit.
func (b *builder) ensure(h float64) {
	if b.y+h > b.bottom() {
		b.newPage(b.page.Landscape)
	}
}

func (b *builder) text(x, y, w float64, s string, font Font, align, role string) {
	b.page.Items = append(b.page.Items, Item{Kind: KindText, X: x, Y: y, W: w, H: lineHeight(font.Size), Text: vi.NFC(s), Font: font, Align: align, Role: role})
}

func (b *builder) line(x1, y, x2 float64, role string) {
	b.page.Items = append(b.page.Items, Item{Kind: KindLine, X: x1, Y: y, W: x2 - x1, Stroke: true, Role: role})
}

// para flows a paragraph over the text width: first line indented by
// indent, justified except its last line, breaking pages between lines.
func (b *builder) para(s string, font Font, indent float64, align string, after float64) {
	lh := lineHeight(font.Size)
	lines := b.wrapIndented(vi.NFC(s), font, b.width(), indent)
	for i, l := range lines {
		b.ensure(lh)
		x, w := b.left(), b.width()
		if i == 0 {
			x, w = x+indent, w-indent
		}
		a := align
		if a == "J" && i == len(lines)-1 {
			a = "L"
		}
		b.text(x, b.y, w, l, font, a, "body")
		b.y += lh
	}
	b.y += after
}

// wrapIndented wraps with a narrower first line.
func (b *builder) wrapIndented(s string, font Font, w, indent float64) []string {
	if indent == 0 {
		return b.m.wrap(s, font, w)
	}
	first := b.m.wrap(s, font, w-indent)
	if len(first) <= 1 {
		return first
	}
	// Re-wrap what follows the first line at full width.
	rest := strings.TrimSpace(strings.TrimPrefix(s, first[0]))
	return append([]string{first[0]}, b.m.wrap(rest, font, w)...)
}
