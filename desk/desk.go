// Package desk is the domain of the desk (de06 serve): which of a unit's
// sends counts for a period, a unit's state, deadlines and late sends, the
// month made of weeks, the plan in force for a period, who may send for
// which unit, and the merge of a period — the one merge that de06 merge
// calls too. It knows no HTTP and no SQL: package web parses requests and
// renders pages from what this package decides, package store persists,
// and cmd/de06 wires them. Every place that shows a unit's state (the
// board, the reminder, the unit page, /api/status, the merge) asks this
// package, so they can never disagree.
package desk

import (
	"time"

	"github.com/caongoc/de06/plan"
)

// Via says how a send reached the desk.
type Via string

const (
	ViaLink    Via = "link"    // the unit's own link, a workbook
	ViaForm    Via = "form"    // the unit's own link, the form in the browser
	ViaOfficer Via = "officer" // dropped on the board by the officer
)

// Send is one file received for a unit and a period, as the check left it.
type Send struct {
	ID     int64
	UnitID string      // "" when the file named no unit the desk knows
	Period plan.Period // the period it is filed under
	Name   string
	At     time.Time
	Via    Via
	// Usable is the check's verdict on the file as a whole: it could be
	// read, is a report of this unit and period. Rows with errors in a
	// usable file are left out of the merge one by one (Errors > 0).
	Usable           bool
	Errors, Warnings int
	Reporter, Phone  string // as the clerk typed them
	Size             int
	// Withdrawn is set when the clerk withdrew the send: it is kept, and
	// never counts again.
	Withdrawn   bool
	WithdrawnAt time.Time
}

// Choice is the officer's word on which send of a unit counts for a
// period.
type Choice struct {
	UnitID string
	Period plan.Period
	SendID int64
	At     time.Time
}

// State is a unit's state for a period.
type State string

const (
	Missing  State = "missing"  // nothing sent (or everything withdrawn)
	Rejected State = "rejected" // sent, but nothing usable
	Accepted State = "accepted" // a usable send counts, without errors
	Partial  State = "partial"  // a usable send counts; rows with errors are returned to be fixed
)

// Label is the state in the board's words.
func (s State) Label() string { return stateLabels[s] }

// Owes reports whether the unit still owes the period something: the
// reminder names it.
func (s State) Owes() bool { return s != Accepted }

// Sent reports whether a usable send counts.
func (s State) Sent() bool { return s == Accepted || s == Partial }

// Label says how the send came, in the desk's words.
func (v Via) Label() string { return viaLabels[v] }
