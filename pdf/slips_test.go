package pdf

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/caongoc/de06/plan"
)

func slips(n int) []Slip {
	var out []Slip
	for i := range n {
		out = append(out, Slip{Unit: fmt.Sprintf("Công chức Địa chính – nông nghiệp – xây dựng – môi trường %d", i),
			URL: fmt.Sprintf("http://192.168.100.200:8606/u/abcdefghijklmnopqrstuvwx%02d", i), Reach: Reach(i % 3)})
	}
	return out
}

var slipsOpt = SlipsOptions{Issuer: "UBND xã Cao Ngọc", Agency: "Công an xã", Created: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}

func TestSlips(t *testing.T) {
	for _, n := range []int{1, 3, 4, 9} {
		doc, err := BuildSlips(slips(n), slipsOpt)
		if err != nil {
			t.Fatal(err)
		}
		if want := (n + slipsPerPage - 1) / slipsPerPage; len(doc.Pages) != want {
			t.Errorf("%d slips on %d pages, want %d", n, len(doc.Pages), want)
		}
		for pi, p := range doc.Pages {
			w, h := p.Size()
			for _, it := range p.Items {
				if it.X < 0 || it.Y < 0 || it.X+it.W > w+0.01 || it.Y+it.H > h+0.01 {
					t.Errorf("page %d: %q (%s) outside the page", pi+1, it.Text, it.Role)
				}
				if it.Kind == KindText && it.W > 0 && newMeasurer().width(it.Text, it.Font) > it.W+0.01 {
					t.Errorf("page %d: %q wider than its box", pi+1, it.Text)
				}
			}
		}
	}
}

// The squares drawn are the QR code of the slip's link, module by module,
// and every slip's text stays within its third of the page.
func TestSlipQRIsTheLink(t *testing.T) {
	ss := slips(3)
	doc, err := BuildSlips(ss, slipsOpt)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range ss {
		q, _ := qrcode.New(s.URL, qrcode.Medium)
		bits := q.Bitmap()
		m := qrSide / float64(len(bits))
		top := float64(i) * slipH
		drawn := map[[2]int]bool{}
		for _, it := range doc.Pages[0].Items {
			if it.Role == "qr" && it.Y >= top && it.Y < top+slipH {
				x0 := a4W - slipMargin - qrSide
				drawn[[2]int{int(math.Round((it.Y - top - slipMargin) / m)), int(math.Round((it.X - x0) / m))}] = true
			}
			if it.Kind == KindText && it.Y >= top && it.Y < top+slipH && it.Y+it.H > top+slipH {
				t.Errorf("slip %d: %q runs into the next slip", i, it.Text)
			}
		}
		dark := 0
		for r, row := range bits {
			for c, b := range row {
				if b {
					dark++
				}
				if b != drawn[[2]int{r, c}] {
					t.Fatalf("slip %d: module (%d,%d) drawn %v, encoded %v", i, r, c, drawn[[2]int{r, c}], b)
				}
			}
		}
		if dark != len(drawn) {
			t.Errorf("slip %d: %d squares drawn, %d dark modules", i, len(drawn), dark)
		}
	}
}

func TestSlipsWithPoppler(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	doc, err := BuildSlips(slips(4), slipsOpt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "phieu.pdf")
	os.WriteFile(path, render(t, doc), 0o644)
	out, err := exec.Command(pdftotext, "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, s := range slips(4) {
		if !strings.Contains(text, s.URL) || !strings.Contains(text, "Đơn vị: "+s.Unit) {
			t.Errorf("pdftotext lacks the slip of %s", s.Unit)
		}
	}
	// Each slip says where its link opens.
	for _, want := range []string{"chỉ mở được trên máy của cán bộ tổng hợp", "chỉ trong mạng của xã", "ở mọi nơi có Internet"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("no slip says %q:\n%s", want, text)
		}
	}
}

// A slip gives the hour units send by from the one place the template's
// guide and the desk take it (plan.DeadlineHour).
func TestSlipDeadlineHour(t *testing.T) {
	doc, err := BuildSlips(slips(1), slipsOpt)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, it := range doc.Pages[0].Items {
		text = append(text, it.Text)
	}
	want := fmt.Sprintf("Hạn gửi: %d giờ thứ Tư hằng tuần; báo cáo tháng: %d giờ ngày 15", plan.DeadlineHour, plan.DeadlineHour)
	if all := strings.Join(text, " "); !strings.Contains(all, want) {
		t.Errorf("the slip lacks %q:\n%s", want, all)
	}
}
