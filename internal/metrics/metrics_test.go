package metrics

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/caongoc/de06/internal/vi"
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

// oldWrap is the wrapping this package had before it was made linear:
// every candidate line measured again from its start, and a long word cut
// by measuring every prefix. Wrap must give the same lines on ordinary
// (NFC) text.
func oldWrap(text string, style Style, size, w float64) []string {
	var lines []string
	for _, para := range vi.SplitLines(text) {
		words := strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' })
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := ""
		for _, word := range words {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if Width(cand, style, size) <= w {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for Width(word, style, size) > w {
				r := []rune(word)
				n := len(r)
				for n > 1 && Width(string(r[:n]), style, size) > w {
					n--
				}
				lines = append(lines, string(r[:n]))
				word = string(r[n:])
			}
			line = word
		}
		lines = append(lines, line)
	}
	return lines
}

func TestWrapEqualsOld(t *testing.T) {
	texts := []string{
		"",
		"Công an xã tuyên truyền, hướng dẫn người dân cài đặt VNeID",
		"Đã hoàn thành\n\nTiến độ 95,7 %; 4.512/5.130 hồ sơ\tđã số hoá",
		"Cục C06\u00a0-\u00a0BCA, Công an tỉnh Thanh Hoá\u00a0- Phòng PC06",
		"  khoảng   trắng  ở   đầu và cuối  ",
		"https://de06.example.vn/u/abcdefghijklmnopqrstuvwxyz234567 là đường dẫn của Trạm Y tế xã",
		strings.Repeat("X", 300),
		"ngắn " + strings.Repeat("Ư", 120) + " rồi " + strings.Repeat("m", 77) + " hết",
		strings.Repeat("Triển khai mô hình điểm về cấp căn cước. ", 40),
		"€ ₫ “ngoặc” — gạch… ½ ¼ © § ° µ ü ö é ñ ® ≥ 中文字符 😀",
	}
	for _, text := range texts {
		for _, style := range []Style{"", "B", "I", "BI"} {
			for _, size := range []float64{8, 11, 12, 14} {
				for _, w := range []float64{0, 5, 12, 40, 80, 133.7, 200, 468, 1000} {
					if narrowerThanALetter(text, style, size, w) {
						continue // the old cut left an empty last line there
					}
					got, want := Wrap(text, style, size, w), oldWrap(text, style, size, w)
					if !slices.Equal(got, want) {
						t.Fatalf("Wrap(%.40q, %q, %v, %v)\n got %q\nwant %q", text, style, size, w, got, want)
					}
				}
			}
		}
	}
}

func narrowerThanALetter(text string, style Style, size, w float64) bool {
	for _, r := range text {
		if Width(string(r), style, size) > w {
			return true
		}
	}
	return false
}

// A column narrower than one letter: a letter per line, and no empty line
// after them (the old cut added one).
func TestWrapNarrowerThanALetter(t *testing.T) {
	got := Wrap("ab", "", 12, 1)
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("got %q", got)
	}
}

// A word far wider than its column is cut into full pieces, linearly: with
// the old prefix-measuring cut the 100,000-character word alone took
// minutes.
func TestWrapLongWord(t *testing.T) {
	for _, n := range []int{8_000, 100_000} {
		word := strings.Repeat("X", n)
		lines := Wrap("trạng thái: "+word+" hết", "", 12, 100)
		if strings.Join(lines, "") != strings.ReplaceAll("trạng thái:"+word+"hết", " ", "") {
			// pieces of the word plus the words around it
			joined := strings.Join(lines, " ")
			if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll("trạng thái: "+word+" hết", " ", "") {
				t.Fatalf("%d: text lost or changed", n)
			}
		}
		for i, l := range lines {
			if w := Width(l, "", 12); w > 100 {
				t.Fatalf("%d: line %d is %v wide", n, i, w)
			}
			// Every full piece of the word is as long as fits.
			if i > 0 && i < len(lines)-2 && Width(l+"X", "", 12) <= 100 {
				t.Fatalf("%d: line %d could take one more letter", n, i)
			}
		}
	}
}

// A mark never leaves its letter, and a word of marks alone ends.
func TestWrapKeepsMarks(t *testing.T) {
	word := strings.Repeat("e\u0302\u0301", 50) // ế, decomposed
	for _, l := range Wrap(word, "", 12, 20) {
		if strings.HasPrefix(l, "\u0301") || strings.HasPrefix(l, "\u0302") {
			t.Fatalf("line starts with a mark: %q", l)
		}
	}
	marks := "a" + strings.Repeat("\u0301", 5000)
	if lines := Wrap(marks, "", 12, -1); len(lines) == 0 {
		t.Fatal("no line")
	}
}

// BenchmarkWrapLongWord wraps a status cell of n "X" into a narrow column,
// beside its floor: measuring the same text once (Width).
func BenchmarkWrapLongWord(b *testing.B) {
	for _, n := range []int{2_000, 8_000, 100_000} {
		text := strings.Repeat("X", n)
		b.Run(fmt.Sprintf("floor-%d", n), func(b *testing.B) {
			for b.Loop() {
				Width(text, "", 12)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
		})
		b.Run(fmt.Sprintf("wrap-%d", n), func(b *testing.B) {
			for b.Loop() {
				Wrap(text, "", 12, 60)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
		})
	}
}
