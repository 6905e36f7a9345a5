package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

func testPlan(t testing.TB) *plan.Plan {
	t.Helper()
	p, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var w48 = plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}

func txt(s, c string) Value { return Value{Text: s, Cell: c} }

// goodSubmission is a complete, correct report of unit id for week 48.
func goodSubmission(p *plan.Plan, id string) *Submission {
	d := vi.Day(2026, 11, 25)
	s := &Submission{
		Path: id + ".xlsx", Name: id + ".xlsx", Sheet: "Báo cáo",
		Unit: txt(p.Unit(id).Name, "C4"), Period: txt("2026-W48", "C5"),
		ReportDate: Value{Text: "25/11/2026", Cell: "C6", Date: &d},
		Meta:       map[string]string{},
	}
	for i, a := range p.Assignments(id) {
		line := 11 + i
		c := func(col string) string { return fmt.Sprintf("%s%d", col, line) }
		r := Row{Line: line, TT: Value{Text: fmt.Sprint(a.Model.TT), Cell: c("A")},
			Model:    txt(fmt.Sprintf("Mô hình %d: %s", a.Model.Number, a.Model.Title), c("B")),
			Status:   txt("Đang triển khai", c("E")),
			Progress: Value{Text: "60", Cell: c("F"), Num: num(60)},
			Result:   txt("Đã triển khai tại trụ sở", c("J")),
			Achieved: Value{Cell: c("H")}, Total: Value{Cell: c("I")},
		}
		s.Rows = append(s.Rows, r)
	}
	return s
}

func rowOf(s *Submission, model int) *Row {
	prefix := fmt.Sprintf("Mô hình %d:", model)
	for i := range s.Rows {
		if strings.HasPrefix(s.Rows[i].Model.Text, prefix) {
			return &s.Rows[i]
		}
	}
	panic(fmt.Sprintf("no row for model %d", model))
}

// One case per finding code: the code, its severity and the cell it names.
func TestValidateFindings(t *testing.T) {
	p := testPlan(t)
	tests := []struct {
		name     string
		unit     string
		mutate   func(s *Submission)
		code     Code
		severity Severity
		cell     string
		accepted bool
	}{
		{"unknown unit", "tram-y-te", func(s *Submission) { s.Unit.Text = "Trạm thú y" }, UnitUnknown, Error, "C4", false},
		{"unit from metadata", "tram-y-te", func(s *Submission) { s.Unit.Text = "Trạm XYZ"; s.Meta["unit_id"] = "tram-y-te" }, UnitUnknown, Warning, "C4", true},
		{"coordinating unit", "tram-y-te", func(s *Submission) { s.Unit.Text = "Ban ATGT xã" }, UnitNotReporting, Error, "C4", false},
		{"period missing", "tram-y-te", func(s *Submission) { s.Period.Text = "" }, PeriodMissing, Error, "C5", false},
		{"period unreadable", "tram-y-te", func(s *Submission) { s.Period.Text = "tuần này" }, PeriodMissing, Error, "C5", false},
		{"period from metadata", "tram-y-te", func(s *Submission) { s.Period.Text = "tuần này"; s.Meta["period"] = "2026-W48" }, PeriodMissing, Warning, "C5", true},
		{"period mismatch", "tram-y-te", func(s *Submission) { s.Period.Text = "2026-W47" }, PeriodMismatch, Error, "C5", false},
		{"period in words", "tram-y-te", func(s *Submission) {
			s.Period.Text = "Tuần 48 năm 2026 (từ ngày 19/11/2026 đến ngày 25/11/2026)"
			rowOf(s, 6).Progress.Text = "abc"
			rowOf(s, 6).Progress.Num = nil
		}, ProgressInvalid, Error, "F13", true},
		{"date missing", "tram-y-te", func(s *Submission) { s.ReportDate = Value{Cell: "C6"} }, DateMissing, Warning, "C6", true},
		{"date invalid", "tram-y-te", func(s *Submission) { s.ReportDate = txt("32/11/2026", "C6") }, DateInvalid, Warning, "C6", true},
		{"date outside", "tram-y-te", func(s *Submission) {
			d := vi.Day(2026, 11, 27)
			s.ReportDate = Value{Text: "27/11/2026", Cell: "C6", Date: &d}
		}, DateOutside, Warning, "C6", true},
		{"model unknown", "tram-y-te", func(s *Submission) { rowOf(s, 6).Model.Text = "Mô hình 99: không có" }, ModelUnknown, Error, "B13", true},
		{"model text unknown", "tram-y-te", func(s *Submission) { rowOf(s, 6).Model.Text = "Việc khác" }, ModelUnknown, Error, "B13", true},
		{"model missing", "tram-y-te", func(s *Submission) { s.Rows = slices.Delete(s.Rows, 2, 3) }, ModelMissing, Error, "", true},
		{"model duplicate", "tram-y-te", func(s *Submission) {
			r := s.Rows[2]
			r.Line, r.Model.Cell = 30, "B30"
			s.Rows = append(s.Rows, r)
		}, ModelDuplicate, Error, "B30", true},
		{"model not assigned", "tram-y-te", func(s *Submission) {
			r := s.Rows[2]
			r.Line, r.Model.Text, r.Model.Cell = 30, "Mô hình 18: Triển khai giải pháp xử phạt", "B30"
			s.Rows = append(s.Rows, r)
		}, ModelNotAssigned, Warning, "B30", true},
		{"status missing", "tram-y-te", func(s *Submission) { rowOf(s, 6).Status.Text = "" }, StatusMissing, Error, "E13", true},
		{"status invalid", "tram-y-te", func(s *Submission) { rowOf(s, 6).Status.Text = "tốt" }, StatusInvalid, Error, "E13", true},
		{"status read loosely", "tram-y-te", func(s *Submission) { rowOf(s, 6).Status.Text = "HT"; rowOf(s, 6).Progress.Num = num(100) }, StatusInvalid, Warning, "E13", true},
		{"progress over 100", "tram-y-te", func(s *Submission) { rowOf(s, 6).Progress.Num = num(120) }, ProgressInvalid, Error, "F13", true},
		{"progress negative", "tram-y-te", func(s *Submission) { rowOf(s, 6).Progress.Num = num(-5) }, ProgressInvalid, Error, "F13", true},
		{"progress a fraction", "tram-y-te", func(s *Submission) { rowOf(s, 6).Progress.Num = num(0.8) }, ProgressInvalid, Warning, "F13", true},
		{"progress a fraction typed", "tram-y-te", func(s *Submission) { rowOf(s, 6).Progress = txt("0,8", "F13") }, ProgressInvalid, Warning, "F13", true},
		{"done below 100", "tram-y-te", func(s *Submission) { rowOf(s, 6).Status.Text = "Đã hoàn thành" }, ProgressMismatch, Warning, "F13", true},
		{"100 not done", "tram-y-te", func(s *Submission) { rowOf(s, 6).Progress.Num = num(100) }, ProgressMismatch, Warning, "E13", true},
		{"not started with progress", "tram-y-te", func(s *Submission) { rowOf(s, 6).Status.Text = "Chưa triển khai" }, ProgressMismatch, Warning, "F13", true},
		{"indicator not a number", "tram-y-te", func(s *Submission) { rowOf(s, 6).Achieved.Text = "nhiều" }, IndicatorInvalid, Error, "H13", true},
		{"indicator negative", "tram-y-te", func(s *Submission) { rowOf(s, 6).Achieved.Num = num(-1) }, IndicatorInvalid, Error, "H13", true},
		{"achieved over total", "tram-y-te", func(s *Submission) { rowOf(s, 6).Achieved.Num = num(5); rowOf(s, 6).Total.Num = num(3) }, IndicatorInvalid, Error, "H13", true},
		{"ratio without total", "tram-y-te", func(s *Submission) { rowOf(s, 6).Achieved.Num = num(5) }, IndicatorInvalid, Warning, "I13", true},
		{"indicator on a model without one", "tram-y-te", func(s *Submission) { rowOf(s, 11).Achieved.Num = num(5) }, IndicatorNotApplied, Warning, "H14", true},
		{"done below a ratio target", "tram-y-te", func(s *Submission) {
			r := rowOf(s, 6)
			r.Status.Text, r.Progress.Num, r.Achieved.Num, r.Total.Num = "Đã hoàn thành", num(100), num(312), num(326)
		}, IndicatorMismatch, Warning, "H13", true},
		{"not started with achievements", "tram-y-te", func(s *Submission) {
			r := rowOf(s, 6)
			r.Status.Text, r.Progress.Num, r.Achieved.Num, r.Total.Num = "Chưa triển khai", num(0), num(2), num(4)
		}, IndicatorMismatch, Warning, "H13", true},
		{"nothing filled", "tram-y-te", func(s *Submission) {
			for i := range s.Rows {
				s.Rows[i].Status, s.Rows[i].Progress, s.Rows[i].Result = Value{}, Value{}, Value{}
			}
		}, StatusMissing, Error, "", false},
		{"reader finding kept", "tram-y-te", func(s *Submission) {
			s.Findings = append(s.Findings, Finding{Severity: Error, Code: FileEncrypted, File: s.Name, Message: "tệp được đặt mật khẩu"})
		}, FileEncrypted, Error, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := goodSubmission(p, tt.unit)
			tt.mutate(s)
			c := Validate(p, []*Submission{s}, w48, time.Time{})
			fr := c.Files[0]
			var got *Finding
			for i, f := range fr.Findings {
				if f.Code == tt.code && f.Severity == tt.severity {
					got = &fr.Findings[i]
				}
			}
			if got == nil {
				t.Fatalf("no %s %s; findings: %v", tt.severity, tt.code, fr.Findings)
			}
			if got.Cell != tt.cell {
				t.Errorf("cell = %q, want %q (%v)", got.Cell, tt.cell, got)
			}
			if got.File != s.Name || got.Message == "" {
				t.Errorf("finding lacks file or message: %+v", got)
			}
			if fr.Accepted != tt.accepted {
				t.Errorf("accepted = %v, want %v", fr.Accepted, tt.accepted)
			}
		})
	}
}

func TestValidateGoodFile(t *testing.T) {
	p := testPlan(t)
	for _, u := range p.ReportingUnits() {
		c := Validate(p, []*Submission{goodSubmission(p, u.ID)}, w48, time.Time{})
		fr := c.Files[0]
		if len(fr.Findings) != 0 || !fr.Accepted {
			t.Errorf("%s: findings %v, accepted %v", u.ID, fr.Findings, fr.Accepted)
		}
		if len(fr.Entries) != len(p.Assignments(u.ID)) {
			t.Errorf("%s: %d entries, want %d", u.ID, len(fr.Entries), len(p.Assignments(u.ID)))
		}
	}
}

// A row error drops that row only; warnings drop nothing.
func TestRowErrorsDropRows(t *testing.T) {
	p := testPlan(t)
	s := goodSubmission(p, "tram-y-te")
	rowOf(s, 6).Status.Text = "tốt"            // error: row dropped
	rowOf(s, 11).Status.Text = "Đã hoàn thành" // warning: progress 60
	c := Validate(p, []*Submission{s}, w48, time.Time{})
	var models []int
	for _, e := range c.Entries() {
		models = append(models, e.Model.Number)
	}
	if want := []int{1, 5, 11, 34, 36}; !slices.Equal(models, want) {
		t.Errorf("entries for models %v, want %v", models, want)
	}
}

// TestDuplicateUnit: two files of one unit. The newer one counts, the other
// is "not used" (no entry of it merged), and the message says exactly why.
func TestDuplicateUnit(t *testing.T) {
	p := testPlan(t)
	d23, d25 := vi.Day(2026, 11, 23), vi.Day(2026, 11, 25)
	t9 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	t10 := t9.Add(time.Hour)
	changed := func(s *Submission) { rowOf(s, 18).Result.Text = "Đã sửa lại số liệu" }
	tests := []struct {
		name           string
		dateA, dateB   *time.Time
		savedA, savedB time.Time
		changeA        bool
		wantKept       string
		severity       Severity
		words          []string
	}{
		{"identical content", &d25, &d25, t9, t10, false, "b.xlsx", Warning, []string{"giống hệt", "b.xlsx"}},
		{"later report date", &d25, &d23, t9, t10, true, "a.xlsx", Warning, []string{"ngày báo cáo muộn hơn", "a.xlsx", "25/11/2026", "23/11/2026"}},
		{"only one has a date", nil, &d23, t10, t9, true, "b.xlsx", Warning, []string{"có ngày báo cáo", "b.xlsx"}},
		{"same date, saved later", &d25, &d25, t10, t9, true, "a.xlsx", Warning, []string{"lưu sau", "a.xlsx", "10:00:00 25/11/2026", "09:00:00 25/11/2026"}},
		{"same date, saved later (other order)", &d25, &d25, t9, t10, true, "b.xlsx", Warning, []string{"lưu sau", "b.xlsx"}},
		{"nothing tells", &d25, &d25, t9, t9, true, "b.xlsx", Error, []string{"không biết tệp nào mới hơn", "b.xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := goodSubmission(p, "cong-an"), goodSubmission(p, "cong-an")
			a.Name, b.Name = "a.xlsx", "b.xlsx"
			for _, x := range []struct {
				s *Submission
				d *time.Time
			}{{a, tt.dateA}, {b, tt.dateB}} {
				x.s.ReportDate.Date = x.d
				if x.d == nil {
					x.s.ReportDate.Text = ""
				}
			}
			a.Modified, b.Modified = tt.savedA, tt.savedB
			if tt.changeA {
				changed(a)
			}
			c := Validate(p, []*Submission{a, b}, w48, time.Time{})
			var kept, old *FileResult
			for _, fr := range c.Files {
				if fr.Accepted {
					kept = fr
				} else {
					old = fr
				}
			}
			if kept == nil || old == nil || kept.Sub.Name != tt.wantKept {
				t.Fatalf("kept %v, want %s", kept, tt.wantKept)
			}
			if old.UsedInstead != kept.Sub.Name {
				t.Errorf("UsedInstead = %q, want %q", old.UsedInstead, kept.Sub.Name)
			}
			for _, e := range c.Entries() {
				if e.File != kept.Sub.Name {
					t.Fatalf("entry of %s merged", e.File)
				}
			}
			var dup []Finding
			for _, f := range old.Findings {
				if f.Code == UnitDuplicate {
					dup = append(dup, f)
				}
			}
			if len(dup) != 1 || dup[0].Severity != tt.severity {
				t.Fatalf("findings of the file not used = %v, want one %s", old.Findings, tt.severity)
			}
			for _, w := range tt.words {
				if !strings.Contains(dup[0].Message, w) {
					t.Errorf("message %q lacks %q", dup[0].Message, w)
				}
			}
			if strings.Contains(dup[0].Message, "muộn hơn") && tt.dateA != nil && tt.dateB != nil && tt.dateA.Equal(*tt.dateB) {
				t.Errorf("equal dates called later: %q", dup[0].Message)
			}
		})
	}
}

func TestInferPeriod(t *testing.T) {
	p := testPlan(t)
	a, b, c := goodSubmission(p, "cong-an"), goodSubmission(p, "tram-y-te"), goodSubmission(p, "truong-hoc")
	c.Period.Text = "2026-W47"
	fallback := plan.WeekOf(time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC))
	if got := InferPeriod([]*Submission{a, b, c}, fallback); got != w48 {
		t.Errorf("InferPeriod = %v, want 2026-W48", got)
	}
	if got := InferPeriod(nil, fallback); got != fallback {
		t.Errorf("InferPeriod(nil) = %v, want the fallback", got)
	}
}

func TestReportDateInTheFuture(t *testing.T) {
	p := testPlan(t)
	s := goodSubmission(p, "cong-an")
	d := vi.Day(2026, 11, 25)
	s.ReportDate.Date = &d
	for _, tt := range []struct {
		today time.Time
		want  bool
	}{
		{vi.Day(2026, 11, 24), true},
		{time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC), false},
		{time.Time{}, false},
	} {
		fr := Validate(p, []*Submission{s}, w48, tt.today).Files[0]
		got := slices.ContainsFunc(fr.Findings, func(f Finding) bool { return f.Code == DateFuture })
		if got != tt.want || !fr.Accepted {
			t.Errorf("today %v: future warning %v (want %v), accepted %v", tt.today, got, tt.want, fr.Accepted)
		}
	}
}

// A month may be made of the units' weekly reports: a week inside the
// month's window is used with a warning; any other period is an error.
func TestWeekForMonth(t *testing.T) {
	p := testPlan(t)
	nov, _ := plan.ParsePeriod("2026-11") // 15/10 – 14/11/2026
	for _, tc := range []struct {
		week     string
		code     Code
		severity Severity
		accepted bool
	}{
		{"2026-W45", WeekForMonth, Warning, true},  // 29/10 – 04/11
		{"2026-W46", WeekForMonth, Warning, true},  // 05/11 – 11/11
		{"2026-W47", PeriodMismatch, Error, false}, // 12/11 – 18/11: runs past the month
		{"2026-W42", PeriodMismatch, Error, false}, // 08/10 – 14/10: before it
		{"2026-10", PeriodMismatch, Error, false},
	} {
		s := goodSubmission(p, "tram-y-te")
		s.Period.Text = tc.week
		s.ReportDate.Text = "11/11/2026"
		fr := Validate(p, []*Submission{s}, nov, time.Time{}).Files[0]
		var got *Finding
		for i := range fr.Findings {
			if fr.Findings[i].Code == tc.code {
				got = &fr.Findings[i]
			}
		}
		if got == nil || got.Severity != tc.severity || fr.Accepted != tc.accepted {
			t.Errorf("%s for %s: finding %v, accepted %v; findings %v", tc.week, nov, got, fr.Accepted, fr.Findings)
		}
	}
}

// A cell's text quoted in a message is bounded: a status cell of 8,000
// characters (or a unit name, a period, a date, a figure) is not echoed
// whole into the finding, the check JSON, the Kiểm tra sheet and the PDF.
func TestEchoedTextBounded(t *testing.T) {
	p := testPlan(t)
	long := strings.Repeat("X", 8000)
	mutations := map[string]func(s *Submission){
		"status":    func(s *Submission) { rowOf(s, 6).Status.Text = long },
		"progress":  func(s *Submission) { rowOf(s, 6).Progress.Text = long; rowOf(s, 6).Progress.Num = nil },
		"unit":      func(s *Submission) { s.Unit.Text = long },
		"unit meta": func(s *Submission) { s.Unit.Text = long; s.Meta["unit_id"] = "tram-y-te" },
		"period":    func(s *Submission) { s.Period.Text = long },
		"date":      func(s *Submission) { s.ReportDate = txt(long, "C6") },
		"model":     func(s *Submission) { rowOf(s, 6).Model.Text = long },
	}
	for name, mutate := range mutations {
		s := goodSubmission(p, "tram-y-te")
		mutate(s)
		c := Validate(p, []*Submission{s}, w48, time.Time{})
		found := false
		for _, f := range c.Files[0].Findings {
			if strings.Contains(f.Message, "XXXX") {
				found = true
			}
			if n := len([]rune(f.Message)); n > 300 {
				t.Errorf("%s: a message of %d characters: %.80q…", name, n, f.Message)
			}
		}
		if !found {
			t.Errorf("%s: the text is not quoted at all", name)
		}
	}
}

// Many files are checked on every core: each file's result is the one it
// gets alone, in the files' order (run with -race, this also shows the
// plan is only read).
func TestValidateManyFiles(t *testing.T) {
	p := testPlan(t)
	var subs []*Submission
	for i := range 300 {
		u := p.ReportingUnits()[i%len(p.ReportingUnits())]
		s := goodSubmission(p, u.ID)
		s.Name = fmt.Sprintf("%03d-%s.xlsx", i, u.ID)
		if i%7 == 0 {
			rowOf(s, p.Assignments(u.ID)[0].Model.Number).Status = txt("tốt", "E11")
		}
		subs = append(subs, s)
	}
	c := Validate(p, subs, w48, time.Time{})
	if len(c.Files) != len(subs) {
		t.Fatalf("%d results for %d files", len(c.Files), len(subs))
	}
	for i, fr := range c.Files {
		alone := Validate(p, subs[i:i+1], w48, time.Time{}).Files[0]
		if fr.Sub != subs[i] || len(fr.Entries) != len(alone.Entries) || fr.Unit != alone.Unit {
			t.Fatalf("file %d: not its own result", i)
		}
		// Beyond its own findings, a file has at most the one saying
		// another file of its unit is used instead.
		if extra := len(fr.Findings) - len(alone.Findings); extra != 0 && (extra != 1 || fr.UsedInstead == "") {
			t.Errorf("file %d: %d findings, %d alone", i, len(fr.Findings), len(alone.Findings))
		}
	}
}

// Each indicator error's hint says what fixes that error, not the others':
// a number over its total is not told to be non-negative.
func TestIndicatorHints(t *testing.T) {
	p := testPlan(t)
	cases := map[string]struct {
		mutate func(*Submission)
		want   string
	}{
		"not a number": {func(s *Submission) { rowOf(s, 6).Achieved.Text = "nhiều" }, hintIndicator},
		"negative":     {func(s *Submission) { rowOf(s, 6).Achieved.Num = num(-1) }, hintIndicator},
		"over total":   {func(s *Submission) { rowOf(s, 6).Achieved.Num = num(340); rowOf(s, 6).Total.Num = num(326) }, hintIndicatorOver},
		"no total":     {func(s *Submission) { rowOf(s, 6).Achieved.Num = num(5) }, hintIndicatorNoTotal},
	}
	for name, c := range cases {
		s := goodSubmission(p, "tram-y-te")
		c.mutate(s)
		var hints []string
		for _, f := range Validate(p, []*Submission{s}, w48, time.Time{}).Files[0].Findings {
			if f.Code == IndicatorInvalid {
				hints = append(hints, f.Hint)
			}
		}
		if len(hints) != 1 || hints[0] != c.want {
			t.Errorf("%s: hints %q, want %q", name, hints, c.want)
		}
	}
	if strings.Contains(hintIndicatorOver, "âm") {
		t.Errorf("the hint for a number over its total speaks of negatives: %q", hintIndicatorOver)
	}
}

// A fraction is read as a percentage and said; a percent-formatted cell or
// a "%" is not a fraction.
func TestProgressFraction(t *testing.T) {
	pct := Value{Num: num(0.8), Percent: true}
	for v, want := range map[*Value]bool{{Num: num(0.8)}: true, {Text: "0,8"}: true, &pct: false, {Text: "0,8%"}: false, {Num: num(80)}: false, {Num: num(1)}: false} {
		if got := progressFraction(*v); got != want {
			t.Errorf("progressFraction(%+v) = %v, want %v", *v, got, want)
		}
	}
}

// A text longer than a cell holds is read whole but cut wherever it is
// written again: the unit is warned, the model and the field named; a
// text that fits says nothing.
func TestCellTextCutWarned(t *testing.T) {
	p := testPlan(t)
	s := goodSubmission(p, "tram-y-te")
	r := rowOf(s, 6)
	r.Result = txt(strings.Repeat("a", 100_000), r.Result.Cell)
	r.Proposal = txt(strings.Repeat("ư", MaxCellText), "L11") // fits exactly
	fr := Validate(p, []*Submission{s}, w48, time.Time{}).Files[0]
	var cut []Finding
	for _, f := range fr.Findings {
		if f.Code == TextTooLong {
			cut = append(cut, f)
		}
	}
	if len(cut) != 1 || cut[0].Severity != Warning || cut[0].Model != 6 || cut[0].Cell != r.Result.Cell ||
		!strings.Contains(cut[0].Message, "Kết quả của mô hình 6 dài 100000 ký tự") || !strings.Contains(cut[0].Message, "32767") {
		t.Fatalf("findings %+v", cut)
	}
	if !fr.Accepted {
		t.Fatal("a long text refused the file; it only warns")
	}
}
