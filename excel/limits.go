package excel

import (
	"bytes"
	"fmt"
	"strings"
)

// Limits for untrusted workbooks, checked before either reader parses.

// limitError: the workbook is beyond what any report holds; it is refused
// with this message instead of being read by either reader.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// checkLimits counts what makes reading slow, in the inflated parts, before
// anything is parsed. Counting tags over-counts a little (a prefix, text
// that looks like a tag is escaped so it cannot), which the limits allow.
func checkLimits(parts map[string][]byte) error {
	var cells, merges int
	for name, data := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		cells += bytes.Count(data, []byte("<c ")) + bytes.Count(data, []byte(":c "))
		merges += bytes.Count(data, []byte("mergeCell "))
	}
	switch {
	case merges > maxMerges:
		return &limitError{fmt.Sprintf(msgTooManyMerges, merges, maxMerges)}
	case cells > maxCells:
		return &limitError{fmt.Sprintf(msgTooManyCells, cells, maxCells)}
	case bytes.Count(parts[partShared], []byte("<si")) > maxSharedStrings:
		return &limitError{fmt.Sprintf(msgTooManyStrings, maxSharedStrings)}
	case bytes.Count(parts[partStyles], []byte("<xf ")) > maxStyles:
		return &limitError{fmt.Sprintf(msgTooManyStyles, maxStyles)}
	}
	return nil
}
