package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
	"github.com/caongoc/de06/web"
)

// The desk's two levels (web.Level), through the excel and pdf adapters: a
// commune's desk reads its units' reports as de06 check does and merges
// them as de06 merge does; a province's desk reads its communes'
// consolidated workbooks and rolls them up as de06 rollup does.

// sofficeWithin gives LibreOffice (the one slow step: the readers' own
// work is bounded by their limits) no more time than ctx has left.
func sofficeWithin(ctx context.Context, so excel.Soffice) excel.Soffice {
	if dl, ok := ctx.Deadline(); ok && so.Path != "" {
		so.Timeout = max(time.Second, min(so.Timeout, time.Until(dl)))
	}
	return so
}

// received is a file as the desk received it, as any report names it.
func received(f web.File) *report.Submission {
	return &report.Submission{Path: f.Name, Name: f.Name, Modified: f.Modified, Meta: map[string]string{}}
}

// twoFiles renders a merged period's workbook, then its PDF. The writers
// take no context: work whose client left (or whose budget ran out) stops
// before the next step; each step is bounded by the limits on what it
// reads (excel's reader, report's text budget).
func twoFiles(ctx context.Context, workbook, document func(io.Writer) error) ([]byte, []byte, error) {
	var xb, pb bytes.Buffer
	for _, step := range []func() error{func() error { return workbook(&xb) }, func() error { return document(&pb) }} {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	return xb.Bytes(), pb.Bytes(), nil
}

// communeLevel: a commune's units send their reports.
type communeLevel struct{ soffice excel.Soffice }

type unitReading struct{ sub *report.Submission }

func (r unitReading) Submission() *report.Submission { return r.sub }

func (l communeLevel) Read(ctx context.Context, f web.File) web.Reading {
	return unitReading{excel.Reader{Soffice: sofficeWithin(ctx, l.soffice)}.ReadContext(ctx, f.Data, received(f))}
}

func (l communeLevel) Check(pl *plan.Plan, files []web.Reading, p plan.Period, today time.Time) *report.Checked {
	subs := make([]*report.Submission, len(files))
	for i, f := range files {
		subs[i] = f.Submission()
	}
	return report.Validate(pl, subs, p, today)
}

func (l communeLevel) Merge(in web.MergeInput) (*desk.Merged, error) {
	return desk.Merge(desk.MergeInput{Plan: in.Plan, Checked: l.Check(in.Plan, in.Files, in.Period, in.Today),
		Previous: in.Previous, Doc: in.Doc, Today: in.Today})
}

func (l communeLevel) ReadPrevious(ctx context.Context, xlsx []byte) (*report.Previous, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return excel.ReadPrevious(bytes.NewReader(xlsx), "kỳ trước")
}

func (l communeLevel) Render(ctx context.Context, m *desk.Merged) ([]byte, []byte, error) {
	return twoFiles(ctx, func(w io.Writer) error { return renderWorkbook(w, m) }, func(w io.Writer) error { return renderPDF(w, m, pdf.NewCanvas()) })
}

func (l communeLevel) FileBase(p plan.Period) string { return mergeBase(p) }

// mergeBase names a commune's merged period: de06 merge's files and the
// desk's downloads.
func mergeBase(p plan.Period) string { return "bao-cao-de-an-06-" + p.String() }

// Previews: a commune's board shows its table, made from a handful of
// units' files on every view.
func (l communeLevel) Previews() bool { return true }

// provinceLevel: a province's communes send their consolidated workbooks.
type provinceLevel struct{ soffice excel.Soffice }

type communeReading struct{ c *rollup.Commune }

func (r communeReading) Submission() *report.Submission { return r.c.Sub }

func (l provinceLevel) Read(ctx context.Context, f web.File) web.Reading {
	wb := excel.Reader{Soffice: sofficeWithin(ctx, l.soffice)}.ReadCommuneContext(ctx, f.Data, received(f))
	c := rollup.Examine(wb)
	// Who reported, on the board: the report the commune signed.
	if c.Number != "" || c.ReportDate != nil {
		c.Sub.Reporter.Text = communeReport(c)
	}
	return communeReading{c}
}

// communeReport says a commune's signed report: "số 05/BC-CAX, ngày
// 25/11/2026".
func communeReport(c *rollup.Commune) string {
	var parts []string
	if c.Number != "" {
		parts = append(parts, fmt.Sprintf(msgCommuneNumber, c.Number))
	}
	if c.ReportDate != nil {
		parts = append(parts, fmt.Sprintf(msgCommuneDate, vi.FormatDate(*c.ReportDate)))
	}
	return strings.Join(parts, ", ")
}

// communes are the readings' communes: a province's desk reads with its
// own level only.
func communes(files []web.Reading) []*rollup.Commune {
	cs := make([]*rollup.Commune, len(files))
	for i, f := range files {
		cs[i] = f.(communeReading).c
	}
	return cs
}

// Check checks the workbooks against the province's plan: its reporting
// units are the communes it expects.
func (l provinceLevel) Check(pl *plan.Plan, files []web.Reading, p plan.Period, _ time.Time) *report.Checked {
	return rollup.Check(rollup.NewProvince(pl, nil), communes(files), p).Report()
}

func (l provinceLevel) Merge(in web.MergeInput) (*desk.Merged, error) {
	return desk.Roll(desk.RollInput{Province: rollup.NewProvince(in.Plan, nil), Communes: communes(in.Files), Period: in.Period,
		Doc: in.Doc, Today: in.Today})
}

// ReadPrevious: a province's roll-up compares with no earlier one.
func (l provinceLevel) ReadPrevious(context.Context, []byte) (*report.Previous, error) {
	return nil, nil
}

func (l provinceLevel) Render(ctx context.Context, m *desk.Merged) ([]byte, []byte, error) {
	return twoFiles(ctx, func(w io.Writer) error { return excel.WriteProvince(w, m.Roll) }, func(w io.Writer) error { return renderProvincePDF(w, m) })
}

func (l provinceLevel) FileBase(p plan.Period) string { return rollupBase(p) }

// rollupBase names a province's rolled-up period: de06 rollup's files and
// the desk's downloads.
func rollupBase(p plan.Period) string { return "tong-hop-cac-xa-" + p.String() }

// Previews: a province's board lists its communes; their many workbooks
// are rolled up when the officer merges.
func (l provinceLevel) Previews() bool { return false }
