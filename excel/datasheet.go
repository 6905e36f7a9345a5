package excel

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/xuri/excelize/v2"
)

// dataHeader is the machine-readable contract of "Dữ liệu": ASCII names,
// one row per unit × model. Columns are only ever added at the end.
var dataHeader = []string{"ky_bao_cao", "ma_don_vi", "don_vi", "mo_hinh", "tinh_trang", "ma_tinh_trang", "tien_do", "dat", "tong",
	"ket_qua", "kho_khan", "de_xuat", "tep", "dong", "nhiem_vu_ky_toi", "nguoi_bao_cao", "dien_thoai", "chi_tieu", "don_vi_tinh", "muc_chi_tieu"}

// indicatorCells are the last columns of a "Dữ liệu" row: what the model's
// indicator is in this commune's plan (name, unit, target), so that the
// level above sums only indicators that mean the same.
func indicatorCells(m *plan.Model) []any {
	if ind := m.Indicator; ind != nil {
		return []any{ind.Name, ind.Unit, ind.Target}
	}
	return nil
}

// writeData streams "Dữ liệu" into its sheet, made (and hidden) by
// WriteConsolidated.
func writeData(f *book, st *styles, c *report.Consolidation) error {
	sw, err := f.NewStreamWriter(sheetData)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(st, dataHeader)); err != nil {
		return err
	}
	have := map[[2]any]bool{}
	r := 2
	for _, e := range c.Entries {
		have[[2]any{e.UnitID, e.Model.Number}] = true
		name := e.UnitID
		if u := c.Plan.Unit(e.UnitID); u != nil {
			name = u.Name
		}
		row := []any{c.Period.String(), e.UnitID, name, e.Model.Number, e.Status.String(), e.Status.Key(), numOrBlank(e.Progress), numOrBlank(e.Achieved), numOrBlank(e.Total),
			e.Result, e.Difficulty, e.Proposal, e.File, e.Line, e.Tasks, e.Reporter, e.Phone}
		row = append(row, indicatorCells(e.Model)...)
		if err := sw.SetRow(cell(1, r), row); err != nil {
			return err
		}
		r++
	}
	// What had to be reported and was not: a row each, so that the level
	// above sees the gaps.
	for _, u := range c.Expected {
		for _, a := range c.Plan.Assignments(u.ID) {
			if have[[2]any{u.ID, a.Model.Number}] {
				continue
			}
			row := []any{c.Period.String(), u.ID, u.Name, a.Model.Number, c.MissingRow(u.ID, a.Model.Number), report.StatusNone.Key()}
			if ic := indicatorCells(a.Model); ic != nil {
				row = append(append(row, make([]any, len(dataHeader)-len(row)-len(ic))...), ic...)
			}
			if err := sw.SetRow(cell(1, r), row); err != nil {
				return err
			}
			r++
		}
	}
	for i, wd := range []float64{11, 20, 30, 9, 20, 12, 9, 9, 9, 50, 40, 40, 30, 6, 40, 24, 14, 30, 10, 10} {
		sw.SetColWidth(i+1, i+1, wd)
	}
	return sw.Flush()
}

// ReadPrevious reads the "Dữ liệu" sheet of a workbook written by an earlier
// merge: its period and one entry per unit × model.
func ReadPrevious(r io.Reader, name string) (*report.Previous, error) {
	f, err := openReader(r)
	if err != nil {
		return nil, fmt.Errorf(msgPrevNotWorkbook, name)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetData)
	if err != nil || len(rows) == 0 {
		return nil, fmt.Errorf(msgPrevNoData, name, sheetData)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"ky_bao_cao", "ma_don_vi", "mo_hinh", "ma_tinh_trang", "tien_do"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf(msgPrevColumn, name, sheetData, need)
		}
	}
	get := func(row []string, name string) string {
		if i := col[name]; i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	keys := map[string]report.Status{}
	for _, s := range report.StatusesWithNone {
		keys[s.Key()] = s
	}
	var per plan.Period
	var out []report.PreviousEntry
	for i, row := range rows[1:] {
		p, err := plan.ParsePeriod(get(row, "ky_bao_cao"))
		if err != nil {
			return nil, fmt.Errorf(msgPrevRow, name, sheetData, i+2, err.Error())
		}
		per = p
		n, err := strconv.Atoi(get(row, "mo_hinh"))
		if err != nil {
			return nil, fmt.Errorf(msgPrevRow, name, sheetData, i+2, fmt.Sprintf(msgPrevModel, get(row, "mo_hinh")))
		}
		pe := report.PreviousEntry{UnitID: get(row, "ma_don_vi"), Model: n, Status: keys[get(row, "ma_tinh_trang")]}
		num := func(name string) *float64 {
			if v, ok := report.ParseNumber(report.Value{Text: get(row, name)}); ok {
				return &v
			}
			return nil
		}
		pe.Progress, pe.Achieved, pe.Total = num("tien_do"), num("dat"), num("tong")
		pe.Result, pe.Difficulty, pe.Proposal, pe.Tasks = get(row, "ket_qua"), get(row, "kho_khan"), get(row, "de_xuat"), get(row, "nhiem_vu_ky_toi")
		out = append(out, pe)
	}
	if per.IsZero() {
		return nil, fmt.Errorf(msgPrevNoData, name, sheetData)
	}
	return &report.Previous{Period: per, Entries: out}, nil
}

// headerCells is a data sheet's header row, in the header style.
func headerCells(st *styles, names []string) []any {
	head := make([]any, len(names))
	for i, h := range names {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return head
}

// numOrBlank is a figure, or an empty cell where there is none.
func numOrBlank(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
