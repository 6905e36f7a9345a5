package plan

import (
	"slices"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	base, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(p *Plan)
		want   []string
	}{
		{"same plan", func(p *Plan) {}, nil},
		{"deadline", func(p *Plan) { p.Model(3).Deadline.Text = "31/12/2026" },
			[]string{"mô hình 3, thời gian hoàn thành: 30/9/2024 → 31/12/2026"}},
		{"lead", func(p *Plan) { p.Model(5).Lead = []string{"Công an xã"} },
			[]string{"mô hình 5, chủ trì: " + strings.Join(base.Model(5).Lead, "; ") + " → Công an xã"}},
		{"support emptied", func(p *Plan) { p.Model(5).Support = nil },
			[]string{"mô hình 5, đơn vị hỗ trợ: " + strings.Join(base.Model(5).Support, "; ") + " → (không có)"}},
		{"unit renamed and no longer reporting", func(p *Plan) {
			u := p.Unit("truong-hoc")
			u.Name, u.Reports = "Các trường học", false
		}, []string{"đổi tên đơn vị: Trường học trên địa bàn xã → Các trường học", "Các trường học nay không phải gửi báo cáo"}},
		{"short name", func(p *Plan) { p.Unit("cong-an").Short = "CAX" }, []string{"Công an xã, viết tắt: CA xã → CAX"}},
		{"header", func(p *Plan) {
			p.Header.ParentAgency = "Công an tỉnh Thanh Hóa"
			p.Header.Recipients = []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa"}
			p.Header.SignerName = "Nguyễn Văn Bình"
			p.Header.Confirmed = true
		}, []string{
			"văn bản báo cáo, Cơ quan chủ quản: Công an huyện Ngọc Lặc → Công an tỉnh Thanh Hóa",
			"văn bản báo cáo, Kính gửi: Tổ công tác Đề án 06 huyện Ngọc Lặc; Đảng ủy, UBND xã Cao Ngọc → Tổ công tác Đề án 06 tỉnh Thanh Hóa",
			"văn bản báo cáo, Họ tên người ký: (không có) → Nguyễn Văn Bình",
			"văn bản báo cáo: đã được xác nhận",
		}},
		{"model removed", func(p *Plan) {
			g := &p.Groups[len(p.Groups)-1]
			g.Models = g.Models[:len(g.Models)-1]
		}, []string{"bỏ mô hình 44: " + base.Model(44).Title}},
		{"indicator target", func(p *Plan) {
			ind := *p.Model(1).Indicator
			ind.Target = 60
			p.Model(1).Indicator = &ind
		}, []string{"mô hình 1, chỉ tiêu: " + indicatorText(base.Model(1).Indicator) + " → " + indicatorText(&Indicator{Name: base.Model(1).Indicator.Name, Unit: base.Model(1).Indicator.Unit, Target: 60, Combine: base.Model(1).Indicator.Combine})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Default()
			if err != nil {
				t.Fatal(err)
			}
			tc.change(b)
			if got := Diff(base, b); !slices.Equal(got, tc.want) {
				t.Errorf("Diff =\n%q\nwant\n%q", got, tc.want)
			}
			// Diff is the header's changes and the rest's, each once.
			h, c := DiffHeader(base.Header, b.Header), DiffContent(base, b)
			if len(h)+len(c) != len(tc.want) || slices.ContainsFunc(c, func(l string) bool { return slices.Contains(h, l) }) {
				t.Errorf("DiffHeader %q and DiffContent %q do not split Diff %q", h, c, tc.want)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, label, unit string }{
		{"Công an xã", "CA xã", "cong-an"},
		{"Trạm y tế xã", "TYT xã", "tram-y-te"},
		{"Trạm y tế xã Cao Ngọc", "TYT xã", "tram-y-te"},
		// Matched to a unit, but not its name: the plan's words stay.
		{"Trạm y tế", "Trạm y tế", ""},
		{"Tổ công tác Đề án 06 các cấp", "Tổ công tác Đề án 06 các cấp", ""},
		{"Tổ công tác Đề án 06 xã", "Tổ ĐA06 xã", "to-cong-tac-de-an-06"},
		{"Các cơ quan, ban, ngành, đoàn thể xã", "Các cơ quan, ban, ngành, đoàn thể xã", ""},
		{"Cục C06 - BCA", "Cục C06 - BCA", ""},
	} {
		label, u := p.Label(tc.name)
		id := ""
		if u != nil {
			id = u.ID
		}
		if label != tc.label || id != tc.unit {
			t.Errorf("Label(%q) = %q, %q; want %q, %q", tc.name, label, id, tc.label, tc.unit)
		}
	}
}
