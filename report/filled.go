package report

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// A form filled in the browser (the desk's "Điền trực tiếp"): what the
// clerk typed into each input the unit's template offers, as typed. The
// excel adapter writes it as the workbook the template becomes when the
// same is typed into it, and the desk reads that workbook back like any
// other: a form and a workbook are checked by the same code, stored alike.

// Field is one kind of input: of the header, or of a model's row.
type Field string

const (
	FieldReporter   Field = "reporter"
	FieldPhone      Field = "phone"
	FieldReportDate Field = "report_date"
	FieldStatus     Field = "status"
	FieldProgress   Field = "progress"
	FieldAchieved   Field = "achieved"
	FieldTotal      Field = "total"
	FieldResult     Field = "result"
	FieldDifficulty Field = "difficulty"
	FieldProposal   Field = "proposal"
	FieldTasks      Field = "next"
)

// HeaderFields are the header's inputs, in the template's order.
var HeaderFields = []Field{FieldReportDate, FieldReporter, FieldPhone}

// Numeric reports whether the field takes a number.
func (f Field) Numeric() bool {
	return f == FieldProgress || f == FieldAchieved || f == FieldTotal
}

// Text reports whether the field takes free text, possibly long.
func (f Field) Text() bool {
	return f == FieldResult || f == FieldDifficulty || f == FieldProposal || f == FieldTasks
}

// Fields are the inputs a row of the template offers, in column order:
// the indicator's achieved only where the unit's figure counts, its total
// only for a ratio.
func (r FormRow) Fields() []Field {
	out := []Field{FieldStatus, FieldProgress}
	if r.Indicator {
		out = append(out, FieldAchieved)
		if r.Model.Indicator.Ratio() {
			out = append(out, FieldTotal)
		}
	}
	return append(out, FieldResult, FieldDifficulty, FieldProposal, FieldTasks)
}

// Offers reports whether the row has an input for field fl.
func (r FormRow) Offers(fl Field) bool {
	for _, f := range r.Fields() {
		if f == fl {
			return true
		}
	}
	return false
}

// Filled is a unit's form with what the clerk typed: the header, and one
// Typed per row of Form, in order.
type Filled struct {
	Form                        *Form
	ReportDate, Reporter, Phone string
	Rows                        []Typed
}

// Typed is what was typed into one model's row, as typed (TypedText).
type Typed struct {
	Status, Progress, Achieved, Total   string
	Result, Difficulty, Proposal, Tasks string
}

func (t *Typed) at(fl Field) *string {
	switch fl {
	case FieldStatus:
		return &t.Status
	case FieldProgress:
		return &t.Progress
	case FieldAchieved:
		return &t.Achieved
	case FieldTotal:
		return &t.Total
	case FieldResult:
		return &t.Result
	case FieldDifficulty:
		return &t.Difficulty
	case FieldProposal:
		return &t.Proposal
	case FieldTasks:
		return &t.Tasks
	}
	return nil
}

// Get is what was typed into field fl; "" for a field a row has not.
func (t Typed) Get(fl Field) string {
	if p := t.at(fl); p != nil {
		return *p
	}
	return ""
}

// Set records what was typed into field fl of a row.
func (t *Typed) Set(fl Field, v string) {
	if p := t.at(fl); p != nil {
		*p = v
	}
}

// Header is what was typed into a header field.
func (f *Filled) Header(fl Field) string {
	switch fl {
	case FieldReportDate:
		return f.ReportDate
	case FieldReporter:
		return f.Reporter
	case FieldPhone:
		return f.Phone
	}
	return ""
}

// SetHeader records what was typed into a header field.
func (f *Filled) SetHeader(fl Field, v string) {
	switch fl {
	case FieldReportDate:
		f.ReportDate = v
	case FieldReporter:
		f.Reporter = v
	case FieldPhone:
		f.Phone = v
	}
}

// NewFilled is form with nothing typed.
func NewFilled(form *Form) *Filled {
	return &Filled{Form: form, Rows: make([]Typed, len(form.Rows))}
}

// StartFilled is form as the clerk finds it: each row with what the unit
// reported before (Form.Prefill), the reporter and phone of that report,
// and the period's default report date at today.
func StartFilled(form *Form, reporter, phone string, today time.Time) *Filled {
	f := NewFilled(form)
	f.ReportDate = vi.FormatDate(DefaultReportDate(form.Period, today))
	f.Reporter, f.Phone = reporter, phone
	for i, r := range form.Rows {
		e := r.Last
		if e == nil {
			continue
		}
		t := &f.Rows[i]
		if e.Status != StatusNone {
			t.Status = e.Status.String()
		}
		t.Progress = typedProgress(e.Progress)
		if r.Indicator {
			t.Achieved = typedNumber(e.Achieved)
			if r.Model.Indicator.Ratio() {
				t.Total = typedNumber(e.Total)
			}
		}
		t.Result, t.Difficulty, t.Proposal, t.Tasks = e.Result, e.Difficulty, e.Proposal, e.Tasks
	}
	return f
}

// typedNumber writes a number as a clerk types it ("95,7") so that it
// reads back as itself: "1,125" would read as a thousand and more, so a
// zero keeps such a fraction a fraction ("1,1250").
func typedNumber(x *float64) string {
	if x == nil {
		return ""
	}
	s := vi.FormatExact(*x)
	if y, ok := ParseNumber(Value{Text: s}); !ok || y != *x {
		s += "0"
	}
	return s
}

// typedProgress is a progress as typed: a fraction of a percent keeps its
// sign, else it would read as a share of one ("0,5" is 50 %).
func typedProgress(x *float64) string {
	s := typedNumber(x)
	if x != nil && *x > 0 && *x < 1 {
		s += "%"
	}
	return s
}

// TypedText is text as the desk keeps what a browser sent: NFC, and line
// breaks as a cell holds them (a browser sends a textarea's as CR LF).
func TypedText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return vi.NFC(strings.ReplaceAll(s, "\r", "\n"))
}

// TypedNumber is the number a typed input is kept as in a workbook, when
// it reads as one plainly: ParseNumber's reading, without a percent sign
// (text with one is kept as text, which reads the same). Either way the
// reader makes of it what it makes of the typed text.
func TypedNumber(s string) (float64, bool) {
	if strings.Contains(s, "%") {
		return 0, false
	}
	return ParseNumber(Value{Text: s})
}

// MaxCellText is the most a cell holds, in UTF-16 units as Excel counts
// (and a browser's maxlength): a longer text cannot be typed into a
// workbook, so a form refuses it rather than cut it.
const MaxCellText = 32_767

// CellTextLen is a text's length as MaxCellText counts it.
func CellTextLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Place is where a finding belongs on a filled form: a model's input
// (Model and Field), a model as a whole (Field ""), a header input
// (Model 0), or the form as a whole (both zero).
type Place struct {
	Model int
	Field Field
}

var reRowModel = regexp.MustCompile(`^mo hinh (\d+)`)

// PlaceOf says where finding f, made on the workbook sub was read from,
// belongs on the form: the input whose cell it names, else the model it is
// about, else the form.
func PlaceOf(sub *Submission, f Finding) Place {
	if f.Cell != "" {
		for fl, v := range map[Field]Value{FieldReportDate: sub.ReportDate, FieldReporter: sub.Reporter, FieldPhone: sub.Phone} {
			if v.Cell == f.Cell {
				return Place{Field: fl}
			}
		}
		for _, r := range sub.Rows {
			for _, fl := range []Field{FieldStatus, FieldProgress, FieldAchieved, FieldTotal, FieldResult, FieldDifficulty, FieldProposal, FieldTasks} {
				if v := r.value(fl); v.Cell != f.Cell {
					continue
				}
				n := f.Model
				if g := reRowModel.FindStringSubmatch(vi.Fold(r.Model.Text)); n == 0 && g != nil {
					n, _ = strconv.Atoi(g[1])
				}
				return Place{Model: n, Field: fl}
			}
		}
	}
	return Place{Model: f.Model}
}

func (r Row) value(fl Field) Value {
	switch fl {
	case FieldStatus:
		return r.Status
	case FieldProgress:
		return r.Progress
	case FieldAchieved:
		return r.Achieved
	case FieldTotal:
		return r.Total
	case FieldResult:
		return r.Result
	case FieldDifficulty:
		return r.Difficulty
	case FieldProposal:
		return r.Proposal
	case FieldTasks:
		return r.Tasks
	}
	return Value{}
}

// TargetText is an indicator's target as forms show it: "100%", "53 DVC".
func TargetText(ind *plan.Indicator) string {
	t := vi.FormatExact(ind.Target)
	if ind.Ratio() {
		return t + "%"
	}
	return t + " " + ind.Unit
}
