package excel

import (
	"bytes"
	"fmt"
	"io"
	"time"
)

// FormValues is what a unit types into its template. Values are written as
// a person would enter them: a string is typed text, a number is a number.
// It is used to build sample files and test fixtures.
type FormValues struct {
	ReportDate *time.Time
	Reporter   string
	Phone      string
	// Rows by model number.
	Rows map[int]RowValues
}

// RowValues is one model row's inputs. Nil leaves a cell empty.
type RowValues struct {
	Status     any
	Progress   any
	Achieved   any
	Total      any
	Result     string
	Difficulty string
	Proposal   string
}

// FillTemplate fills a template written by WriteTemplate.
func FillTemplate(w io.Writer, template []byte, v FormValues) error {
	f, err := openReader(bytes.NewReader(template))
	if err != nil {
		return err
	}
	defer f.Close()
	sh := sheetReport
	if v.ReportDate != nil {
		d := *v.ReportDate
		if err := f.SetCellValue(sh, cell(colHdrValue, rowDate), time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)); err != nil {
			return err
		}
	}
	f.SetCellStr(sh, cell(colHdrValue, rowReporter), v.Reporter)
	f.SetCellStr(sh, cell(colHdrValue, rowPhone), v.Phone)
	for row := rowFirstModel; ; row++ {
		text, _ := f.GetCellValue(sh, cell(columnOf(fModel), row))
		if text == "" {
			break
		}
		var n int
		if _, err := fmt.Sscanf(text, "Mô hình %d:", &n); err != nil {
			return fmt.Errorf("row %d: %q", row, text)
		}
		rv, ok := v.Rows[n]
		if !ok {
			continue
		}
		set := func(fl field, x any) error {
			if x == nil || x == "" {
				return nil
			}
			return f.SetCellValue(sh, cell(columnOf(fl), row), x)
		}
		for _, p := range []struct {
			fl field
			x  any
		}{{fStatus, rv.Status}, {fProgress, rv.Progress}, {fAchieved, rv.Achieved}, {fTotal, rv.Total},
			{fResult, rv.Result}, {fDifficulty, rv.Difficulty}, {fProposal, rv.Proposal}} {
			if err := set(p.fl, p.x); err != nil {
				return err
			}
		}
	}
	_, err = f.WriteTo(w)
	return err
}
