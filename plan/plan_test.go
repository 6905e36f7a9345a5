package plan

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/caongoc/de06/assets"
)

func mustDefault(t testing.TB) *Plan {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The embedded plan against the facts of Kế hoạch 39/KH-UBND's appendix.
func TestDefaultPlan(t *testing.T) {
	p := mustDefault(t)
	groups := map[string][]int{
		"I": {1, 3, 5}, "II": {6, 11, 18}, "III": {24, 26, 27, 28, 29, 30, 31, 32, 34},
		"IV": {35, 36, 37}, "V": {41, 44},
	}
	if len(p.Groups) != 5 {
		t.Fatalf("%d groups, want 5", len(p.Groups))
	}
	total := 0
	for _, g := range p.Groups {
		want := groups[g.Code]
		if len(g.Models) != len(want) {
			t.Errorf("group %s has %d models, want %d", g.Code, len(g.Models), len(want))
			continue
		}
		for i, m := range g.Models {
			total++
			if m.Number != want[i] {
				t.Errorf("group %s model %d is %d, want %d", g.Code, i, m.Number, want[i])
			}
			if m.TT != total {
				t.Errorf("model %d TT = %d, want %d", m.Number, m.TT, total)
			}
		}
	}
	if total != 20 {
		t.Errorf("%d models, want 20", total)
	}
	lead := map[int]string{3: "Bộ phận một cửa xã", 6: "Trạm y tế xã", 18: "Công an xã", 31: "Công chức Tư pháp – hộ tịch",
		32: "Trường học trên địa bàn xã", 41: "Công an xã", 44: "Công chức Văn phòng – thống kê"}
	for n, want := range lead {
		if got := strings.Join(p.Model(n).Lead, "; "); got != want {
			t.Errorf("model %d lead = %q, want %q", n, got, want)
		}
	}
	due := map[int]string{3: "2024-09-30", 11: "2024-06-30", 18: "2025-12-31", 24: "2025-12-31", 26: "2024-06-30",
		35: "2024-12-31", 37: "2024-06-30", 41: "2024-06-30", 1: "", 5: "", 6: "", 27: "", 44: ""}
	for n, want := range due {
		got := ""
		if d := p.Model(n).Deadline.Due; d != nil {
			got = d.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("model %d due = %q, want %q", n, got, want)
		}
	}
	ind := map[int]float64{1: 53, 3: 20, 6: 100, 24: 100, 37: 100}
	for _, m := range p.Models() {
		want, has := ind[m.Number]
		if has != (m.Indicator != nil) {
			t.Errorf("model %d indicator = %+v, want one: %v", m.Number, m.Indicator, has)
		} else if has && m.Indicator.Target != want {
			t.Errorf("model %d target = %v, want %v", m.Number, m.Indicator.Target, want)
		}
	}
	if !strings.Contains(p.Model(44).Title, "(End user)") {
		t.Errorf("model 44 title keeps the typo: %q", p.Model(44).Title)
	}
}

func TestDefaultPlanIsNFC(t *testing.T) {
	if !norm.NFC.IsNormal(assets.DefaultPlanJSON) {
		t.Error("templates/plan-cao-ngoc-39.json is not NFC")
	}
	for _, bad := range []string{"€", "¢", "|", "thdang", "gin chip"} {
		if bytes.Contains(assets.DefaultPlanJSON, []byte(bad)) {
			t.Errorf("default plan still holds OCR damage %q", bad)
		}
	}
}

func TestAssignments(t *testing.T) {
	p := mustDefault(t)
	tests := []struct {
		unit   string
		models []int
	}{
		{"tram-y-te", []int{1, 5, 6, 11, 34, 36}},
		{"cong-an", []int{1, 5, 18, 24, 30, 36, 41}},
		{"bo-phan-mot-cua", []int{1, 3, 5, 36}},
		{"truong-hoc", []int{1, 5, 32, 36}},
		{"ban-atgt", nil}, // coordinates only: sends no report
	}
	for _, tt := range tests {
		var got []int
		for _, a := range p.Assignments(tt.unit) {
			got = append(got, a.Model.Number)
		}
		if !slicesEqual(got, tt.models) {
			t.Errorf("Assignments(%s) = %v, want %v", tt.unit, got, tt.models)
		}
	}
	if n := len(p.ReportingUnits()); n != 9 {
		t.Errorf("%d reporting units, want 9", n)
	}
	if r := p.Reporters(p.Model(24)); !slicesEqual(r, []string{"cong-an", "van-hoa-xa-hoi"}) {
		t.Errorf("Reporters(24) = %v", r)
	}
}

func slicesEqual[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestJSONRoundTrip(t *testing.T) {
	p := mustDefault(t)
	var a, b bytes.Buffer
	if err := EncodeJSON(&a, p); err != nil {
		t.Fatal(err)
	}
	q, err := DecodeJSON(bytes.NewReader(a.Bytes()), "a.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := EncodeJSON(&b, q); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("JSON → plan → JSON changed the plan")
	}
	for _, key := range []string{`"groups"`, `"code"`, `"models"`, `"number"`, `"full_title"`, `"objective"`, `"lead"`, `"coordinate"`,
		`"support"`, `"deadline"`, `"kind"`, `"due": "2024-09-30"`, `"milestones"`, `"platforms"`, `"indicator": null`, `"units"`, `"aliases"`, `"header"`} {
		if !strings.Contains(a.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

// A plan says whether it is a commune's or a province's; one that says
// nothing (the embedded plan, plans written before) is a commune's. The
// level survives JSON both ways, and a change of level is a difference.
func TestLevel(t *testing.T) {
	p := mustDefault(t)
	if p.Level != LevelCommune || !p.Level.FillsTemplate() {
		t.Errorf("the embedded plan's level: %q", p.Level)
	}
	if (&Plan{}).Level.Or() != LevelCommune {
		t.Error("a plan built in code is not a commune's")
	}
	for _, l := range Levels {
		q := mustDefault(t)
		q.Level = l
		var a bytes.Buffer
		if err := EncodeJSON(&a, q); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.String(), `"level": "`+string(l)+`"`) {
			t.Errorf("%s: JSON lacks its level", l)
		}
		back, err := DecodeJSON(bytes.NewReader(a.Bytes()), "a.json")
		if err != nil || back.Level != l {
			t.Errorf("%s read back as %q (%v)", l, back.Level, err)
		}
	}
	for in, want := range map[string]Level{"": LevelCommune, "province": LevelProvince, "Tỉnh": LevelProvince, "TINH": LevelProvince, "xã": LevelCommune, "commune": LevelCommune} {
		if got, err := ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if LevelProvince.FillsTemplate() {
		t.Error("a province's communes are given a template")
	}
	q := mustDefault(t)
	q.Level = LevelProvince
	if d := Diff(p, q); len(d) != 1 || d[0] != "cấp của kế hoạch: Xã → Tỉnh" {
		t.Errorf("Diff of levels: %q", d)
	}
}

func TestDecodeJSONErrors(t *testing.T) {
	good := string(assets.DefaultPlanJSON)
	tests := []struct{ name, json, want string }{
		{"syntax", `{"groups": [}`, "dòng 1"},
		{"type", `{"groups": [{"code": 1}]}`, `"groups.code"`},
		{"deadline", strings.Replace(good, `"text": "30/9/2024"`, `"text": "khi nào xong"`, 1), "mô hình 3, trường deadline"},
		{"lead", strings.Replace(good, `"Bộ phận một cửa xã"
          ]`, `"Phòng không có"
          ]`, 1), `"Phòng không có"`},
		{"duplicate model", strings.Replace(good, `"number": 5,`, `"number": 3,`, 1), "mô hình 3 xuất hiện hai lần"},
		{"empty", `{}`, "không có nhóm"},
		{"level", strings.Replace(good, `"id":`, `"level": "huyện", "id":`, 1), `không hiểu cấp của kế hoạch "huyện"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeJSON(strings.NewReader(tt.json), "x.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
