package main

// The province's sample: samples/tinh holds the consolidated workbooks a
// handful of communes sent up for week 48 of 2026, made from the sample
// week with other commune names, plans and statuses, each through de06's
// own path (template, filled, read, checked, consolidated, written) and
// then saved again by LibreOffice; samples/tinh/xa.txt is the province's
// list of communes (one sent nothing); samples/ke-hoach-tinh.json and .xlsx
// are the province's plan.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// commune is one commune of the sample province.
type commune struct {
	file, name, kind string // kind: "xã" or "phường"
	number, day      int    // its report: number, day of November 2026
	// districtEra keeps the 2024 plan's district-level letterhead.
	districtEra bool
	missing     []string // units that did not report
	dropModels  []int    // models its plan does not have
	edit        func(*plan.Plan)
	shift       int // statuses moved forward (+) or back (−), in tens of progress points
}

var communes = []commune{
	{file: "minh-son-2026-W48.xlsx", name: "Minh Sơn", kind: "xã", number: 5, day: 25, missing: []string{"truong-hoc"}},
	{file: "ngoc-lac-2026-W48.xlsx", name: "Ngọc Lặc", kind: "xã", number: 11, day: 25, missing: []string{"truong-hoc", "dia-chinh"},
		dropModels: []int{35, 41}, shift: -2},
	{file: "hac-thanh-2026-W48.xlsx", name: "Hạc Thành", kind: "phường", number: 21, day: 24, missing: []string{"truong-hoc"}, shift: 2,
		// The ward writes its essential services' unit in full, "dịch vụ
		// công" for the province's "DVC": the same indicator, added up.
		edit: func(p *plan.Plan) { p.Model(1).Indicator.Unit = "dịch vụ công" }},
	{file: "kien-tho-2026-W48.xlsx", name: "Kiên Thọ", kind: "xã", number: 7, day: 25, missing: []string{"truong-hoc", "chinh-sach-xa-hoi"},
		districtEra: true, shift: -1},
	// Thạch Lập merged twice: a first time before one-stop's report came,
	// then again; both files were sent.
	{file: "thach-lap-lan-1.xlsx", name: "Thạch Lập", kind: "xã", number: 8, day: 24, missing: []string{"truong-hoc", "bo-phan-mot-cua"}, shift: 1},
	{file: "thach-lap-2026-W48.xlsx", name: "Thạch Lập", kind: "xã", number: 9, day: 25, missing: []string{"truong-hoc"}, shift: 1},
}

// listed is the province's list: every commune above, and one that sent
// nothing.
var listed = []string{"Xã Minh Sơn", "Xã Ngọc Lặc", "Phường Hạc Thành", "Xã Kiên Thọ", "Xã Thạch Lập", "Xã Nguyệt Ấn"}

// writeProvince writes samples/tinh and the province's plan under out.
func writeProvince(out string) error {
	dir := filepath.Join(out, "tinh")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w48, _ := plan.ParsePeriod("2026-W48")
	for _, c := range communes {
		b, err := communeWorkbook(c, w48)
		if err != nil {
			return fmt.Errorf("%s: %w", c.file, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.file), b, 0o644); err != nil {
			return err
		}
	}
	list := "# Danh sách xã, phường của tỉnh (ví dụ; mỗi dòng một xã)\r\n" + strings.Join(listed, "\r\n") + "\r\n"
	if err := os.WriteFile(filepath.Join(dir, "xa.txt"), []byte(list), 0o644); err != nil {
		return err
	}
	return writeProvincePlan(out)
}

// communePlan is the sample plan made the commune's: its name in the
// plan's issuer, reporting body, place and recipients (a post-2025
// letterhead, unless it kept the district-era one), less some models.
func communePlan(c commune) (*plan.Plan, error) {
	p, err := plan.Default()
	if err != nil {
		return nil, err
	}
	p.ID = "" // made again from the issuer and number
	replace := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "xã Cao Ngọc", c.kind+" "+c.name), "Cao Ngọc", c.name)
	}
	p.Document.Issuer = replace(p.Document.Issuer)
	p.Document.Title, p.Document.DateText = replace(p.Document.Title), replace(p.Document.DateText)
	h := &p.Header
	h.IssuingAgency, h.Place = replace(h.IssuingAgency), c.name
	for i := range h.Recipients {
		h.Recipients[i] = replace(h.Recipients[i])
	}
	h.Province = "tỉnh Thanh Hóa"
	if !c.districtEra {
		// Its officer has read the post-2025 header and confirmed it.
		h.Confirmed = true
		h.ParentAgency = "Công an tỉnh Thanh Hóa"
		h.Recipients = []string{"Tổ công tác Đề án 06 tỉnh Thanh Hóa", replace("Đảng ủy, UBND xã Cao Ngọc")}
		h.Distribution = []string{"Như trên", "Công an tỉnh Thanh Hóa (để b/c)", "Tổ công tác Đề án 06 " + c.kind, "Lưu: VT, CAX"}
	}
	for gi := range p.Groups {
		g := &p.Groups[gi]
		var keep []*plan.Model
		for _, m := range g.Models {
			if !containsInt(c.dropModels, m.Number) {
				keep = append(keep, m)
			}
		}
		g.Models = keep
	}
	if c.edit != nil {
		c.edit(p)
	}
	// Through JSON, as a commune's edited plan is loaded.
	var b bytes.Buffer
	if err := plan.EncodeJSON(&b, p); err != nil {
		return nil, err
	}
	return plan.DecodeJSON(&b, c.name)
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// communeWorkbook runs the commune's week through de06: its units' filled
// templates, read and checked, consolidated and written as merge writes
// them.
func communeWorkbook(c commune, per plan.Period) ([]byte, error) {
	p, err := communePlan(c)
	if err != nil {
		return nil, err
	}
	var subs []*report.Submission
	for _, u := range p.ReportingUnits() {
		r, ok := reports[u.ID]
		if !ok || containsString(c.missing, u.ID) {
			continue
		}
		r = shifted(r, c.shift, c.name)
		b, err := filled(p, u.ID, per, r, nil)
		if err != nil {
			return nil, err
		}
		name := u.ID + "-" + per.String() + ".xlsx"
		subs = append(subs, excel.Reader{}.Read(b, &report.Submission{Path: name, Name: name, Meta: map[string]string{}}))
	}
	day := time.Date(2026, time.November, c.day, 0, 0, 0, 0, time.UTC)
	cons := report.Consolidate(p, report.Validate(p, subs, per, day), nil)
	cons.Signed = report.Signed{Number: c.number, Date: day}
	var out bytes.Buffer
	err = excel.WriteConsolidated(&out, cons)
	return out.Bytes(), err
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// shifted moves a unit's week forward or back by shift tens of progress
// points (a model past 100 is done, one at 0 not started) and names the
// commune in its texts.
func shifted(r unitReport, shift int, name string) unitReport {
	rows := map[int]formfill.Row{}
	for n, row := range r.rows {
		row.Result = strings.ReplaceAll(row.Result, "Cao Ngọc", name)
		if p, ok := row.Progress.(int); ok && shift != 0 && row.Status == "Đang triển khai" {
			p += 10 * shift
			switch {
			case p >= 100:
				row.Status, row.Progress = "Đã hoàn thành", 100
			case p <= 0:
				row.Status, row.Progress, row.Achieved, row.Total = "Chưa triển khai", 0, nil, nil
			default:
				row.Progress = p
			}
		}
		rows[n] = row
	}
	r.rows = rows
	return r
}

// writeProvincePlan writes the province's plan: the sample plan's models
// (the province's list numbers them, so model N is the same model in every
// commune), led by provincial bodies; its reporting units are the
// communes; its header is the province's report.
func writeProvincePlan(out string) error {
	p, err := plan.Default()
	if err != nil {
		return err
	}
	p.ID = "thanh-hoa-de-an-06-vi-du"
	p.Level = plan.LevelProvince
	p.Document = plan.Document{Issuer: "UBND tỉnh Thanh Hóa", Number: "152/KH-UBND", DateText: "Thanh Hóa, ngày … tháng 8 năm 2025",
		Title:          "Kế hoạch triển khai, thực hiện các mô hình của Đề án 06 trên địa bàn tỉnh Thanh Hóa sau sắp xếp đơn vị hành chính (ví dụ)",
		StandingAgency: "Công an tỉnh"}
	// The province's police report under the Ministry of Public Security.
	p.Header = plan.Header{ParentAgency: "Bộ Công an", IssuingAgency: "Công an tỉnh Thanh Hóa", Place: "Thanh Hóa", Symbol: "BC-CAT",
		Recipients:      []string{"Ban Chỉ đạo triển khai Đề án 06 tỉnh Thanh Hóa", "Cục C06 - Bộ Công an"},
		Distribution:    []string{"Như trên", "UBND tỉnh (để b/c)", "Các xã, phường (để t/h)", "Lưu: VT, PV06"},
		SignerAuthority: "KT. GIÁM ĐỐC", SignerPosition: "Phó Giám đốc", Province: "tỉnh Thanh Hóa", Confirmed: true}
	p.Collective = nil
	lead := map[string]string{"I": "Văn phòng UBND tỉnh", "II": "Sở Y tế", "III": "Công an tỉnh", "IV": "Sở Khoa học và Công nghệ", "V": "Văn phòng UBND tỉnh"}
	bodies := []string{"Văn phòng UBND tỉnh", "Sở Y tế", "Công an tỉnh", "Sở Khoa học và Công nghệ"}
	for _, m := range p.Models() {
		m.Lead = []string{lead[m.Group]}
		m.Coordinate = []string{"Các sở, ban, ngành", "UBND các xã, phường"}
		m.Objective = strings.ReplaceAll(m.Objective, "xã Cao Ngọc", "tỉnh Thanh Hóa")
		m.Tasks = ""
	}
	p.Units = nil
	for _, name := range listed {
		p.Units = append(p.Units, plan.Unit{ID: vi.Slug(name), Name: name, Reports: true})
	}
	for _, b := range bodies {
		p.Units = append(p.Units, plan.Unit{ID: vi.Slug(b), Name: b})
	}
	var js bytes.Buffer
	if err := plan.EncodeJSON(&js, p); err != nil {
		return err
	}
	if _, err := plan.DecodeJSON(bytes.NewReader(js.Bytes()), "ke-hoach-tinh.json"); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "ke-hoach-tinh.json"), js.Bytes(), 0o644); err != nil {
		return err
	}
	var xb bytes.Buffer
	if err := excel.WritePlan(&xb, p); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "ke-hoach-tinh.xlsx"), xb.Bytes(), 0o644)
}
