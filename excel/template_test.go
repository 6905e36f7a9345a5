package excel

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

func writeTemplateBytes(t testing.TB, p *plan.Plan, unit, period string) []byte {
	t.Helper()
	per, err := plan.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	form, err := report.NewForm(p, unit, per)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, form, p.Document.StandingAgency); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTemplateGolden(t *testing.T) {
	b := writeTemplateBytes(t, defaultPlan(t), "tram-y-te", "2026-W48")
	golden(t, "template-tram-y-te-2026-W48.txt", dumpBytes(t, b))
}

// Every unit's template, read back as Excel would: rows, drop-down,
// validations, protection, metadata and print setup.
func TestTemplatesReadBack(t *testing.T) {
	p := defaultPlan(t)
	for _, u := range p.ReportingUnits() {
		t.Run(u.ID, func(t *testing.T) {
			b := writeTemplateBytes(t, p, u.ID, "2026-W48")
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sh := sheetReport
			if got, _ := f.GetCellValue(sh, "C4"); got != u.Name {
				t.Errorf("unit cell = %q, want %q", got, u.Name)
			}
			if got, _ := f.GetCellValue(sh, "C5"); !strings.HasPrefix(got, "Tuần 48 năm 2026 (từ ngày 19/11/2026") {
				t.Errorf("period cell = %q", got)
			}
			as := p.Assignments(u.ID)
			for i, a := range as {
				row := rowFirstModel + i
				got, _ := f.GetCellValue(sh, cell(2, row))
				if !strings.HasPrefix(got, "Mô hình "+itoa(a.Model.Number)+": ") {
					t.Errorf("row %d model = %q, want model %d", row, got, a.Model.Number)
				}
				assertLocked(t, f, sh, cell(2, row), true)
				assertLocked(t, f, sh, cell(5, row), false)  // status
				assertLocked(t, f, sh, cell(6, row), false)  // progress
				assertLocked(t, f, sh, cell(10, row), false) // result
				// Indicator cells only where the unit's figure counts.
				counts := report.CountsIndicator(p, a.Model, u.ID)
				assertLocked(t, f, sh, cell(8, row), !counts)
				assertLocked(t, f, sh, cell(9, row), !counts || !a.Model.Indicator.Ratio())
			}
			if got, _ := f.GetCellValue(sh, cell(2, rowFirstModel+len(as))); got != "" {
				t.Errorf("extra row after the models: %q", got)
			}
			dvs, err := f.GetDataValidations(sh)
			if err != nil {
				t.Fatal(err)
			}
			var list, whole bool
			for _, dv := range dvs {
				if dv.Type == "list" && strings.Contains(dv.Formula1, sheetLists) && strings.HasPrefix(dv.Sqref, "E11:") {
					list = true
				}
				if dv.Type == "whole" && strings.HasPrefix(dv.Sqref, "F11:") && dv.Error != nil && strings.Contains(*dv.Error, "0 đến 100") {
					whole = true
				}
			}
			if !list || !whole {
				t.Errorf("validations: status list %v, progress 0–100 %v: %+v", list, whole, dvs)
			}
			for i, s := range report.Statuses {
				if got, _ := f.GetCellValue(sheetLists, cell(1, i+1)); got != s.String() {
					t.Errorf("list %d = %q, want %q", i, got, s.String())
				}
			}
			for _, hidden := range []string{sheetLists, sheetMeta} {
				if v, _ := f.GetSheetVisible(hidden); v {
					t.Errorf("sheet %s is visible", hidden)
				}
			}
			props, _ := f.GetCustomProps()
			want := map[string]string{"de06.template_version": report.TemplateVersion, "de06.plan_id": p.ID, "de06.unit_id": u.ID, "de06.period": "2026-W48"}
			for _, pr := range props {
				if w, ok := want[pr.Name]; ok && pr.Value == w {
					delete(want, pr.Name)
				}
			}
			if len(want) > 0 {
				t.Errorf("custom properties missing %v (have %+v)", want, props)
			}
			layout, _ := f.GetPageLayout(sh)
			if *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 {
				t.Errorf("page layout = %+v", layout)
			}
			names := f.GetDefinedName()
			found := false
			for _, n := range names {
				if n.Name == "_xlnm.Print_Titles" && n.Scope == sh && strings.Contains(n.RefersTo, "$10:$10") {
					found = true
				}
			}
			if !found {
				t.Errorf("no print titles: %+v", names)
			}
			if _, err := f.GetSheetIndex(sheetGuide); err != nil {
				t.Error(err)
			}
			if g, _ := f.GetCellValue(sheetGuide, "A1"); g != guideTitle {
				t.Errorf("guide title = %q", g)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func assertLocked(t *testing.T, f *excelize.File, sh, c string, locked bool) {
	t.Helper()
	id, err := f.GetCellStyle(sh, c)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	got := st.Protection == nil || st.Protection.Locked
	if got != locked {
		t.Errorf("%s!%s locked = %v, want %v", sh, c, got, locked)
	}
}

// The protection flags live in the sheet XML; excelize has no getter.
func TestTemplateProtected(t *testing.T) {
	b := writeTemplateBytes(t, defaultPlan(t), "cong-an", "2026-11")
	f, _ := excelize.OpenReader(bytes.NewReader(b))
	defer f.Close()
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/workbook.xml"} {
		raw, ok := f.Pkg.Load(part)
		if !ok {
			t.Fatalf("no %s", part)
		}
		s := string(raw.([]byte))
		if part == "xl/workbook.xml" {
			if !strings.Contains(s, `lockStructure="true"`) {
				t.Error("workbook structure is not protected")
			}
			continue
		}
		if !strings.Contains(s, `<sheetProtection sheet="true"`) || strings.Contains(s, "password") || strings.Contains(s, "hashValue") {
			t.Errorf("sheet protection wrong: %s", s[strings.Index(s, "<sheetProtection"):][:200])
		}
	}
}

// LibreOffice opens every template and prints it landscape on A4.
func TestTemplatesOpenInLibreOffice(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	p := defaultPlan(t)
	dir := t.TempDir()
	var files []string
	for _, u := range p.ReportingUnits() {
		path := filepath.Join(dir, u.ID+".xlsx")
		os.WriteFile(path, writeTemplateBytes(t, p, u.ID, "2026-W48"), 0o644)
		files = append(files, path)
	}
	out := filepath.Join(dir, "pdf")
	convert(t, "pdf", out, files...)
	for _, u := range p.ReportingUnits() {
		pdfPath := filepath.Join(out, u.ID+".pdf")
		info, err := exec.Command(pdfinfo, pdfPath).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", u.ID, err, info)
			continue
		}
		// Landscape A4: 841.89 x 595.3 pts on the first (report) page.
		if !strings.Contains(string(info), "841.89 x 595.") {
			t.Errorf("%s: first page is not landscape A4:\n%s", u.ID, info)
		}
	}
}

// The guide gives the hour units send by from one place (plan.DeadlineHour,
// which the desk and the link slips say too), and the date's example is
// the template's own period's report day, as is the date cell's message.
func TestGuideDeadlineAndExample(t *testing.T) {
	for period, day := range map[string]string{"2026-W49": "02/12/2026", "2026-12": "15/12/2026"} {
		f, err := excelize.OpenReader(bytes.NewReader(writeTemplateBytes(t, defaultPlan(t), "tram-y-te", period)))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(sheetGuide)
		if err != nil {
			t.Fatal(err)
		}
		var guide []string
		for _, r := range rows {
			guide = append(guide, strings.Join(r, " "))
		}
		text := strings.Join(guide, "\n")
		for _, want := range []string{"(ví dụ " + day + ")", "trước " + strconv.Itoa(plan.DeadlineHour) + " giờ thứ Tư hằng tuần",
			"trước " + strconv.Itoa(plan.DeadlineHour) + " giờ ngày 15 hằng tháng"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the guide lacks %q:\n%s", period, want, text)
			}
		}
		dvs, err := f.GetDataValidations(sheetReport)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, dv := range dvs {
			if dv.Error != nil && strings.Contains(*dv.Error, "ngày/tháng/năm") {
				found = true
				if !strings.Contains(*dv.Error, day) {
					t.Errorf("%s: the date cell's message %q gives another day's example", period, *dv.Error)
				}
			}
		}
		if !found {
			t.Errorf("%s: no date validation", period)
		}
		f.Close()
	}
}

// Every sheet of the template a unit prints is A4 landscape with its page
// numbers ("Trang x/y"), the guide too.
func TestTemplatePrintsLandscapeNumbered(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeTemplateBytes(t, defaultPlan(t), "tram-y-te", "2026-W48")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range []string{sheetReport, sheetGuide} {
		layout, err := f.GetPageLayout(sh)
		if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
			t.Errorf("%s: page layout %+v, %v; want A4 landscape", sh, layout, err)
		}
		if hf, err := f.GetHeaderFooter(sh); err != nil || hf == nil || hf.OddFooter != footerPages {
			t.Errorf("%s: footer %+v, %v; want page numbers", sh, hf, err)
		}
	}
}
