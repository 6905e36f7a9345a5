package scale

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each copy is another commune: its place is renamed in every part, and the
// list names it, with one commune in fifty that sent nothing.
func TestCommunes(t *testing.T) {
	dir := t.TempDir()
	list, err := Communes(filepath.Join("..", "..", "samples", "tinh"), dir, 51)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(list)
	names := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(names) != 52 || names[0] != "Hạc Thành 0001" || names[50] != "Xã Chưa Gửi 0050" {
		t.Errorf("list of %d: %q … %q", len(names), names[0], names[len(names)-1])
	}
	seen := map[string]bool{}
	for i := 1; i <= 51; i++ {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("xa-%04d.xlsx", i)))
		if err != nil {
			t.Fatal(err)
		}
		place, err := placeOf(data)
		if err != nil || seen[place] || !strings.HasSuffix(place, fmt.Sprintf(" %04d", i)) {
			t.Errorf("copy %d: place %q, %v", i, place, err)
		}
		seen[place] = true
	}
}
