package web

import (
	"context"
	"crypto/subtle"
	"net/http"
	"slices"
	"strings"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
)

// UnitLink is a reporting unit's secret link.
type UnitLink struct {
	Unit *plan.Unit
	URL  string
}

// Links gives every reporting unit its link, making first links where
// none exists and renewing (revoking the old) those in renew.
func (s *Server) Links(renew []string) ([]UnitLink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	have, err := s.store.Links()
	if err != nil {
		return nil, err
	}
	gen := map[string]int{}
	for _, l := range have {
		gen[l.UnitID] = l.Generation
	}
	var out []UnitLink
	for _, u := range s.latest().ReportingUnits() {
		g, ok := gen[u.ID]
		if !ok || slices.Contains(renew, u.ID) {
			g++
			token := LinkToken(s.secret, u.ID, g)
			if err := s.store.SetLink(store.Link{UnitID: u.ID, Generation: g, TokenHash: tokenHash(token)}, "officer", s.now()); err != nil {
				return nil, err
			}
		}
		out = append(out, UnitLink{Unit: u, URL: strings.TrimRight(s.cfg.BaseURL, "/") + "/u/" + LinkToken(s.secret, u.ID, g)})
	}
	return out, nil
}

type unitKey struct{}

// unit guards a unit's pages: the token in the path must be a unit's
// current link; the handler sees that unit only.
func (s *Server) unit(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := r.PathValue("token")
		h0 := tokenHash(token)
		id, ok, err := s.store.UnitByTokenHash(h0)
		var u *plan.Unit
		if ok && err == nil {
			// The token, derived again, must match in constant time.
			for _, l := range mustLinks(s.store) {
				if l.UnitID == id && subtle.ConstantTimeCompare(tokenHash(LinkToken(s.secret, id, l.Generation)), h0) == 1 {
					u = s.latest().Unit(id)
				}
			}
		}
		if u == nil {
			s.fail(w, r, http.StatusNotFound, msgBadLink)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), unitKey{}, u)))
	}
}

func mustLinks(st *store.Store) []store.Link {
	ls, _ := st.Links()
	return ls
}

func unitOf(r *http.Request) *plan.Unit { return r.Context().Value(unitKey{}).(*plan.Unit) }

// State of a unit for a period, as the board shows it.
const (
	stateMissing  = "missing"
	stateRejected = "rejected"
	stateAccepted = "accepted"
	statePartial  = "partial" // accepted, but rows with errors are left out of the merge
)

// unitStatus is one row of the board.
type unitStatus struct {
	Unit     *plan.Unit
	State    string
	Latest   *store.Upload // the last file received
	Counting *store.Upload // the last accepted file: the one merged
	Uploads  int
	// FromWeek is set when a month has no file of the unit's own and its
	// last accepted week inside the month stands in (Counting).
	FromWeek *plan.Period
}

// periodStatus is every reporting unit's state for a period: the last
// file decides the state; the last accepted file is the one that counts.
func (s *Server) periodStatus(p plan.Period) ([]unitStatus, []store.Upload, error) {
	ups, err := s.store.Uploads(p.String())
	if err != nil {
		return nil, nil, err
	}
	var out []unitStatus
	var unknown []store.Upload
	pl := s.planFor(p)
	for _, u := range pl.ReportingUnits() {
		st := unitStatus{Unit: u, State: stateMissing}
		for i := range ups {
			up := &ups[i]
			if up.UnitID != u.ID {
				continue
			}
			st.Uploads++
			st.Latest = up
			if up.Accepted {
				st.Counting = up
			}
		}
		if st.Counting == nil && p.Kind == plan.Monthly {
			if up, w := s.lastAccepted(u.ID, p.Covers); up != nil {
				st.Counting, st.FromWeek = up, &w
			}
		}
		switch {
		case st.Latest == nil:
		case st.Latest.Accepted && st.Latest.Errors > 0:
			st.State = statePartial
		case st.Latest.Accepted:
			st.State = stateAccepted
		default:
			st.State = stateRejected
		}
		out = append(out, st)
	}
	for _, up := range ups {
		if pl.Unit(up.UnitID) == nil {
			unknown = append(unknown, up)
		}
	}
	return out, unknown, nil
}

// period reads ?period=, else the week of today.
func (s *Server) period(r *http.Request) (plan.Period, error) {
	if v := r.FormValue("period"); v != "" {
		return plan.ParsePeriod(v)
	}
	return plan.WeekOf(s.now()), nil
}
