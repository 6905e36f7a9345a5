package desk

import (
	"encoding/json"
	"fmt"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// ModelPoint is a model's state in one merged report, kept with the report
// for the trends page.
type ModelPoint struct {
	Number   int      `json:"n"`
	Status   string   `json:"s"` // report.Status.Key()
	Progress *float64 `json:"p"`
}

// Points are each model's state in the report: a commune's, as
// consolidated from its units; a province's, its communes' statuses
// combined by the same rule (report.CombineStatus; communes without data on
// it left out) and their mean progress.
func (m *Merged) Points() []ModelPoint {
	if m.Roll != nil {
		ps := make([]ModelPoint, 0, len(m.Roll.Models))
		for _, ml := range m.Roll.Models {
			var ss []report.Status
			for _, st := range report.Statuses {
				for range ml.ByStatus[st] {
					ss = append(ss, st)
				}
			}
			ps = append(ps, ModelPoint{ml.Model.Number, report.CombineStatus(ss).Key(), ml.Progress})
		}
		return ps
	}
	ps := make([]ModelPoint, 0, len(m.Cons.Models))
	for _, ms := range m.Cons.Models {
		ps = append(ps, ModelPoint{ms.Model.Number, ms.Status.Key(), ms.Progress})
	}
	return ps
}

// EncodeModelPoints is the stored form of a report's model points.
func EncodeModelPoints(m *Merged) string {
	b, err := json.Marshal(m.Points())
	if err != nil {
		panic(err) // plain structs of numbers and strings always encode
	}
	return string(b)
}

// DecodeModelPoints reads the stored form back.
func DecodeModelPoints(s string) ([]ModelPoint, error) {
	var ps []ModelPoint
	if err := json.Unmarshal([]byte(s), &ps); err != nil {
		return nil, fmt.Errorf(msgStoredPoints, err)
	}
	return ps, nil
}

// EncodeMergeDoc is the stored form of what a merge printed besides its
// data: the header, and why the document was a draft.
func EncodeMergeDoc(m *Merged) (header, draft string) {
	h, err := json.Marshal(m.plan().Header)
	if err != nil {
		panic(err) // strings and a bool always encode
	}
	d, err := json.Marshal(nonNil(m.Draft()))
	if err != nil {
		panic(err)
	}
	return string(h), string(d)
}

// DecodeMergeDoc reads EncodeMergeDoc's form back into a merge record.
// A merge stored before the desk kept them has neither: its Header stays
// nil, which no later header is said to differ from.
func DecodeMergeDoc(rec *MergeRecord, header, draft string) error {
	if header != "" {
		var h plan.Header
		if err := json.Unmarshal([]byte(header), &h); err != nil {
			return fmt.Errorf(msgStoredHeader, err)
		}
		rec.Header = &h
	}
	if draft != "" {
		if err := json.Unmarshal([]byte(draft), &rec.Draft); err != nil {
			return fmt.Errorf(msgStoredHeader, err)
		}
	}
	return nil
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
