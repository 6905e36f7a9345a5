package report

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/caongoc/de06/internal/vi"
)

// ModelNumber folds only the start of a row's model text; it must read
// what the pattern it replaced reads in the whole folded text.
func TestModelNumberAsPattern(t *testing.T) {
	re := regexp.MustCompile(`^(?:mo hinh|mh) ?(\d+)`)
	cases := []string{
		"", "Mô hình 6: Triển khai dịch vụ công trực tuyến", "MÔ HÌNH 12", "mh6", "MH 37 — chỉ tiêu", "Mô hình: 6",
		"Mô hình 1234567890123456789012345", "Dịch vụ công trực tuyến toàn trình", "mo hinh",
		"- - - - - - - - - - - - Mô hình 18: phía sau dấu", // the number only past the first 24 runes
		strings.Repeat("·", 23) + "Mô hình 5",
		"Mô hình " + strings.Repeat("9", 30) + " tiếp",
		"Mô hình 444444444444444", // digits up to the cut
		"Mô hình 4444444444444444 và sau",
		norm.NFD.String("Mô hình 24: Tài khoản định danh điện tử"),
		"Mô hìnhh 3", "mh-3", "m h 3", "Mô  hình   7",
	}
	for _, text := range cases {
		want, wantOK := 0, false
		if g := re.FindStringSubmatch(vi.Fold(text)); g != nil {
			n, err := strconv.Atoi(g[1])
			want, wantOK = n, err == nil
		}
		if got, ok := ModelNumber(text); ok != wantOK || ok && got != want {
			t.Errorf("ModelNumber(%q) = %d, %v; want %d, %v", text, got, ok, want, wantOK)
		}
	}
}
