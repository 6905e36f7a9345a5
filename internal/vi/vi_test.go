package vi

import (
	"slices"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // "" when refused
	}{
		{"25/11/2026", "2026-11-25"}, {"5/2/2026", "2026-02-05"}, {"05.02.2026", "2026-02-05"},
		{"05-02-2026", "2026-02-05"}, {"30 9 2024", "2024-09-30"}, {" 1/1/2027 ", "2027-01-01"},
		{"31/02/2026", ""}, {"0/1/2026", ""}, {"1/13/2026", ""}, {"2026-11-25", ""}, {"25/11/26", ""}, {"", ""},
	} {
		got, ok := ParseDate(tt.in)
		if (tt.want == "") == ok || (ok && got.Format(time.DateOnly) != tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tt := range []struct {
		f             float64
		report, typed string
	}{
		{4512, "4.512", "4512"}, {95.66, "95,7", "95,66"}, {0.5, "0,5", "0,5"}, {1234567.25, "1.234.567,3", "1234567,25"},
		{-3.2, "-3,2", "-3,2"}, {99.96, "100", "99,96"}, {0, "0", "0"},
	} {
		if got := FormatNumber(tt.f); got != tt.report {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.f, got, tt.report)
		}
		if got := FormatExact(tt.f); got != tt.typed {
			t.Errorf("FormatExact(%v) = %q, want %q", tt.f, got, tt.typed)
		}
	}
}

func TestText(t *testing.T) {
	if got := Fold("TRẠM  Y-TẾ xã"); got != "tram y te xa" {
		t.Errorf("Fold = %q", got)
	}
	if got := Slug("Trạm y tế (gõ tay)"); got != "tram-y-te-go-tay" {
		t.Errorf("Slug = %q", got)
	}
	if got := NFC("Quy\u0301"); got != "Quý" {
		t.Errorf("NFC = %q", got)
	}
	if got := SplitLines("a\r\n\nb"); !slices.Equal(got, []string{"a", "", "b"}) {
		t.Errorf("SplitLines = %q", got)
	}
	if got := ListLines(" a \r\n\n b\n"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("ListLines = %q", got)
	}
	if got := Shorten("Công an xã Cao Ngọc", 10); got != "Công an x…" {
		t.Errorf("Shorten = %q", got)
	}
}

func TestInSentence(t *testing.T) {
	for in, want := range map[string]string{"Xã Minh Sơn": "xã Minh Sơn", "Phường Hạc Thành": "phường Hạc Thành",
		"Thị trấn Ngọc Lặc": "thị trấn Ngọc Lặc", "Đặc khu Phú Quốc": "đặc khu Phú Quốc", "Công an xã": "Công an xã", "Xãa": "Xãa"} {
		if got := InSentence(in); got != want {
			t.Errorf("InSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
