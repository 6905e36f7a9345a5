package main

import (
	"bytes"
	"context"
	"strings"
	"time"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/web"
)

// deskEngine is what the desk does with workbooks, through the excel and
// pdf adapters: the command wires them to the web layer.
type deskEngine struct {
	soffice excel.Soffice
}

func (d deskEngine) read(f web.File) *report.Submission {
	return d.readWithin(context.Background(), f)
}

// readWithin reads f, giving LibreOffice (the one slow step: the reader's
// own work is bounded by its limits) no more time than ctx has left.
func (d deskEngine) readWithin(ctx context.Context, f web.File) *report.Submission {
	so := d.soffice
	if dl, ok := ctx.Deadline(); ok && so.Path != "" {
		so.Timeout = max(time.Second, min(so.Timeout, time.Until(dl)))
	}
	s := &report.Submission{Path: f.Name, Name: f.Name, Modified: f.Modified, Meta: map[string]string{}}
	return excel.Reader{Soffice: so}.Read(f.Data, s)
}

func (d deskEngine) Check(ctx context.Context, pl *plan.Plan, f web.File, p plan.Period) *report.Checked {
	return report.Validate(pl, []*report.Submission{d.readWithin(ctx, f)}, p, now())
}

func (d deskEngine) Consolidate(pl *plan.Plan, files []web.File, p plan.Period, previous []byte) *report.Consolidation {
	var subs []*report.Submission
	for _, f := range files {
		subs = append(subs, d.read(f))
	}
	// A previous workbook that cannot be read only loses the comparison.
	var prev *report.Previous
	if previous != nil {
		if pr, err := excel.ReadPrevious(bytes.NewReader(previous), "kỳ trước"); err == nil && pr.Period.End().Before(p.End()) {
			prev = pr
		}
	}
	return report.Consolidate(pl, report.Validate(pl, subs, p, now()), prev)
}

func (d deskEngine) Merge(pl *plan.Plan, files []web.File, p plan.Period, doc web.Doc, previous []byte) (xlsx, pdfBytes []byte, cons *report.Consolidation, err error) {
	cons = d.Consolidate(pl, files, p, previous)
	cons.Findings = append(cons.Findings, report.CheckDocument(pl, p, doc.Date)...)
	report.SortFindings(cons.Findings)
	var xb, pb bytes.Buffer
	if err := excel.WriteConsolidated(&xb, cons); err != nil {
		return nil, nil, nil, err
	}
	opt := pdf.Options{Number: doc.Number, Date: doc.Date, Signer: doc.Signer, Created: doc.Date.Add(8 * time.Hour)}
	if err := pdf.Build(cons, opt).Render(&pb); err != nil {
		return nil, nil, nil, err
	}
	return xb.Bytes(), pb.Bytes(), cons, nil
}

func (d deskEngine) Template(pl *plan.Plan, unitID string, p plan.Period, last *web.Earlier) ([]byte, error) {
	form, err := report.NewForm(pl, unitID, p)
	if err != nil {
		return nil, err
	}
	if last != nil {
		fr := report.Validate(pl, []*report.Submission{d.read(last.File)}, last.Period, now()).Files[0]
		if fr.Accepted && fr.Unit != nil && fr.Unit.ID == unitID {
			if _, err := form.Prefill(&report.Previous{Period: last.Period, Entries: report.PreviousOf(fr.Entries)}); err != nil {
				return nil, err
			}
		}
	}
	var b bytes.Buffer
	err = excel.WriteTemplate(&b, form, pl.Document.StandingAgency)
	return b.Bytes(), err
}

func (d deskEngine) Annotate(f web.File, findings []report.Finding) ([]byte, error) {
	var b bytes.Buffer
	err := excel.Annotate(&b, f.Data, f.Name, findings, d.soffice)
	return b.Bytes(), err
}

func (d deskEngine) ReadPlan(f web.File) (*plan.Plan, error) {
	if strings.HasSuffix(strings.ToLower(f.Name), ".json") {
		return plan.DecodeJSON(bytes.NewReader(f.Data), f.Name)
	}
	return excel.ReadPlan(bytes.NewReader(f.Data), f.Name)
}

func (d deskEngine) PlanWorkbook(pl *plan.Plan) ([]byte, error) {
	var b bytes.Buffer
	err := excel.WritePlan(&b, pl)
	return b.Bytes(), err
}
