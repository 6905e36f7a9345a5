package rollup

import (
	"slices"
	"testing"

	"github.com/caongoc/de06/plan"
)

func TestCommuneName(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"UBND xã Minh Sơn", "Công an xã Minh Sơn", "Minh Sơn"}, "Xã Minh Sơn"},
		{[]string{"Ủy ban nhân dân phường Hạc Thành"}, "Phường Hạc Thành"},
		{[]string{"Công an thị trấn Ngọc Lặc"}, "Thị trấn Ngọc Lặc"},
		{[]string{"UBND Minh Sơn", "Minh Sơn"}, "Minh Sơn"},
		{[]string{"Cao Ngọc"}, "Cao Ngọc"},
		{nil, ""},
	} {
		if got := communeName(tc.names); got != tc.want {
			t.Errorf("communeName(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
}

func TestMatchCommune(t *testing.T) {
	units := []*plan.Unit{
		{ID: "xa-minh-son", Name: "Xã Minh Sơn"},
		{ID: "xa-ngoc-lac", Name: "Xã Ngọc Lặc", Aliases: []string{"Thị trấn Ngọc Lặc"}},
		{ID: "phuong-ba-dinh", Name: "Phường Ba Đình"},
		{ID: "xa-ba-dinh", Name: "Xã Ba Đình"},
	}
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"UBND xã Minh Sơn"}, "xa-minh-son"},
		{[]string{"Công an xã MINH SON"}, "xa-minh-son"},
		{[]string{"Minh Sơn"}, "xa-minh-son"},
		{[]string{"UBND thị trấn Ngọc Lặc"}, "xa-ngoc-lac"}, // an alias
		{[]string{"Phường Minh Sơn"}, ""},                   // another kind
		{[]string{"Ba Đình"}, ""},                           // two communes answer
		{[]string{"Ba Đình", "UBND phường Ba Đình"}, "phuong-ba-dinh"},
		{[]string{"Xã Cao Ngọc"}, ""},
	} {
		got := ""
		if u := match(units, tc.names); u != nil {
			got = u.ID
		}
		if got != tc.want {
			t.Errorf("match(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
}

func TestCleanList(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  []string
	}{
		{[]string{"\ufeffXã Minh Sơn", "", "Xã Ngọc Lặc\r", "# đã sáp nhập", "  Phường Hạc Thành  "}, []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Phường Hạc Thành"}},
		{[]string{"Tên xã, phường", "1. Xã Minh Sơn", "2) Xã Ngọc Lặc", "- Xã Thạch Lập"}, []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Xã Thạch Lập"}},
		{[]string{"STT", "Xã Minh Sơn"}, []string{"Xã Minh Sơn"}},
		{[]string{"Xã Minh Sơn", "Xã"}, []string{"Xã Minh Sơn", "Xã"}}, // a heading only first
		{[]string{"Xa\u0303 Minh Sơn"}, []string{"Xã Minh Sơn"}},       // NFD to NFC
	} {
		if got := CleanList(tc.lines); !slices.Equal(got, tc.want) {
			t.Errorf("CleanList(%q) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

func TestNewProvince(t *testing.T) {
	pl := provincePlan()
	if pv := NewProvince(pl, nil); len(pv.Communes) != 3 || pv.Communes[0].ID != "xa-minh-son" {
		t.Errorf("without a list: %v", pv.Communes)
	}
	pv := NewProvince(pl, []string{"Minh Sơn", "Xã Kiên Thọ", "xã minh sơn"})
	var ids []string
	for _, u := range pv.Communes {
		ids = append(ids, u.ID+"="+u.Name)
	}
	if want := []string{"xa-minh-son=Xã Minh Sơn", "xa-kien-tho=Xã Kiên Thọ"}; !slices.Equal(ids, want) {
		t.Errorf("with a list: %q, want %q", ids, want)
	}
}
