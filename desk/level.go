package desk

import (
	"fmt"

	"github.com/caongoc/de06/plan"
)

// The desk runs the same loop at every level (plan.Level): a commune's
// units send their reports, a province's communes the consolidated
// workbooks their own desks wrote. The rules are one; what differs is what
// the pages call the reporting units and what they send (Words), and what
// a period's merge is (Merge, Roll).

// Words are what the desk's pages and messages call a level's reporting
// units and what they send.
type Words struct {
	Unit, UnitCap   string // one reporting unit: "đơn vị", "Đơn vị"; "xã", "Xã"
	Units, UnitsCap string // all of them: "các đơn vị", "Các đơn vị"
	Report          string // what one sends: "báo cáo", "bảng tổng hợp"
	ReportCap       string
	// Reporter heads who reported a send: the clerk a unit names, the
	// report a commune signed.
	Reporter string
	// WhatToSend says, where no template is given to fill, what to send and
	// where it comes from; empty for a level whose units fill templates.
	WhatToSend string
	// hintPeriod is the hint on a file of a period not open.
	hintPeriod string
}

// WordsOf is the vocabulary of level l.
func WordsOf(l plan.Level) Words { return levelWords[l.Or()] }

// SameLevel checks that a plan the officer uploads is of the desk's level:
// the links, the pages and what the units send are the level's, so a desk
// never changes level (a province starts its own desk).
func SameLevel(cur, next *plan.Plan) error {
	if cur.Level.Or() != next.Level.Or() {
		return fmt.Errorf(msgOtherLevel, next.Level.Word(), cur.Level.Word())
	}
	return nil
}

// nothingUsable is ErrNothingUsable in the level's words.
type nothingUsable struct{ w Words }

func (e nothingUsable) Error() string   { return fmt.Sprintf(msgNothingUsable, e.w.Units) }
func (nothingUsable) Is(err error) bool { return err == ErrNothingUsable }
