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

// A row taller than Excel allows is set to the limit, not refused (excelize
// refuses it with an English error that would end the whole workbook).
func TestRowHeightKeptWithinExcel(t *testing.T) {
	b := newBook()
	defer b.Close()
	if err := b.SetRowHeight("Sheet1", 1, 600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := b.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	if h, _ := b.GetRowHeight("Sheet1", 1); h != 409 {
		t.Errorf("row height %v, want 409", h)
	}
}
