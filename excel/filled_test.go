package excel

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// A form's findings are the workbook's: for every field and the usual
// mistakes in it, the workbook WriteFilled writes reads and checks exactly
// as the template does with the same typed into it in Excel — the value as
// text, and, where it is a plain number, as a number.
func TestFilledChecksAsTyped(t *testing.T) {
	pl := defaultPlan(t)
	w48 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	today := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	form, err := report.NewForm(pl, "tram-y-te", w48)
	if err != nil {
		t.Fatal(err)
	}
	row := func(n int) int {
		for i, r := range form.Rows {
			if r.Model.Number == n {
				return i
			}
		}
		t.Fatalf("Trạm y tế does not report model %d", n)
		return -1
	}
	// Model 6 has a ratio indicator the unit reports; model 1 a count.
	cases := []struct {
		model int // 0: the header
		field report.Field
		typed []string
	}{
		{0, report.FieldReportDate, []string{"", "25/11/2026", "5/11/2026", "31/02/2026", "2026-11-25", "01/12/2026", "1/1/1800", "hôm nay"}},
		{0, report.FieldReporter, []string{"", "Lê Thị Hoa", "Le\u0302 Thi\u0323 Hoa"}},
		{0, report.FieldPhone, []string{"", "0912 345 678", "0912345678"}},
		{6, report.FieldStatus, []string{"", "tốt", "HT", "hoan thanh", "Đang triển khai", "Chưa triển khai"}},
		{6, report.FieldProgress, []string{"", "120", "-5", "abc", "80%", "0,5", "0.5%", "1.250", " 80 ", "100", "12,5", "1e3"}},
		{6, report.FieldAchieved, []string{"", "abc", "-1", "5000", "1.250", "12,5", "0"}},
		{6, report.FieldTotal, []string{"", "abc", "10", "1.000"}},
		{1, report.FieldAchieved, []string{"", "40", "60", "x"}},
		{6, report.FieldResult, []string{"", "Khám bệnh bằng CCCD", "Kha\u0301m be\u0323\u0302nh", "dòng một\ndòng hai", "Kh¸m bÖnh b»ng CCCD"}},
		{11, report.FieldDifficulty, []string{"", "Thiếu máy đọc thẻ"}},
		{34, report.FieldProposal, []string{"", "Đề nghị hướng dẫn"}},
		{36, report.FieldTasks, []string{"", "Số hóa tiếp 50 hồ sơ"}},
	}
	for _, c := range cases {
		for _, typed := range c.typed {
			name := fmt.Sprintf("%s_%d=%q", c.field, c.model, typed)
			t.Run(name, func(t *testing.T) {
				filled, values := baseFilled(form), filledValues()
				values.Rows[36] = formfill.Row{Status: "Đang triển khai", Progress: "30", Result: "Số hóa 120 hồ sơ sức khỏe"}
				if c.model == 0 {
					filled.SetHeader(c.field, typed)
					setHeader(&values, c.field, typed)
				} else {
					filled.Rows[row(c.model)].Set(c.field, typed)
					r := values.Rows[c.model]
					setRow(&r, c.field, typed)
					values.Rows[c.model] = r
				}
				got := checkFilled(t, pl, filled, w48, today)
				want := checkTyped(t, pl, values, w48, today)
				if !slices.Equal(got, want) {
					t.Errorf("form:\n  %s\nworkbook with the text typed:\n  %s", join(got), join(want))
				}
				if x, ok := report.TypedNumber(typed); ok && c.field.Numeric() {
					r := values.Rows[c.model]
					setRow(&r, c.field, x)
					values.Rows[c.model] = r
					if num := checkTyped(t, pl, values, w48, today); !slices.Equal(got, num) {
						t.Errorf("form:\n  %s\nworkbook with the number typed:\n  %s", join(got), join(num))
					}
				}
			})
		}
	}
}

// baseFilled is filledValues typed into the form as text.
func baseFilled(form *report.Form) *report.Filled {
	f := report.NewFilled(form)
	v := filledValues()
	f.ReportDate, f.Reporter, f.Phone = "25/11/2026", v.Reporter, v.Phone
	for i, r := range form.Rows {
		fv, ok := v.Rows[r.Model.Number]
		if r.Model.Number == 36 {
			fv, ok = formfill.Row{Status: "Đang triển khai", Progress: "30", Result: "Số hóa 120 hồ sơ sức khỏe"}, true
		}
		if !ok {
			continue
		}
		for fl, x := range map[report.Field]any{report.FieldStatus: fv.Status, report.FieldProgress: fv.Progress, report.FieldAchieved: fv.Achieved,
			report.FieldTotal: fv.Total, report.FieldResult: fv.Result, report.FieldDifficulty: fv.Difficulty, report.FieldProposal: fv.Proposal} {
			if x != nil && r.Offers(fl) {
				f.Rows[i].Set(fl, fmt.Sprint(x))
			}
		}
	}
	return f
}

func setHeader(v *formfill.Values, fl report.Field, typed string) {
	switch fl {
	case report.FieldReportDate:
		v.ReportDate, v.ReportDateText = nil, typed
		if d, err := time.Parse("02/01/2006", typed); err == nil {
			v.ReportDate = &d // Excel makes a typed day a date
		}
	case report.FieldReporter:
		v.Reporter = typed
	case report.FieldPhone:
		v.Phone = typed
	}
}

func setRow(r *formfill.Row, fl report.Field, x any) {
	if s, ok := x.(string); ok && s == "" {
		x = nil // an empty cell
	}
	switch fl {
	case report.FieldStatus:
		r.Status = x
	case report.FieldProgress:
		r.Progress = x
	case report.FieldAchieved:
		r.Achieved = x
	case report.FieldTotal:
		r.Total = x
	case report.FieldResult:
		r.Result, _ = x.(string)
	case report.FieldDifficulty:
		r.Difficulty, _ = x.(string)
	case report.FieldProposal:
		r.Proposal, _ = x.(string)
	case report.FieldTasks:
		r.Tasks, _ = x.(string)
	}
}

// checkFilled writes a filled form and checks the workbook.
func checkFilled(t *testing.T, pl *plan.Plan, f *report.Filled, p plan.Period, today time.Time) []string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteFilled(&b, f, pl.Document.StandingAgency); err != nil {
		t.Fatal(err)
	}
	return checked(t, pl, b.Bytes(), p, today)
}

// checkTyped types v into the unit's blank template and checks it.
func checkTyped(t *testing.T, pl *plan.Plan, v formfill.Values, p plan.Period, today time.Time) []string {
	t.Helper()
	return checked(t, pl, filledTemplate(t, pl, "tram-y-te", v), p, today)
}

// checked is what the desk makes of a workbook: every finding, and every
// entry it keeps.
func checked(t *testing.T, pl *plan.Plan, b []byte, p plan.Period, today time.Time) []string {
	t.Helper()
	s := Reader{}.Read(b, &report.Submission{Path: "tep.xlsx", Name: "tep.xlsx", Meta: map[string]string{}})
	fr := report.Validate(pl, []*report.Submission{s}, p, today).Files[0]
	var out []string
	for _, f := range fr.Findings {
		out = append(out, fmt.Sprintf("%s %s %s m%d: %s — %s", f.Severity, f.Code, f.Cell, f.Model, f.Message, f.Hint))
	}
	slices.Sort(out)
	for _, e := range fr.Entries {
		out = append(out, "entry "+describe(e)+"|"+e.Tasks)
	}
	return append(out, fmt.Sprintf("accepted %v, date %v, reporter %q, phone %q", fr.Accepted, fr.ReportDate, s.Reporter.Text, s.Phone.Text))
}

func join(ss []string) string {
	var b bytes.Buffer
	for i, s := range ss {
		if i > 0 {
			b.WriteString("\n  ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// BenchmarkFormSave is what a save of the form costs the desk: write the
// filled workbook, read it back, check it. The floor, in the same run, is
// writing the unit's template alone (what "Tải tệp mẫu" costs).
func BenchmarkFormSave(b *testing.B) {
	pl := defaultPlan(b)
	w48 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	form, err := report.NewForm(pl, "tram-y-te", w48)
	if err != nil {
		b.Fatal(err)
	}
	filled := baseFilled(form)
	b.Run("floor-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			if err := WriteTemplate(&buf, form, pl.Document.StandingAgency); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("save", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			if err := WriteFilled(&buf, filled, pl.Document.StandingAgency); err != nil {
				b.Fatal(err)
			}
			s := Reader{}.Read(buf.Bytes(), &report.Submission{Name: "tep.xlsx", Meta: map[string]string{}})
			if fr := report.Validate(pl, []*report.Submission{s}, w48, time.Time{}).Files[0]; !fr.Accepted {
				b.Fatal(fr.Findings)
			}
		}
	})
}

// A form that starts pre-filled is the pre-filled template: sent back as
// it came, both get the same findings (a row unchanged past its deadline
// is warned about); a value changed or emptied is what the clerk does to
// the template's cell.
func TestFilledPrefilledAsTemplate(t *testing.T) {
	pl := defaultPlan(t)
	w48 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	today := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	newForm := func() *report.Form {
		form, err := report.NewForm(pl, "tram-y-te", w48)
		if err != nil {
			t.Fatal(err)
		}
		p := 50.0
		prev := &report.Previous{Period: w48.Previous(), Entries: []report.PreviousEntry{
			// Model 11 is due Quý II/2024: still under way is stale.
			{UnitID: "tram-y-te", Model: 11, Status: report.StatusInProgress, Progress: &p, Result: "Đang triển khai ASM"},
			{UnitID: "tram-y-te", Model: 6, Status: report.StatusRecurring, Progress: &p, Result: "Khám bằng CCCD", Tasks: "Duy trì"},
		}}
		if n, err := form.Prefill(prev); err != nil || n != 2 {
			t.Fatalf("Prefill: %d %v", n, err)
		}
		return form
	}
	at := func(form *report.Form, model int, fl field) string {
		for i, r := range form.Rows {
			if r.Model.Number == model {
				return cell(columnOf(fl), rowFirstModel+i)
			}
		}
		t.Fatalf("no model %d", model)
		return ""
	}
	header := func(f *report.Filled) {
		f.ReportDate, f.Reporter, f.Phone = "25/11/2026", "Lê Thị Hoa", "0912 345 678"
	}
	typedHeader := func(b []byte) []byte {
		return editWorkbook(t, b, func(x *excelize.File) {
			x.SetCellValue(sheetReport, cell(colHdrValue, rowDate), time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
			x.SetCellStr(sheetReport, cell(colHdrValue, rowReporter), "Lê Thị Hoa")
			x.SetCellStr(sheetReport, cell(colHdrValue, rowPhone), "0912 345 678")
		})
	}
	cases := []struct {
		name  string
		form  func(f *report.Filled)                    // what the clerk types in the browser
		excel func(form *report.Form, x *excelize.File) // the same in Excel
		want  string                                    // a finding code the check must give
	}{
		{"sent as it came", func(*report.Filled) {}, func(*report.Form, *excelize.File) {}, "entry.unchanged"},
		{"progress changed", func(f *report.Filled) { setTyped(f, 11, report.FieldProgress, "60") },
			func(form *report.Form, x *excelize.File) { x.SetCellValue(sheetReport, at(form, 11, fProgress), 60) }, ""},
		{"a text emptied", func(f *report.Filled) { setTyped(f, 6, report.FieldResult, "") },
			func(form *report.Form, x *excelize.File) { x.SetCellValue(sheetReport, at(form, 6, fResult), nil) }, "entry.unchanged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			form := newForm()
			f := report.StartFilled(form, "", "", today)
			header(f)
			c.form(f)
			got := checkFilled(t, pl, f, w48, today)
			var tpl bytes.Buffer
			if err := WriteTemplate(&tpl, newForm(), pl.Document.StandingAgency); err != nil {
				t.Fatal(err)
			}
			book := editWorkbook(t, typedHeader(tpl.Bytes()), func(x *excelize.File) { c.excel(form, x) })
			want := checked(t, pl, book, w48, today)
			if !slices.Equal(got, want) {
				t.Errorf("form:\n  %s\ntemplate:\n  %s", join(got), join(want))
			}
			if c.want != "" && !strings.Contains(join(got), " "+c.want+" ") {
				t.Errorf("no %s:\n  %s", c.want, join(got))
			}
		})
	}
}

func setTyped(f *report.Filled, model int, fl report.Field, v string) {
	for i, r := range f.Form.Rows {
		if r.Model.Number == model {
			f.Rows[i].Set(fl, v)
		}
	}
}
