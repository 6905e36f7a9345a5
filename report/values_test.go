package report

import "testing"

func num(f float64) *float64 { return &f }

func TestParseProgress(t *testing.T) {
	tests := []struct {
		name string
		v    Value
		want float64
		ok   bool
	}{
		{"number", Value{Num: num(80)}, 80, true},
		{"text", Value{Text: "80"}, 80, true},
		{"percent text", Value{Text: "80%"}, 80, true},
		{"percent text with space", Value{Text: " 80 % "}, 80, true},
		{"fraction in percent cell", Value{Num: num(0.8), Percent: true}, 80, true},
		{"fraction typed", Value{Num: num(0.8)}, 80, true},
		{"fraction as text", Value{Text: "0,8"}, 80, true},
		{"one is one percent", Value{Num: num(1)}, 1, true},
		{"one in percent cell", Value{Num: num(1), Percent: true}, 100, true},
		{"decimal comma", Value{Text: "12,5%"}, 12.5, true},
		{"zero", Value{Num: num(0)}, 0, true},
		{"over 100 is read (validation rejects it)", Value{Text: "150"}, 150, true},
		{"words", Value{Text: "gần xong"}, 0, false},
		{"empty", Value{}, 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseProgress(tt.v)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: ParseProgress(%+v) = %v, %v; want %v, %v", tt.name, tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1250", 1250, true}, {"1.250", 1250, true}, {"1,250", 1250, true}, {"1.250.000", 1250000, true},
		{"12,5", 12.5, true}, {"12.5", 12.5, true}, {" 53 ", 53, true}, {"1 250", 1250, true},
		{"-3", -3, true}, {"", 0, false}, {"ba", 0, false}, {"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(Value{Text: tt.in})
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in   string
		want Status
		ok   bool
	}{
		{"Đã hoàn thành", StatusDone, true},
		{"đã hoàn thành", StatusDone, true},
		{"ĐÃ HOÀN THÀNH", StatusDone, true},
		{"hoan thanh", StatusDone, true},
		{"HT", StatusDone, true},
		{"Đã xong", StatusDone, true},
		{"xong", StatusDone, true},
		{"Đã hoàn thành (tháng 10)", StatusDone, true},
		{"Đang triển khai", StatusInProgress, true},
		{"đang thực hiện", StatusInProgress, true},
		{"dang trien khai", StatusInProgress, true},
		{"Chưa triển khai", StatusNotStarted, true},
		{"chưa hoàn thành", StatusNotStarted, true},
		{"Thực hiện thường xuyên", StatusRecurring, true},
		{"thường xuyên", StatusRecurring, true},
		{"TX", StatusRecurring, true},
		{"Đa\u0303 hoa\u0300n tha\u0300nh", StatusDone, true}, // NFD
		{"tốt", StatusNone, false},
		{"", StatusNone, false},
	}
	for _, tt := range tests {
		got, ok := ParseStatus(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseStatus(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
