package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The header on the desk, through the real renderer: until the officer
// confirms it, and while it names the district police, the merged PDF
// carries "DỰ THẢO"; after the page Văn bản báo cáo takes the successors
// and is confirmed, every merge from then on — the week under way and the
// month whose window began in October alike — is a clean document under
// the new header.
func TestDeskHeaderDraftThenClean(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the PDF's text")
	}
	d := newDesk(t)
	c := d.officer()
	d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	d.upload(http.DefaultClient, d.links["tram-y-te"], sample("tram-y-te-2026-W48.xlsx"))
	pdf := func(period string) string {
		t.Helper()
		resp := d.post(c, d.ts.URL+"/api/merge?period="+period, "application/x-www-form-urlencoded", nil, true)
		var res struct {
			PDF string `json:"pdf"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != 200 {
			t.Fatalf("merge %s: %d %v", period, resp.StatusCode, err)
		}
		resp, err := c.Get(d.ts.URL + res.PDF)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		text := pdfText(t, b)
		if text == "" {
			t.Skip("pdftotext is not installed")
		}
		return text
	}
	before := pdf("2026-W48")
	if !strings.Contains(before, "DỰ THẢO") || !strings.Contains(before, "CÔNG AN HUYỆN NGỌC LẶC") {
		t.Fatalf("the unconfirmed header's PDF:\n%.600s", before)
	}
	v := url.Values{
		"parent_agency": {"Công an huyện Ngọc Lặc"}, "issuing_agency": {"Công an xã Cao Ngọc"}, "place": {"Cao Ngọc"},
		"symbol": {"BC-CAX"}, "province": {"tỉnh Thanh Hóa"},
		"recipients":      {"Tổ công tác Đề án 06 huyện Ngọc Lặc\nĐảng ủy, UBND xã Cao Ngọc"},
		"distribution":    {"Như trên\nCông an huyện Ngọc Lặc (để b/c)\nTổ công tác Đề án 06 xã\nLưu: VT, CAX"},
		"signer_position": {"Trưởng Công an xã"}, "signer_name": {"Lê Văn Hùng"}, "xac-nhan": {"1"},
		"goc-parent_agency-0": {"Công an huyện Ngọc Lặc"}, "thay-parent_agency-0": {"0"},
		"goc-recipients-0": {"Tổ công tác Đề án 06 huyện Ngọc Lặc"}, "thay-recipients-0": {"0"},
		"goc-distribution-1": {"Công an huyện Ngọc Lặc (để b/c)"}, "thay-distribution-1": {"0"},
	}
	resp := d.post(c, d.ts.URL+"/van-ban", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), false)
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(page), "Đã lưu") {
		t.Fatalf("saving the header: %d %.400s", resp.StatusCode, page)
	}
	for _, period := range []string{"2026-W48", "2026-12"} {
		after := pdf(period)
		// (The plan's appendix names a district's platform: its words, not a body.)
		// December merged in November is signed before its month ends: a
		// draft for that reason alone (desk.Merged.Draft).
		early := period == "2026-12"
		if strings.Contains(after, "DỰ THẢO") != early || strings.Contains(after, "HUYỆN") || strings.Contains(after, "huyện Ngọc Lặc") {
			t.Errorf("%s after the confirmation: a draft %v (want %v), or names the district:\n%.1200s", period, strings.Contains(after, "DỰ THẢO"), early, after)
		}
		for _, want := range []string{"CÔNG AN TỈNH THANH HÓA", "Tổ công tác Đề án 06 tỉnh Thanh Hóa", "Công an tỉnh Thanh Hóa (để b/c)", "Lê Văn Hùng"} {
			if !strings.Contains(after, want) {
				t.Errorf("%s's PDF lacks %q", period, want)
			}
		}
	}
}
