package rollup

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unique"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Commune is one workbook examined, then checked.
type Commune struct {
	// FileResult is the file's check in the shape of a unit's: Sub (the
	// file), Unit (the commune, once Check has recognised it), Period,
	// ReportDate, Accepted, UsedInstead, Entries (one per model the
	// province knows) and Findings.
	*report.FileResult
	Kind Kind
	// Name is the commune as its workbook names it ("Xã Minh Sơn"); names
	// are every name it gives (the plan's issuer, the reporting body, the
	// place), for recognising it.
	Name  string
	names []string
	// header is its letterhead and closing as written, to tell bodies
	// that no longer exist.
	header plan.Header
	Number string // the commune's report: "05/BC-CAX", or ""
	// Units that reported and were expected, as its "Thống kê" says.
	UnitsReported, UnitsExpected int
	// Errors and Warnings count its own "Kiểm tra".
	Errors, Warnings int
	// Lines are its models, in its workbook's order.
	Lines []Line
	// Opinions are its units' difficulties and proposals, from "Dữ
	// liệu"; OpinionsRead is false for a workbook whose "Dữ liệu" has no
	// such columns (written before they were). OwnProposals counts the
	// proposals to the commune's own standing body, left out.
	Opinions     []Opinion
	OpinionsRead bool
	OwnProposals int
	modelSheet   string
	// examined keeps Examine's findings, for Check to start from anew.
	examined []report.Finding
}

// Line is one model of a commune's report.
type Line struct {
	Model                int
	Title                string
	GroupCode, GroupName string
	Status               report.Status
	Progress             *float64
	Overdue              bool
	// Achieved and Total are the commune's indicator figures (its units'
	// sum); Indicator is what the indicator is in the commune's plan, nil
	// when the model has none there.
	Achieved, Total *float64
	Indicator       *Indicator
	// Summed is set by Check when the figures count in the province's sum;
	// Differs, when they do not, says how the indicator differs.
	Summed  bool
	Differs Difference
	// Where the line is, for findings.
	Row        int
	StatusCell string
}

// Indicator is what a model's indicator is in a plan: its name (empty
// when the workbook does not say), its unit of measure ("%" for a ratio)
// and its target.
type Indicator struct {
	Name, Unit string
	Target     *float64
}

// Ratio reports whether the indicator is achieved out of a total.
func (i *Indicator) Ratio() bool { return i != nil && i.Unit == "%" }

// Examine reads what a workbook says into a Commune: the file-level
// findings, which commune it names, its models, counts and indicators.
// Nothing here depends on the province; Check judges the rest.
func Examine(wb *Workbook) *Commune {
	c := examine(wb)
	c.examined = append([]report.Finding(nil), c.Findings...)
	return c
}

func examine(wb *Workbook) *Commune {
	s := wb.File
	c := &Commune{Kind: wb.Kind, FileResult: &report.FileResult{Sub: s, Findings: append([]report.Finding(nil), s.Findings...)}}
	if s.HasFileError() {
		return c
	}
	switch wb.Kind {
	case KindUnitReport:
		c.add(report.Error, report.FileNotConsolidated, "", "", 0, msgUnitReport, hintSendConsolidated)
		return c
	case KindOther:
		c.add(report.Error, report.FileNotConsolidated, "", "", 0, msgNotConsolidated, hintSendConsolidated)
		return c
	}
	c.names = nonEmpty(s.Unit.Text, wb.Issuing, wb.Place, s.Meta["issuer"], s.Meta["issuing_agency"], s.Meta["place"])
	c.Name = communeName(c.names)
	c.header = plan.Header{ParentAgency: wb.Parent, IssuingAgency: wb.Issuing, Place: wb.Place, Recipients: wb.Recipients,
		Distribution: wb.Distribution, Province: wb.Province}
	c.Number = wb.ReportNumber
	if c.Number == "" {
		c.Number = s.Meta["report_number"]
	}
	c.modelSheet = wb.ModelSheet
	c.Errors, c.Warnings = wb.Errors, wb.Warnings
	c.ReportDate = reportDate(s)
	c.readLines(wb)
	c.readUnits(wb)
	c.readOpinions(wb)
	if c.Errors > 0 {
		c.add(report.Warning, report.ConsolidationErrors, "", "", 0, fmt.Sprintf(msgOwnErrors, c.Errors), hintOwnErrors)
	}
	return c
}

func (c *Commune) add(sev report.Severity, code report.Code, sheet, cell string, model int, msg, hint string) {
	c.Findings = append(c.Findings, report.Finding{Severity: sev, Code: code, File: c.Sub.Name, Sheet: sheet, Cell: cell, Model: model, Message: msg, Hint: hint})
}

// nonEmpty keeps the texts that say something, each once.
func nonEmpty(ss ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" && !seen[vi.Fold(s)] {
			seen[vi.Fold(s)] = true
			out = append(out, s)
		}
	}
	return out
}

// reportDate is the commune's report date: the visible one, else the
// metadata's; nil when the workbook does not say (older workbooks).
func reportDate(s *report.Submission) *time.Time {
	if d := s.ReportDate.Date; d != nil {
		return d
	}
	if d, ok := vi.ParseDate(s.ReportDate.Text); ok {
		return &d
	}
	if d, err := time.Parse(time.DateOnly, s.Meta["report_date"]); err == nil {
		return &d
	}
	return nil
}

// foldedNone are the words of a model without data: as workbooks write
// it, and as older ones did.
var foldedNone = []string{vi.Fold(report.StatusNone.String()), "chua bao cao"}

// readLines reads the models of "Tổng hợp", with their indicator figures
// summed from "Dữ liệu".
func (c *Commune) readLines(wb *Workbook) {
	seen := map[int]bool{}
	for _, r := range wb.Models {
		n, ok := report.ModelNumber(r.Model.Text)
		if !ok {
			c.add(report.Warning, report.ModelUnknown, c.modelSheet, r.Model.Cell, 0, fmt.Sprintf(msgModelUnreadable, vi.Shorten(r.Model.Text, 60)), hintResendWorkbook)
			continue
		}
		if seen[n] {
			c.add(report.Warning, report.ModelDuplicate, c.modelSheet, r.Model.Cell, n, fmt.Sprintf(msgModelTwice, n), hintResendWorkbook)
			continue
		}
		seen[n] = true
		// Thousands of communes repeat the same titles and cells: each is
		// kept once (a copy, so that no workbook's strings stay alive).
		l := Line{Model: n, Title: intern(modelTitle(r.Model.Text)), GroupCode: intern(r.GroupCode), GroupName: intern(r.GroupName),
			Row: r.Line, StatusCell: intern(r.Status.Cell)}
		lines := vi.SplitLines(r.Status.Text)
		status := ""
		if len(lines) > 0 {
			status = lines[0]
		}
		if k := vi.Fold(status); k != "" && !slices.Contains(foldedNone, k) {
			st, ok := report.ParseStatus(status)
			if !ok {
				c.add(report.Warning, report.StatusInvalid, c.modelSheet, r.Status.Cell, n, fmt.Sprintf(msgStatusUnreadable, status, n), hintResendWorkbook)
			}
			l.Status = st
		}
		// A "done" its figures contradict has no estimate of its own; a
		// workbook made before that said so carries the indicator's
		// percentage there, which the province's column does not average.
		if v, ok := number(r.Progress.Text); ok && !slices.ContainsFunc(lines, report.IsClaimedDoneLine) {
			l.Progress = &v
		}
		l.Overdue = strings.TrimSpace(r.Overdue.Text) != "" || slices.ContainsFunc(lines, report.IsOverdueLine)
		c.Lines = append(c.Lines, l)
	}
	if len(c.Lines) == 0 {
		c.add(report.Error, report.FileNotConsolidated, c.modelSheet, "", 0, msgNoModels, hintResendWorkbook)
	}
	c.readIndicators(wb)
}

// modelNumber reads the model column of "Dữ liệu".
func modelNumber(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}

// intern is s, kept once however many workbooks hold it.
func intern(s string) string { return unique.Make(s).Value() }

// modelTitle is the title after "Mô hình N: ".
func modelTitle(s string) string {
	if _, t, ok := strings.Cut(s, ":"); ok {
		return strings.TrimSpace(t)
	}
	return strings.TrimSpace(s)
}

// number reads a cell's number: a raw value as the workbook stores it, or
// a figure as offices type it.
func number(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	return report.ParseNumber(report.Value{Text: s})
}

// reIndicatorText reads the indicator cell of "Tổng hợp": "4.512/5.130
// (88%)" for a ratio, "50/53 DVC (94,3%)" for a count against its target.
var reIndicatorText = regexp.MustCompile(`^[\d.,]+/([\d.,]+)(?: ([^(]+?))?(?: \([\d.,]+%\))?$`)

// readIndicators sums each model's units' figures from "Dữ liệu" and
// takes what the indicator is from there, or, in older workbooks, from
// the indicator cell of "Tổng hợp".
func (c *Commune) readIndicators(wb *Workbook) {
	byModel := map[int]*Line{}
	for i := range c.Lines {
		byModel[c.Lines[i].Model] = &c.Lines[i]
	}
	add := func(p **float64, s string) {
		if v, ok := number(s); ok {
			sum := v
			if *p != nil {
				sum += **p
			}
			*p = &sum
		}
	}
	for _, d := range wb.Data {
		n, ok := modelNumber(d.Model)
		l := byModel[n]
		if !ok || l == nil {
			continue
		}
		add(&l.Achieved, d.Achieved)
		add(&l.Total, d.Total)
		if l.Indicator == nil && (d.IndicatorName != "" || d.IndicatorUnit != "") {
			ind := &Indicator{Name: intern(d.IndicatorName), Unit: intern(d.IndicatorUnit)}
			if t, ok := number(d.IndicatorTarget); ok {
				ind.Target = &t
			}
			l.Indicator = ind
		}
	}
	for _, r := range wb.Models {
		n, _ := report.ModelNumber(r.Model.Text)
		l := byModel[n]
		if l == nil || l.Indicator != nil {
			continue
		}
		if g := reIndicatorText.FindStringSubmatch(strings.TrimSpace(r.Indicator.Text)); g != nil {
			ind := &Indicator{Unit: intern(g[2])}
			if g[2] == "" {
				ind.Unit = "%"
			} else if t, ok := report.ParseNumber(report.Value{Text: g[1]}); ok {
				ind.Target = &t
			}
			l.Indicator = ind
		}
	}
}

// readUnits takes the units that reported and were expected from "Thống
// kê", or counts them in "Dữ liệu".
func (c *Commune) readUnits(wb *Workbook) {
	if wb.UnitsFound {
		c.UnitsReported, c.UnitsExpected = wb.UnitsReported, wb.UnitsExpected
		return
	}
	expected, reported := map[string]bool{}, map[string]bool{}
	for _, d := range wb.Data {
		expected[d.Unit] = true
		if d.StatusKey != report.StatusNone.Key() {
			reported[d.Unit] = true
		}
	}
	c.UnitsReported, c.UnitsExpected = len(reported), len(expected)
}

// ModelCounts are a commune's models by status and those overdue.
func (c *Commune) ModelCounts() (byStatus map[report.Status]int, overdue int) {
	byStatus = map[report.Status]int{}
	for _, l := range c.Lines {
		byStatus[l.Status]++
		if l.Overdue {
			overdue++
		}
	}
	return byStatus, overdue
}
