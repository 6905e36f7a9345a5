package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/pdf"
	"github.com/caongoc/de06/report"
)

// The sample week's report, as merge builds it: the appendix fits six
// landscape pages, and model 37 ("Đã hoàn thành" at 312/326 against a
// 100 % target) is flagged in the findings the workbook's "Kiểm tra" lists.
func TestSampleWeekDocument(t *testing.T) {
	in, err := readInputs(inputOptions{}, []string{filepath.Join("..", "..", "samples", "tuan-48-2026")})
	if err != nil {
		t.Fatal(err)
	}
	cons := report.Consolidate(in.plan, in.checked, nil)
	doc := pdf.Build(cons, pdf.Options{Number: 5, Date: vi.Day(2026, 11, 25)})
	landscape := 0
	for _, p := range doc.Pages {
		if p.Landscape {
			landscape++
		}
	}
	if landscape == 0 || landscape > 6 {
		t.Errorf("appendix of %d landscape pages, want 1 to 6", landscape)
	}
	flagged := false
	for _, f := range cons.Findings {
		if f.Model == 37 && f.Code == report.IndicatorMismatch {
			flagged = true
		}
	}
	if !flagged {
		t.Error("model 37 is not flagged")
	}
}

// bodyText is the report's body (its portrait pages), one paragraph line
// after another, and the appendix's cell lines.
func bodyText(doc *pdf.Document) (body, cells []string) {
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch {
			case !p.Landscape && it.Role == "body":
				body = append(body, it.Text)
			case p.Landscape && it.Role == "cell":
				cells = append(cells, strings.ReplaceAll(it.Text, "\u00a0", " "))
			}
		}
	}
	return body, cells
}

// The sample week: model 37 ("Đã hoàn thành" at 312/326 of a 100 % target)
// is counted in progress and listed overdue in the report's body.
func TestSampleWeekCountsModel37NotDone(t *testing.T) {
	in, err := readInputs(inputOptions{}, []string{filepath.Join("..", "..", "samples", "tuan-48-2026")})
	if err != nil {
		t.Fatal(err)
	}
	cons := report.Consolidate(in.plan, in.checked, nil)
	doc := pdf.Build(cons, pdf.Options{Number: 5, Date: vi.Day(2026, 11, 25)})
	body, _ := bodyText(doc)
	text := strings.Join(body, " ")
	for _, want := range []string{"có 03 mô hình đã hoàn thành", "Có 05 mô hình quá thời hạn", "- Mô hình 37: Quản lý chương trình an sinh"} {
		if !strings.Contains(text, want) {
			t.Errorf("the body does not say %q", want)
		}
	}
	if n := cons.Counts(); n.ByStatus[report.StatusDone] != 3 || n.Overdue != 5 {
		t.Errorf("counts %+v", n)
	}
	// Dated 25/11/2026 under the embedded 2024 plan: a draft.
	if r := in.plan.Header.DraftReasons(vi.Day(2026, 11, 25)); len(r) == 0 {
		t.Error("the 2024 header is not a draft in 2026")
	}
}

// samples/co-loi: no model is overdue for lack of data, and no unit whose
// rows were rejected is written as not having reported.
func TestErrorSamplesSayWhatTheDataSays(t *testing.T) {
	in, err := readInputs(inputOptions{period: "2026-W48"}, []string{filepath.Join("..", "..", "samples", "co-loi")})
	if err != nil {
		t.Fatal(err)
	}
	cons := report.Consolidate(in.plan, in.checked, nil)
	doc := pdf.Build(cons, pdf.Options{Number: 5, Date: vi.Day(2026, 11, 25)})
	body, cells := bodyText(doc)
	for _, ms := range cons.Models {
		if ms.NoData() && ms.Overdue {
			t.Errorf("model %d without data is overdue", ms.Model.Number)
		}
	}
	if text := strings.Join(body, " "); strings.Contains(text, "tình trạng: chưa có số liệu") || strings.Contains(text, "tình trạng: chưa báo cáo") {
		t.Errorf("a model without data is listed overdue:\n%s", text)
	}
	// Units that sent a file: their names never follow "Chưa báo cáo".
	var sent []string
	for _, f := range in.checked.Files {
		if f.Unit != nil {
			sent = append(sent, f.Unit.Name)
		}
	}
	// The counts agree: five sent, four usable; every figure says whose
	// it is; merge sends nothing back, so no sentence says it did.
	text := strings.Join(body, " ")
	for _, want := range []string{"Có 05/09 đơn vị đã gửi báo cáo, trong đó 04 báo cáo dùng được",
		"Công an xã gửi nhầm báo cáo tuần 47/2026; cần lập lại báo cáo tuần 48/2026.",
		"Mô hình 1 (DVC thiết yếu được triển khai) chưa đủ số liệu để đánh giá (mới có số liệu của 04/09 đơn vị: 6/53 DVC);",
		"hiện đang triển khai (số liệu của 01/02 đơn vị, chưa có số liệu của Công an xã)",
		"Tình trạng và số liệu các mô hình tính theo báo cáo của 04/09 đơn vị.",
		"Chưa có ý kiến của 05/09 đơn vị do chưa gửi báo cáo hoặc báo cáo chưa dùng được.",
		"Các dòng báo cáo có lỗi chưa được tổng hợp, cần sửa để tổng hợp bổ sung, gồm mô hình 36 của Trạm y tế xã; mô hình 26, 27 của"} {
		if !strings.Contains(text, want) {
			t.Errorf("the body lacks %q:\n%s", want, text)
		}
	}
	// Model 31's duplicate row was ignored, its first row summed: no row
	// of it is left out; nothing says the police's report is being redone.
	for _, never := range []string{"Có 04/09 đơn vị đã gửi", "đã trả lại", "có 01 dòng báo cáo có lỗi", "mô hình 31 của", "đang được lập lại", "6/53 DVC (11,3%)"} {
		if strings.Contains(text+" "+strings.Join(cells, " "), never) {
			t.Errorf("the document says %q", never)
		}
	}
	returned := 0
	for i, l := range cells {
		if strings.HasPrefix(l, "Có lỗi, cần sửa và gửi lại") || strings.HasPrefix(l, "Có lỗi, cần lập lại") {
			returned++
		}
		if !strings.HasPrefix(l, "Chưa báo cáo") {
			continue
		}
		// The list may run over the next lines of the cell.
		list := l
		for j := i + 1; j < len(cells) && j < i+4 && !strings.Contains(cells[j], ":"); j++ {
			list += " " + cells[j]
		}
		for _, u := range sent {
			if strings.Contains(list, u) {
				t.Errorf("%s sent a file but is written as not reported: %q", u, list)
			}
		}
	}
	if returned == 0 {
		t.Error("no row says it was sent back to be fixed")
	}
}

// A month made of the units' week 48 says so, in the body and the
// appendix, and never says "trong tuần" (which week?).
func TestMonthSaysWhichWeek(t *testing.T) {
	in, err := readInputs(inputOptions{period: "2026-12"}, []string{filepath.Join("..", "..", "samples", "tuan-48-2026")})
	if err != nil {
		t.Fatal(err)
	}
	cons := report.Consolidate(in.plan, in.checked, nil)
	doc := pdf.Build(cons, pdf.Options{Date: vi.Day(2026, 12, 14)})
	body, cells := bodyText(doc)
	text, table := strings.Join(body, " "), strings.Join(cells, " ")
	// Said once, and no monthly report claimed that did not come.
	if !strings.Contains(text, "Chưa đơn vị nào gửi báo cáo tháng; số liệu của 08/09 đơn vị lấy từ báo cáo tuần 48/2026 (từ ngày 19/11/2026 đến ngày 25/11/2026).") {
		t.Errorf("the body does not say the figures are week 48's:\n%s", text)
	}
	if strings.Contains(text, "đã gửi báo cáo, gồm") || strings.Contains(text+table, "Tuần 48 năm 2026") {
		t.Errorf("the month claims monthly reports, or names the week on every line:\n%s", text)
	}
	var once []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if it.Role == "appendix-source" {
				once = append(once, it.Text)
			}
		}
	}
	if len(once) != 1 || !strings.Contains(once[0], "tuần 48/2026") {
		t.Errorf("the appendix says where its figures come from %q", once)
	}
	if regexp.MustCompile(`trong tuần(\s*$|\s+[^\d\s])`).MatchString(text + " " + table) {
		t.Error(`a monthly report says "trong tuần" (which week?)`)
	}
	// Next period's tasks name it; a week's proposal says it was that week's.
	// A unit's proposal to the standing agency is studied, not promised,
	// and its "tháng 12" is December 2026's, not next period's.
	for _, want := range []string{"gửi báo cáo tháng 1/2027 đúng hạn",
		"Công an xã nghiên cứu đề nghị của Công chức Văn phòng – thống kê tại báo cáo tuần 48/2026 về việc phối hợp mở lớp tập huấn an toàn thông tin cho cán bộ xã trong tháng 12/2026 (mô hình 44)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the body lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "theo đề nghị của") {
		t.Error("a unit's proposal is still made the signer's task")
	}
}
