package web

import (
	"net/http"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// sendingPeriod reads a unit's ?period= (else this week) for a route that
// stores a send or a draft — an upload, the form's save: only a period
// open for sends (desk.OpenFor), so that a link cannot spread files and
// drafts over periods that take none (1999-W01, 9999-W52), each with a
// quota of its own.
func (s *Server) sendingPeriod(r *http.Request) (plan.Period, error) {
	return s.linkPeriod(r, false)
}

// preparingPeriod is sendingPeriod for what only prepares a send — the
// template, the form opened: the period after the one under way too (a
// clerk preparing next week's report early).
func (s *Server) preparingPeriod(r *http.Request) (plan.Period, error) {
	return s.linkPeriod(r, true)
}

func (s *Server) linkPeriod(r *http.Request, next bool) (plan.Period, error) {
	p, err := s.period(r)
	if err != nil {
		return p, err
	}
	now := s.now()
	if next && p == desk.Current(p.Kind, now).Next() {
		return p, nil
	}
	if err := desk.OpenFor(s.latest(), p, now); err != nil {
		return p, refuse(http.StatusBadRequest, vi.Sentence(err.Error()))
	}
	return p, nil
}
