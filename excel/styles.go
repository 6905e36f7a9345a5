package excel

import "github.com/xuri/excelize/v2"

// Colours shared by every workbook de06 writes.
const (
	colorHeader   = "DCE6F1" // column headings
	colorGroup    = "F2F2F2" // group rows I–V
	colorInput    = "FFF2CC" // cells a unit fills in
	colorLocked   = "EDEDED" // not applicable
	colorError    = "FFC7CE"
	colorWarning  = "FFE0B2"
	colorDone     = "C6EFCE"
	colorProgress = "FFEB9C"
	colorNotYet   = "F8CBAD"
	colorRecur    = "BDD7EE"
	fontName      = "Times New Roman"
)

type styles struct {
	title, subtitle, plain, header, group, wrap, wrapCenter, input, inputNum, locked, label, italic int
	statusFill                                                                                      map[string]int
	errFill, warnFill                                                                               int
	overdueFill                                                                                     int // a late model's status
	notice                                                                                          int // a note the reader must not miss
	number                                                                                          int // one decimal, centred
	text                                                                                            int // wrapped, no border
}

func border() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
}

func fill(c string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
}

func newStyles(f *book) *styles {
	mk := func(s *excelize.Style) int {
		if s.Font == nil {
			s.Font = &excelize.Font{Family: fontName, Size: 12}
		} else {
			s.Font.Family = fontName
			if s.Font.Size == 0 {
				s.Font.Size = 12
			}
		}
		id, err := f.NewStyle(s)
		if err != nil {
			panic(err) // only a programming error in the styles below gets here
		}
		return id
	}
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	st := &styles{
		title:      mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Vertical: "center"}}),
		subtitle:   mk(&excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: &excelize.Alignment{Vertical: "center"}}),
		plain:      mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "center"}}),
		header:     mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(colorHeader), Border: border(), Alignment: center, Protection: locked}),
		group:      mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(colorGroup), Border: border(), Alignment: top, Protection: locked}),
		wrap:       mk(&excelize.Style{Border: border(), Alignment: top, Protection: locked}),
		wrapCenter: mk(&excelize.Style{Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}, Protection: locked}),
		input:      mk(&excelize.Style{Border: border(), Fill: fill(colorInput), Alignment: top, Protection: unlocked}),
		inputNum:   mk(&excelize.Style{Border: border(), Fill: fill(colorInput), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Protection: unlocked}),
		locked:     mk(&excelize.Style{Border: border(), Fill: fill(colorLocked), Alignment: center, Protection: locked}),
		label:      mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center"}, Protection: locked}),
		italic:     mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 11}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked}),
		errFill:    mk(&excelize.Style{Fill: fill(colorError), Border: border(), Alignment: top}),
		warnFill:   mk(&excelize.Style{Fill: fill(colorWarning), Border: border(), Alignment: top}),
		statusFill: map[string]int{},
	}
	st.overdueFill = mk(&excelize.Style{Fill: fill(colorError), Border: border(), Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
	st.notice = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Italic: true, Color: "9C0006"}, Fill: fill(colorWarning), Border: border(),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Protection: &excelize.Protection{Locked: true}})
	st.text = mk(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked})
	// Figures print as Vietnamese writes them, 78,8 and 100, whatever the
	// printing machine's language: the format names the Vietnamese locale
	// (0x042A), which LibreOffice follows for the decimal separator.
	st.number = mk(&excelize.Style{Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Protection: locked, CustomNumFmt: &numberVI})
	// A slice, not a map: style ids must come out the same every run.
	for _, kc := range [][2]string{{"done", colorDone}, {"progress", colorProgress}, {"notyet", colorNotYet}, {"recurring", colorRecur}, {"none", colorLocked}} {
		k, c := kc[0], kc[1]
		st.statusFill[k] = mk(&excelize.Style{Fill: fill(c), Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
	}
	return st
}

// numberVI is the number format of printed figures: General, in the
// Vietnamese locale (decimal comma).
var numberVI = "[$-42A]General"
