package web

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
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
	Unit  *plan.Unit
	URL   string
	Reach Reach // where it opens (Server.Reach, RecordedReach)
}

// Links gives every reporting unit of the newest plan its link, making
// first links where none exists and renewing (revoking the old) those in
// renew.
func (s *Server) Links(renew []string) ([]UnitLink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reached(makeLinks(s.store, s.secret, s.latest(), s.LinkBase(), renew, s.now(), true))
}

// reached marks the links with where they open now.
func (s *Server) reached(links []UnitLink, err error) ([]UnitLink, error) {
	r := s.Reach()
	for i := range links {
		links[i].Reach = r
	}
	return links, err
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
	if err != nil {
		return nil, nil, err
	}
	reach, err := RecordedReach(st, url)
	for i := range links {
		links[i].Reach = reach
	}
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
	return s.reached(makeLinks(s.store, s.secret, s.latest(), s.LinkBase(), nil, s.now(), false))
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
		p, err := plan.ParsePeriod(v)
		if err != nil { // in the desk's words, not the command line's format
			now := s.now()
			return p, fmt.Errorf(msgBadPeriod, v, plan.WeekOf(now).Name(), plan.MonthOf(now).Name())
		}
		return p, nil
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

// reportView is one of a period's merges as the board lists it.
type reportView struct {
	store.Report
	Draft []string // why its PDF is a draft; empty when it can be signed
	Last  bool     // the period's last merge
}

// reportViews are a period's merges, newest first, as the board lists them.
func reportViews(reps []store.Report) ([]reportView, error) {
	out := make([]reportView, 0, len(reps))
	for i, r := range reps {
		rec, err := mergeRecordOf(r)
		if err != nil {
			return nil, err
		}
		out = append(out, reportView{Report: r, Draft: rec.Draft, Last: i == 0})
	}
	return out, nil
}

// renderBoard shows a period's board: it only reads. ?tong-hop=ID shows
// the result of the merge that led there.
func (s *Server) renderBoard(w http.ResponseWriter, r *http.Request, p plan.Period, extra map[string]any) {
	b, err := s.boardOf(p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	reps, err := s.store.Reports(p.String())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	reports, err := reportViews(reps)
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
	pending, err := s.pending(now, p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	day := report.SigningDate(p, now)
	data := s.reachData(map[string]any{"Period": p, "Board": b, "Reports": reports,
		"Deadline": desk.DeadlineText(p, now), "Links": links, "Periods": nearPeriods(now),
		"Doc": mergeDoc(b, reports, day), "NotAsked": desk.NoLongerAsked(b, now), "Storage": used, "PeriodQuota": s.cfg.PeriodQuota, "Pending": pending,
		// Why the period's report would be a draft (the header the merge
		// prints, on the date it proposes).
		"Draft": b.Plan.Header.DraftReasons(day)})
	ch := desk.ThroughLinks
	if data["Reach"].(Reach) == ReachThisPC {
		ch = desk.AsFiles
	}
	data["Reminder"], data["AsFiles"] = desk.Reminder(b, now, ch), ch == desk.AsFiles
	if own := b.OwnUnit(); own != nil && own.State.Owes() {
		data["Own"] = own
	}
	if r.Form.Has("nop") && extra["Dropped"] == nil {
		if data["Dropped"], err = s.dropped(r); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	// Why the next merge would be a draft, unless the merge just made
	// says it already.
	data["ShowDraft"] = true
	if id, err := strconv.ParseInt(r.FormValue("tong-hop"), 10, 64); err == nil {
		for _, rv := range reports {
			if rv.ID == id {
				data["Merged"], data["ShowDraft"] = rv, len(rv.Draft) == 0
			}
		}
	}
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

// docFields are what the merge form offers: the last merge's number, and
// the signer that will be printed — the last merge's when one was typed,
// else the header's (Văn bản báo cáo) — so that merging again makes the
// same document; the date, the last merge's unless that day is already
// past (report.SigningDate: today). SignerFrom says where the signer comes from.
type docFields struct{ Number, Date, Signer, SignerFrom string }

func mergeDoc(b *desk.Board, reports []reportView, day time.Time) docFields {
	d := docFields{Date: vi.FormatDate(day), Signer: b.Plan.Header.SignerName, SignerFrom: "van-ban"}
	if len(reports) == 0 {
		return d
	}
	last := reports[0]
	if last.Number > 0 {
		d.Number = strconv.Itoa(last.Number)
	}
	if t, ok := vi.ParseDate(last.Date); ok && !t.Before(day) {
		d.Date = last.Date
	}
	if last.Signer != "" {
		d.Signer, d.SignerFrom = last.Signer, "lan-truoc"
	}
	return d
}

// pending is what the board says of the other periods with something left
// to do (desk.PendingOf): the weeks before this one, the month due.
func (s *Server) pending(now time.Time, shown plan.Period) ([]desk.Pending, error) {
	var boards []*desk.Board
	for _, q := range desk.Owed(now, desk.AskedBack) {
		if q == shown || q == plan.WeekOf(now) {
			continue
		}
		b, err := s.boardOf(q)
		if err != nil {
			return nil, err
		}
		boards = append(boards, b)
	}
	return desk.PendingOf(boards, now, shown), nil
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
	q := url.Values{"period": {p.String()}}
	for _, f := range files {
		// One file that cannot be checked never stops the others.
		rec, err := s.receive(r.Context(), clientAddr(r), "", desk.ViaOfficer, f, p)
		if err != nil {
			rec = received{Upload: store.Upload{Name: f.Name}, Err: err.Error()}
		}
		results = append(results, rec)
		q.Add("nop", strconv.FormatInt(rec.Upload.ID, 10))
	}
	for _, rec := range results {
		if rec.Err != "" {
			// A file not checked (busy, too slow) is not stored: the page
			// says so at once, and a reload sends it again.
			s.renderBoard(w, r, p, map[string]any{"Dropped": results})
			return
		}
	}
	// Every file stored: the board shows them (post, redirect, get).
	http.Redirect(w, r, "/bang?"+q.Encode()+"#vua-nop", http.StatusSeeOther)
}

// dropped are the officer's sends a drop stored, named by ?nop=ID, as the
// board lists them after it.
func (s *Server) dropped(r *http.Request) ([]received, error) {
	var out []received
	for _, v := range r.Form["nop"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			continue
		}
		up, _, err := s.store.Upload(id)
		if errors.Is(err, sql.ErrNoRows) || err == nil && up.Via != string(desk.ViaOfficer) {
			continue
		}
		if err != nil {
			return nil, err
		}
		p, err := plan.ParsePeriod(up.Period)
		if err != nil {
			return nil, err
		}
		out = append(out, received{Upload: up, Period: p})
	}
	return out, nil
}
