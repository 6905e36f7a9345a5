package excel

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/xuri/excelize/v2"
)

// A template pre-filled from last period reads back as exactly what was
// filled in: status, numbers and text, row by row.
func TestPrefilledTemplateReadsBack(t *testing.T) {
	p := defaultPlan(t)
	cur, _ := plan.ParsePeriod("2026-W49")
	prevPeriod, _ := plan.ParsePeriod("2026-W48")
	f := func(v float64) *float64 { return &v }
	unit := "tram-y-te"
	form, err := report.NewForm(p, unit, cur)
	if err != nil {
		t.Fatal(err)
	}
	statuses := []report.Status{report.StatusInProgress, report.StatusDone, report.StatusRecurring, report.StatusNotStarted}
	prev := &report.Previous{Period: prevPeriod}
	for i, r := range form.Rows {
		e := report.PreviousEntry{UnitID: unit, Model: r.Model.Number, Status: statuses[i%len(statuses)],
			Result: "Đã cài đặt \"ứng dụng\" cho 1.234 người; xuống dòng\nthứ hai", Difficulty: "Mạng yếu", Proposal: "Cấp thêm máy",
			Tasks: "Tiếp tục rà soát"}
		if e.Status == report.StatusInProgress {
			e.Progress = f(62.5)
		}
		if i == 0 {
			e.Result = strings.TrimSpace(strings.Repeat("Hướng dẫn công dân kích hoạt tài khoản định danh điện tử mức độ 2. ", 8))
		}
		if r.Indicator {
			e.Achieved = f(1234)
			if r.Model.Indicator.Ratio() {
				e.Total = f(2000)
			}
		}
		prev.Entries = append(prev.Entries, e)
	}
	// Another unit's entry, and a "not reported" one, fill nothing.
	prev.Entries = append(prev.Entries, report.PreviousEntry{UnitID: "cong-an", Model: form.Rows[0].Model.Number, Status: report.StatusDone})
	n, err := form.Prefill(prev)
	if err != nil || n != len(form.Rows) {
		t.Fatalf("Prefill = %d, %v; want %d rows", n, err, len(form.Rows))
	}
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, form, p.Document.StandingAgency); err != nil {
		t.Fatal(err)
	}
	// Rows are tall enough to show last period's text whole.
	xf, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for i := range form.Rows {
		ht, _ := xf.GetRowHeight(sheetReport, rowFirstModel+i)
		need := min(textHeight(prev.Entries[i].Result, reportColumns[columnOf(fResult)-1].width, 12, false), 409)
		if ht < need {
			t.Errorf("row %d is %.0f pt high, its result needs %.0f", i, ht, need)
		}
	}
	xf.Close()
	sub := Reader{}.Read(buf.Bytes(), &report.Submission{Path: "x.xlsx", Name: "x.xlsx", Meta: map[string]string{}})
	today := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	// Sent back untouched and undated, it is last period's report again:
	// the template's record of its pre-fill says so.
	if fr := report.Validate(p, []*report.Submission{sub}, cur, today).Files[0]; fr.Accepted {
		t.Fatalf("an untouched, undated pre-filled template was accepted: %v", fr.Findings)
	}
	// Dated, the unit says nothing changed: its values are read back whole.
	d := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	sub = Reader{}.Read(buf.Bytes(), &report.Submission{Path: "x.xlsx", Name: "x.xlsx", Meta: map[string]string{}})
	sub.ReportDate = report.Value{Text: "27/11/2026", Cell: sub.ReportDate.Cell, Date: &d}
	fr := report.Validate(p, []*report.Submission{sub}, cur, today).Files[0]
	if !fr.Accepted || len(fr.Entries) != len(form.Rows) {
		t.Fatalf("accepted %v, %d entries; findings %v", fr.Accepted, len(fr.Entries), fr.Findings)
	}
	same := func(a, b *float64) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }
	for i, got := range fr.Entries {
		want := prev.Entries[i]
		if got.Model.Number != want.Model || got.Status != want.Status || !same(got.Progress, want.Progress) ||
			!same(got.Achieved, want.Achieved) || !same(got.Total, want.Total) || got.Result != want.Result ||
			got.Difficulty != want.Difficulty || got.Proposal != want.Proposal || got.Tasks != want.Tasks {
			t.Errorf("row %d: got %+v, want %+v", i, got, want)
		}
	}
}

// Prefill refuses a report of the same or a later period.
func TestPrefillNeedsAnEarlierPeriod(t *testing.T) {
	p := defaultPlan(t)
	for _, tc := range []struct {
		cur, prev string
		ok        bool
	}{{"2026-W49", "2026-W48", true}, {"2026-W48", "2026-W48", false}, {"2026-W48", "2026-W49", false}, {"2026-12", "2026-11", true}, {"2026-W49", "2026-12", false}} {
		cur, _ := plan.ParsePeriod(tc.cur)
		prev, _ := plan.ParsePeriod(tc.prev)
		form, err := report.NewForm(p, "tram-y-te", cur)
		if err != nil {
			t.Fatal(err)
		}
		_, err = form.Prefill(&report.Previous{Period: prev})
		if (err == nil) != tc.ok {
			t.Errorf("%s from %s: err = %v, want ok %v", tc.cur, tc.prev, err, tc.ok)
		}
	}
}
