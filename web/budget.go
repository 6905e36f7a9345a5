package web

import (
	"context"
	"errors"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/slots"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
)

// budgeted runs the engine's work in the desk's shared slot pool, each
// call within WorkTimeout: rendering a merge, reading a merged workbook
// back, a template, an annotated copy, a plan read or written. A call
// over budget is answered at once and keeps its slot until it ends, so
// that no input can multiply the work in flight. Read goes through
// unchanged: Server.read pools it under CheckTimeout with the request's
// context.
type budgeted struct {
	Engine
	s *Server
}

// errBusy: the work was not done, the desk being busy or the budget over.
var errBusy = errors.New(msgBusy)

// within runs fn in the work pool within WorkTimeout. Busy or over budget
// is errBusy; a panic is an error of its own, kept in the log.
func within[T any](ctx context.Context, s *Server, fn func(context.Context) T) (T, error) {
	v, err := slots.Do(ctx, s.work, s.cfg.WorkTimeout, fn)
	var pe *slots.PanicError
	switch {
	case errors.As(err, &pe):
		s.log.Error("lỗi bên trong khi xử lý tệp", err)
		return v, err
	case err != nil:
		return v, errors.Join(errBusy, err)
	}
	return v, nil
}

// result is an engine call's answer, carried out of its slot.
type result[T any] struct {
	v   T
	err error
}

func call[T any](ctx context.Context, s *Server, fn func() (T, error)) (T, error) {
	r, err := within(ctx, s, func(context.Context) result[T] {
		v, err := fn()
		return result[T]{v, err}
	})
	if err != nil {
		return r.v, err
	}
	return r.v, r.err
}

func (e budgeted) ReadPrevious(xlsx []byte) (*report.Previous, error) {
	return call(context.Background(), e.s, func() (*report.Previous, error) { return e.Engine.ReadPrevious(xlsx) })
}

func (e budgeted) Render(m *desk.Merged) ([]byte, []byte, error) {
	type two struct{ xlsx, pdf []byte }
	r, err := call(context.Background(), e.s, func() (two, error) {
		x, p, err := e.Engine.Render(m)
		return two{x, p}, err
	})
	return r.xlsx, r.pdf, err
}

func (e budgeted) Template(pl *plan.Plan, unitID string, p plan.Period, prev *report.Previous) ([]byte, error) {
	return call(context.Background(), e.s, func() ([]byte, error) { return e.Engine.Template(pl, unitID, p, prev) })
}

func (e budgeted) Filled(pl *plan.Plan, f *report.Filled) ([]byte, error) {
	return call(context.Background(), e.s, func() ([]byte, error) { return e.Engine.Filled(pl, f) })
}

func (e budgeted) Annotate(f File, findings []report.Finding) ([]byte, error) {
	return e.annotate(context.Background(), f, findings)
}

// annotate is Annotate that also ends when ctx does (the client gone).
func (e budgeted) annotate(ctx context.Context, f File, findings []report.Finding) ([]byte, error) {
	return call(ctx, e.s, func() ([]byte, error) { return e.Engine.Annotate(f, findings) })
}

func (e budgeted) ReadPlan(f File) (*plan.Plan, error) {
	return call(context.Background(), e.s, func() (*plan.Plan, error) { return e.Engine.ReadPlan(f) })
}

func (e budgeted) PlanWorkbook(pl *plan.Plan) ([]byte, error) {
	return call(context.Background(), e.s, func() ([]byte, error) { return e.Engine.PlanWorkbook(pl) })
}

func (e budgeted) Slips(pl *plan.Plan, links []UnitLink) ([]byte, error) {
	return call(context.Background(), e.s, func() ([]byte, error) { return e.Engine.Slips(pl, links) })
}
