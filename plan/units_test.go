package plan

import (
	"slices"
	"testing"

	"github.com/caongoc/de06/internal/vi"
)

func TestMatchUnit(t *testing.T) {
	p := mustDefault(t)
	tests := []struct{ in, want string }{
		{"Trạm y tế", "tram-y-te"},
		{"tram y te", "tram-y-te"},
		{"TRẠM Y TẾ XÃ", "tram-y-te"},
		{"  Trạm   Y tế xã Cao Ngọc ", "tram-y-te"},
		{"tram-y-te", "tram-y-te"},
		{"Công an xã", "cong-an"},
		{"Công an thị trấn", "cong-an"},
		{"CONG AN XA CAO NGOC", "cong-an"},
		{"Công chức Văn hóa – xã hội", "van-hoa-xa-hoi"},
		{"cong chuc van hoa - xa hoi xa", "van-hoa-xa-hoi"},
		{"Văn hóa xã hội", "van-hoa-xa-hoi"},
		{"Công chức Tư pháp - hộ tịch", "tu-phap-ho-tich"},
		{"Trường học trên địa bàn thị trấn", "truong-hoc"},
		{"Bộ phận Một cửa UBND xã", "bo-phan-mot-cua"},
		{"Ban ATGT", "ban-atgt"},
		{"Tra\u0323m y tê\u0301", "tram-y-te"}, // NFD
		{"Trạm thú y", ""},
		{"", ""},
		{"xã", ""},
	}
	for _, tt := range tests {
		got, ok := p.MatchUnit(tt.in)
		if (tt.want == "") == ok || got != tt.want {
			t.Errorf("MatchUnit(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestSuggestUnits(t *testing.T) {
	p := mustDefault(t)
	for in, want := range map[string]string{"tram y": "tram-y-te", "tư pháp": "tu-phap-ho-tich", "cong an xa cao ngok": "cong-an", "truong": "truong-hoc"} {
		got := p.SuggestUnits(in)
		if len(got) == 0 || got[0].ID != want {
			t.Errorf("SuggestUnits(%q)[0] = %v, want %s", in, got[0].ID, want)
		}
	}
}

func TestFoldAndSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Trạm Y tế xã":               "tram y te xa",
		"Đề án 06":                   "de an 06",
		"  Văn hóa – xã hội ":        "van hoa xa hoi",
		"Tra\u0323m":                 "tram",
		"CÔNG AN, xã; (Cao Ngọc)...": "cong an xa cao ngoc",
	} {
		if got := vi.Fold(in); got != want {
			t.Errorf("vi.Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Trạm y tế xã": "tram-y-te-xa", "Đề án 06 – Cao Ngọc!": "de-an-06-cao-ngoc", "日本": ""} {
		if got := vi.Slug(in); got != want {
			t.Errorf("vi.Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// A plan edited after loading answers for what it holds once Finish has
// checked it again: a name given to a unit afterwards is found (the same
// number of units as before), and so is a lead moved to another unit.
func TestEditedPlanMatchesNewNames(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.MatchUnit("Phòng khám đa khoa khu vực"); ok {
		t.Fatal("matched before the edit")
	}
	for i := range p.Units {
		if p.Units[i].ID == "tram-y-te" {
			p.Units[i].Aliases = append(p.Units[i].Aliases, "Phòng khám đa khoa khu vực")
		}
	}
	p.Model(18).Lead = []string{"Phòng khám đa khoa khu vực"}
	if err := p.Finish("test"); err != nil {
		t.Fatal(err)
	}
	if id, ok := p.MatchUnit("Phòng khám đa khoa khu vực"); !ok || id != "tram-y-te" {
		t.Errorf("a name added after loading is not found: %q, %v", id, ok)
	}
	if got := p.LeadUnit(p.Model(18)); got != "tram-y-te" {
		t.Errorf("lead of model 18 = %q after the edit", got)
	}
	var models []int
	for _, a := range p.Assignments("tram-y-te") {
		models = append(models, a.Model.Number)
	}
	if !slices.Contains(models, 18) {
		t.Errorf("tram-y-te's models after the edit: %v", models)
	}
}
