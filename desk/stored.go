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

// EncodeModelPoints is the stored form of a report's model points.
func EncodeModelPoints(cons *report.Consolidation) string {
	ps := make([]ModelPoint, 0, len(cons.Models))
	for _, ms := range cons.Models {
		ps = append(ps, ModelPoint{ms.Model.Number, ms.Status.Key(), ms.Progress})
	}
	b, err := json.Marshal(ps)
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
