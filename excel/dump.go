package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Dump writes every non-empty cell of every sheet as "sheet!cell=value", one
// per line, in sheet then row order; newlines in values are written as \n.
// Golden tests compare this text rather than zip bytes, so a diff shows what
// changed for a reader of the workbook.
func Dump(w io.Writer, f *excelize.File) error {
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		for ri, row := range rows {
			for ci, v := range row {
				if v == "" {
					continue
				}
				v = strings.ReplaceAll(v, "\n", `\n`)
				if _, err := fmt.Fprintf(w, "%s!%s=%s\n", sh, cell(ci+1, ri+1), v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
