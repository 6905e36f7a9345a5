package report

import (
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

func TestDefaultReportDate(t *testing.T) {
	m11, _ := time.Parse(time.DateOnly, "2026-11-15")
	for _, tt := range []struct {
		today string
		want  string
	}{
		{"2026-11-27", "2026-11-25"}, // after the Wednesday: the Wednesday
		{"2026-11-24", "2026-11-24"}, // before it: today
		{"2026-11-25", "2026-11-25"},
	} {
		today, _ := time.Parse(time.DateOnly, tt.today)
		if got := DefaultReportDate(w48, today).Format(time.DateOnly); got != tt.want {
			t.Errorf("DefaultReportDate(W48, %s) = %s, want %s", tt.today, got, tt.want)
		}
	}
	month := plan.Period{Kind: plan.Monthly, Year: 2026, N: 11}
	if got := DefaultReportDate(month, m11.AddDate(0, 0, 3)); !got.Equal(m11) {
		t.Errorf("monthly default = %v, want the 15th", got)
	}
}

func TestSigningDate(t *testing.T) {
	for today, want := range map[string]string{
		"2026-11-29": "2026-11-29", // the Wednesday past: today
		"2026-11-24": "2026-11-24", // still to come: today (an early report is a draft)
		"2026-11-25": "2026-11-25",
	} {
		d, _ := time.Parse(time.DateOnly, today)
		if got := SigningDate(w48, d.Add(15*time.Hour)).Format(time.DateOnly); got != want {
			t.Errorf("SigningDate(W48, %s) = %s, want %s", today, got, want)
		}
	}
}

func TestCheckDocument(t *testing.T) {
	p := testPlan(t)
	has := func(fs []Finding, c Code) bool {
		for _, f := range fs {
			if f.Code == c {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		date           time.Time
		early, distric bool
	}{
		{vi.Day(2026, 11, 25), false, true},
		{vi.Day(2026, 11, 24), true, true}, // before the window's last day
		{vi.Day(2026, 12, 2), false, true},
		{vi.Day(2026, 12, 3), true, true},
		{vi.Day(2026, 11, 18), true, true},
		{vi.Day(2025, 6, 30), true, true}, // district police ended on 01/3/2025
		{vi.Day(2025, 2, 28), true, false},
	} {
		fs := CheckDocument(p, w48, tt.date)
		if has(fs, DocumentDate) != tt.early || has(fs, DocumentDistrict) != tt.distric {
			t.Errorf("%s: %v", vi.FormatDate(tt.date), fs)
		}
	}
	// A commune that updated its header after the reform gets no warning.
	p.Header.ParentAgency, p.Header.Recipients = "Công an tỉnh Thanh Hóa", []string{"Tổ công tác Đề án 06 tỉnh"}
	p.Header.Distribution = []string{"Như trên", "Lưu: VT"}
	if fs := CheckDocument(p, w48, vi.Day(2026, 11, 25)); has(fs, DocumentDistrict) || !has(fs, DocumentUnconfirmed) {
		t.Errorf("updated header: %v", fs)
	}
	// Confirmed, it gives no warning at all.
	p.Header.Confirmed = true
	if fs := CheckDocument(p, w48, vi.Day(2026, 11, 25)); len(fs) != 0 {
		t.Errorf("confirmed header: %v", fs)
	}
}

// A month signed before it ends (the default date when today is earlier)
// is warned about, saying when the window ends.
func TestCheckDocumentEarly(t *testing.T) {
	p := testPlan(t)
	month := plan.Period{Kind: plan.Monthly, Year: 2026, N: 12}
	var msgs []string
	for _, f := range CheckDocument(p, month, vi.Day(2026, 11, 29)) {
		if f.Code == DocumentDate {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "trước ngày kết thúc tháng 12 năm 2026 (14/12/2026)") {
		t.Errorf("early month: %q", msgs)
	}
	for _, f := range CheckDocument(p, month, vi.Day(2026, 12, 15)) {
		if f.Code == DocumentDate {
			t.Errorf("on its report day: %v", f)
		}
	}
}
