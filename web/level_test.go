package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/caongoc/de06/plan"
)

// A send's verdict reads the sending unit's records alone; what it finds
// is what the whole board says of that unit, whatever the others sent.
func TestUnitStatusOfIsTheBoards(t *testing.T) {
	d := newTestDesk(t, Config{})
	for _, s := range []struct{ unit, name, data string }{
		{"tram-y-te", "a.xlsx", "PK a"}, {"tram-y-te", "b.xlsx", "not a zip"}, {"cong-an", "c.xlsx", "PK c"},
		{"cong-an", "d.xlsx", "PK d"}, {"tu-phap-ho-tich", "e.xlsx", "nope"},
	} {
		if resp, body := d.upload(s.unit, s.name, []byte(s.data)); resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", s.name, resp.StatusCode, body)
		}
	}
	w48 := plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}
	b, err := d.srv.boardOf(w48)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range b.Units {
		got, err := d.srv.unitStatusOf(w48, want.Unit.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != want.State || len(got.Sends) != len(want.Sends) || (got.Counting == nil) != (want.Counting == nil) ||
			(got.Latest == nil) != (want.Latest == nil) || got.Late != want.Late {
			t.Errorf("%s: alone %+v, on the board %+v", want.Unit.ID, got, want)
			continue
		}
		if got.Counting != nil && got.Counting.ID != want.Counting.ID || got.Latest != nil && got.Latest.ID != want.Latest.ID {
			t.Errorf("%s: alone counts %v, on the board %v", want.Unit.ID, got.Counting, want.Counting)
		}
	}
	// (The fake engine's files are not reports: none counts.)
	if st, _ := d.srv.unitStatusOf(w48, "cong-an"); st.Latest == nil || !strings.HasPrefix(st.Latest.Name, "d") || len(st.Sends) != 2 {
		t.Errorf("the police's status alone: %+v", st)
	}
}
