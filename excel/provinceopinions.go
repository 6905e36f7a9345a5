package excel

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/caongoc/de06/rollup"
)

// writeOpinions writes "Ý kiến các xã": every difficulty, then every
// proposal, the communes' units wrote, each text once with the communes
// that wrote it: the whole of what the report's parts II and IV quote.
func writeOpinions(f *book, st *styles, r *rollup.Rollup) error {
	cols := []provCol{{provColTT, 5}, {provColModel, 9}, {provColKind, 12}, {provColText, 66}, {provColCount, 10}, {provColCommune, 40}}
	if _, err := f.NewSheet(sheetOpinions); err != nil {
		return err
	}
	sw, err := streamHead(f, st, sheetOpinions, provOpinionsTitle, provinceSubtitle(r), cols)
	if err != nil {
		return err
	}
	row, n := 5, 0
	for _, vs := range [][]*rollup.Voiced{r.Difficulties, r.Proposals} {
		for _, v := range vs {
			n++
			kind := provKindDifficulty
			if v.Kind == rollup.Proposal {
				kind = provKindProposal
			}
			who, text := names(v.Communes), v.Standalone()
			h := max(18, textHeight(text, cols[3].width, 12, false), textHeight(who, cols[5].width, 12, false))
			err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.wrapCenter, Value: n}, excelize.Cell{StyleID: st.wrapCenter, Value: v.Model},
				excelize.Cell{StyleID: st.wrap, Value: kind}, excelize.Cell{StyleID: st.wrap, Value: text},
				excelize.Cell{StyleID: st.wrapCenter, Value: len(v.Communes)}, excelize.Cell{StyleID: st.wrap, Value: who}},
				excelize.RowOpts{Height: min(h, 409)})
			if err != nil {
				return err
			}
			row++
		}
	}
	if n == 0 {
		text := provNoOpinions
		if len(r.NoOpinions) > 0 {
			text = fmt.Sprintf(provOpinionsMissing, strings.Join(r.NoOpinions, ", "))
		}
		if err := sw.SetRow("A5", []any{excelize.Cell{StyleID: st.text, Value: text}}); err != nil {
			return err
		}
		sw.MergeCell("A5", cell(len(cols), 5))
	}
	return sw.Flush()
}

// communeOpinions are a commune's units' texts of one kind about one model,
// one a line: "Trạm y tế xã: …", for the province's "Dữ liệu".
func communeOpinions(c *rollup.Commune) map[rollup.OpinionKind]map[int]string {
	out := map[rollup.OpinionKind]map[int]string{rollup.Difficulty: {}, rollup.Proposal: {}}
	for _, o := range c.Opinions {
		line := o.Unit + ": " + o.Text
		if prev := out[o.Kind][o.Model]; prev != "" {
			line = prev + "\n" + line
		}
		out[o.Kind][o.Model] = line
	}
	return out
}
