package pdf

import (
	"fmt"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/caongoc/de06/plan"
)

// Slip is one unit's secret link, as the officer hands it out on paper.
type Slip struct {
	Unit  string // the unit's name
	URL   string
	Reach Reach // where the link opens, said on the slip
}

// Reach says where a slip's link opens.
type Reach int

const (
	ReachThisPC   Reach = iota // only on the computer running the desk
	ReachLAN                   // on the commune's network only
	ReachAnywhere              // wherever there is Internet
)

// SlipsOptions are the facts printed on every slip.
type SlipsOptions struct {
	Issuer  string // "UBND xã Cao Ngọc"
	Agency  string // "Công an xã", who renews a leaked link
	Created time.Time
}

// Three slips to an A4 page, cut along the dashed rules.
const (
	slipsPerPage = 3
	slipH        = a4H / slipsPerPage
	slipMargin   = 12.0
	qrSide       = 48.0
)

// BuildSlips lays out one slip per unit: its name, the link as a QR code
// and as text, and what to do with it.
func BuildSlips(slips []Slip, opt SlipsOptions) (*Document, error) {
	doc := &Document{Title: txtSlipsTitle, Author: opt.Issuer, Subject: txtSlipsTitle, Created: opt.Created}
	b := newBuilder(doc)
	for i, s := range slips {
		if i%slipsPerPage == 0 {
			b.page = &Page{}
			doc.Pages = append(doc.Pages, b.page)
		}
		if err := b.slip(float64(i%slipsPerPage)*slipH, s, opt); err != nil {
			// The library's reason is in English; the link is too long.
			return nil, fmt.Errorf(msgSlipQR, s.Unit)
		}
	}
	return doc, nil
}

func (b *builder) slip(top float64, s Slip, opt SlipsOptions) error {
	q, err := qrcode.New(s.URL, qrcode.Medium)
	if err != nil {
		return err
	}
	x, w := slipMargin, a4W-2*slipMargin
	if top > 0 {
		b.cutLine(top)
	}
	y := top + slipMargin
	b.text(x, y, w, upper(opt.Issuer)+" — "+txtSlipsTeam, Font{"B", 11}, "L", "slip-issuer")
	y += lineHeight(11) + 2
	b.text(x, y, w, txtSlipsTitle, Font{"B", 14}, "L", "slip-title")
	y += lineHeight(14) + 1
	b.text(x, y, w, txtSlipsUnit+s.Unit, Font{"B", 13}, "L", "slip-unit")
	y += lineHeight(13) + 3

	textW := w - qrSide - 6
	b.qr(x+w-qrSide, top+slipMargin, q.Bitmap())
	steps := []string{txtSlipsStep1, txtSlipsStep2, fmt.Sprintf(txtSlipsStep3, plan.DeadlineHour, plan.DeadlineHour), fmt.Sprintf(txtSlipsKeep, opt.Agency)}
	for _, st := range steps {
		for _, l := range b.m.wrap(st, Font{"", 11}, textW) {
			b.text(x, y, textW, l, Font{"", 11}, "L", "slip-step")
			y += lineHeight(11)
		}
		y += 1
	}
	// Where the link opens, then the link itself, for a computer without
	// a camera; they may run under the QR code, so they start below it
	// when the steps are short.
	y = max(y+1, top+slipMargin+qrSide+3)
	reach := Font{"I", 11}
	if s.Reach == ReachThisPC {
		reach = Font{"B", 11}
	}
	for _, l := range b.m.wrap(txtSlipsReach[s.Reach], reach, w) {
		b.text(x, y, w, l, reach, "L", "slip-reach")
		y += lineHeight(11)
	}
	for _, l := range b.m.wrap(s.URL, Font{"B", 11}, w) {
		b.text(x, y, w, l, Font{"B", 11}, "L", "slip-url")
		y += lineHeight(11)
	}
	return nil
}

// qr draws the code's dark modules as filled squares, quiet zone included
// in the bitmap.
func (b *builder) qr(x, y float64, bits [][]bool) {
	n := float64(len(bits))
	m := qrSide / n
	black := [3]int{0, 0, 0}
	for r, row := range bits {
		for c, dark := range row {
			if dark {
				b.page.Items = append(b.page.Items, Item{Kind: KindRect, X: x + float64(c)*m, Y: y + float64(r)*m, W: m, H: m, Fill: &black, Role: "qr"})
			}
		}
	}
}

// cutLine is a dashed rule across the page between two slips.
func (b *builder) cutLine(y float64) {
	for x := 5.0; x < a4W-5; x += 4 {
		b.page.Items = append(b.page.Items, Item{Kind: KindLine, X: x, Y: y, W: 2, Color: [3]int{120, 120, 120}, Stroke: true, Role: "cut"})
	}
}
