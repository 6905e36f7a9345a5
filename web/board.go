package web

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// UnitLink is a reporting unit's secret link.
type UnitLink struct {
	Unit *plan.Unit
	URL  string
}

// Links gives every reporting unit of the newest plan its link, making
// first links where none exists and renewing (revoking the old) those in
// renew.
func (s *Server) Links(renew []string) ([]UnitLink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return makeLinks(s.store, s.secret, s.latest(), s.LinkBase(), renew, s.now(), true)
}

// UnitLinks gives the units their links without a running desk (de06
// links): the newest plan over base, the desk's secret, the links under
// url; renew as for Server.Links.
func UnitLinks(st *store.Store, base *plan.Plan, url string, renew []string, now time.Time) ([]UnitLink, *plan.Plan, error) {
	ps, err := LoadPlans(st, base)
	if err != nil {
		return nil, nil, err
	}
	secret, err := linkSecret(st, now)
	if err != nil {
		return nil, nil, err
	}
	links, err := makeLinks(st, secret, ps.Latest(), url, renew, now, true)
	return links, ps.Latest(), err
}

// makeLinks gives every reporting unit of pl its link under base, making
// first links where none exists and renewing those in renew. With write
// false it only reads: a unit without a link is left out.
func makeLinks(st *store.Store, secret []byte, pl *plan.Plan, base string, renew []string, now time.Time, write bool) ([]UnitLink, error) {
	have, err := st.Links()
	if err != nil {
		return nil, err
	}
	gen := map[string]int{}
	for _, l := range have {
		gen[l.UnitID] = l.Generation
	}
	var out []UnitLink
	for _, u := range pl.ReportingUnits() {
		g, ok := gen[u.ID]
		if write && (!ok || slices.Contains(renew, u.ID)) {
			g++
			token := LinkToken(secret, u.ID, g)
			if err := st.SetLink(store.Link{UnitID: u.ID, Generation: g, TokenHash: tokenHash(token)}, "officer", now); err != nil {
				return nil, err
			}
		} else if !ok {
			continue
		}
		out = append(out, UnitLink{Unit: u, URL: strings.TrimRight(base, "/") + "/u/" + LinkToken(secret, u.ID, g)})
	}
	return out, nil
}

// currentLinks lists the links as they stand, writing nothing.
func (s *Server) currentLinks() ([]UnitLink, error) {
	return makeLinks(s.store, s.secret, s.latest(), s.LinkBase(), nil, s.now(), false)
}

type unitKey struct{}

// unit guards a unit's pages: the token in the path must be a unit's
// current link; the handler sees that unit only.
func (s *Server) unit(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := r.PathValue("token")
		h0 := tokenHash(token)
		id, ok, err := s.store.UnitByTokenHash(h0)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		var u *plan.Unit
		if ok {
			links, err := s.store.Links()
			if err != nil {
				s.failErr(w, r, err)
				return
			}
			// The token, derived again, must match in constant time.
			for _, l := range links {
				if l.UnitID == id && subtle.ConstantTimeCompare(tokenHash(LinkToken(s.secret, id, l.Generation)), h0) == 1 {
					u = s.latest().Unit(id)
				}
			}
		}
		if u == nil {
			s.fail(w, r, http.StatusNotFound, fmt.Sprintf(msgBadLink, s.latest().Document.StandingAgency))
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), unitKey{}, u)))
	}
}

func unitOf(r *http.Request) *plan.Unit { return r.Context().Value(unitKey{}).(*plan.Unit) }

// period reads ?period=, else the week of today.
func (s *Server) period(r *http.Request) (plan.Period, error) {
	if v := r.FormValue("period"); v != "" {
		return plan.ParsePeriod(v)
	}
	return plan.WeekOf(s.now()), nil
}

func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.renderBoard(w, r, p, nil)
}

// renderBoard shows a period's board: it only reads.
func (s *Server) renderBoard(w http.ResponseWriter, r *http.Request, p plan.Period, extra map[string]any) {
	b, err := s.boardOf(p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	reports, err := s.store.Reports(p.String())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	links, err := s.currentLinks()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	used, err := s.store.StorageUsed("", p.String())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	now := s.now()
	day := report.DefaultReportDate(p, now)
	data := s.reachData(map[string]any{"Period": p, "Board": b, "Reports": reports, "Reminder": desk.Reminder(b, now),
		"Deadline": desk.DeadlineText(p, now), "Links": links, "Periods": nearPeriods(now),
		"Today": vi.FormatDate(day), "Storage": used, "PeriodQuota": s.cfg.PeriodQuota,
		// Why the period's report would be a draft (the header the merge
		// prints, on the date it proposes).
		"Draft": b.Plan.Header.DraftReasons(day)})
	// The period's table as it stands, before anyone merges: the same
	// words as the workbook's "Tổng hợp".
	if s.level.Previews() {
		if m, err := s.consolidate(r.Context(), b, desk.Doc{}); err == nil {
			data["Table"] = m.Cons
		}
	}
	for k, v := range extra {
		data[k] = v
	}
	s.render(w, "board.html", data)
}

// nearPeriods are the periods the selector offers: recent weeks and months.
func nearPeriods(now time.Time) []plan.Period {
	var out []plan.Period
	for i := range 6 {
		out = append(out, plan.WeekOf(now.AddDate(0, 0, -7*i)))
	}
	for i := range 3 {
		out = append(out, plan.MonthOf(now.AddDate(0, -i, 0)))
	}
	return out
}

// drop checks files the officer received elsewhere and files each to the
// unit it names, under the period it declares.
func (s *Server) drop(w http.ResponseWriter, r *http.Request) {
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	files, err := s.readUploads(w, r, "files")
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	var results []received
	for _, f := range files {
		// One file that cannot be checked never stops the others.
		rec, err := s.receive(r.Context(), clientAddr(r), "", desk.ViaOfficer, f, p)
		if err != nil {
			rec = received{Upload: store.Upload{Name: f.Name}, Err: err.Error()}
		}
		results = append(results, rec)
	}
	s.renderBoard(w, r, p, map[string]any{"Dropped": results})
}
