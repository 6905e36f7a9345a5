package excel

import (
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/rollup"
)

// provinceDataHeader is the contract of the province's "Dữ liệu": a row
// per commune × model. Its first columns are a commune's "Dữ liệu"'s, the
// commune standing as the unit, so that what reads one (ReadPrevious, the
// trends) reads the other. Columns are only ever added at the end.
var provinceDataHeader = []string{"ky_bao_cao", "ma_don_vi", "don_vi", "mo_hinh", "tinh_trang", "ma_tinh_trang", "tien_do", "dat", "tong",
	"qua_han", "cong_vao_tinh", "chi_tieu", "don_vi_tinh", "muc_chi_tieu", "tep", "bao_cao_so", "ngay_bao_cao", "kho_khan", "de_xuat"}

// writeProvinceData streams "Dữ liệu" into its sheet, made and hidden, as a
// commune's, by makeStreamedSheets: no one prints machine values.
func writeProvinceData(f *book, st *styles, r *rollup.Rollup) error {
	sh := sheetData
	if err := printLayout(f, sh, 1, 1, 1); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	for i, w := range []float64{11, 22, 24, 9, 20, 12, 9, 9, 9, 8, 12, 30, 10, 12, 30, 14, 12, 40, 40} {
		sw.SetColWidth(i+1, i+1, w)
	}
	if err := sw.SetRow("A1", headerCells(st, provinceDataHeader)); err != nil {
		return err
	}
	flag := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	period := r.Period.String()
	row := 2
	for _, cl := range r.Communes {
		c := cl.Commune
		if c == nil {
			continue
		}
		date := ""
		if c.ReportDate != nil {
			date = vi.FormatDate(*c.ReportDate)
		}
		said := communeOpinions(c)
		for _, l := range c.Lines {
			if r.Plan.Model(l.Model) == nil {
				continue
			}
			var name, unit, target any
			if ind := l.Indicator; ind != nil {
				name, unit, target = ind.Name, ind.Unit, numOrBlank(ind.Target)
			}
			vals := []any{period, cl.Unit.ID, cl.Unit.Name, l.Model, l.Status.String(), l.Status.Key(), numOrBlank(l.Progress), numOrBlank(l.Achieved), numOrBlank(l.Total),
				flag(l.Overdue), flag(l.Summed), name, unit, target, c.Sub.Name, c.Number, date,
				said[rollup.Difficulty][l.Model], said[rollup.Proposal][l.Model]}
			if err := sw.SetRow(cell(1, row), vals); err != nil {
				return err
			}
			row++
		}
	}
	return sw.Flush()
}
