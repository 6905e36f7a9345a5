package excel

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/report"
)

// cellReader turns the cells of a report sheet into report values.
type cellReader struct {
	src source
	g   *sheetGrid
	s   *report.Submission
	// keepLegacy leaves legacy-encoded text as typed (--no-convert).
	keepLegacy bool
}

// value reads one cell. numeric asks for the cell's number, if it is one.
func (cr *cellReader) value(col, row int, numeric bool) report.Value {
	ref := cell(col, row)
	raw := cr.g.at(col, row)
	if raw == "" {
		// A formula with no cached result (written by a program): compute it.
		raw = cr.src.formulaValue(cr.g.name, ref)
	}
	if n := utf8.RuneCountInString(raw); n > maxCellChars {
		cr.s.Add(report.Error, report.FileTooLarge, cr.g.name, ref, fmt.Sprintf(msgCellTooLong, n, maxCellChars), hintResend)
		return report.Value{Cell: ref}
	}
	v := report.Value{Text: strings.TrimSpace(vi.NFC(raw)), Cell: ref}
	if v.Text == "" {
		return v
	}
	if numeric {
		if t := cr.src.cellType(cr.g.name, ref); t == excelize.CellTypeUnset || t == excelize.CellTypeNumber || t == excelize.CellTypeFormula {
			if n, err := strconv.ParseFloat(v.Text, 64); err == nil {
				v.Num = &n
				_, v.Percent = cr.src.cellStyle(cr.g.name, ref)
			}
		}
		return v
	}
	// Legacy fonts only ever leave Latin-1 letters: look up the font (a
	// style read) only then.
	if vi.MaybeLegacy(v.Text) {
		font, _ := cr.src.cellStyle(cr.g.name, ref)
		if fixed, enc := vi.FixLegacy(v.Text, font); enc != vi.EncodingNone {
			if cr.keepLegacy {
				cr.s.Add(report.Warning, report.TextLegacy, cr.g.name, ref, fmt.Sprintf(msgLegacyKept, enc, vi.Shorten(fixed, 50)), hintLegacyKept)
			} else {
				cr.s.Add(report.Warning, report.TextLegacy, cr.g.name, ref, fmt.Sprintf(msgLegacyText, enc, vi.Shorten(fixed, 50)), hintLegacyText)
				v.Text = fixed
			}
		}
	}
	return v
}

// readHeader finds the header block's labels above the table and reads the
// value to the right of each.
func (cr *cellReader) readHeader(head int) {
	labels := []struct {
		keys []string
		dst  *report.Value
		date bool
	}{
		{[]string{"don vi bao cao", "don vi", "ten don vi"}, &cr.s.Unit, false},
		{[]string{"ky bao cao", "ky"}, &cr.s.Period, false},
		{[]string{"ngay bao cao"}, &cr.s.ReportDate, true},
		{[]string{"nguoi bao cao", "nguoi lap"}, &cr.s.Reporter, false},
		{[]string{"so dien thoai", "dien thoai", "sdt"}, &cr.s.Phone, false},
	}
	for r := 1; r < head; r++ {
		for c := 1; c <= len(cr.g.cells[r-1]); c++ {
			k := cr.g.label(c, r) // labels are short
			if k == "" {
				continue
			}
			for _, l := range labels {
				if l.dst.Cell != "" || !matchesLabel(k, l.keys) {
					continue
				}
				// The value sits right of the label, past the label's own
				// merged cells; an empty cell there means nothing was typed.
				vc := c + 1
				for vc < c+8 && cr.g.at(vc, r) == cr.g.at(c, r) {
					vc++
				}
				v := cr.value(vc, r, l.date)
				// A date cell holds a serial number; a date typed as text
				// is read by validation.
				if l.date && v.Num != nil {
					if t, err := excelize.ExcelDateToTime(*v.Num, false); err == nil {
						d := vi.Day(t.Year(), t.Month(), t.Day())
						v.Date = &d
						v.Text = vi.FormatDate(d)
					}
				}
				*l.dst = v
			}
		}
	}
}

// matchesLabel: the cell is the label itself, maybe with a short tail
// ("Ngày báo cáo (dd/mm/yyyy):"), not a sentence that mentions it.
func matchesLabel(k string, keys []string) bool {
	for _, key := range keys {
		if k == key || (strings.HasPrefix(k, key+" ") && len(k) <= len(key)+20) {
			return true
		}
	}
	return false
}

func (cr *cellReader) readRows(head int, cols map[field]int) {
	get := func(fl field, row int, numeric bool) report.Value {
		c, ok := cols[fl]
		if !ok {
			return report.Value{}
		}
		return cr.value(c, row, numeric)
	}
	cr.s.Rows = make([]report.Row, 0, max(0, len(cr.g.cells)-head))
	for r := head + 1; r <= len(cr.g.cells); r++ {
		row := report.Row{
			Line:       r,
			TT:         get(fTT, r, true),
			Model:      get(fModel, r, false),
			Status:     get(fStatus, r, false),
			Progress:   get(fProgress, r, true),
			Achieved:   get(fAchieved, r, true),
			Total:      get(fTotal, r, true),
			Result:     get(fResult, r, false),
			Difficulty: get(fDifficulty, r, false),
			Proposal:   get(fProposal, r, false),
			Tasks:      get(fTasks, r, false),
		}
		// Cells de06 never asked for (a note under the table) are not rows.
		if row.Model.Empty() && row.Status.Empty() && row.Progress.Empty() && row.Achieved.Empty() && row.Total.Empty() {
			continue
		}
		cr.s.Rows = append(cr.s.Rows, row)
	}
	if len(cr.s.Rows) == 0 {
		cr.s.Rows = nil // as before any row was read
	}
}
