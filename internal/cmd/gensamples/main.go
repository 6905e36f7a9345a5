// Command gensamples writes the sample files under samples/: a plausible
// week of filled unit reports (samples/tuan-48-2026), a few files with
// the mistakes officials really make (samples/co-loi), and a province's
// communes' consolidated workbooks with its plan (samples/tinh, tinh.go).
// Every workbook is then opened and saved again by LibreOffice, so the
// samples are what a spreadsheet program writes, not what de06's own
// library writes.
//
//	go run ./internal/cmd/gensamples            # needs soffice
//	go run ./internal/cmd/gensamples -soffice=false
//	go run ./internal/cmd/gensamples -only tinh # the province's sample alone
//	go run ./internal/cmd/gensamples -only scale -n 3321 -o /tmp/ca-nuoc
//	                                            # the country's communes, to measure
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/excel"
	"github.com/caongoc/de06/internal/formfill"
	"github.com/caongoc/de06/internal/scale"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

type unitReport struct {
	reporter, phone string
	day             int // of November 2026
	rows            map[int]formfill.Row
}

func main() {
	out := flag.String("o", "samples", "folder to write into")
	useSoffice := flag.Bool("soffice", true, "save every file again with LibreOffice")
	only := flag.String("only", "", "write only this sample: tinh, or scale (n communes made from samples/tinh, into -o: not committed)")
	n := flag.Int("n", 3321, "with -only scale: how many communes")
	flag.Parse()
	var err error
	switch *only {
	case "scale":
		var list string
		if list, err = scale.Communes(filepath.Join("samples", "tinh"), filepath.Join(*out, "tinh"), *n); err == nil {
			err = os.Rename(list, filepath.Join(*out, "xa.txt"))
		}
	case "tinh":
		err = writeProvince(*out)
		if err == nil && *useSoffice {
			err = resave(filepath.Join(*out, "tinh"))
		}
	default:
		err = run(*out, *useSoffice)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensamples:", err)
		os.Exit(1)
	}
}

func run(out string, useSoffice bool) error {
	p, err := plan.Default()
	if err != nil {
		return err
	}
	w48, _ := plan.ParsePeriod("2026-W48")
	week := filepath.Join(out, "tuan-48-2026")
	bad := filepath.Join(out, "co-loi")
	for _, d := range []string{week, bad} {
		os.RemoveAll(d)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for _, u := range p.ReportingUnits() {
		r, ok := reports[u.ID]
		if !ok {
			continue // did not report this week
		}
		b, err := filled(p, u.ID, w48, r, nil)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(week, u.ID+"-2026-W48.xlsx"), b, 0o644); err != nil {
			return err
		}
	}
	for name, mk := range mistakes(p, w48) {
		b, err := mk()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(bad, name), b, 0o644); err != nil {
			return err
		}
	}
	if err := writeProvince(out); err != nil {
		return err
	}
	if useSoffice {
		for _, d := range []string{week, bad, filepath.Join(out, "tinh")} {
			if err := resave(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// filled writes a unit's template and fills it like the unit would; edit,
// when set, then changes the workbook the way a person might.
func filled(p *plan.Plan, unit string, per plan.Period, r unitReport, edit func(f *excelize.File) error) ([]byte, error) {
	form, err := report.NewForm(p, unit, per)
	if err != nil {
		return nil, err
	}
	var tpl, out bytes.Buffer
	if err := excel.WriteTemplate(&tpl, form, p.Document.StandingAgency); err != nil {
		return nil, err
	}
	d := time.Date(2026, time.November, r.day, 0, 0, 0, 0, time.UTC)
	if err := formfill.Fill(&out, tpl.Bytes(), formfill.Values{ReportDate: &d, Reporter: r.reporter, Phone: r.phone, Rows: r.rows}); err != nil {
		return nil, err
	}
	if edit == nil {
		return out.Bytes(), nil
	}
	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := edit(f); err != nil {
		return nil, err
	}
	var res bytes.Buffer
	_, err = f.WriteTo(&res)
	return res.Bytes(), err
}

// mistakes are the files of samples/co-loi, each with what officials really
// get wrong.
func mistakes(p *plan.Plan, w48 plan.Period) map[string]func() ([]byte, error) {
	const sh = "Báo cáo"
	clone := func(id string) unitReport {
		r := reports[id]
		rows := map[int]formfill.Row{}
		for k, v := range r.rows {
			rows[k] = v
		}
		r.rows = rows
		return r
	}
	return map[string]func() ([]byte, error){
		// Status typed by hand instead of chosen, 0.8 for 80 %, a word
		// that is no status, and a difficulty typed with a .VnTime font.
		"tram-y-te-go-tay.xlsx": func() ([]byte, error) {
			r := clone("tram-y-te")
			r.rows[1] = formfill.Row{Status: "dang thuc hien", Progress: 0.8, Achieved: 2, Result: r.rows[1].Result}
			r.rows[11] = formfill.Row{Status: "HT", Progress: 100, Result: r.rows[11].Result}
			r.rows[36] = formfill.Row{Status: "tốt", Progress: 30, Result: r.rows[36].Result}
			return filled(p, "tram-y-te", w48, r, func(f *excelize.File) error {
				// The clerk picks the .VnTime font for the cell: only
				// the font changes.
				id, err := f.GetCellStyle(sh, "K15")
				if err != nil {
					return err
				}
				st, err := f.GetStyle(id)
				if err != nil {
					return err
				}
				st.Font = &excelize.Font{Family: ".VnTime", Size: 12}
				vn, err := f.NewStyle(st)
				if err != nil {
					return err
				}
				f.SetCellStr(sh, "K15", "PhÇn mÒm kh¸m ch÷a bÖnh ch­a ®ång bé d÷ liÖu")
				return f.SetCellStyle(sh, "K15", "K15", vn)
			})
		},
		// Last week's template filled in again.
		"cong-an-tuan-truoc.xlsx": func() ([]byte, error) {
			return filled(p, "cong-an", w48.Previous(), clone("cong-an"), nil)
		},
		// A model row deleted and a progress over 100.
		"van-hoa-xa-hoi-xoa-dong.xlsx": func() ([]byte, error) {
			r := clone("van-hoa-xa-hoi")
			r.rows[27] = formfill.Row{Status: "Thực hiện thường xuyên", Progress: 110, Result: r.rows[27].Result}
			return filled(p, "van-hoa-xa-hoi", w48, r, func(f *excelize.File) error {
				return f.RemoveRow(sh, 14) // model 26
			})
		},
		// A row copied twice, and "Đã hoàn thành" at 90 %.
		"tu-phap-ho-tich-trung-dong.xlsx": func() ([]byte, error) {
			r := clone("tu-phap-ho-tich")
			r.rows[36] = formfill.Row{Status: "Đã hoàn thành", Progress: 90, Result: r.rows[36].Result}
			return filled(p, "tu-phap-ho-tich", w48, r, func(f *excelize.File) error {
				return f.DuplicateRow(sh, 13) // model 31
			})
		},
		// A working sheet left in, text typed with a VNI font, indicator
		// achieved above its total.
		"chinh-sach-xa-hoi-trang-nhap.xlsx": func() ([]byte, error) {
			r := clone("chinh-sach-xa-hoi")
			r.rows[37] = formfill.Row{Status: "Đã hoàn thành", Progress: 100, Achieved: 340, Total: 326, Result: r.rows[37].Result}
			return filled(p, "chinh-sach-xa-hoi", w48, r, func(f *excelize.File) error {
				f.SetCellStr(sh, "K13", "Nhieàu ngöôøi lao ñoäng chöa coù taøi khoaûn VNeID möùc 2")
				if _, err := f.NewSheet("Nháp"); err != nil {
					return err
				}
				return f.SetCellStr("Nháp", "A1", "Số liệu tạm, chưa gửi")
			})
		},
	}
}

// resave opens every .xlsx of dir in LibreOffice and saves it as .xlsx.
func resave(dir string) error {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return fmt.Errorf("soffice not found; install libreoffice-calc-nogui or use -soffice=false")
	}
	tmp, err := os.MkdirTemp("", "gensamples-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(tmp, "lo"), "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(tmp, "out")}, files...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v\n%s", err, b)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(tmp, "out", filepath.Base(f)))
		if err != nil {
			return err
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
