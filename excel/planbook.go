package excel

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// The plan workbook: the appendix as one row per model (groups as rows), the
// units and the report header on sheets of their own. A commune edits it in
// Excel and loads it back with --plan.

type planColumn struct {
	title string
	get   func(m *plan.Model) string
	set   func(m *plan.Model, v string) error
}

func joinLines(ss []string) string { return strings.Join(ss, "\n") }

func planColumns() []planColumn {
	str := func(f func(m *plan.Model) *string) (func(*plan.Model) string, func(*plan.Model, string) error) {
		return func(m *plan.Model) string { return *f(m) }, func(m *plan.Model, v string) error { *f(m) = v; return nil }
	}
	list := func(f func(m *plan.Model) *[]string) (func(*plan.Model) string, func(*plan.Model, string) error) {
		return func(m *plan.Model) string { return joinLines(*f(m)) },
			func(m *plan.Model, v string) error { *f(m) = vi.ListLines(v); return nil }
	}
	ind := func(m *plan.Model) *plan.Indicator {
		if m.Indicator == nil {
			m.Indicator = &plan.Indicator{}
		}
		return m.Indicator
	}
	cols := []planColumn{
		{title: colTT, get: func(m *plan.Model) string { return strconv.Itoa(m.TT) }, set: func(m *plan.Model, v string) error {
			n, err := strconv.Atoi(v)
			m.TT = n
			return err
		}},
		{title: colNumber, get: func(m *plan.Model) string { return strconv.Itoa(m.Number) }, set: func(m *plan.Model, v string) error {
			n, err := strconv.Atoi(v)
			m.Number = n
			return err
		}},
	}
	add := func(title string, get func(*plan.Model) string, set func(*plan.Model, string) error) {
		cols = append(cols, planColumn{title, get, set})
	}
	g, s := str(func(m *plan.Model) *string { return &m.Title })
	add(colTitle, g, s)
	g, s = str(func(m *plan.Model) *string { return &m.FullTitle })
	add(colFullTitle, g, s)
	g, s = str(func(m *plan.Model) *string { return &m.Objective })
	add(colObjective, g, s)
	g, s = str(func(m *plan.Model) *string { return &m.Tasks })
	add(colTasks, g, s)
	g, s = list(func(m *plan.Model) *[]string { return &m.Lead })
	add(colLead, g, s)
	g, s = list(func(m *plan.Model) *[]string { return &m.Coordinate })
	add(colCoordinate, g, s)
	g, s = list(func(m *plan.Model) *[]string { return &m.Support })
	add(colSupport, g, s)
	g, s = str(func(m *plan.Model) *string { return &m.Deadline.Text })
	add(colDeadline, g, s)
	g, s = list(func(m *plan.Model) *[]string { return &m.Platforms })
	add(colPlatforms, g, s)
	add(colIndName, func(m *plan.Model) string {
		if m.Indicator == nil {
			return ""
		}
		return m.Indicator.Name
	}, func(m *plan.Model, v string) error { ind(m).Name = v; return nil })
	add(colIndUnit, func(m *plan.Model) string {
		if m.Indicator == nil {
			return ""
		}
		return m.Indicator.Unit
	}, func(m *plan.Model, v string) error { ind(m).Unit = v; return nil })
	add(colIndCounted, func(m *plan.Model) string {
		if m.Indicator == nil {
			return ""
		}
		return m.Indicator.Counted
	}, func(m *plan.Model, v string) error { ind(m).Counted = v; return nil })
	add(colIndTarget, func(m *plan.Model) string {
		if m.Indicator == nil {
			return ""
		}
		return strconv.FormatFloat(m.Indicator.Target, 'f', -1, 64)
	}, func(m *plan.Model, v string) error {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		ind(m).Target = f
		return err
	})
	add(colIndCombine, func(m *plan.Model) string {
		if m.Indicator.ByLead() {
			return wordCombineLead
		}
		return ""
	}, func(m *plan.Model, v string) error {
		switch vi.Fold(v) {
		case "", vi.Fold(wordCombineSum):
			ind(m).Combine = ""
		case vi.Fold(wordCombineLead):
			ind(m).Combine = plan.CombineLead
		default:
			return fmt.Errorf("%q", v)
		}
		return nil
	})
	add(colIndFixed, func(m *plan.Model) string {
		if m.Indicator != nil && m.Indicator.Fixed {
			return wordYes
		}
		return ""
	}, func(m *plan.Model, v string) error {
		switch vi.Fold(v) {
		case "", vi.Fold(wordNo):
			ind(m).Fixed = false
		case vi.Fold(wordYes):
			ind(m).Fixed = true
		default:
			return fmt.Errorf("%q", v)
		}
		return nil
	})
	g, s = str(func(m *plan.Model) *string { return &m.Note })
	add(colNote, g, s)
	g, s = str(func(m *plan.Model) *string { return &m.Location })
	add(colLocation, g, s)
	return cols
}

type headerField struct {
	label string
	text  func(p *plan.Plan) *string
	list  func(p *plan.Plan) *[]string
	flag  func(p *plan.Plan) *bool // Có / Không
	level func(p *plan.Plan) *plan.Level
}

func headerFields() []headerField {
	return []headerField{
		{label: hdrPlanID, text: func(p *plan.Plan) *string { return &p.ID }},
		{label: hdrLevel, level: func(p *plan.Plan) *plan.Level { return &p.Level }},
		{label: hdrIssuer, text: func(p *plan.Plan) *string { return &p.Document.Issuer }},
		{label: hdrNumber, text: func(p *plan.Plan) *string { return &p.Document.Number }},
		{label: hdrDate, text: func(p *plan.Plan) *string { return &p.Document.DateText }},
		{label: hdrTitle, text: func(p *plan.Plan) *string { return &p.Document.Title }},
		{label: hdrStanding, text: func(p *plan.Plan) *string { return &p.Document.StandingAgency }},
		{label: hdrParent, text: func(p *plan.Plan) *string { return &p.Header.ParentAgency }},
		{label: hdrIssuing, text: func(p *plan.Plan) *string { return &p.Header.IssuingAgency }},
		{label: hdrPlace, text: func(p *plan.Plan) *string { return &p.Header.Place }},
		{label: hdrSymbol, text: func(p *plan.Plan) *string { return &p.Header.Symbol }},
		{label: hdrRecipients, list: func(p *plan.Plan) *[]string { return &p.Header.Recipients }},
		{label: hdrDistribution, list: func(p *plan.Plan) *[]string { return &p.Header.Distribution }},
		{label: hdrAuthority, text: func(p *plan.Plan) *string { return &p.Header.SignerAuthority }},
		{label: hdrPosition, text: func(p *plan.Plan) *string { return &p.Header.SignerPosition }},
		{label: hdrSignerName, text: func(p *plan.Plan) *string { return &p.Header.SignerName }},
		{label: hdrProvince, text: func(p *plan.Plan) *string { return &p.Header.Province }},
		{label: hdrConfirmed, flag: func(p *plan.Plan) *bool { return &p.Header.Confirmed }},
		{label: hdrCollective, list: func(p *plan.Plan) *[]string { return &p.Collective }},
	}
}

func yesNo(b bool) string {
	if b {
		return wordYes
	}
	return wordNo
}

// ReadPlan reads a plan workbook; name is used in messages.
func ReadPlan(r io.Reader, name string) (*plan.Plan, error) {
	f, err := openReader(r)
	if err != nil {
		return nil, fmt.Errorf(msgPlanNotWorkbook, name)
	}
	defer f.Close()
	pr := &planReader{f: f, p: &plan.Plan{}}
	if err := pr.readModels(name); err != nil {
		return nil, err
	}
	pr.readUnits()
	pr.readHeader()
	if len(pr.errs) > 0 {
		return nil, fmt.Errorf(msgPlanErrorsIn, name, strings.Join(pr.errs, "\n  - "))
	}
	if err := pr.p.Finish(name); err != nil {
		return nil, err
	}
	return pr.p, nil
}

// planReader collects a plan workbook's sheets, and every problem found in
// them, so that one message lists them all.
type planReader struct {
	f    *excelize.File
	p    *plan.Plan
	errs []string
}

func (pr *planReader) fail(format string, a ...any) {
	pr.errs = append(pr.errs, fmt.Sprintf(format, a...))
}

// readModels reads "Kế hoạch": group rows (TT, no model number) and model
// rows, columns found by their headings.
func (pr *planReader) readModels(name string) error {
	p := pr.p
	rows, err := pr.f.GetRows(sheetPlan)
	if err != nil {
		return fmt.Errorf(msgPlanNoSheet, name, sheetPlan)
	}
	cols := planColumns()
	hdrRow, idx := -1, map[int]int{}
	for ri, row := range rows {
		found := map[int]int{}
		for ci, v := range row {
			for k, c := range cols {
				if vi.Fold(v) == vi.Fold(c.title) {
					found[k] = ci
				}
			}
		}
		if _, ok := found[1]; ok && len(found) >= 3 {
			hdrRow, idx = ri, found
			break
		}
	}
	if hdrRow < 0 {
		return fmt.Errorf(msgPlanNoHeader, name, sheetPlan, colNumber)
	}
	get := func(row []string, k int) string {
		ci, ok := idx[k]
		if !ok || ci >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[ci])
	}
	for ri := hdrRow + 1; ri < len(rows); ri++ {
		row := rows[ri]
		num, tt := get(row, 1), get(row, 0)
		if num == "" {
			if tt != "" {
				p.Groups = append(p.Groups, plan.Group{Code: tt, Name: get(row, 2)})
			}
			continue
		}
		if len(p.Groups) == 0 {
			pr.fail(msgPlanModelNoGroup, sheetPlan, ri+1)
			p.Groups = append(p.Groups, plan.Group{})
		}
		m := &plan.Model{}
		for k, c := range cols {
			v := get(row, k)
			if v == "" && k != 1 {
				continue
			}
			if err := c.set(m, v); err != nil {
				pr.fail(msgPlanBadCell, sheetPlan, cell(idx[k]+1, ri+1), c.title, v)
			}
		}
		if m.Indicator != nil && m.Indicator.Name == "" && m.Indicator.Unit == "" && m.Indicator.Target == 0 {
			m.Indicator = nil
		}
		g := &p.Groups[len(p.Groups)-1]
		g.Models = append(g.Models, m)
	}
	return nil
}

// readUnits reads "Đơn vị": id, name, aliases, whether it reports.
func (pr *planReader) readUnits() {
	rows, err := pr.f.GetRows(sheetUnits)
	if err != nil {
		pr.fail(msgPlanNoSheetShort, sheetUnits)
	}
	for ri, row := range rows {
		if ri == 0 {
			continue
		}
		at := func(i int) string {
			if i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		if at(0) == "" && at(1) == "" {
			continue
		}
		rep := vi.Fold(at(3))
		if rep != "" && rep != vi.Fold(wordYes) && rep != vi.Fold(wordNo) {
			pr.fail(msgPlanBadCell, sheetUnits, cell(4, ri+1), colUnitReports, at(3))
		}
		pr.p.Units = append(pr.p.Units, plan.Unit{ID: at(0), Name: at(1), Aliases: vi.ListLines(at(2)), Reports: rep == vi.Fold(wordYes), Short: at(4)})
	}
}

// readHeader reads "Thông tin chung": label, value.
func (pr *planReader) readHeader() {
	rows, err := pr.f.GetRows(sheetHeader)
	if err != nil {
		pr.fail(msgPlanNoSheetShort, sheetHeader)
	}
	readFields(rows, pr.p, headerFields(), func(row int, label, val string) {
		pr.fail(msgPlanBadCell, sheetHeader, cell(2, row), label, val)
	})
}

// readFields reads a "Mục | Nội dung" sheet's rows into p's fields; bad,
// when not nil, hears of a yes/no field holding anything else. It returns
// every row's value by folded label, with its row.
func readFields(rows [][]string, p *plan.Plan, fields []headerField, bad func(row int, label, val string)) map[string]fieldValue {
	all := map[string]fieldValue{}
	for ri, row := range rows {
		if len(row) == 0 {
			continue
		}
		val := ""
		if len(row) > 1 {
			val = row[1]
		}
		label := vi.Fold(row[0])
		all[label] = fieldValue{strings.TrimSpace(val), ri + 1}
		for _, h := range fields {
			if label != vi.Fold(h.label) {
				continue
			}
			switch {
			case h.text != nil:
				*h.text(p) = strings.TrimSpace(val)
			case h.level != nil:
				l, err := plan.ParseLevel(val)
				if err != nil && bad != nil {
					bad(ri+1, h.label, val)
				}
				*h.level(p) = l
			case h.flag != nil:
				switch vi.Fold(val) {
				case vi.Fold(wordYes):
					*h.flag(p) = true
				case "", vi.Fold(wordNo):
					*h.flag(p) = false
				default:
					if bad != nil {
						bad(ri+1, h.label, val)
					}
				}
			default:
				*h.list(p) = vi.ListLines(val)
			}
		}
	}
	return all
}

// fieldValue is a value of a "Mục | Nội dung" sheet and its row.
type fieldValue struct {
	text string
	row  int
}
