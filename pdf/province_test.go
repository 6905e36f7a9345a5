package pdf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/rollup"
)

// provinceFixture rolls up n communes' workbooks for a province of n+1 on
// the default plan's models: every fifth in progress on model 18 and
// overdue, model 24 a ratio summed everywhere; the last commune sent none.
// Every commune's units write the same difficulty and proposal about model
// 26 and a proposal to their own Công an xã; every other commune a
// difficulty of its own about model 5.
func provinceFixture(t testing.TB, n int) *rollup.Rollup {
	t.Helper()
	pl, err := plan.Default()
	if err != nil {
		t.Fatal(err)
	}
	pl.Header = plan.Header{ParentAgency: "Bộ Công an", IssuingAgency: "Công an tỉnh Thanh Hóa", Place: "Thanh Hóa", Symbol: "BC-CAT",
		Recipients: []string{"Ban Chỉ đạo Đề án 06 tỉnh Thanh Hóa"}, Distribution: []string{"Như trên", "Cục C06 - Bộ Công an (để b/c)", "Lưu: VT, PV06"},
		SignerAuthority: "KT. GIÁM ĐỐC", SignerPosition: "Phó Giám đốc", SignerName: "Lê Văn Hải"}
	pl.Document.Issuer, pl.Document.Number = "UBND tỉnh Thanh Hóa", "120/KH-UBND"
	var names []string
	var cs []*rollup.Commune
	for i := range n + 1 {
		name := fmt.Sprintf("Xã Thử Nghiệm %d", i+1)
		names = append(names, name)
		if i == n {
			break
		}
		wb := &rollup.Workbook{File: &report.Submission{Name: fmt.Sprintf("xa-%d.xlsx", i+1), Meta: map[string]string{},
			Unit: report.Value{Text: "UBND " + name}, Period: report.Value{Text: "2026-W48"}, ReportDate: report.Value{Text: "25/11/2026"}},
			Kind: rollup.KindConsolidated, ReportNumber: fmt.Sprintf("%02d/BC-CAX", i%30+1), UnitsReported: 8, UnitsExpected: 9, UnitsFound: true,
			Issuing: "Công an " + strings.ToLower(name[:len("X")]) + name[len("X"):], Place: strings.TrimPrefix(name, "Xã "), HasOpinions: true}
		wb.Data = append(wb.Data, rollup.DataRow{UnitName: "Công chức Văn hóa – xã hội", Model: "26", Difficulty: "Chưa được cấp tài khoản LGSP.",
			Proposal: "Đề nghị Sở Khoa học và Công nghệ cấp tài khoản LGSP cho xã."},
			rollup.DataRow{UnitName: "Công chức Văn phòng – thống kê", Model: "44", Proposal: "Đề nghị Công an xã mở lớp tập huấn."})
		if i%2 == 0 {
			wb.Data = append(wb.Data, rollup.DataRow{UnitName: "Trạm y tế xã", Model: "5", Difficulty: fmt.Sprintf("Khó khăn riêng của xã thứ %d, kể khá dài để chiếm chỗ trong báo cáo.", i+1)})
		}
		for _, m := range pl.Models() {
			status, overdue := "Đã hoàn thành", ""
			if m.Number == 18 && i%5 == 0 {
				status, overdue = "Đang triển khai", "Quá hạn"
			}
			wb.Models = append(wb.Models, rollup.ModelRow{GroupCode: m.Group, Model: report.Value{Text: report.ModelTitle(m)},
				Status: report.Value{Text: status}, Progress: report.Value{Text: "90"}, Overdue: report.Value{Text: overdue}})
			if m.Number == 24 {
				wb.Data = append(wb.Data, rollup.DataRow{Unit: "cong-an", Model: "24", Achieved: "450", Total: "500", IndicatorName: m.Indicator.Name, IndicatorUnit: "%"})
			}
		}
		cs = append(cs, rollup.Examine(wb))
	}
	pv := rollup.NewProvince(pl, names)
	r := rollup.Roll(pv, rollup.Check(pv, cs, plan.Period{Kind: plan.Weekly, Year: 2026, N: 48}))
	return r
}

func provinceOptions() Options {
	o := options()
	o.Number = 12
	return o
}

func TestProvinceDocument(t *testing.T) {
	doc := BuildProvince(provinceFixture(t, 6), provinceOptions())
	checkWithinMargins(t, doc)
	all := strings.Join(texts(doc, ""), "\n")
	for _, want := range []string{"CÔNG AN TỈNH THANH HÓA", "Số: 12/BC-CAT", "Thanh Hóa, ngày 25 tháng 11 năm 2026",
		"Kính gửi: Ban Chỉ đạo Đề án 06 tỉnh Thanh Hóa.", "PHỤ LỤC I", "PHỤ LỤC II", "Xã Thử Nghiệm 7", "Lê Văn Hải",
		"(Kèm theo Báo cáo số 12/BC-CAT ngày 25/11/2026 của Công an tỉnh Thanh Hóa)"} {
		if !strings.Contains(all, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	body := strings.Join(texts(doc, "body"), " ")
	for _, want := range []string{"Có 06/07 xã, phường đã gửi bảng tổng hợp. Xã Thử Nghiệm 7 chưa gửi bảng tổng hợp.",
		"Các xã, phường đã gửi báo cáo 120 lượt mô hình", "đạt 2.700/3.000 người (90%), cộng số liệu của 06 xã, phường.",
		"Có 02 xã, phường có mô hình quá thời hạn", "- Mô hình 18 quá hạn ở 02 xã, phường (xã Thử Nghiệm 1, xã Thử Nghiệm 6).",
		"- Đôn đốc xã Thử Nghiệm 7 gửi bảng tổng hợp tuần 49/2026 đúng hạn",
		// The communes' words, counted, quoted once with who wrote them.
		"nêu 09 khó khăn, vướng mắc", "- 06 xã, phường (xã Thử Nghiệm 1, xã Thử Nghiệm 2, xã Thử Nghiệm 3, xã Thử Nghiệm 4, xã Thử Nghiệm 5, xã Thử Nghiệm 6): chưa được cấp tài khoản LGSP (mô hình 26)",
		"- Xã Thử Nghiệm 1: khó khăn riêng của xã thứ 1",
		"nêu 06 đề xuất, kiến nghị (không kể 06 đề xuất gửi Công an xã, phường",
		"đề nghị Sở Khoa học và Công nghệ cấp tài khoản LGSP cho xã (mô hình 26)."} {
		if !strings.Contains(body, want) {
			t.Errorf("the body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "không có đề xuất") {
		t.Errorf("the body says the communes proposed nothing:\n%s", body)
	}
	// Workbooks that do not carry their units' words: said, never "none".
	noWords := provinceFixture(t, 6)
	noWords.NoOpinions, noWords.Difficulties, noWords.Proposals = []string{"Xã Thử Nghiệm 1", "Xã Thử Nghiệm 2", "Xã Thử Nghiệm 3",
		"Xã Thử Nghiệm 4", "Xã Thử Nghiệm 5", "Xã Thử Nghiệm 6"}, nil, nil
	text := strings.Join(texts(BuildProvince(noWords, provinceOptions()), "body"), " ")
	if !strings.Contains(text, "chưa được tổng hợp trong báo cáo này") || strings.Contains(text, "không có đề xuất") {
		t.Errorf("without the communes' words:\n%s", text)
	}
	// Each appendix is numbered on its own, and every page of its table
	// carries the heading row.
	parts, numbers := 0, map[int][]string{}
	for pi, p := range doc.Pages {
		heading, rows := false, false
		for _, it := range p.Items {
			if it.Role == "appendix-title" && strings.HasPrefix(it.Text, "PHỤ LỤC") {
				parts++
			}
			if it.Role == "page-number" {
				numbers[parts] = append(numbers[parts], it.Text)
			}
			heading = heading || it.Role == "header-row"
			rows = rows || it.RowKey != ""
		}
		if rows && !heading {
			t.Errorf("page %d: table rows without the heading row", pi+1)
		}
	}
	if parts != 2 {
		t.Errorf("%d appendices, want 2", parts)
	}
	checkHeadingsInTheirCells(t, doc)
	// A draft (an unconfirmed or blank header) says so once, at the head
	// of the document (Decree 30/2020).
	opt := provinceOptions()
	opt.Draft = true
	for i, p := range BuildProvince(provinceFixture(t, 6), opt).Pages {
		if marked := slices.ContainsFunc(p.Items, func(it Item) bool { return it.Role == "draft" && it.Text == txtDraft }); marked != (i == 0) {
			t.Errorf("draft: page %d marked %v", i+1, marked)
		}
	}
}

// checkHeadingsInTheirCells checks that every heading's lines lie within
// a heading cell: a heading wrapped to more lines than its cell holds
// would run over the cell below.
func checkHeadingsInTheirCells(t *testing.T, doc *Document) {
	t.Helper()
	for pi, p := range doc.Pages {
		var cells []Item
		for _, it := range p.Items {
			if it.Role == "header-row" && it.Kind == KindRect {
				cells = append(cells, it)
			}
		}
		for _, it := range p.Items {
			if it.Role != "header-row" || it.Kind != KindText {
				continue
			}
			inside := false
			for _, c := range cells {
				inside = inside || (it.X >= c.X && it.X+it.W <= c.X+c.W+0.01 && it.Y >= c.Y-0.01 && it.Y+it.H <= c.Y+c.H+0.01)
			}
			if !inside {
				t.Errorf("page %d: heading %q outside its cell", pi+1, it.Text)
			}
		}
	}
}

// Thousands of communes: the report's body names a few and counts the
// rest, so it stays a few pages; the appendices hold them all.
func TestProvinceDocumentAtScale(t *testing.T) {
	r := provinceFixture(t, 3321)
	doc := BuildProvince(r, provinceOptions())
	portrait, communeRows := 0, map[string]bool{}
	for _, p := range doc.Pages {
		if !p.Landscape {
			portrait++
		}
		for _, it := range p.Items {
			if strings.HasPrefix(it.RowKey, "commune-") {
				communeRows[it.RowKey] = true
			}
		}
	}
	if portrait > 5 {
		t.Errorf("the body runs to %d pages", portrait)
	}
	if len(communeRows) != 3322 {
		t.Errorf("%d communes in Phụ lục I, want 3322", len(communeRows))
	}
	body := strings.Join(texts(doc, "body"), " ")
	if !strings.Contains(body, "và 635 xã, phường khác (xem Phụ lục I)") {
		t.Errorf("the overdue list is not shortened: %s", body)
	}
	// 1.661 texts of their own: the first quoted, the rest counted.
	if !regexp.MustCompile(`Còn \d+ ý kiến khác, ghi đầy đủ tại trang “Ý kiến các xã”`).MatchString(body) {
		t.Errorf("the communes' words are not bounded: %s", body)
	}
}

func TestProvincePDFWithPoppler(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the test that needs poppler")
	}
	pdftotext := needTool(t, "pdftotext")
	pdffonts := needTool(t, "pdffonts")
	path := filepath.Join(t.TempDir(), "tinh.pdf")
	doc := BuildProvince(provinceFixture(t, 6), provinceOptions())
	if err := os.WriteFile(path, render(t, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/BC-CAT", "PHỤ LỤC I", "TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ, PHƯỜNG",
		"PHỤ LỤC II", "Số mô hình theo tình trạng", "Xã Thử Nghiệm 7 Chưa gửi", "Mô hình 18: Triển khai giải pháp xử phạt"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	fonts, err := exec.Command(pdffonts, path).Output()
	if err != nil || strings.Count(string(fonts), " yes ") < 4 {
		t.Errorf("fonts: %v\n%s", err, fonts)
	}
}

// Decree 30: the text is black, on every page of both documents; what the
// appendices mark (a model overdue, a commune that sent nothing) is bold.
func TestTextIsBlack(t *testing.T) {
	docs := map[string]*Document{"commune": Build(consolidation(t, false), options()),
		"province": BuildProvince(provinceFixture(t, 6), provinceOptions())}
	for name, doc := range docs {
		marks := 0
		for i, p := range doc.Pages {
			for _, it := range p.Items {
				if it.Kind != KindText {
					continue
				}
				if it.Color != [3]int{} {
					t.Errorf("%s p%d: %q is in colour %v", name, i+1, it.Text, it.Color)
				}
				if it.Role == "cell" && (it.Text == report.OverdueMark || it.Text == txtProvNoteNotSent) {
					marks++
					if it.Font.Style != "B" {
						t.Errorf("%s p%d: %q is not bold", name, i+1, it.Text)
					}
				}
			}
		}
		if marks == 0 {
			t.Errorf("%s: no overdue model or missing commune in its appendix", name)
		}
	}
}
