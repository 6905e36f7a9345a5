package web

import (
	"context"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// Level is how the desk reads, checks and merges what its reporting units
// send, by its plan's level (plan.Level): a commune's units send reports
// (their templates, filled), a province's communes the consolidated
// workbooks their own desks wrote. The command gives the desk one for its
// plan (Engine.Level); the desk's rules (package desk), its handlers and
// its pages are the same for every level and never ask which it is.
type Level interface {
	// Read reads one file as received, giving a conversion through
	// LibreOffice no more time than ctx has left. It never fails: what goes
	// wrong is a finding on the file.
	Read(ctx context.Context, f File) Reading
	// Check judges files Read read for period p under plan pl: one result
	// per file, in order, with the reporting unit it is from (a unit, a
	// commune), in the shape of the units' check.
	Check(pl *plan.Plan, files []Reading, p plan.Period, today time.Time) *report.Checked
	// Merge puts a period's counting files together as its report (a
	// commune's desk.Merge, a province's desk.Roll): desk.ErrNothingUsable
	// when none can be used.
	Merge(in MergeInput) (*desk.Merged, error)
	// ReadPrevious reads a merged report's workbook back, to compare the
	// next period with; nil, nil when the level does not compare.
	ReadPrevious(ctx context.Context, xlsx []byte) (*report.Previous, error)
	// Render writes a merged period's workbook and PDF.
	Render(ctx context.Context, m *desk.Merged) (xlsx, pdf []byte, err error)
	// FileBase is the name a merged period's two files download under,
	// without the extension, as the command line names them.
	FileBase(p plan.Period) string
	// Previews reports whether the board shows the period's table as it
	// would be merged, made afresh on every view from the counting files (a
	// commune's handful of units); a province's many communes are rolled up
	// only when the officer merges.
	Previews() bool
}

// Reading is one file as a Level read it, before anything is judged: what
// Check takes back.
type Reading interface {
	// Submission is the file as any report is: its name, the period it
	// declares, who reported.
	Submission() *report.Submission
}

// MergeInput is a period's merge as the desk asks its Level for it.
type MergeInput struct {
	Plan   *plan.Plan
	Period plan.Period
	Files  []Reading // the sends that count, read
	// Previous is the last merge of the period before, read back
	// (ReadPrevious); nil for none.
	Previous *report.Previous
	Doc      desk.Doc
	Today    time.Time
}

// budgetedLevel runs the level's writing and reading back of merged
// reports in the desk's work pool, each within WorkTimeout and while the
// client waits, with the slot's context (as budgeted does the engine's
// work). Read goes through unchanged: Server.read pools
// it under CheckTimeout; Check and Merge work on what was read.
type budgetedLevel struct {
	Level
	s *Server
}

func (l budgetedLevel) ReadPrevious(ctx context.Context, xlsx []byte) (*report.Previous, error) {
	return call(ctx, l.s, func(ctx context.Context) (*report.Previous, error) { return l.Level.ReadPrevious(ctx, xlsx) })
}

func (l budgetedLevel) Render(ctx context.Context, m *desk.Merged) ([]byte, []byte, error) {
	type two struct{ xlsx, pdf []byte }
	r, err := call(ctx, l.s, func(ctx context.Context) (two, error) {
		x, p, err := l.Level.Render(ctx, m)
		return two{x, p}, err
	})
	return r.xlsx, r.pdf, err
}
