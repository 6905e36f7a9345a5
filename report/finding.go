package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/caongoc/de06/internal/vi"
)

// Severity of a finding: an error rejects a file or drops a row; a warning
// never drops data.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Code is a finding's stable identifier, in the spirit of Frictionless'
// error taxonomy: a file or field, a dot, the problem.
type Code string

const (
	FileUnreadable       Code = "file.unreadable"
	FileEncrypted        Code = "file.encrypted"
	FileLegacyXLS        Code = "file.legacy-xls"
	FileODS              Code = "file.ods"
	FileTooLarge         Code = "file.too-large"
	FileNotTemplate      Code = "file.not-template"
	SheetExtra           Code = "sheet.extra"
	UnitUnknown          Code = "unit.unknown"
	UnitNotReporting     Code = "unit.not-reporting"
	UnitDuplicate        Code = "unit.duplicate"
	UnitNotSubmitted     Code = "unit.not-submitted"
	UnitOther            Code = "unit.other" // a file of another unit, sent through this unit's link
	PeriodMissing        Code = "period.missing"
	PeriodMismatch       Code = "period.mismatch"
	WeekForMonth         Code = "period.week-for-month"
	PeriodNotOpen        Code = "period.not-open" // before the plan, or a period still to come
	DateMissing          Code = "date.missing"
	DateInvalid          Code = "date.invalid"
	DateOutside          Code = "date.outside-period"
	DateFuture           Code = "date.future"
	ModelUnknown         Code = "model.unknown"
	ModelMissing         Code = "model.missing"
	ModelDuplicate       Code = "model.duplicate"
	ModelNotAssigned     Code = "model.not-assigned"
	ModelOverdue         Code = "model.overdue"
	StatusMissing        Code = "status.missing"
	StatusInvalid        Code = "status.invalid"
	ProgressInvalid      Code = "progress.invalid"
	ProgressMismatch     Code = "progress.status-mismatch"
	IndicatorInvalid     Code = "indicator.invalid"
	IndicatorNotApplied  Code = "indicator.not-applicable"
	IndicatorMismatch    Code = "indicator.status-mismatch"
	ProgressBackwards    Code = "progress.backwards"
	PreviousNotPreceding Code = "previous.not-preceding"
	TextLegacy           Code = "text.legacy-encoding"
	TextTooLong          Code = "text.too-long"
	DocumentDate         Code = "document.date"
	DocumentDistrict     Code = "document.district"
	DocumentUnconfirmed  Code = "document.unconfirmed"
	ReportUnchanged      Code = "entry.unchanged"
	ReportNotUpdated     Code = "report.not-updated" // a pre-filled template sent back untouched, undated
	// The level above (package rollup): a commune's consolidated workbook.
	FileNotConsolidated    Code = "file.not-consolidated"
	ConsolidationErrors    Code = "consolidation.errors"
	IndicatorNotComparable Code = "indicator.not-comparable"
	DocumentBlankHeader    Code = "document.blank-header"
)

// Label names the kind of finding in Vietnamese.
func (c Code) Label() string {
	if l, ok := codeLabels[c]; ok {
		return l
	}
	return string(c)
}

// Finding is one problem, located as precisely as possible.
type Finding struct {
	Severity Severity
	Code     Code
	File     string // base name
	Sheet    string
	Cell     string
	Model    int // 0 when not about one model
	Message  string
	Hint     string
}

// Location says where, as a person reads it: "tệp.xlsx › Báo cáo › E12".
func (f Finding) Location() string {
	if f.File == "" {
		if f.Model > 0 {
			return fmt.Sprintf("%s › mô hình %d", msgGeneral, f.Model)
		}
		return msgGeneral
	}
	s := f.File
	if f.Sheet != "" {
		s += " › " + f.Sheet
	}
	if f.Cell != "" {
		s += " › " + f.Cell
	}
	return s
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s", f.Location(), f.Message)
	if f.Hint != "" {
		s += " — " + f.Hint
	}
	return s
}

// SortFindings orders findings errors first, then by file, sheet, cell
// position (row, then column) and code.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Severity != b.Severity {
			if a.Severity == Error {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Sheet, b.Sheet),
			compareCells(a.Cell, b.Cell),
			cmp.Compare(a.Code, b.Code),
		)
	})
}

// compareCells orders "B9" before "A10": by row, then column.
func compareCells(a, b string) int {
	ca, ra := splitCell(a)
	cb, rb := splitCell(b)
	return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(len(ca), len(cb)), cmp.Compare(ca, cb))
}

func splitCell(c string) (string, int) {
	i := 0
	for i < len(c) && (c[i] < '0' || c[i] > '9') {
		i++
	}
	n := 0
	for _, d := range c[i:] {
		if d < '0' || d > '9' {
			break
		}
		n = n*10 + int(d-'0')
	}
	return c[:i], n
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return
}

// maxEcho is how much of a cell's text a message quotes: a finding names
// what it found, and a cell may hold 32,767 characters.
const maxEcho = 60

// echo is a cell's text as a message quotes it: on one line, shortened.
func echo(s string) string {
	return vi.Shorten(strings.Join(strings.Fields(s), " "), maxEcho)
}
