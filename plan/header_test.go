package plan

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caongoc/de06/internal/vi"
)

func TestDefunct(t *testing.T) {
	h := Header{Place: "Cao Ngọc", Province: "tỉnh Thanh Hóa", IssuingAgency: "Công an xã Cao Ngọc",
		ParentAgency: "Công an huyện Ngọc Lặc",
		Recipients:   []string{"Tổ công tác Đề án 06 huyện Ngọc Lặc", "Đảng ủy, UBND xã Cao Ngọc"},
		Distribution: []string{"Như trên", "Công an huyện Ngọc Lặc (để b/c)", "UBND thị xã Bỉm Sơn", "Cơ quan thường trực", "Lưu: VT, CAX"},
	}
	type want struct {
		field HeaderField
		index int
		ended time.Time
		succ  []string
	}
	for _, tc := range []struct {
		name string
		on   time.Time
		want []want
	}{
		{"before any reform", vi.Day(2025, 2, 28), nil},
		{"police ended first", vi.Day(2025, 3, 1), []want{
			{FieldParentAgency, 0, DistrictPoliceEnded, []string{"Công an tỉnh Thanh Hóa"}},
			{FieldDistribution, 1, DistrictPoliceEnded, []string{"Công an tỉnh Thanh Hóa (để b/c)"}},
		}},
		{"then every district body", vi.Day(2026, 11, 25), []want{
			{FieldParentAgency, 0, DistrictPoliceEnded, []string{"Công an tỉnh Thanh Hóa"}},
			{FieldRecipients, 0, DistrictsEnded, []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa", "Tổ công tác Đề án 06 xã Cao Ngọc"}},
			{FieldDistribution, 1, DistrictPoliceEnded, []string{"Công an tỉnh Thanh Hóa (để b/c)"}},
			{FieldDistribution, 2, DistrictsEnded, []string{"UBND tỉnh Thanh Hóa", "UBND xã Cao Ngọc"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := h.Defunct(tc.on)
			if len(got) != len(tc.want) {
				t.Fatalf("Defunct = %+v, want %d bodies", got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Field != w.field || g.Index != w.index || !g.Ended.Equal(w.ended) || !slices.Equal(g.Successors, w.succ) {
					t.Errorf("body %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
	// "cơ quan" is not "quận"; a province's body is not a district's.
	clean := Header{ParentAgency: "Công an tỉnh Thanh Hóa", Recipients: []string{"Cơ quan thường trực Tổ công tác Đề án 06 tỉnh"}}
	if got := clean.Defunct(vi.Day(2026, 1, 1)); len(got) != 0 {
		t.Errorf("Defunct(clean header) = %+v", got)
	}
	// Without a province the suggestion says what to fill in.
	if got := (Header{ParentAgency: "Công an huyện Ngọc Lặc"}).Defunct(vi.Day(2026, 1, 1)); len(got) != 1 || !strings.Contains(got[0].Successors[0], "…") {
		t.Errorf("Defunct without province = %+v", got)
	}
}

func TestDraftReasons(t *testing.T) {
	p := mustDefault(t)
	on := vi.Day(2026, 11, 25)
	// The embedded 2024 plan is neither confirmed nor current in 2026.
	r := p.Header.DraftReasons(on)
	if len(r) != 4 || !strings.Contains(r[0], "chưa được cán bộ xác nhận") || !strings.Contains(r[1], "“Công an huyện Ngọc Lặc”") ||
		!strings.Contains(r[1], "01/03/2025") || !strings.Contains(r[1], "“Công an tỉnh Thanh Hóa”") {
		t.Errorf("DraftReasons(default plan) =\n%s", strings.Join(r, "\n"))
	}
	// Confirmed, the 2024 plan was clean in 2024 …
	p.Header.Confirmed = true
	if r := p.Header.DraftReasons(vi.Day(2024, 11, 20)); len(r) != 0 {
		t.Errorf("confirmed 2024 header in 2024: %q", r)
	}
	// … but confirming does not make a district body exist again.
	if r := p.Header.DraftReasons(on); len(r) != 3 {
		t.Errorf("confirmed 2024 header in 2026: %q", r)
	}
	p.Header.ParentAgency = "Công an tỉnh Thanh Hóa"
	p.Header.Recipients = []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa"}
	p.Header.Distribution = []string{"Như trên", "Công an tỉnh Thanh Hóa (để b/c)", "Lưu: VT, CAX"}
	if r := p.Header.DraftReasons(on); len(r) != 0 {
		t.Errorf("confirmed current header: %q", r)
	}
	// Without the signer's name (in the header or given at signing), the
	// document is a draft (Decree 30/2020 asks for the name).
	p.Header.SignerName = ""
	if r := p.Header.DraftReasonsSigned(on, ""); len(r) != 1 || !strings.Contains(r[0], "họ tên người ký") {
		t.Errorf("no signer: %q", r)
	}
	if r := p.Header.DraftReasonsSigned(on, "Lê Văn Hùng"); len(r) != 0 {
		t.Errorf("a signer given: %q", r)
	}
	p.Header.SignerName = "Lê Văn Hùng"
	if r := p.Header.DraftReasonsSigned(on, ""); len(r) != 0 {
		t.Errorf("the header's signer: %q", r)
	}
}

// The confirmation and the province survive JSON, as do an indicator's
// counted unit.
func TestHeaderJSONRoundTrip(t *testing.T) {
	p := mustDefault(t)
	if p.Header.Confirmed || p.Header.Province != "tỉnh Thanh Hóa" || p.Model(37).Indicator.Counted != "đối tượng" {
		t.Fatalf("default header %+v, counted %q", p.Header, p.Model(37).Indicator.Counted)
	}
	p.Header.Confirmed = true
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"confirmed": true`) {
		t.Error(`JSON lacks "confirmed": true`)
	}
	q, err := DecodeJSON(&buf, "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if !q.Header.Confirmed || q.Header.Province != p.Header.Province || q.Model(37).Indicator.Counted != "đối tượng" {
		t.Errorf("read back: %+v", q.Header)
	}
}
