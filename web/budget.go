package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/caongoc/de06/internal/slots"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// budgeted runs the engine's work in the desk's shared slot pool, each
// call within WorkTimeout and while the client waits: a template, an
// annotated copy, a plan read or written, the slips (budgetedLevel does
// the same for rendering a merge and reading one back). The engine gets the slot's context, which
// ends with the budget or when the client leaves, and stops its work
// there; a call over budget is answered at once and keeps its slot until
// it ends, so that no input can multiply the work in flight. Read goes
// through unchanged: Server.read pools it under CheckTimeout.
type budgeted struct {
	Engine
	s *Server
}

// errBusy: the work was not done, the desk being busy or the budget over
// (503).
var errBusy = refuse(http.StatusServiceUnavailable, msgBusy)

// within runs fn in the work pool within WorkTimeout. Busy or over budget
// is errBusy, the client gone its context's error; a panic is an internal
// error, kept in the log.
func within[T any](ctx context.Context, s *Server, fn func(context.Context) T) (T, error) {
	v, err := slots.Do(ctx, s.work, s.cfg.WorkTimeout, fn)
	var pe *slots.PanicError
	switch {
	case errors.As(err, &pe):
		return v, s.logged(err)
	case errors.Is(err, context.Canceled):
		return v, err
	case err != nil:
		return v, errBusy
	}
	return v, nil
}

// result is an engine call's answer, carried out of its slot.
type result[T any] struct {
	v   T
	err error
}

func call[T any](ctx context.Context, s *Server, fn func(context.Context) (T, error)) (T, error) {
	r, err := within(ctx, s, func(ctx context.Context) result[T] {
		v, err := fn(ctx)
		if err != nil && ctx.Err() != nil {
			// Stopped because the context ended, whatever the engine
			// says: the client left, or the budget ran out (busy).
			err = errBusy
			if errors.Is(ctx.Err(), context.Canceled) {
				err = ctx.Err()
			}
		}
		return result[T]{v, err}
	})
	if err != nil {
		return r.v, err
	}
	return r.v, r.err
}

func (e budgeted) Template(ctx context.Context, pl *plan.Plan, unitID string, p plan.Period, prev *report.Previous) ([]byte, error) {
	return call(ctx, e.s, func(ctx context.Context) ([]byte, error) { return e.Engine.Template(ctx, pl, unitID, p, prev) })
}

func (e budgeted) Filled(ctx context.Context, pl *plan.Plan, f *report.Filled) ([]byte, error) {
	return call(ctx, e.s, func(ctx context.Context) ([]byte, error) { return e.Engine.Filled(ctx, pl, f) })
}

func (e budgeted) Annotate(ctx context.Context, f File, findings []report.Finding) ([]byte, error) {
	return call(ctx, e.s, func(ctx context.Context) ([]byte, error) { return e.Engine.Annotate(ctx, f, findings) })
}

func (e budgeted) ReadPlan(ctx context.Context, f File) (*plan.Plan, error) {
	return call(ctx, e.s, func(ctx context.Context) (*plan.Plan, error) { return e.Engine.ReadPlan(ctx, f) })
}

func (e budgeted) PlanWorkbook(ctx context.Context, pl *plan.Plan) ([]byte, error) {
	return call(ctx, e.s, func(ctx context.Context) ([]byte, error) { return e.Engine.PlanWorkbook(ctx, pl) })
}

func (e budgeted) Slips(ctx context.Context, pl *plan.Plan, links []UnitLink) ([]byte, error) {
	return call(ctx, e.s, func(ctx context.Context) ([]byte, error) { return e.Engine.Slips(ctx, pl, links) })
}
