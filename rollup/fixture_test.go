package rollup

import (
	"fmt"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// row is one model of a test workbook: its number, status, progress,
// overdue mark, and indicator figures and definition.
type row struct {
	model                int
	status               string
	progress             string
	overdue              bool
	achieved, total      string
	indName, indUnit     string
	indTarget, indicator string // indicator: the "Tổng hợp" cell
}

// book builds a consolidated workbook as the reader would give it.
func book(file, issuer, period string, rows ...row) *Workbook {
	w := &Workbook{
		File: &report.Submission{Path: file, Name: file, Sheet: "Thông tin chung", Meta: map[string]string{},
			Unit:   report.Value{Text: issuer, Cell: "B3"},
			Period: report.Value{Text: period, Cell: "B14"}},
		Kind: KindConsolidated, ModelSheet: "Tổng hợp", Issuing: "Công an " + issuer[len("UBND "):],
		Parent: "Công an tỉnh Thanh Hóa", UnitsReported: 8, UnitsExpected: 9, UnitsFound: true,
	}
	for i, r := range rows {
		line := 7 + i
		w.Models = append(w.Models, ModelRow{Line: line, GroupCode: "I", GroupName: "Nhóm I",
			Model:     report.Value{Text: fmt.Sprintf("Mô hình %d: Mô hình số %d", r.model, r.model), Cell: fmt.Sprintf("B%d", line)},
			Status:    report.Value{Text: r.status, Cell: fmt.Sprintf("H%d", line)},
			Progress:  report.Value{Text: r.progress},
			Indicator: report.Value{Text: r.indicator},
			Overdue:   report.Value{Text: map[bool]string{true: "Quá hạn"}[r.overdue]}})
		w.Data = append(w.Data, DataRow{Unit: "cong-an", Model: fmt.Sprint(r.model), StatusKey: "progress",
			Achieved: r.achieved, Total: r.total, IndicatorName: r.indName, IndicatorUnit: r.indUnit, IndicatorTarget: r.indTarget})
	}
	return w
}

func dated(w *Workbook, day string, modified time.Time) *Workbook {
	w.File.ReportDate = report.Value{Text: day, Cell: "B16"}
	w.File.Modified = modified
	return w
}

const w48 = "Tuần 48 năm 2026 (từ ngày 19/11/2026 đến ngày 25/11/2026)"

func period(s string) plan.Period {
	p, err := plan.ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

// provincePlan has models 1, 3 (a count of DVC, target 20), 24 (a ratio)
// and the communes Minh Sơn, Ngọc Lặc and Thạch Lập.
func provincePlan() *plan.Plan {
	p := &plan.Plan{Groups: []plan.Group{{Code: "I", Name: "Nhóm I", Models: []*plan.Model{
		{Number: 1, TT: 1, Title: "Triển khai 53 DVC thiết yếu", Group: "I"},
		{Number: 3, TT: 2, Title: "DVC không dùng giấy", Group: "I", Indicator: &plan.Indicator{Name: "DVC không sử dụng hồ sơ giấy", Unit: "DVC", Target: 20}},
		{Number: 24, TT: 3, Title: "Công dân số", Group: "I", Indicator: &plan.Indicator{Name: "Người có tài khoản VNeID", Unit: "%", Target: 100}},
	}}}}
	for _, n := range []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Xã Thạch Lập"} {
		p.Units = append(p.Units, plan.Unit{ID: vi.Slug(n), Name: n, Reports: true})
	}
	return p
}

func codes(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%s", f.Severity, f.Code))
	}
	return out
}
