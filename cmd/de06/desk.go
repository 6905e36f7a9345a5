package main

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/web"
)

// deskEngine is what the desk does with workbooks and documents, through
// the excel and pdf adapters: the command wires them to the web layer.
type deskEngine struct {
	soffice excel.Soffice
}

// Level is how the desk reads, checks and merges what pl's reporting units
// send: a commune's units' reports, or a province's communes' consolidated
// workbooks (levels.go).
func (d deskEngine) Level(pl *plan.Plan) web.Level {
	if pl.Level == plan.LevelProvince {
		return provinceLevel{d.soffice}
	}
	return communeLevel{d.soffice}
}

// renderWorkbook and renderPDF write a merged period: de06 merge and the
// desk alike. The PDF is drawn on a canvas whose fonts are loaded (de06
// merge loads them while it reads the files).
func renderWorkbook(w io.Writer, m *desk.Merged) error { return excel.WriteConsolidated(w, m.Cons) }

func renderPDF(w io.Writer, m *desk.Merged, c *pdf.Canvas) error {
	opt := pdf.Options{Number: m.Doc.Number, Date: m.Doc.Date, Signer: m.Doc.Signer, Created: m.Doc.Created,
		Draft: len(m.Draft()) > 0}
	return pdf.Build(m.Cons, opt).RenderOn(c, w)
}

func (d deskEngine) Template(ctx context.Context, pl *plan.Plan, unitID string, p plan.Period, prev *report.Previous) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	form, err := report.NewForm(pl, unitID, p)
	if err != nil {
		return nil, err
	}
	if prev != nil {
		if _, err := form.Prefill(prev); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	err = excel.WriteTemplate(&b, form, pl.Document.StandingAgency)
	return b.Bytes(), err
}

func (d deskEngine) Filled(ctx context.Context, pl *plan.Plan, f *report.Filled) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err := excel.WriteFilled(&b, f, pl.Document.StandingAgency)
	return b.Bytes(), err
}

// Annotate stops when ctx ends, LibreOffice with it.
func (d deskEngine) Annotate(ctx context.Context, f web.File, findings []report.Finding) ([]byte, error) {
	var b bytes.Buffer
	err := excel.AnnotateContext(ctx, &b, f.Data, f.Name, findings, d.soffice)
	return b.Bytes(), err
}

func (d deskEngine) ReadPlan(ctx context.Context, f web.File) (*plan.Plan, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if strings.HasSuffix(strings.ToLower(f.Name), ".json") {
		return plan.DecodeJSON(bytes.NewReader(f.Data), f.Name)
	}
	return excel.ReadPlan(bytes.NewReader(f.Data), f.Name)
}

func (d deskEngine) PlanWorkbook(ctx context.Context, pl *plan.Plan) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err := excel.WritePlan(&b, pl)
	return b.Bytes(), err
}

func (d deskEngine) Slips(ctx context.Context, pl *plan.Plan, links []web.UnitLink) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc, err := pdf.BuildSlips(slipsOf(links), pdf.SlipsOptions{Issuer: pl.Document.Issuer, Agency: pl.Document.StandingAgency, Created: now()})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = doc.Render(&b)
	return b.Bytes(), err
}

// slipsOf turns the units' links into slips, each saying where its link
// opens: the desk's download and de06 links --pdf alike.
func slipsOf(links []web.UnitLink) []pdf.Slip {
	out := make([]pdf.Slip, 0, len(links))
	for _, l := range links {
		out = append(out, pdf.Slip{Unit: l.Unit.Name, URL: l.URL, Reach: slipReach(l.Reach)})
	}
	return out
}

func slipReach(r web.Reach) pdf.Reach {
	switch r {
	case web.ReachLAN:
		return pdf.ReachLAN
	case web.ReachAnywhere:
		return pdf.ReachAnywhere
	}
	return pdf.ReachThisPC
}
