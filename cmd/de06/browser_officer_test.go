package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/caongoc/de06/plan"
	"github.com/chromedp/chromedp"
)

// viewports are the sizes every officer page is looked at: a 1366×768
// office screen and a 390×844 phone.
var viewports = []struct{ w, h int64 }{{1366, 768}, {390, 844}}

// atSize shows path at a viewport, waits for sel, measures it as the phone
// test does and keeps a screenshot NAME-WIDTH.png.
func atSize(t *testing.T, ctx context.Context, url, sel, name string, w, h int64) string {
	t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if w < 600 {
		opts = append(opts, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, opts...), chromedp.Navigate(url), chromedp.WaitVisible(sel)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(`main`))
	if err != nil {
		t.Fatal(err)
	}
	// Officer pages are read at 16 px too, their tables included, and
	// their targets are 44 px tall, the menu's links included.
	measurePage(t, ctx, name, int(w))
	shot(t, ctx, name+"-"+strconv.FormatInt(w, 10)+".png")
	return text
}

// The officer's pages of the document header and the settings, at both
// sizes: the first run asks for the header right after the password; the
// board says why the report would be a draft; the header page takes the
// successors in clicks (no script needed) and the confirmation, and the
// board's notice goes; the settings page lists the session, the storage
// and an error; the plan preview says the header applies at once.
func TestBrowserOfficerPages(t *testing.T) {
	ctx := newBrowser(t)
	d := newDesk(t)
	err := chromedp.Do(ctx, chromedp.Navigate(d.ts.URL), chromedp.WaitVisible(`input[name=again]`),
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"),
		chromedp.SendKeys(`input[name=again]`, "mat-khau-thu"),
		chromedp.Submit(`input[name=again]`),
		chromedp.WaitVisible(`form.header-form`))
	if err != nil {
		t.Fatal(err)
	}
	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/van-ban?dau=1", `form.header-form`, "van-ban-dau", vp.w, vp.h)
		for _, want := range []string{"Bước cuối của lần đầu", "“Công an huyện Ngọc Lặc” không còn", "Thay bằng “Công an tỉnh Thanh Hóa”",
			"Thay bằng “Tổ công tác Đề án 06 xã Cao Ngọc”", "sẽ ghi “DỰ THẢO”"} {
			if !strings.Contains(text, want) {
				t.Errorf("the first run's header page lacks %q", want)
			}
		}
	}

	d.upload(http.DefaultClient, d.links["cong-an"], sample("cong-an-2026-W48.xlsx"))
	d.upload(http.DefaultClient, d.links["tram-y-te"], filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx"))
	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/bang?period=2026-W48", `#du-thao`, "bang-du-thao", vp.w, vp.h)
		for _, want := range []string{"sẽ ghi “DỰ THẢO”", "chưa được cán bộ xác nhận", "Sửa, xác nhận thông tin văn bản", "Tệp đã nhận kỳ này"} {
			if !strings.Contains(text, want) {
				t.Errorf("the board lacks %q", want)
			}
		}
	}

	// The successors taken in three clicks, the confirmation in a fourth.
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL+"/van-ban"), chromedp.WaitVisible(`form.header-form`),
		chromedp.Click(`input[name="thay-parent_agency-0"][value="0"]`),
		chromedp.Click(`input[name="thay-recipients-0"][value="0"]`),
		chromedp.Click(`input[name="thay-distribution-1"][value="0"]`),
		chromedp.Click(`input[name="xac-nhan"]`),
		chromedp.Submit(`form.header-form`),
		chromedp.WaitVisible(`#sach`))
	if err != nil {
		t.Fatal(err)
	}
	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/van-ban", `#sach`, "van-ban-xac-nhan", vp.w, vp.h)
		if !strings.Contains(text, "không có chữ “DỰ THẢO”") || strings.Contains(text, "không còn:") {
			t.Errorf("after the confirmation: %.600s", text)
		}
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#du-thao').length`)); err != nil || n != 0 {
		t.Errorf("the header page still says draft (%d, %v)", n, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(d.ts.URL+"/bang?period=2026-W48"), chromedp.WaitVisible(`table.units`)); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#du-thao').length`)); err != nil || n != 0 {
		t.Errorf("the board still says draft after the confirmation (%d, %v)", n, err)
	}

	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/cai-dat", `#loi`, "cai-dat", vp.w, vp.h)
		for _, want := range []string{"Các nơi đang đăng nhập", "(phiên đang dùng)", "Đăng xuất mọi nơi", "Tuần 48 năm 2026", "Công an xã:", "Không có lỗi nào"} {
			if !strings.Contains(text, want) {
				t.Errorf("the settings page lacks %q", want)
			}
		}
	}

	// The plan preview: a header change (at once) beside a deadline (next week).
	edited := defaultPlanT(t)
	edited.Header.SignerName = "Lê Văn Hùng"
	edited.Model(3).Deadline.Text = "31/12/2026"
	var js bytes.Buffer
	plan.EncodeJSON(&js, edited)
	path := filepath.Join(t.TempDir(), "ke-hoach-moi.json")
	if err := os.WriteFile(path, js.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.Navigate(d.ts.URL+"/ke-hoach"), chromedp.WaitVisible(`input[type=file]`),
		chromedp.SetUploadFiles(`input[type=file]`, []string{path}),
		chromedp.Submit(`input[type=file]`),
		chromedp.WaitVisible(`#du-thao-ke-hoach`))
	if err != nil {
		t.Fatal(err)
	}
	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/ke-hoach", `#du-thao-ke-hoach`, "ke-hoach-xem-truoc", vp.w, vp.h)
		for _, want := range []string{"Thông tin văn bản báo cáo: áp dụng ngay", "Họ tên người ký", "áp dụng từ Tuần 49 năm 2026", "31/12/2026"} {
			if !strings.Contains(text, want) {
				t.Errorf("the plan preview lacks %q", want)
			}
		}
	}
}
