package excel

import (
	"encoding/json"
	"strings"

	"github.com/xuri/excelize/v2"
)

// An annotated copy goes back to the unit, which fixes it and often sends
// that same copy back. Its marks are de06's, not the unit's: the copy
// records, in a custom property, each cell it coloured and the fill the
// cell had, and the next annotation (or a check of the fixed copy) starts by
// putting them back and removing its comments and its sheet.

// marksProp is the custom property that lists the marks; annAuthor signs
// de06's comments.
const (
	marksProp = "de06.marks"
	annAuthor = "de06"
)

// mark is one coloured cell and the fill it had before.
type mark struct {
	Sheet string        `json:"s"`
	Cell  string        `json:"c"`
	Fill  excelize.Fill `json:"f"`
}

func saveMarks(f *book, marks []mark) error {
	if len(marks) == 0 {
		return f.SetCustomProps(excelize.CustomProperty{Name: marksProp, Value: nil})
	}
	b, err := json.Marshal(marks)
	if err != nil {
		return err
	}
	return f.SetCustomProps(excelize.CustomProperty{Name: marksProp, Value: string(b)})
}

func readMarks(f *book) []mark {
	props, err := f.GetCustomProps()
	if err != nil {
		return nil
	}
	for _, p := range props {
		if p.Name != marksProp {
			continue
		}
		s, _ := p.Value.(string)
		var marks []mark
		if json.Unmarshal([]byte(s), &marks) == nil {
			return marks
		}
	}
	return nil
}

// clearMarks undoes an earlier annotation of the workbook: fills put back
// where they are still de06's colours, de06's comments and findings sheet
// removed. A copy whose record was dropped by another program loses the
// colours too: an unlocked cell (the yellow input of a template) turns
// yellow again, any other cell plain.
func clearMarks(f *book) error {
	recorded := map[[2]string]excelize.Fill{}
	for _, m := range readMarks(f) {
		recorded[[2]string{m.Sheet, m.Cell}] = m.Fill
	}
	for _, sh := range f.GetSheetList() {
		comments, err := f.GetComments(sh)
		if err != nil {
			continue
		}
		for _, c := range comments {
			if c.Author != annAuthor {
				continue
			}
			if err := f.DeleteComment(sh, c.Cell); err != nil {
				return err
			}
			was, ok := recorded[[2]string{sh, c.Cell}]
			if err := unmark(f, sh, c.Cell, was, ok); err != nil {
				return err
			}
		}
	}
	if idx, _ := f.GetSheetIndex(sheetFindings); idx >= 0 {
		if err := f.DeleteSheet(sheetFindings); err != nil {
			return err
		}
	}
	return saveMarks(f, nil)
}

// unmark gives a cell de06 coloured its fill back (was, when recorded).
func unmark(f *book, sheet, ref string, was excelize.Fill, recorded bool) error {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil || !ourColour(st.Fill) {
		return nil // recoloured since: the unit's choice stands
	}
	switch {
	case recorded:
		st.Fill = was
	case st.Protection != nil && !st.Protection.Locked:
		st.Fill = fill(colorInput)
	default:
		st.Fill = excelize.Fill{}
	}
	return setStyle(f, sheet, ref, st)
}

func ourColour(fl excelize.Fill) bool {
	if len(fl.Color) == 0 {
		return false
	}
	c := rgbOf(fl.Color[0], "")
	return strings.EqualFold(c, colorError) || strings.EqualFold(c, colorWarning)
}
