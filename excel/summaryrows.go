package excel

import (
	"fmt"
	"strings"

	"github.com/caongoc/de06/report"
)

// maxRowPt is the tallest row "Tổng hợp" writes: Excel allows 409 points,
// and neither Excel nor LibreOffice prints a row across two pages.
const maxRowPt = 400

// modelRows is one model's rows in "Tổng hợp": one, or several when its
// results or difficulties would not fit in the tallest row; a row that
// continues a model says so in the model's column, so that it reads alone
// at the top of a page.
type modelRows struct {
	ms              *report.ModelSummary
	results, issues [][]string // the lines of each row
	heights         []float64
}

func layoutModelRows(cols []sumCol, ms *report.ModelSummary) modelRows {
	mr := modelRows{ms: ms}
	width := func(c report.Column) float64 { return cols[columnIndex(cols, c)-1].width }
	mr.results = splitLines(ms.ResultLines(), width(report.ColResult))
	mr.issues = splitLines(ms.IssueLines(), width(report.ColIssues))
	n := max(len(mr.results), len(mr.issues))
	for len(mr.results) < n {
		mr.results = append(mr.results, nil)
	}
	for len(mr.issues) < n {
		mr.issues = append(mr.issues, nil)
	}
	for k := range n {
		h := max(18, textHeight(strings.Join(mr.results[k], "\n"), width(report.ColResult), 12, false),
			textHeight(strings.Join(mr.issues[k], "\n"), width(report.ColIssues), 12, false))
		if k == 0 {
			for _, col := range cols {
				if s, ok := summaryValue(col.col, ms).(string); ok && col.col != report.ColResult && col.col != report.ColIssues {
					h = max(h, textHeight(s, col.width, 12, false))
				}
			}
		}
		mr.heights = append(mr.heights, min(h, 409))
	}
	return mr
}

// splitLines groups lines into rows no taller than maxRowPt in a column w
// characters wide; a single line taller than that keeps a row of its own.
func splitLines(lines []string, w float64) [][]string {
	out := [][]string{nil}
	for _, l := range lines {
		cur := out[len(out)-1]
		if len(cur) > 0 && textHeight(strings.Join(append(cur[:len(cur):len(cur)], l), "\n"), w, 12, false) > maxRowPt {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], l)
	}
	return out
}

// write puts the model's rows from row on, placing page breaks with pg.
func (mr modelRows) write(f *book, st *styles, cols []sumCol, row int, pg *pager) error {
	sh := sheetSummary
	last := len(cols)
	for k, h := range mr.heights {
		r := row + k
		if pg.add(h, 0) {
			f.InsertPageBreak(sh, cell(1, r))
		}
		if k == 0 {
			if err := writeSummaryRow(f, st, cols, mr.ms, r); err != nil {
				return err
			}
		} else {
			f.SetCellStyle(sh, cell(1, r), cell(last, r), st.wrap)
			m := columnIndex(cols, report.ColModel)
			f.SetCellStr(sh, cell(m, r), fmt.Sprintf(sumContinued, mr.ms.Model.Number))
		}
		res, iss := columnIndex(cols, report.ColResult), columnIndex(cols, report.ColIssues)
		f.SetCellStr(sh, cell(res, r), strings.Join(mr.results[k], "\n"))
		f.SetCellStr(sh, cell(iss, r), strings.Join(mr.issues[k], "\n"))
		f.SetRowHeight(sh, r, h)
	}
	return nil
}
