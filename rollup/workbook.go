package rollup

import "github.com/caongoc/de06/report"

// Workbook is one file given to the roll-up, as the reader found it:
// what it says, nothing judged yet.
type Workbook struct {
	// File is the file as any report is: path, name, when it was saved,
	// the reader's findings about the file itself (unreadable, encrypted…),
	// and what it says it is: Unit is the commune as written (the plan's
	// issuer, "UBND xã Minh Sơn"), Period and ReportDate those of its
	// report, Sheet the sheet they were read from, Meta the custom
	// properties (hints only).
	File *report.Submission
	Kind Kind
	// Who reports and to whom, as written ("Thông tin chung", or the
	// "Tổng hợp" subtitle of workbooks written before it).
	Issuing      string // "Công an xã Minh Sơn"
	Parent       string // "Công an tỉnh Thanh Hóa"
	Place        string // "Minh Sơn"
	Province     string // "tỉnh Thanh Hóa"
	PlanNumber   string // "39/KH-UBND"
	Recipients   []string
	Distribution []string
	ReportNumber string // "05/BC-CAX"
	// Models are the rows of the table of models ("Tổng hợp"), in order;
	// ModelSheet is that sheet's name.
	Models     []ModelRow
	ModelSheet string
	// Data are the rows of "Dữ liệu": one per unit × model. HasOpinions
	// is set when it has the units' difficulties and proposals.
	Data        []DataRow
	HasOpinions bool
	// Units reported and expected, as "Thống kê" says them; UnitsFound is
	// false when it says nothing readable.
	UnitsReported, UnitsExpected int
	UnitsFound                   bool
	// Errors and Warnings count the rows of the commune's own "Kiểm tra".
	Errors, Warnings int
}

// Kind is what a file given to the roll-up is.
type Kind int

const (
	// KindOther is neither of the others: not a de06 workbook.
	KindOther Kind = iota
	// KindConsolidated is a commune's consolidated workbook.
	KindConsolidated
	// KindUnitReport is a unit's report (a de06 template), sent up by
	// mistake.
	KindUnitReport
)

// ModelRow is one model's row of "Tổng hợp", its cells as text.
type ModelRow struct {
	Line int
	// Group is the group row above it: code ("I") and heading.
	GroupCode, GroupName string
	Model                report.Value // "Mô hình 5: …"
	// Status is the status cell: the status, then maybe a note, then the
	// overdue mark (report.OverdueMark); older workbooks mark an overdue
	// model in a column of its own (Overdue).
	Status    report.Value
	Progress  report.Value
	Indicator report.Value // "4.512/5.130 (88%)"
	Overdue   report.Value // "Quá hạn" or empty
}

// DataRow is one unit × model row of "Dữ liệu", as raw text.
type DataRow struct {
	Line                             int
	Unit, UnitName, Model, StatusKey string
	Progress, Achieved, Total        string
	// The model's indicator in the commune's plan; empty in workbooks
	// written before it was recorded.
	IndicatorName, IndicatorUnit, IndicatorTarget string
	// What the unit wrote, whole.
	Difficulty, Proposal string
}
