package vi

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
		{"PhÇn mÒm kh¸m ch÷a bÖnh ch­a ®ång bé d÷ liÖu", "", "Phần mềm khám chữa bệnh chưa đồng bộ dữ liệu", EncodingTCVN3},
		{"Coâng an xaõ", "", "Công an xã", EncodingVNI},
		{"Tröôøng hoïc", "", "Trường học", EncodingVNI},
		{"Ñaõ hoaøn thaønh", "", "Đã hoàn thành", EncodingVNI},
		{"Khoù khaên veà kinh phí", "", "Khó khăn về kinh phí", EncodingVNI},
		{"Ñang trieån khai", "VNI-Times", "Đang triển khai", EncodingVNI},
		{"Thöïc hieän thöôøng xuyeân", "", "Thực hiện thường xuyên", EncodingVNI},
		{"", "", "", EncodingNone},
		{"plain ASCII", ".VnTime", "plain ASCII", EncodingNone},
	}
	for _, tt := range tests {
		got, enc := FixLegacy(tt.in, tt.font)
		if got != tt.want || enc != tt.enc {
			t.Errorf("FixLegacy(%q, %q) = %q, %v; want %q, %v", tt.in, tt.font, got, enc, tt.want, tt.enc)
		}
	}
}

// TestFixLegacyKeepsUnicode: correct text is never altered, whatever
// typographic symbols, foreign names or units it holds.
func TestFixLegacyKeepsUnicode(t *testing.T) {
	for _, s := range []string{
		"Đã triển khai «ghi chú»",
		"ông Müller",
		"2×3, đã lắp",
		"«Ngày hội» chuyển đổi số",
		"Diện tích ½ ha",
		"¼ số hộ đã cài VNeID",
		"© Bộ Công an",
		"Kích thước 2×3 m",
		"Điều 5 § 2",
		"Nhiệt độ 30° ± 2",
		"Liều 5 µg",
		"ông Müller hỗ trợ kỹ thuật",
		"Công ty Schöne",
		"bà Hélène",
		"Café Cao Ngọc",
		"anh Muñoz",
		"Bảo tàng Louvre – Pháp",
		"Hoà Bình, hoá đơn, khoẻ, Thuý, quân",
		"Đã hoàn thành",
		"Công an xã Cao Ngọc, tiến độ 80%",
		"Tập huấn cho 35 cán bộ",
		"José García",
		"Zürich",
		"Ångström",
		"naïve",
		"façade",
		"Thông tư số 01/2024/TT-BCA ¶ 3",
		"giá 50.000 ₫ · 2 lần",
		"Hội Phụ nữ ® tham gia",
		"tỷ lệ ≥ 95 %",
		"«Công dân số»",
		"Müller",
		"café",
		"ông",
		"Mục ¾ hoàn thành",
		"Các thôn: Ðồng, Bái",
		"°C",
	} {
		if got, enc := FixLegacy(s, ""); got != s || enc != EncodingNone {
			t.Errorf("FixLegacy(%q) = %q, %v; correct text must stay as it is", s, got, enc)
		}
	}
}

func TestIsSyllable(t *testing.T) {
	for _, w := range []string{"công", "an", "xã", "trường", "nghiêng", "khuya", "quý", "giếng", "gì", "hoà", "hóa", "khoẻ", "thuý", "Đã", "ĐƯỜNG", "uống", "ạ", "yêu"} {
		if !IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"Müller", "Mỹller", "ôghi", "chỳằ", "C«ng", "x·", "VNeID", "abc", "ngg", "", "hoáà"} {
		if IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = true", w)
		}
	}
}
