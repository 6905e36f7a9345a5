package metrics

import (
	"math"
	"testing"
)

func TestWidth(t *testing.T) {
	// Liberation Serif (Times New Roman): "0" is half an em, a space a
	// quarter.
	if w := Width("0", "", 12); math.Abs(w-6) > 0.01 {
		t.Errorf("width of 0 at 12 = %v, want 6", w)
	}
	if w := Width(" ", "", 10); math.Abs(w-2.5) > 0.01 {
		t.Errorf("width of a space at 10 = %v, want 2,5", w)
	}
	if Width("Đảm bảo", "B", 12) <= Width("Đảm bảo", "", 12) {
		t.Error("bold is not wider")
	}
	// Decomposed text measures as composed.
	if Width("Quy\u0301", "", 12) != Width("Quý", "", 12) {
		t.Error("NFD measured differently")
	}
}

func TestWrap(t *testing.T) {
	text := "Công an xã tuyên truyền, hướng dẫn người dân cài đặt VNeID"
	for _, w := range []float64{40, 80, 200, 1000} {
		lines := Wrap(text, "", 12, w)
		for _, l := range lines {
			if Width(l, "", 12) > w {
				t.Errorf("width %v: line %q too wide", w, l)
			}
		}
		if w == 1000 && len(lines) != 1 {
			t.Errorf("wide enough, yet %d lines", len(lines))
		}
	}
	// A no-break space binds.
	if lines := Wrap("Cục C06\u00a0-\u00a0BCA", "", 12, 60); len(lines) != 2 || lines[1] != "C06\u00a0-\u00a0BCA" {
		t.Errorf("broke at a no-break space: %q", lines)
	}
}
