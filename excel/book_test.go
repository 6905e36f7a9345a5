package excel

import (
	"bytes"
	"testing"
)

// A write that fails anywhere (here: to a sheet that does not exist) makes
// the whole workbook fail, though nobody checked that one call.
func TestBookKeepsFirstError(t *testing.T) {
	b := newBook()
	defer b.Close()
	b.SetCellStr("Sheet1", "A1", "đúng")
	b.SetCellStr("Không có", "A1", "sai")
	b.SetCellStr("Sheet1", "A2", "đúng")
	var out bytes.Buffer
	if _, err := b.WriteTo(&out); err == nil || out.Len() != 0 {
		t.Fatalf("WriteTo = %v with %d bytes; want the failed write's error and nothing written", err, out.Len())
	}
}
