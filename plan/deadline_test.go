package plan

import (
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

func TestParseDeadline(t *testing.T) {
	d := func(y int, m time.Month, day int) string { return vi.Day(y, m, day).Format(time.DateOnly) }
	tests := []struct {
		text       string
		kind       DeadlineKind
		due        string // "" for none
		milestones []DeadlineKind
	}{
		{"30/9/2024", KindDate, d(2024, 9, 30), []DeadlineKind{KindDate}},
		{"31/12/2025", KindDate, d(2025, 12, 31), []DeadlineKind{KindDate}},
		{"Quý II/2024", KindQuarter, d(2024, 6, 30), []DeadlineKind{KindQuarter}},
		{"Quý I/2024", KindQuarter, d(2024, 3, 31), []DeadlineKind{KindQuarter}},
		{"quy 4/2024", KindQuarter, d(2024, 12, 31), []DeadlineKind{KindQuarter}},
		{"Quý III năm 2025", KindQuarter, d(2025, 9, 30), []DeadlineKind{KindQuarter}},
		{"Năm 2024", KindYear, d(2024, 12, 31), []DeadlineKind{KindYear}},
		{"Trong năm 2024", KindYear, d(2024, 12, 31), []DeadlineKind{KindYear}},
		{"Giai đoạn 2023 - 2025", KindRange, d(2025, 12, 31), []DeadlineKind{KindRange}},
		{"Giai đoạn 2023 – 2025", KindRange, d(2025, 12, 31), []DeadlineKind{KindRange}},
		{"Thường xuyên", KindRecurring, "", []DeadlineKind{KindRecurring}},
		{"Thực hiện thường xuyên", KindRecurring, "", []DeadlineKind{KindRecurring}},
		{"Trong năm 2023 và thường xuyên", KindRecurring, "", []DeadlineKind{KindYear, KindRecurring}},
		{"Năm 2023 và Thường xuyên", KindRecurring, "", []DeadlineKind{KindYear, KindRecurring}},
		{"Theo tiến độ triển khai của Bộ Công an", KindExternal, "", []DeadlineKind{KindExternal}},
		{"Theo lộ trình Đề án 06", KindExternal, "", []DeadlineKind{KindExternal}},
		{"Theo yêu cầu tiến độ của từng lĩnh vực cụ thể", KindExternal, "", []DeadlineKind{KindExternal}},
		{"Năm 2024 và theo lộ trình Đề án xây dựng cơ sở dữ liệu đất đai tỉnh Thanh Hóa", KindYear, d(2024, 12, 31), []DeadlineKind{KindYear, KindExternal}},
		{"- Trong năm 2024 đối với cấp tài khoản VNeID và tài khoản thanh toán điện tử;\n- Giai đoạn 2023 - 2025 đối với địa chỉ số, chữ ký số",
			KindRange, d(2025, 12, 31), []DeadlineKind{KindYear, KindRange}},
		// Decomposed (NFD) input reads the same.
		{"Quy\u0301 II/2024", KindQuarter, d(2024, 6, 30), []DeadlineKind{KindQuarter}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParseDeadline(tt.text)
			if err != nil {
				t.Fatalf("ParseDeadline(%q): %v", tt.text, err)
			}
			if got.Kind != tt.kind {
				t.Errorf("kind = %s, want %s", got.Kind, tt.kind)
			}
			due := ""
			if got.Due != nil {
				due = got.Due.Format(time.DateOnly)
			}
			if due != tt.due {
				t.Errorf("due = %q, want %q", due, tt.due)
			}
			if len(got.Milestones) != len(tt.milestones) {
				t.Fatalf("milestones = %+v, want kinds %v", got.Milestones, tt.milestones)
			}
			for i, k := range tt.milestones {
				if got.Milestones[i].Kind != k {
					t.Errorf("milestone %d kind = %s, want %s", i, got.Milestones[i].Kind, k)
				}
			}
		})
	}
}

func TestParseDeadlineErrors(t *testing.T) {
	for _, text := range []string{"", "sớm nhất có thể", "31/2/2024", "Quý V/2024", "Giai đoạn 2025 - 2023", "13/13/2024", "Năm 2024 và khi nào xong"} {
		t.Run(text, func(t *testing.T) {
			if d, err := ParseDeadline(text); err == nil {
				t.Errorf("ParseDeadline(%q) = %+v, want an error", text, d)
			}
		})
	}
}
