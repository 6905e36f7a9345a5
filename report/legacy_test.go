package report

import "testing"

func TestFixLegacy(t *testing.T) {
	tests := []struct {
		in, font, want string
		enc            Encoding
	}{
		{"C«ng an x·", "", "Công an xã", EncodingTCVN3},
		{"C«ng an x·", ".VnTime", "Công an xã", EncodingTCVN3},
		{"§· hoµn thµnh", "", "Đã hoàn thành", EncodingTCVN3},
		{"Tr¹m y tÕ x·", "", "Trạm y tế xã", EncodingTCVN3},
		{"Tr­êng häc", "", "Trường học", EncodingTCVN3},
		{"c«ng an", ".VnTimeH", "CÔNG AN", EncodingTCVN3},
		{"Coâng an xaõ", "", "Công an xã", EncodingVNI},
		{"Tröôøng hoïc", "", "Trường học", EncodingVNI},
		{"Ñaõ hoaøn thaønh", "", "Đã hoàn thành", EncodingVNI},
		{"Khoù khaên veà kinh phí", "", "Khó khăn về kinh phí", EncodingVNI},
		{"Ñang trieån khai", "VNI-Times", "Đang triển khai", EncodingVNI},
		{"Thöïc hieän thöôøng xuyeân", "", "Thực hiện thường xuyên", EncodingVNI},
		// Unicode text is left alone, whatever its letters.
		{"Đã hoàn thành", "", "Đã hoàn thành", EncodingNone},
		{"Công an xã Cao Ngọc, tiến độ 80%", "", "Công an xã Cao Ngọc, tiến độ 80%", EncodingNone},
		{"Tập huấn cho 35 cán bộ", "", "Tập huấn cho 35 cán bộ", EncodingNone},
		{"plain ASCII", ".VnTime", "plain ASCII", EncodingNone},
		{"Hoà Bình, hoá đơn, khoẻ, Thuý, quân", "", "Hoà Bình, hoá đơn, khoẻ, Thuý, quân", EncodingNone},
		{"Nhiệt độ 30° ± 2", "", "Nhiệt độ 30° ± 2", EncodingNone},
		{"", "", "", EncodingNone},
	}
	for _, tt := range tests {
		got, enc := FixLegacy(tt.in, tt.font)
		if got != tt.want || enc != tt.enc {
			t.Errorf("FixLegacy(%q, %q) = %q, %v; want %q, %v", tt.in, tt.font, got, enc, tt.want, tt.enc)
		}
	}
}
