package plan

import (
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in, canon, label string
		report           string
	}{
		{"2026-W48", "2026-W48", "Tuần 48 năm 2026 (từ ngày 19/11/2026 đến ngày 25/11/2026)", "25/11/2026"},
		{"2026-w1", "2026-W01", "Tuần 1 năm 2026 (từ ngày 25/12/2025 đến ngày 31/12/2025)", "31/12/2025"},
		{"2020-W53", "2020-W53", "Tuần 53 năm 2020 (từ ngày 24/12/2020 đến ngày 30/12/2020)", "30/12/2020"},
		{"2026-11", "2026-11", "Tháng 11 năm 2026 (từ ngày 15/10/2026 đến ngày 14/11/2026)", "15/11/2026"},
		{"2026-1", "2026-01", "Tháng 1 năm 2026 (từ ngày 15/12/2025 đến ngày 14/01/2026)", "15/01/2026"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.String() != tt.canon {
				t.Errorf("String() = %q, want %q", p.String(), tt.canon)
			}
			if p.Label() != tt.label {
				t.Errorf("Label() = %q, want %q", p.Label(), tt.label)
			}
			if got := vi.FormatDate(p.ReportDay()); got != tt.report {
				t.Errorf("ReportDay() = %s, want %s", got, tt.report)
			}
			if p.Kind == Weekly && p.ReportDay().Weekday() != time.Wednesday {
				t.Errorf("report day %v is not a Wednesday", p.ReportDay())
			}
		})
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, in := range []string{"", "2026", "2026-W54", "2025-W53", "2026-W0", "2026-13", "2026-00", "tuần 48", "48/2026"} {
		if p, err := ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", in, p)
		}
	}
}

func TestCurrentPeriod(t *testing.T) {
	tests := []struct {
		day         time.Time
		week, month string
	}{
		{vi.Day(2026, 11, 25), "2026-W48", "2026-12"}, // a report Wednesday belongs to its own week
		{vi.Day(2026, 11, 19), "2026-W48", "2026-12"}, // Thursday opens the window
		{vi.Day(2026, 11, 27), "2026-W49", "2026-12"},
		{vi.Day(2026, 11, 14), "2026-W47", "2026-11"},
		{vi.Day(2026, 11, 15), "2026-W47", "2026-12"},
		{vi.Day(2025, 12, 31), "2026-W01", "2026-01"},
		{vi.Day(2026, 12, 20), "2026-W52", "2027-01"},
	}
	for _, tt := range tests {
		if got := WeekOf(tt.day).String(); got != tt.week {
			t.Errorf("WeekOf(%s) = %s, want %s", vi.FormatDate(tt.day), got, tt.week)
		}
		if got := MonthOf(tt.day).String(); got != tt.month {
			t.Errorf("MonthOf(%s) = %s, want %s", vi.FormatDate(tt.day), got, tt.month)
		}
		if w := WeekOf(tt.day); !w.Contains(tt.day) {
			t.Errorf("WeekOf(%s) = %s does not contain the day", vi.FormatDate(tt.day), w.Label())
		}
		if m := MonthOf(tt.day); !m.Contains(tt.day) {
			t.Errorf("MonthOf(%s) = %s does not contain the day", vi.FormatDate(tt.day), m.Label())
		}
	}
}

func TestPreviousPeriod(t *testing.T) {
	for in, want := range map[string]string{"2026-W48": "2026-W47", "2026-W01": "2025-W52", "2026-01": "2025-12", "2026-11": "2026-10"} {
		p, _ := ParsePeriod(in)
		if got := p.Previous().String(); got != want {
			t.Errorf("%s.Previous() = %s, want %s", in, got, want)
		}
	}
}

func TestNextPeriod(t *testing.T) {
	for in, want := range map[string]string{"2026-W48": "2026-W49", "2026-W53": "2027-W01", "2025-W52": "2026-W01", "2026-12": "2027-01", "2026-11": "2026-12"} {
		p, err := ParsePeriod(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Next().String(); got != want {
			t.Errorf("%s.Next() = %s, want %s", in, got, want)
		}
		if back := p.Next().Previous(); back != p {
			t.Errorf("%s.Next().Previous() = %s", in, back)
		}
	}
}

func TestReadPeriod(t *testing.T) {
	tests := map[string]string{
		"2026-W48": "2026-W48",
		"Tuần 48 năm 2026 (từ ngày 19/11/2026 đến ngày 25/11/2026)": "2026-W48",
		"tuan 48 nam 2026":  "2026-W48",
		"Tháng 11 năm 2026": "2026-11",
		"tuần này":          "",
		"Tuần 60 năm 2026":  "",
		"":                  "",
	}
	for in, want := range tests {
		p, ok := ReadPeriod(in)
		if got := p.String(); ok != (want != "") || got != want {
			t.Errorf("ReadPeriod(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
