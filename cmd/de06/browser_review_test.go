package main

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The desk driven as the reviewer did, at 1366×768 and 390×844, each page
// measured (16 px text, 44 px targets, no sideways scroll, no warning in
// green) and kept as a screenshot NAME-WIDTH.png:
//   - a clerk withdraws the right file and the one with an error comes
//     back: asked first, without a script, and warned in amber with its
//     error count, before and after; a reload resends nothing;
//   - a mistyped address and an action's address opened directly are
//     answered in Vietnamese;
//   - the officer merges under an unconfirmed header: the result says the
//     PDF is a DỰ THẢO; confirmed, the board asks to merge again, naming
//     the header; the number typed stays;
//   - on Sunday of week 49 the board mentions week 48, and the reminder
//     asks for files (the links open on this computer only) and says why
//     the standing agency is not in it;
//   - the unit's sends, the links (a link renewed with its new slip), the
//     settings (the password changed), the trends with one period, the
//     plan and the header pages, all with one navigation.
func TestBrowserReview(t *testing.T) {
	ctx := newBrowser(t)
	d := newDesk(t)
	goTay := filepath.Join("..", "..", "samples", "co-loi", "tram-y-te-go-tay.xlsx")
	firstRun(t, ctx, d)

	// The clerk's side, on a phone: a file with an error, then the right one.
	link := d.links["tram-y-te"]
	d.upload(http.DefaultClient, link, goTay)
	d.upload(http.DefaultClient, link, sample("tram-y-te-2026-W48.xlsx"))
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(link+"?period=2026-W48"), chromedp.WaitVisible(`ol.sends`),
		chromedp.Click(`ol.sends li:first-child form button`), chromedp.WaitVisible(`#rut-lai`), chromedp.WaitVisible(`footer`))
	if err != nil {
		t.Fatal(err)
	}
	confirm, _ := chromedp.Run(ctx, chromedp.Location())
	for _, vp := range viewports {
		text := atSize(t, ctx, confirm, `#rut-lai`, "rut-lai-hoi", vp.w, vp.h)
		for _, want := range []string{"Rút lại lần gửi này?", "Chú ý: tệp được dùng lại có 1 lỗi.", "tram-y-te-go-tay.xlsx"} {
			if !strings.Contains(text, want) {
				t.Errorf("the confirmation lacks %q:\n%s", want, text)
			}
		}
	}
	err = chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(confirm), chromedp.WaitVisible(`#rut-lai`),
		chromedp.Click(`#rut-lai button.danger`), chromedp.WaitVisible(`#dung-lai-co-loi`), chromedp.WaitVisible(`footer`))
	if err != nil {
		t.Fatal(err)
	}
	after, _ := chromedp.Run(ctx, chromedp.Location())
	if strings.Contains(after, "/withdraw") {
		t.Errorf("after the withdrawal the address is %s", after)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(`#dung-lai-co-loi`)); err != nil {
		t.Fatal(err)
	}
	if ups, _ := d.st.Uploads("2026-W48"); len(ups) != 2 {
		t.Errorf("%d sends after a reload, want 2", len(ups))
	}
	for _, vp := range viewports {
		text := atSize(t, ctx, after, `#dung-lai-co-loi`, "rut-lai-xong", vp.w, vp.h)
		if !strings.Contains(text, "tệp được dùng lại có 1 lỗi") || !strings.Contains(text, "Đã rút lại tệp") {
			t.Errorf("after the withdrawal:\n%.800s", text)
		}
	}

	// Addresses with no page, in Vietnamese.
	for _, pg := range []struct{ url, want, png string }{
		{link + "/mau-sai", "Địa chỉ này không có trang nào", "loi-404"},
		{d.ts.URL + "/tong-hop?period=2026-W48", "chỉ dùng cho nút bấm", "loi-405"},
	} {
		for _, vp := range viewports {
			text := atSize(t, ctx, pg.url, `.message`, pg.png, vp.w, vp.h)
			if !strings.Contains(text, pg.want) || strings.Contains(text, "page not found") || strings.Contains(text, "Not Allowed") {
				t.Errorf("%s: %q", pg.url, text)
			}
		}
	}

	// The officer: the week's files, then a merge under the unconfirmed header.
	for _, u := range []string{"cong-an", "bo-phan-mot-cua", "van-hoa-xa-hoi", "van-phong-thong-ke", "tu-phap-ho-tich", "chinh-sach-xa-hoi", "dia-chinh"} {
		d.upload(http.DefaultClient, d.links[u], sample(u+"-2026-W48.xlsx"))
	}
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL+"/bang?period=2026-W48"),
		chromedp.WaitVisible(`input[name=number]`), chromedp.SendKeys(`input[name=number]`, "12"),
		chromedp.Submit(`input[name=number]`), chromedp.WaitVisible(`#tong-hop`), chromedp.WaitVisible(`footer`))
	if err != nil {
		t.Fatal(err)
	}
	merged, _ := chromedp.Run(ctx, chromedp.Location())
	for _, vp := range viewports {
		text := atSize(t, ctx, merged, `#tong-hop`, "bang-vua-tong-hop", vp.w, vp.h)
		for _, want := range []string{"Đã tổng hợp: bản DỰ THẢO", "chưa được cán bộ xác nhận", "Tải báo cáo (PDF, dự thảo)", "trong đó 1 còn lỗi cần sửa"} {
			if !strings.Contains(text, want) {
				t.Errorf("the board after the merge lacks %q", want)
			}
		}
	}
	if n, _ := chromedp.Run(ctx, chromedp.Value(`input[name=number]`)); n != "12" {
		t.Errorf("the number typed is not kept: %q", n)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(`#tong-hop`)); err != nil {
		t.Fatal(err)
	}
	if reps, _ := d.st.Reports("2026-W48"); len(reps) != 1 {
		t.Errorf("%d merges after a reload, want 1", len(reps))
	}

	// The header confirmed: the draft is out of date, said on the board.
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL+"/van-ban"), chromedp.WaitVisible(`form.header-form`),
		chromedp.Click(`input[name="thay-parent_agency-0"][value="0"]`),
		chromedp.Click(`input[name="thay-recipients-0"][value="0"]`),
		chromedp.Click(`input[name="thay-distribution-1"][value="0"]`),
		chromedp.Click(`input[name="xac-nhan"]`),
		chromedp.Submit(`form.header-form`), chromedp.WaitVisible(`#sach`))
	if err != nil {
		t.Fatal(err)
	}
	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/bang?period=2026-W48", `#tong-hop-lai`, "bang-tong-hop-lai", vp.w, vp.h)
		for _, want := range []string{"Cần tổng hợp lại:", "(bản DỰ THẢO)", "thông tin văn bản (cơ quan, Kính gửi, Nơi nhận, người ký) đã sửa", "Cũ: cần tổng hợp lại."} {
			if !strings.Contains(text, want) {
				t.Errorf("the board after the header changed lacks %q", want)
			}
		}
	}

	// Sunday of week 49, late in the evening: the board of the new week.
	d.clock = time.Date(2026, 11, 29, 21, 36, 0, 0, time.Local)
	login(t, ctx, d)
	for _, vp := range viewports {
		text := atSize(t, ctx, d.ts.URL+"/bang", `#ky-khac`, "bang-tuan-moi", vp.w, vp.h)
		for _, want := range []string{"Bảng theo dõi — Tuần 49 năm 2026", "Tuần 48 năm 2026: 2 đơn vị chưa xong (1 chưa có tệp dùng được, 1 còn lỗi)", "cần tổng hợp lại", "Xem Tuần 48 năm 2026",
			"Công an xã (Chưa gửi) không có trong lời nhắc", "chỉ mở được trên máy này"} {
			if !strings.Contains(text, want) {
				t.Errorf("week 49's board lacks %q", want)
			}
		}
		if reminder, _ := chromedp.Run(ctx, chromedp.Value(`#loi-nhac`)); strings.Contains(reminder, "đường dẫn") || !strings.Contains(reminder, "qua Zalo") {
			t.Errorf("the reminder while links open here only:\n%s", reminder)
		}
	}

	// The other officer pages, each with the one navigation.
	for _, pg := range []struct{ path, sel, png, want string }{
		{"/bang/don-vi?period=2026-W48&unit=tram-y-te", `section.send`, "don-vi-cac-lan-gui", "(rút lại lúc "},
		{"/chia-se", `#duong-dan`, "chia-se", "Cấp lại đường dẫn…"},
		{"/cai-dat", `#mat-khau`, "cai-dat-mat-khau", "Đổi mật khẩu"},
		{"/tien-do", `#chu-giai`, "tien-do-mot-ky", "Mới có một kỳ được tổng hợp (Tuần 48 năm 2026)"},
		{"/ke-hoach", `input[type=file]`, "ke-hoach", "Kế hoạch số 39/KH-UBND"},
		{"/van-ban", `#sach`, "van-ban", "không có chữ “DỰ THẢO”"},
	} {
		for _, vp := range viewports {
			text := atSize(t, ctx, d.ts.URL+pg.path, pg.sel, pg.png, vp.w, vp.h)
			if !strings.Contains(text, pg.want) {
				t.Errorf("%s lacks %q", pg.path, pg.want)
			}
			if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('nav.officer a[aria-current=page]').length`)); n != 1 {
				t.Errorf("%s: %d pages marked in the navigation", pg.path, n)
			}
		}
	}

	// A link renewed from the desk: the new link and its slip.
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL+"/chia-se"), chromedp.WaitVisible(`#duong-dan`),
		chromedp.Click(`#duong-dan ul.links li:nth-child(3) details.renew summary`),
		chromedp.Click(`#duong-dan ul.links li:nth-child(3) details.renew button`), chromedp.WaitVisible(`#cap-lai`))
	if err != nil {
		t.Fatal(err)
	}
	renewed, _ := chromedp.Run(ctx, chromedp.Location())
	for _, vp := range viewports {
		text := atSize(t, ctx, renewed, `#cap-lai`, "chia-se-cap-lai", vp.w, vp.h)
		if !strings.Contains(text, "Đã cấp lại đường dẫn cho Trạm y tế xã") || strings.Contains(text, link) {
			t.Errorf("after renewing:\n%.600s", text)
		}
	}
	if resp, err := http.Get(link); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("the old link after renewing: %v %v", resp, err)
	}

	// The password changed from the settings page.
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL+"/cai-dat"), chromedp.WaitVisible(`#mat-khau`),
		chromedp.SendKeys(`input[name=current]`, "mat-khau-thu"), chromedp.SendKeys(`#mat-khau input[name=password]`, "mat-khau-moi-1"),
		chromedp.SendKeys(`#mat-khau input[name=again]`, "mat-khau-moi-1"), chromedp.Submit(`#mat-khau input[name=again]`),
		chromedp.WaitVisible(`#mat-khau .card.ok`))
	if err != nil {
		t.Fatal(err)
	}
	done, _ := chromedp.Run(ctx, chromedp.Location())
	for _, vp := range viewports {
		if text := atSize(t, ctx, done, `#mat-khau .card.ok`, "cai-dat-da-doi", vp.w, vp.h); !strings.Contains(text, "Đã đổi mật khẩu") {
			t.Errorf("after changing the password:\n%.400s", text)
		}
	}
}

// firstRun sets the password in the browser and leaves the header for
// later.
func firstRun(t *testing.T, ctx context.Context, d *testDesk) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL), chromedp.WaitVisible(`input[name=again]`),
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"),
		chromedp.SendKeys(`input[name=again]`, "mat-khau-thu"),
		chromedp.Submit(`input[name=again]`),
		chromedp.WaitVisible(`form.header-form`))
	if err != nil {
		t.Fatal(err)
	}
}

// login logs the officer in again in the browser (a session ends after 12
// hours of the desk's clock).
func login(t *testing.T, ctx context.Context, d *testDesk) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768), chromedp.Navigate(d.ts.URL), chromedp.WaitVisible(`input[name=password]`),
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"), chromedp.Submit(`input[name=password]`), chromedp.WaitVisible(`table.units`))
	if err != nil {
		t.Fatal(err)
	}
}
