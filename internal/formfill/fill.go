// Package formfill fills a unit's report template the way a clerk does:
// it finds the labels, the table's headings and each model's row by their
// visible text, and types values into the cells beside them. Tests and the
// sample generator use it; de06 itself never writes into a unit's file.
package formfill

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
)

// Values is what a clerk types. A string is typed text, a number a number,
// nil leaves the cell as it is.
type Values struct {
	ReportDate *time.Time
	// ReportDateText is a report date typed as text, when ReportDate is nil.
	ReportDateText string
	Reporter       string
	Phone          string
	Rows           map[int]Row // by model number
}

// Row is one model's inputs.
type Row struct {
	Status, Progress, Achieved, Total any
	Result, Difficulty, Proposal      string
	Tasks                             string // "Nhiệm vụ kỳ tới"
}

// The visible texts a clerk looks for, folded.
var (
	labels   = map[string]string{"ngay bao cao": "date", "nguoi bao cao": "reporter", "so dien thoai": "phone"}
	headings = map[string]string{"tinh trang": "status", "tien do": "progress", "dat": "achieved", "tong so": "total",
		"ket qua": "result", "kho khan": "difficulty", "de xuat": "proposal", "nhiem vu": "tasks", "mo hinh": "model"}
	reModel = regexp.MustCompile(`^Mô hình (\d+)`)
)

// Fill types v into the template and writes the filled workbook to w.
func Fill(w io.Writer, template []byte, v Values) error {
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		return err
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	rows, err := f.GetRows(sh)
	if err != nil {
		return err
	}
	cols := map[string]int{}
	head := 0
	for r, row := range rows {
		for c, text := range row {
			k := vi.Fold(text)
			if what, ok := labels[k]; ok && head == 0 {
				if err := fillLabel(f, sh, c+1, r+1, what, v); err != nil {
					return err
				}
			}
			for prefix, what := range headings {
				if _, seen := cols[what]; !seen && (k == prefix || strings.HasPrefix(k, prefix+" ")) {
					cols[what] = c + 1
				}
			}
		}
		if _, ok := cols["status"]; ok && head == 0 {
			head = r + 1
			break
		}
	}
	if head == 0 || cols["model"] == 0 {
		return fmt.Errorf("formfill: no table in sheet %q", sh)
	}
	for r := head; r < len(rows); r++ {
		m := reModel.FindStringSubmatch(cellText(rows[r], cols["model"]))
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		rv, ok := v.Rows[n]
		if !ok {
			continue
		}
		for what, x := range map[string]any{"status": rv.Status, "progress": rv.Progress, "achieved": rv.Achieved, "total": rv.Total,
			"result": rv.Result, "difficulty": rv.Difficulty, "proposal": rv.Proposal, "tasks": rv.Tasks} {
			if x == nil || x == "" || cols[what] == 0 {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(cols[what], r+1)
			if err := f.SetCellValue(sh, ref, x); err != nil {
				return err
			}
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// fillLabel types the value of a header label into the first cell right of
// it that is not part of the label's own merged range.
func fillLabel(f *excelize.File, sh string, col, row int, what string, v Values) error {
	merges, err := f.GetMergeCells(sh)
	if err != nil {
		return err
	}
	vc := col + 1
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		if c1 <= col && col <= c2 && r1 <= row && row <= r2 {
			vc = c2 + 1
		}
	}
	ref, _ := excelize.CoordinatesToCellName(vc, row)
	switch what {
	case "date":
		if v.ReportDate != nil {
			return f.SetCellValue(sh, ref, *v.ReportDate)
		}
		if v.ReportDateText != "" {
			return f.SetCellStr(sh, ref, v.ReportDateText)
		}
	case "reporter":
		return f.SetCellStr(sh, ref, v.Reporter)
	case "phone":
		return f.SetCellStr(sh, ref, v.Phone)
	}
	return nil
}

func cellText(row []string, col int) string {
	if col < 1 || col > len(row) {
		return ""
	}
	return row[col-1]
}
