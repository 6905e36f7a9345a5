package floor

import (
	"os"
	"path/filepath"
	"testing"
)

// The floors read what they are given: every file of the folder, to the
// end of every part (a corrupt part is an error, not a short cut).
func TestFloors(t *testing.T) {
	dir := t.TempDir()
	if err := Inputs(dir, filepath.Join("..", "..", "samples", "tuan-48-2026"), 10); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 10 || entries[0].Name() != "0000-bo-phan-mot-cua-2026-W48.xlsx" {
		t.Fatalf("inputs: %d files, first %q", len(entries), entries[0].Name())
	}
	for name, floor := range map[string]func(string) error{"TokenScan": TokenScan, "Inflate": Inflate} {
		if err := floor(dir); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A file cut short no longer is a workbook.
	path := filepath.Join(dir, entries[3].Name())
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for name, floor := range map[string]func(string) error{"TokenScan": TokenScan, "Inflate": Inflate} {
		if err := floor(dir); err == nil {
			t.Errorf("%s read a truncated workbook without an error", name)
		}
	}
	if err := Inputs(t.TempDir(), t.TempDir(), 1); err == nil {
		t.Error("Inputs without samples gave no error")
	}
}
