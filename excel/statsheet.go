package excel

import (
	"fmt"
	"strings"

	"github.com/caongoc/de06/report"
	"github.com/xuri/excelize/v2"
)

func writeStats(f *book, st *styles, c *report.Consolidation) error {
	sh := sheetStats
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	const top = 3
	r := writeStatsTable(f, st, c, top)
	if err := addStatusChart(f, top, r); err != nil {
		return err
	}
	writeStatsLists(f, st, c, r+22)
	// One table, a chart and lists: nothing to repeat on a second page.
	return printLayout(f, sh, 1, 0, 0)
}

// writeStatsTable writes the counts by group and status from row top; it
// returns the row of the totals.
func writeStatsTable(f *book, st *styles, c *report.Consolidation, top int) int {
	sh := sheetStats
	f.SetCellStr(sh, "A1", fmt.Sprintf(statTitle, c.Period.Label()))
	f.SetCellStyle(sh, "A1", "A1", st.title)
	heads := []string{statGroup, statModels}
	for _, s := range report.StatusesWithNone {
		heads = append(heads, s.String())
	}
	heads = append(heads, report.ColOverdue.Title())
	for i, hd := range heads {
		f.SetCellStr(sh, cell(i+1, top), hd)
	}
	f.SetCellStyle(sh, cell(1, top), cell(len(heads), top), st.header)
	f.SetRowHeight(sh, top, 32)
	r := top + 1
	totals := make([]int, len(heads))
	for _, g := range c.Groups {
		vals := []int{g.Models}
		for _, s := range report.StatusesWithNone {
			vals = append(vals, g.ByStatus[s])
		}
		vals = append(vals, g.Overdue)
		f.SetCellStr(sh, cell(1, r), g.Code)
		for i, v := range vals {
			f.SetCellInt(sh, cell(i+2, r), int64(v))
			totals[i] += v
		}
		f.SetCellStyle(sh, cell(1, r), cell(len(heads), r), st.wrapCenter)
		r++
	}
	f.SetCellStr(sh, cell(1, r), statTotal)
	for i := range len(heads) - 1 {
		f.SetCellInt(sh, cell(i+2, r), int64(totals[i]))
	}
	f.SetCellStyle(sh, cell(1, r), cell(len(heads), r), st.header)
	f.SetColWidth(sh, "A", "A", 12)
	f.SetColWidth(sh, "B", colName(len(heads)), 14)
	return r
}

// addStatusChart draws stacked bars, one per group and a segment per
// status, from the table between row top and the totals row.
func addStatusChart(f *book, top, totals int) error {
	sh := sheetStats
	firstData, lastData, r := top+1, totals-1, totals
	var series []excelize.ChartSeries
	colors := map[report.Status]string{report.StatusDone: colorDone, report.StatusRecurring: colorRecur, report.StatusInProgress: colorProgress,
		report.StatusNotStarted: colorNotYet, report.StatusNone: "BFBFBF"}
	for i, s := range report.StatusesWithNone {
		col := colName(i + 3)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", sh, col, top),
			Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sh, firstData, lastData),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sh, col, firstData, col, lastData),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[s]}},
		})
	}
	// Columns left to right in group order I to V, as the table reads;
	// each segment carries its count, so the chart reads in black and
	// white too.
	dark := &excelize.Font{Color: "000000", Size: 10, Family: fontName}
	err := f.AddChart(sh, cell(1, r+2), &excelize.Chart{
		Type:     excelize.ColStacked,
		Series:   series,
		Title:    excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: statChart, Font: &excelize.Font{Color: "000000", Size: 12, Bold: true, Family: fontName}}}},
		Legend:   excelize.ChartLegend{Position: "bottom", Font: dark},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;-0;;@"}}, // no "0" labels
		Format:   excelize.GraphicOptions{ScaleX: 1.3, ScaleY: 1.2},
		XAxis:    excelize.ChartAxis{Font: *dark},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Font: *dark},
	})
	return err
}

// writeStatsLists lists, from row r below the chart, the overdue models,
// the units whose reports were used with who filled them in (name, phone,
// file) and any rows sent back, and the units without a usable report.
func writeStatsLists(f *book, st *styles, c *report.Consolidation, r int) {
	sh := sheetStats
	const lastCol = 8 // the table's width
	width := 12.0 + 7*14
	line := func(text string, style int) {
		f.MergeCell(sh, cell(1, r), cell(lastCol, r))
		f.SetCellStr(sh, cell(1, r), text)
		f.SetCellStyle(sh, cell(1, r), cell(lastCol, r), style)
		f.SetRowHeight(sh, r, textHeight(text, width, 12, style == st.label))
		r++
	}
	// Each list's items end with ";", its last with ".", as in the report.
	list := func(items []string) {
		for i, it := range items {
			end := ";"
			if i == len(items)-1 {
				end = "."
			}
			line(it+end, st.text)
		}
	}
	line(statOverdueTitle, st.label)
	var overdue []string
	for _, ms := range c.Models {
		if ms.Overdue {
			overdue = append(overdue, fmt.Sprintf(statOverdueLine, ms.Model.Number, ms.Model.Title, report.DeadlineWords(ms.Model.Deadline.Text), ms.StatusPhrase()))
		}
	}
	if len(overdue) == 0 {
		line(statNone, st.text)
	}
	list(overdue)
	r++
	line(fmt.Sprintf(statUnitsTitle, len(c.Expected)-len(c.NotReported), len(c.Expected)), st.label)
	first := map[string]report.Entry{}
	for _, e := range c.Entries {
		if _, ok := first[e.UnitID]; !ok {
			first[e.UnitID] = e
		}
	}
	var sent []string
	for _, u := range c.Expected {
		e, ok := first[u.ID]
		if !ok {
			continue
		}
		text := fmt.Sprintf(statUnitSent, u.Name, orDash(e.Reporter), orDash(e.Phone), e.File)
		if src, ok := c.Sources[u.ID]; ok {
			text += fmt.Sprintf(statUnitFrom, src.Name())
		}
		if rows := c.Returned[u.ID]; len(rows) > 0 {
			format := statUnitReturned
			if u.ID == c.Own {
				format = statUnitFixing
			}
			text += fmt.Sprintf(format, len(rows), joinInts(rows))
		}
		sent = append(sent, text)
	}
	list(sent)
	if len(c.NotReported) > 0 {
		r++
		line(fmt.Sprintf(statMissingTitle, len(c.NotReported)), st.label)
	}
	var missing []string
	for _, u := range c.NotReported {
		text := "- " + u.Name
		if files := c.Rejected[u.ID]; len(files) > 0 {
			text = fmt.Sprintf(statRejected, u.Name, strings.Join(files, ", "), report.LowerFirst(c.MissingRow(u.ID, 0)))
		}
		missing = append(missing, text)
	}
	list(missing)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return statNotGiven
	}
	return s
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
