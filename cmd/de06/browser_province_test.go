package main

import (
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The province's desk in the browser: a commune opens its link, reads what
// to send, sends its consolidated workbook and sees it counts; the officer
// sees the communes on the board, merges, and gets the roll-up. Pages at
// 1366 px and on a 390 px phone (the commune's page measured as a unit's
// is: no sideways scrolling, 44 px buttons, 16 px text).
func TestBrowserProvince(t *testing.T) {
	ctx := newBrowser(t)
	d := newDeskOn(t, provincePlan)
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	// Three communes have sent; Kiên Thọ's is a unit's report, sent by
	// mistake.
	d.upload(http.DefaultClient, d.links["xa-minh-son"], communeSample("minh-son-2026-W48.xlsx"))
	d.upload(http.DefaultClient, d.links["phuong-hac-thanh"], communeSample("hac-thanh-2026-W48.xlsx"))
	d.upload(http.DefaultClient, d.links["xa-kien-tho"], sample("cong-an-2026-W48.xlsx"))
	link := d.links["xa-ngoc-lac"] + "?period=2026-W48"

	for _, size := range []struct{ w, h int64 }{{1366, 768}, {390, 844}} {
		opts := []chromedp.EmulateViewportOption{}
		if size.w < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h, opts...),
			chromedp.Navigate(link), chromedp.WaitVisible(`#gui-gi`))
		if err != nil {
			t.Fatal(err)
		}
		text, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Xã Ngọc Lặc", "Xã chưa gửi bảng tổng hợp Tuần 48 năm 2026", "1. Gửi bảng tổng hợp nào", "Không cần tệp mẫu", "2. Gửi bảng tổng hợp"} {
			if !strings.Contains(text, want) {
				t.Errorf("the commune's page at %d px lacks %q", size.w, want)
			}
		}
		if strings.Contains(text, "Tải tệp mẫu") || strings.Contains(text, "Điền trực tiếp") {
			t.Errorf("the commune's page offers a template or the form")
		}
		measurePage(t, ctx, "commune page", int(size.w))
		shot(t, ctx, "tinh-xa-"+strconv.FormatInt(size.w, 10)+".png")
	}

	// The commune sends its workbook from the phone.
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(link), chromedp.WaitVisible(`input[type=file]`),
		chromedp.SetUploadFiles(`input[type=file]`, []string{abs(communeSample("ngoc-lac-2026-W48.xlsx"))}),
		chromedp.Click(`#gui-tep button`), chromedp.WaitVisible(`#ket-qua`))
	if err != nil {
		t.Fatal(err)
	}
	result, err := chromedp.Run(ctx, chromedp.Text(`main`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Kết quả kiểm tra: đã nhận", "Tệp này đang được dùng để tổng hợp", "Bảng tổng hợp Tuần 48 năm 2026: Đã nhận"} {
		if !strings.Contains(result, want) {
			t.Errorf("after the commune's send the page lacks %q:\n%.1200s", want, result)
		}
	}
	measurePage(t, ctx, "commune page after sending", 390)
	shot(t, ctx, "tinh-xa-da-gui-390.png")

	// The officer's board: the communes, who has sent, the reminder.
	d.officer() // sets the password
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(d.ts.URL),
		chromedp.WaitVisible(`input[name=password]`),
		chromedp.SendKeys(`input[name=password]`, "mat-khau-thu"),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`table.units`))
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct{ w, h int64 }{{1366, 768}, {390, 844}} {
		opts := []chromedp.EmulateViewportOption{}
		if size.w < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h, opts...),
			chromedp.Navigate(d.ts.URL+"/bang?period=2026-W48"), chromedp.WaitVisible(`table.units`))
		if err != nil {
			t.Fatal(err)
		}
		board, err := chromedp.Run(ctx, chromedp.Text(`main`))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Đã nhận 3/6 xã", "Xã Nguyệt Ấn", "Có lỗi, chưa dùng được", "Nhắc các xã (chép vào Zalo)"} {
			if !strings.Contains(board, want) {
				t.Errorf("the province's board at %d px lacks %q", size.w, want)
			}
		}
		if r, err := chromedp.Run(ctx, chromedp.Value(`#loi-nhac`)); err != nil || !strings.HasPrefix(r, "Kính gửi các xã") || !strings.Contains(r, "- Xã Kiên Thọ (tệp đã gửi không dùng được, cần gửi lại)") {
			t.Errorf("the reminder: %q (%v)", r, err)
		}
		if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > int(size.w) {
			t.Errorf("the province's board at %d px is %d px wide (%v)", size.w, w, err)
		}
		shot(t, ctx, "tinh-bang-"+strconv.FormatInt(size.w, 10)+".png")
	}

	// The officer merges: the roll-up.
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(d.ts.URL+"/bang?period=2026-W48"),
		chromedp.WaitVisible(`input[name=number]`),
		chromedp.SendKeys(`input[name=number]`, "12"),
		chromedp.Submit(`input[name=number]`),
		chromedp.WaitVisible(`#tong-hop`), chromedp.WaitVisible(`footer`))
	if err != nil {
		t.Fatal(err)
	}
	done, err := chromedp.Run(ctx, chromedp.Text(`#tong-hop`))
	if err != nil || !strings.Contains(done, "3/6 xã gửi bảng tổng hợp") {
		t.Errorf("after the merge: %q (%v)", done, err)
	}
	shot(t, ctx, "tinh-bang-theo-doi.png")
}
