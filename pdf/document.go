package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Options are the per-run facts of the document.
type Options struct {
	Number int       // the document number; 0 leaves it blank to fill by hand
	Date   time.Time // the signing date
	Signer string    // overrides the plan's signer name
	// Created is the PDF's creation date; tests fix it.
	Created time.Time
	// Draft marks the document "DỰ THẢO", once at its head: the header is
	// not confirmed, names a body that did not exist on Date, or no signer
	// is named (desk.Merged.Draft, plan.Header.DraftReasonsSigned).
	Draft bool
}

// begin starts a report of pl for period p: its properties, and its first
// page with the letterhead, number and date, title and addressees.
func begin(pl *plan.Plan, p plan.Period, opt Options) (*Document, *builder) {
	doc := &Document{
		Title:   txtKind + " " + strings.ToLower(txtSummary[:1]) + txtSummary[1:] + " — " + p.Name(),
		Author:  pl.Header.IssuingAgency,
		Subject: p.Label(),
		Created: opt.Created,
	}
	b := newBuilder(doc)
	b.draft = opt.Draft
	b.newPage(false)
	b.letterhead(pl, p, opt)
	return doc, b
}

// Build lays out the report for c: the portrait report, then the landscape
// appendix.
func Build(c *report.Consolidation, opt Options) *Document {
	doc, b := begin(c.Plan, c.Period, opt)
	b.body(c)
	b.closing(c.Plan.Header, opt)
	b.appendix(c, opt)
	return doc
}

// docNumber is "05/BC-CAX": a leading zero below 10.
func docNumber(n int, symbol string) string {
	if n <= 0 {
		return fmt.Sprintf(txtNumberBlank, symbol)
	}
	return fmt.Sprintf(txtNumber, fmt.Sprintf("%02d", n), symbol)
}

// placeDate is "Cao Ngọc, ngày 05 tháng 02 năm 2026": leading zeros for
// days below 10 and for months 1 and 2 (Decree 30/2020).
func placeDate(place string, d time.Time) string {
	month := fmt.Sprint(int(d.Month()))
	if d.Month() <= 2 {
		month = fmt.Sprintf("%02d", int(d.Month()))
	}
	return fmt.Sprintf(txtPlaceDate, place, fmt.Sprintf("%02d", d.Day()), month, d.Year())
}

func upper(s string) string { return strings.ToUpper(vi.NFC(s)) }

// letterhead draws the document's first lines from the plan's header: the
// agencies, the number, the nation and motto, place and date, the kind and
// summary of the report for period per, and "Kính gửi".
func (b *builder) letterhead(pl *plan.Plan, per plan.Period, opt Options) {
	h := pl.Header
	w := b.width()
	leftW := w * 0.40
	rightX, rightW := b.left()+leftW, w-leftW
	y0 := b.y

	// Left: parent agency over issuing agency, a short rule, the number.
	y := y0
	for _, l := range b.m.wrap(upper(h.ParentAgency), Font{"", 12}, leftW) {
		b.text(b.left(), y, leftW, l, Font{"", 12}, "C", "parent-agency")
		y += lineHeight(12)
	}
	var lastW float64
	for _, l := range b.m.wrap(upper(h.IssuingAgency), Font{"B", 12}, leftW) {
		b.text(b.left(), y, leftW, l, Font{"B", 12}, "C", "issuing-agency")
		lastW = b.m.width(l, Font{"B", 12})
		y += lineHeight(12)
	}
	rule := max(lastW/3, 15)
	mid := b.left() + leftW/2
	b.line(mid-rule/2, y+0.8, mid+rule/2, "agency-rule")
	y += 4
	b.text(b.left(), y, leftW, docNumber(opt.Number, h.Symbol), Font{"", 13}, "C", "number")
	leftEnd := y + lineHeight(13)

	// Right: national name, motto with a rule as long as the line, then
	// the place and date in italics.
	y = y0
	b.text(rightX, y, rightW, txtNation, Font{"B", 12}, "C", "nation")
	y += lineHeight(12)
	b.text(rightX, y, rightW, txtMotto, Font{"B", 13}, "C", "motto")
	mw := b.m.width(txtMotto, Font{"B", 13})
	rmid := rightX + rightW/2
	y += lineHeight(13)
	b.line(rmid-mw/2, y+0.3, rmid+mw/2, "motto-rule")
	y += 4
	b.text(rightX, y, rightW, placeDate(h.Place, opt.Date), Font{"I", 13}, "C", "place-date")
	rightEnd := y + lineHeight(13)

	b.y = max(leftEnd, rightEnd) + 8
	// Title, summary line, short rule.
	b.text(b.left(), b.y, w, txtKind, Font{"B", 14}, "C", "kind")
	b.y += lineHeight(14)
	for _, l := range []string{txtSummary, fmt.Sprintf(txtSummary2, per.Label())} {
		for _, wl := range b.m.wrap(l, Font{"B", 14}, w) {
			b.text(b.left(), b.y, w, wl, Font{"B", 14}, "C", "summary")
			b.y += lineHeight(14)
		}
	}
	cx := b.left() + w/2
	b.line(cx-20, b.y+2.5, cx+20, "summary-rule")
	b.y += 8

	// Kính gửi: one recipient on the same line; several as a list.
	to := Font{"", 14}
	tw := b.m.width(txtTo+" ", to)
	if len(h.Recipients) == 1 {
		line := txtTo + " " + h.Recipients[0] + "."
		b.text(b.left(), b.y, w, line, to, "C", "recipient")
		b.y += lineHeight(14)
	} else {
		x := b.left() + w*0.18
		b.text(x, b.y, tw, txtTo, to, "L", "recipient")
		for i, r := range h.Recipients {
			end := ";"
			if i == len(h.Recipients)-1 {
				end = "."
			}
			for _, l := range b.m.wrap("- "+r+end, to, w-(x-b.left())-tw) {
				b.text(x+tw, b.y, w-(x-b.left())-tw, l, to, "L", "recipient")
				b.y += lineHeight(14)
			}
		}
	}
	b.y += 4
}

var body = Font{"", 14}
var bold = Font{"B", 14}

const indent = 10.0

// maxPartText is how many characters of units' texts parts II and III of
// the report quote before pointing to the appendix for the rest: the
// report stays a few pages whatever units write.
const maxPartText = 4000

// chart draws a stacked horizontal bar per group: one segment per status.
func (b *builder) chart(groups []report.GroupSummary) {
	barH, gap := 5.0, 2.5
	h := lineHeight(12) + float64(len(groups))*(barH+gap) + 12
	b.ensure(h)
	w := b.width()
	b.text(b.left(), b.y, w, txtChartTitle, Font{"I", 12}, "C", "chart-title")
	b.y += lineHeight(12) + 1
	labelW := 22.0
	x0 := b.left() + labelW
	unit := b.chartUnit(groups, w-labelW)
	for _, g := range groups {
		b.text(b.left(), b.y, labelW-2, fmt.Sprintf(txtChartGroup, g.Code), Font{"", 11}, "R", "chart-label")
		x := x0
		for _, s := range report.StatusesWithNone {
			k := g.ByStatus[s]
			if k == 0 {
				continue
			}
			col := statusColor(s)
			b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x, Y: b.y + 0.3, W: unit * float64(k), H: barH, Fill: &col, Stroke: true, Role: "chart-bar"})
			// The count with the status's letters, so the chart reads in
			// black and white too; the count alone where they do not fit,
			// the letters then said beside the bar.
			label, font, ok := b.segmentLabel(k, s, unit*float64(k))
			role := "chart-value"
			if !ok {
				role = "chart-count"
			}
			b.text(x, b.y+0.3, unit*float64(k), label, font, "C", role)
			x += unit * float64(k)
		}
		if a := b.chartAside(g, unit); a != "" {
			b.text(x+1.5, b.y+0.3, b.m.width(a, asideFont)+1, a, asideFont, "L", "chart-aside")
		}
		b.y += barH + gap
	}
	// Legend, wrapping when it reaches the margin.
	x := b.left() + labelW
	for _, s := range report.StatusesWithNone {
		col := statusColor(s)
		text := statusAbbr[s] + ": " + s.String()
		lw := b.m.width(text, Font{"", 10})
		if x+4.5+lw > b.left()+w {
			x = b.left() + labelW
			b.y += 5
		}
		b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x, Y: b.y + 1, W: 3.5, H: 3.5, Fill: &col, Stroke: true, Role: "chart-legend"})
		b.text(x+4.5, b.y+0.5, lw+1, text, Font{"", 10}, "L", "chart-legend")
		x += 4.5 + lw + 5
	}
	b.y += 8
}

var asideFont = Font{"", 9}

// segmentLabel is a segment's label: its count with the status's letters,
// at 10 points or else 8, and true; the count alone and false when neither
// fits the segment's width.
func (b *builder) segmentLabel(k int, s report.Status, width float64) (string, Font, bool) {
	label := strconv.Itoa(k) + " " + statusAbbr[s]
	for _, size := range []float64{10, 8} {
		if f := (Font{"", size}); b.m.width(label, f)+1 <= width {
			return label, f, true
		}
	}
	return strconv.Itoa(k), Font{"", 10}, false
}

// chartAside names, in the bar's order, the segments of a group too narrow
// for their letters ("1 HT, 1 CSL"), written after the bar's end.
func (b *builder) chartAside(g report.GroupSummary, unit float64) string {
	var out []string
	for _, s := range report.StatusesWithNone {
		if k := g.ByStatus[s]; k > 0 {
			if _, _, ok := b.segmentLabel(k, s, unit*float64(k)); !ok {
				out = append(out, strconv.Itoa(k)+" "+statusAbbr[s])
			}
		}
	}
	return strings.Join(out, ", ")
}

// chartUnit is the width of one model in the chart's bars, w the width
// for the bars: the longest bar leaves 10 mm, and every bar room after its
// end for what it says beside it.
func (b *builder) chartUnit(groups []report.GroupSummary, w float64) float64 {
	maxModels := 1
	for _, g := range groups {
		maxModels = max(maxModels, g.Models)
	}
	unit := (w - 10) / float64(maxModels)
	for range 4 {
		next := unit
		for _, g := range groups {
			if a := b.chartAside(g, unit); a != "" && g.Models > 0 {
				next = min(next, (w-b.m.width(a, asideFont)-4)/float64(g.Models))
			}
		}
		if next == unit {
			break
		}
		unit = next
	}
	return unit
}

func statusColor(s report.Status) [3]int {
	switch s {
	case report.StatusDone:
		return [3]int{0xC6, 0xEF, 0xCE}
	case report.StatusRecurring:
		return [3]int{0xBD, 0xD7, 0xEE}
	case report.StatusInProgress:
		return [3]int{0xFF, 0xEB, 0x9C}
	case report.StatusNotStarted:
		return [3]int{0xF8, 0xCB, 0xAD}
	}
	return [3]int{0xD9, 0xD9, 0xD9}
}

// closing draws "Nơi nhận" on the left and the signature block on the
// right, kept together on one page.
func (b *builder) closing(h plan.Header, opt Options) {
	w := b.width()
	leftW := w * 0.45
	rightX, rightW := b.left()+leftW, w-leftW
	signer := h.SignerName
	if opt.Signer != "" {
		signer = opt.Signer
	}
	var sig []Item
	y := 0.0
	addSig := func(s string, f Font, role string) {
		for _, l := range b.m.wrap(s, f, rightW) {
			sig = append(sig, Item{Kind: KindText, X: rightX, Y: y, W: rightW, H: lineHeight(f.Size), Text: vi.NFC(l), Font: f, Align: "C", Role: role})
			y += lineHeight(f.Size)
		}
	}
	if h.SignerAuthority != "" {
		addSig(upper(h.SignerAuthority), Font{"B", 14}, "signer-authority")
	}
	addSig(upper(h.SignerPosition), Font{"B", 14}, "signer-position")
	y += 25 // room for the signature and seal
	if signer != "" {
		addSig(signer, Font{"B", 14}, "signer-name")
	}
	sigH := y

	var recv []Item
	y = 0
	recv = append(recv, Item{Kind: KindText, X: b.left(), Y: y, W: leftW, H: lineHeight(12), Text: txtReceivers, Font: Font{"BI", 12}, Align: "L", Role: "receivers-title"})
	y += lineHeight(12)
	for i, d := range h.Distribution {
		end := ";"
		if i == len(h.Distribution)-1 {
			end = "."
		}
		for j, l := range b.m.wrap("- "+strings.TrimRight(d, ";. ")+end, Font{"", 11}, leftW-2) {
			x := b.left()
			if j > 0 {
				x += 2
			}
			recv = append(recv, Item{Kind: KindText, X: x, Y: y, W: leftW, H: lineHeight(11), Text: vi.NFC(l), Font: Font{"", 11}, Align: "L", Role: "receiver"})
			y += lineHeight(11)
		}
	}
	total := max(sigH, y)
	b.y += 2
	b.ensure(total)
	for _, it := range append(recv, sig...) {
		it.Y += b.y
		b.page.Items = append(b.page.Items, it)
	}
	b.y += total
}
