package report

import (
	"time"
)

// Submission is one file a unit sent back, as the reader found it: raw
// values with the cells they came from, nothing judged yet. The reader adds
// findings only about the file itself (unreadable, not a template, legacy
// text); Validate judges the contents.
type Submission struct {
	Path  string // as given on the command line
	Name  string // base name, used in messages
	Sheet string // the report sheet read
	// Modified is when the file was last saved (or uploaded): between two
	// files of one unit with the same report date, the later one counts.
	Modified time.Time

	Unit       Value // "Đơn vị báo cáo:"
	Period     Value // "Kỳ báo cáo:"
	ReportDate Value // "Ngày báo cáo:"; Date is set when it read as a date
	Reporter   Value
	Phone      Value

	// Hints from the template's metadata; never trusted over what is visible.
	Meta map[string]string

	Rows     []Row
	Findings []Finding
}

// Value is one cell's content.
type Value struct {
	Text string // NFC, trimmed; a number as the cell shows it
	Cell string // "E12"; empty when the field was not found
	// Num is set when the cell holds a number (or a formula giving one).
	Num *float64
	// Percent is set when the cell is formatted as a percentage, so that
	// 0.8 means 80 %.
	Percent bool
	// Date is set for a date cell (or a text that reads dd/mm/yyyy).
	Date *time.Time
}

// Empty reports whether the cell holds nothing.
func (v Value) Empty() bool { return v.Text == "" && v.Num == nil && v.Date == nil }

// Row is one line of the table.
type Row struct {
	Line       int // sheet row, 1-based
	TT         Value
	Model      Value
	Status     Value
	Progress   Value
	Achieved   Value
	Total      Value
	Result     Value
	Difficulty Value
	Proposal   Value
	Tasks      Value // next period's tasks; optional (older templates lack it)
}

// Blank reports whether the row has nothing a unit typed or de06 wrote.
func (r Row) Blank() bool {
	for _, v := range []Value{r.TT, r.Model, r.Status, r.Progress, r.Achieved, r.Total, r.Result, r.Difficulty, r.Proposal, r.Tasks} {
		if !v.Empty() {
			return false
		}
	}
	return true
}

// Add records a finding about the file itself (the reader's findings).
func (s *Submission) Add(sev Severity, code Code, sheet, cell, msg, hint string) {
	s.Findings = append(s.Findings, Finding{Severity: sev, Code: code, File: s.Name, Sheet: sheet, Cell: cell, Message: msg, Hint: hint})
}

// HasFileError reports whether the reader already rejected the file.
func (s *Submission) HasFileError() bool {
	for _, f := range s.Findings {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
