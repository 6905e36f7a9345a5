package excel

import (
	"strings"
	"testing"
)

// checkPart looks at eight bytes at a time: a control character is found
// wherever it sits, and tab, line feed and non-ASCII text pass.
func TestCheckPartControls(t *testing.T) {
	base := `<t a="1">Trạm y tế xã — 95,7%</t>` + strings.Repeat("x", 19)
	if err := checkPart([]byte(base)); err != nil {
		t.Fatalf("plain text declined: %v", err)
	}
	for i := range len(base) {
		for _, c := range []byte{0x00, 0x01, 0x0B, 0x0D, 0x1F, '\t', '\n'} {
			b := []byte(base)
			b[i] = c
			if base[i] >= 0x80 {
				continue // replacing a byte of a letter breaks UTF-8 anyway
			}
			err := checkPart(b)
			if allowed := c == '\t' || c == '\n'; (err == nil) != allowed {
				t.Errorf("byte %#x at %d: error %v", c, i, err)
			}
		}
	}
}
