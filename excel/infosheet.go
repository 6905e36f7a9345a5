package excel

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// A consolidated workbook says whose it is, for the level above that rolls
// communes' workbooks up: in its custom properties ("de06.…", hints only)
// and visibly, on a "Thông tin chung" sheet in the plan workbook's form
// (Mục | Nội dung, the same labels), followed by the period and the signed
// report's number and date. Workbooks written before it have neither; the
// reader then takes what the "Tổng hợp" subtitle says.

// Metadata keys of a consolidated workbook, beside metaPlan and metaPeriod.
const (
	metaKind         = "kind"
	kindConsolidated = "tong-hop"
	metaConsVersion  = "version"
	metaIssuer       = "issuer"
	metaPlanNumber   = "plan_number"
	metaIssuing      = "issuing_agency"
	metaPlace        = "place"
	metaReportNumber = "report_number"
	metaReportDate   = "report_date" // yyyy-mm-dd
)

// consolidatedVersion is written into every consolidated workbook.
const consolidatedVersion = "1"

// infoFields are the plan's "Thông tin chung" fields a consolidated workbook
// repeats: who issued the plan and who reports, to whom. The plan's signer
// and its collective leads are the plan's business only.
func infoFields() []headerField {
	var out []headerField
	for _, h := range headerFields() {
		switch h.label {
		case hdrLevel, hdrAuthority, hdrPosition, hdrSignerName, hdrCollective, hdrConfirmed:
			continue
		}
		out = append(out, h)
	}
	return out
}

// writeFields writes a "Mục | Nội dung" sheet (the plan workbook's
// "Thông tin chung", a consolidated workbook's): the plan's fields, then
// extra rows of label and value, each row as tall as its text. It returns
// the widths, for the print layout.
func writeFields(f *book, st *styles, sh string, p *plan.Plan, fields []headerField, extra [][2]string) []float64 {
	widths := []float64{34, 90}
	f.SetCellValue(sh, "A1", colField)
	f.SetCellValue(sh, "B1", colValue)
	f.SetCellStyle(sh, "A1", "B1", st.header)
	f.SetRowHeight(sh, 1, textHeight(colValue, widths[1], 12, true))
	r := 2
	put := func(label, v string) {
		f.SetCellStr(sh, cell(1, r), label)
		f.SetCellStr(sh, cell(2, r), v)
		f.SetCellStyle(sh, cell(1, r), cell(2, r), st.wrap)
		f.SetRowHeight(sh, r, max(textHeight(label, widths[0], 12, false), textHeight(v, widths[1], 12, false)))
		r++
	}
	for _, h := range fields {
		switch {
		case h.text != nil:
			put(h.label, *h.text(p))
		case h.flag != nil:
			put(h.label, yesNo(*h.flag(p)))
		case h.level != nil:
			put(h.label, h.level(p).Word())
		default:
			put(h.label, joinLines(*h.list(p)))
		}
	}
	for _, kv := range extra {
		put(kv[0], kv[1])
	}
	f.SetColWidth(sh, "A", "A", widths[0])
	f.SetColWidth(sh, "B", "B", widths[1])
	return widths
}

// reportNumber is "05/BC-CAX", or "" when the number is left to be written
// by hand.
func reportNumber(s report.Signed, symbol string) string {
	if s.Number <= 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%s", s.Number, symbol)
}

// writeInfo writes the consolidated workbook's "Thông tin chung" and its
// custom properties.
func writeInfo(f *book, st *styles, c *report.Consolidation) error {
	return writeIdentity(f, st, c.Plan, c.Period, c.Signed, kindConsolidated)
}

// writeIdentity writes whose workbook it is (a commune's, or the province's
// of kind): "Thông tin chung" in the plan workbook's form with the period
// and the signed report, and the same as custom properties.
func writeIdentity(f *book, st *styles, p *plan.Plan, per plan.Period, signed report.Signed, kind string) error {
	sh := sheetInfo
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	number := reportNumber(signed, p.Header.Symbol)
	date, isoDate := "", ""
	if !signed.Date.IsZero() {
		date, isoDate = vi.FormatDate(signed.Date), signed.Date.Format("2006-01-02")
	}
	widths := writeFields(f, st, sh, p, infoFields(), [][2]string{
		{infoPeriod, per.Label()}, {infoReportNumber, number}, {infoReportDate, date},
	})
	for _, kv := range [][2]string{
		{metaKind, kind}, {metaConsVersion, consolidatedVersion}, {metaPlan, p.ID}, {metaPeriod, per.String()},
		{metaIssuer, p.Document.Issuer}, {metaPlanNumber, p.Document.Number}, {metaIssuing, p.Header.IssuingAgency},
		{metaPlace, p.Header.Place}, {metaReportNumber, number}, {metaReportDate, isoDate},
	} {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "de06." + kv[0], Value: kv[1]}); err != nil {
			return err
		}
	}
	return printLayout(f, sh, printScale(widths), 1, 1)
}
