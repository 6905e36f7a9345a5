package web

import (
	"net/http"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// sendingPeriod reads a unit's ?period= (else this week) for a route that
// stores or prepares a send — an upload, the form and its draft, the
// template: only a period open for sends (desk.OpenFor), so that a link
// cannot spread files and drafts over periods that take none (1999-W01,
// 9999-W52), each with a quota of its own.
func (s *Server) sendingPeriod(r *http.Request) (plan.Period, error) {
	p, err := s.period(r)
	if err != nil {
		return p, err
	}
	if err := desk.OpenFor(s.latest(), p, s.now()); err != nil {
		return p, refuse(http.StatusBadRequest, vi.Sentence(err.Error()))
	}
	return p, nil
}
