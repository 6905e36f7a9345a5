package desk

import (
	"encoding/json"
	"fmt"

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
