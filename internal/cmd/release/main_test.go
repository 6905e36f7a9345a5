package main

import (
	"bytes"
	"testing"
)

func TestNumericVersion(t *testing.T) {
	for in, want := range map[string]string{"v1.2.3": "1.2.3.0", "1.0.0-rc1": "1.0.0.0", "v0.9.0-4-gabc1234-dirty": "0.9.0.0", "dev": "0.0.0.0", "abc1234": "0.0.0.0"} {
		if got := numericVersion(in); got != want {
			t.Errorf("numericVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCRLF(t *testing.T) {
	for in, want := range map[string]string{"a\nb\n": "a\r\nb\r\n", "a\r\nb": "a\r\nb", "": ""} {
		if got := crlf([]byte(in)); !bytes.Equal(got, []byte(want)) {
			t.Errorf("crlf(%q) = %q", in, got)
		}
	}
}
