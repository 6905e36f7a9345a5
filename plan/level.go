package plan

import (
	"fmt"

	"github.com/caongoc/de06/internal/vi"
)

// Level is whose plan it is, and so what its reporting units are and send:
// a commune's units (the police, the health station…) each fill the
// template de06 writes for them; a province's reporting units are its
// communes, and each sends the consolidated workbook its own de06 merge
// (or desk) wrote. The desk runs the same loop on both.
type Level string

const (
	// LevelCommune is a commune's plan: the default.
	LevelCommune Level = "commune"
	// LevelProvince is a province's plan: its reporting units are communes.
	LevelProvince Level = "province"
)

// Levels are the levels a plan may have, in the order they are offered.
var Levels = []Level{LevelCommune, LevelProvince}

// Word is the level as the plan workbook writes it: "Xã", "Tỉnh".
func (l Level) Word() string { return levelWords[l.Or()] }

// Or is the level, a commune's when it is none (a plan built in code).
func (l Level) Or() Level {
	if l == "" {
		return LevelCommune
	}
	return l
}

// FillsTemplate reports whether the level's reporting units fill the
// template de06 writes for them (a commune's units), rather than send a
// workbook of their own (a province's communes send their consolidated
// workbook).
func (l Level) FillsTemplate() bool { return l != LevelProvince }

// ParseLevel reads a level as the plan workbook or JSON gives it: its key
// ("province") or its word ("Tỉnh", "tinh"), in any case; empty is a
// commune's.
func ParseLevel(s string) (Level, error) {
	k := vi.Fold(s)
	if k == "" {
		return LevelCommune, nil
	}
	for _, l := range Levels {
		if k == string(l) || k == vi.Fold(l.Word()) {
			return l, nil
		}
	}
	return "", fmt.Errorf(msgLevelUnknown, s, LevelCommune.Word(), LevelProvince.Word())
}
