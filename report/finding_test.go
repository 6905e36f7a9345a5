package report

import (
	"os"
	"regexp"
	"testing"
)

// Every finding code has a Vietnamese label: the code itself never stands
// in for one on the "Kiểm tra" sheet.
func TestEveryCodeHasALabel(t *testing.T) {
	src, err := os.ReadFile("finding.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := regexp.MustCompile(`Code = "([a-z.\-]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(codes) < 30 {
		t.Fatalf("found only %d codes", len(codes))
	}
	for _, m := range codes {
		if c := Code(m[1]); c.Label() == string(c) {
			t.Errorf("code %s has no label", c)
		}
	}
}
