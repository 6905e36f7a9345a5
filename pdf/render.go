package pdf

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Canvas is a blank PDF with the document's fonts loaded: loading them is
// most of a document's fixed cost, so a command makes its canvas while it
// reads its files (NewCanvas on a goroutine) and draws on it at the end.
// A canvas is drawn on once; drawing on it again starts a new one.
type Canvas struct{ f *fpdf.Fpdf }

// NewCanvas loads the fonts into a blank document.
func NewCanvas() *Canvas { return &Canvas{f: newFpdf()} }

// Render draws the laid-out document as PDF.
func (d *Document) Render(w io.Writer) error { return d.RenderOn(NewCanvas(), w) }

// RenderOn draws the laid-out document as PDF on c, which it uses up.
func (d *Document) RenderOn(c *Canvas, w io.Writer) error {
	f := c.f
	c.f = nil
	if f == nil {
		f = newFpdf()
	}
	f.SetTitle(d.Title, true)
	f.SetAuthor(d.Author, true)
	f.SetSubject(d.Subject, true)
	f.SetCreator("de06", true)
	f.SetProducer("de06", true)
	f.SetLang("vi-VN")
	f.SetCreationDate(d.Created)
	f.SetModificationDate(d.Created)
	f.SetCatalogSort(true)
	f.SetLineWidth(0.2)
	for _, p := range d.Pages {
		orient := "P"
		if p.Landscape {
			orient = "L"
		}
		f.AddPageFormat(orient, fpdf.SizeType{Wd: a4W, Ht: a4H})
		// Rectangles first, so text on a filled cell stays visible.
		for _, it := range p.Items {
			if it.Kind == KindRect {
				drawRect(f, it)
			}
		}
		for _, it := range p.Items {
			switch it.Kind {
			case KindLine:
				f.SetDrawColor(it.Color[0], it.Color[1], it.Color[2])
				f.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
			case KindText:
				drawText(f, it)
			}
		}
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return f.Output(w)
}

func drawRect(f *fpdf.Fpdf, it Item) {
	style := ""
	if it.Fill != nil {
		f.SetFillColor(it.Fill[0], it.Fill[1], it.Fill[2])
		style += "F"
	}
	if it.Stroke {
		f.SetDrawColor(0, 0, 0)
		style += "D"
	}
	if style != "" {
		f.Rect(it.X, it.Y, it.W, it.H, style)
	}
}

func drawText(f *fpdf.Fpdf, it Item) {
	f.SetFont(family, string(it.Font.Style), it.Font.Size)
	f.SetTextColor(it.Color[0], it.Color[1], it.Color[2])
	// Baseline: about 0.8 of the line box below its top.
	base := it.Y + it.H*0.78
	tw := f.GetStringWidth(it.Text)
	switch it.Align {
	case "C":
		f.Text(it.X+(it.W-tw)/2, base, it.Text)
	case "R":
		f.Text(it.X+it.W-tw, base, it.Text)
	case "J":
		words := strings.Fields(it.Text)
		if len(words) < 2 || tw > it.W {
			f.Text(it.X, base, it.Text)
			return
		}
		sum := 0.0
		for _, w := range words {
			sum += f.GetStringWidth(w)
		}
		gap := (it.W - sum) / float64(len(words)-1)
		x := it.X
		for _, w := range words {
			f.Text(x, base, w)
			x += f.GetStringWidth(w) + gap
		}
	default:
		f.Text(it.X, base, it.Text)
	}
}
