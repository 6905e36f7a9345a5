package web

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// A unit's pages: reached only through its own link (Server.unit).

// historyLen is how many of its sends a unit's page lists.
const historyLen = 30

// unitSend is one of the unit's sends as its page lists it.
type unitSend struct {
	desk.Send
	Role        desk.Role
	CanWithdraw bool
	Late        desk.Lateness
}

// unitData is what the unit's page shows for period p: its state, and its
// sends of every period, newest first, each with what it is to its period.
func (s *Server) unitData(u *plan.Unit, p plan.Period, token string) (map[string]any, error) {
	b, err := s.boardOf(p)
	if err != nil {
		return nil, err
	}
	ups, err := s.store.UnitUploads(u.ID)
	if err != nil {
		return nil, err
	}
	if len(ups) > historyLen {
		ups = ups[:historyLen]
	}
	boards := map[plan.Period]*desk.Board{p: b}
	var history []unitSend
	for _, up := range ups {
		sd, err := sendOf(up)
		if err != nil {
			return nil, err
		}
		pb, ok := boards[sd.Period]
		if !ok {
			if pb, err = s.boardOf(sd.Period); err != nil {
				return nil, err
			}
			boards[sd.Period] = pb
		}
		st := pb.Unit(u.ID)
		us := unitSend{Send: sd, Role: desk.RoleUnusable, Late: desk.LateBy(sd.Period, sd.At)}
		if st != nil {
			us.Role = st.Role(&sd)
			us.CanWithdraw = desk.MayWithdraw(st, sd.ID) == nil
		}
		history = append(history, us)
	}
	data := map[string]any{"Unit": u, "Period": p, "Status": b.Unit(u.ID), "History": history, "Token": token,
		"Deadline": desk.DeadlineText(p, s.now())}
	if err := s.askedData(data, u, p, boards); err != nil {
		return nil, err
	}
	return data, nil
}

// askedView is one report the unit is asked for, as its page lists it.
type askedView struct {
	desk.Asked
	Deadline string
	Shown    bool // the period the page is about
}

// askedData adds the reports the unit is asked for now (this week's, the
// month's while due, earlier weeks it still owes), each with its state
// and deadline, and this week's when it is missing while the page is
// about another period (a late send for an older week).
func (s *Server) askedData(data map[string]any, u *plan.Unit, p plan.Period, boards map[plan.Period]*desk.Board) error {
	now := s.now()
	var list []*desk.Board
	for _, q := range desk.Owed(now, desk.AskedBack) {
		b, ok := boards[q]
		if !ok {
			var err error
			if b, err = s.boardOf(q); err != nil {
				return err
			}
			boards[q] = b
		}
		list = append(list, b)
	}
	asked := desk.AskedOf(u.ID, list, now, p)
	var views []askedView
	for _, a := range asked {
		views = append(views, askedView{Asked: a, Deadline: desk.DeadlineText(a.Period, now), Shown: a.Period == p})
	}
	data["Asked"] = views
	if m := desk.CurrentMissing(asked); m != nil && m.Period != p {
		data["Missing"], data["MissingDeadline"] = m, desk.DeadlineText(m.Period, now)
	}
	return nil
}

func (s *Server) unitPage(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	data, err := s.unitData(u, p, r.PathValue("token"))
	if err == nil {
		err = s.outcome(data, r, u)
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.render(w, "unit.html", data)
}

// sendResult is a stored send's check as the page after it shows it.
type sendResult struct {
	Accepted bool
	Findings []report.Finding
}

// outcome adds to a unit's page what the action that led there did (post,
// redirect, get): ?gui=ID a send, with ?thay=ID the clean send it
// replaced; ?rut=ID a withdrawal. Each is the unit's own and is said as
// it stands now, so the page may be shown again.
func (s *Server) outcome(data map[string]any, r *http.Request, u *plan.Unit) error {
	st, _ := data["Status"].(*desk.UnitStatus)
	p, _ := data["Period"].(plan.Period)
	if st == nil {
		return nil
	}
	own := func(param string) (store.Upload, bool, error) {
		id, err := strconv.ParseInt(r.FormValue(param), 10, 64)
		if err != nil {
			return store.Upload{}, false, nil
		}
		up, _, err := s.store.Upload(id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return up, false, nil
		case err != nil:
			return up, false, err
		}
		return up, up.UnitID == u.ID && up.Period == p.String(), nil
	}
	up, ok, err := own("gui")
	if err != nil {
		return err
	}
	if ok {
		fs, err := findingsOf(up)
		if err != nil {
			return err
		}
		replaced, _ := strconv.ParseInt(r.FormValue("thay"), 10, 64)
		data["Result"], data["Upload"] = sendResult{Accepted: up.Accepted, Findings: fs}, up
		data["Verdict"] = desk.VerdictNow(st, up.ID, replaced)
	}
	if up, ok, err = own("rut"); err != nil {
		return err
	}
	if ok && !up.WithdrawnAt.IsZero() {
		sd, err := sendOf(up)
		if err != nil {
			return err
		}
		data["Withdrawn"] = sd
	}
	return nil
}

func (s *Server) unitUpload(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	p, err := s.sendingPeriod(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	files, err := s.readUploads(w, r, "file")
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	rec, err := s.receive(r.Context(), clientAddr(r), u.ID, desk.ViaLink, files[0], p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.answerSend(w, r, rec)
}

// answerSend answers a unit's send: the check JSON with what became of the
// send, or the unit's page with the findings and whether the send counts
// (post, redirect, get: a reload never sends the file again).
func (s *Server) answerSend(w http.ResponseWriter, r *http.Request, rec received) {
	if wantsJSON(r) {
		var doc map[string]any
		if err := json.Unmarshal([]byte(rec.Upload.Findings), &doc); err != nil {
			s.failErr(w, r, err)
			return
		}
		doc["upload"] = map[string]any{"id": rec.Upload.ID, "counting": rec.Verdict.Counts, "period": rec.Period.String()}
		writeJSON(w, doc)
		return
	}
	to := fmt.Sprintf("/u/%s?period=%s&gui=%d", r.PathValue("token"), rec.Period, rec.Upload.ID)
	if c := rec.Verdict.ReplacedClean; c != nil {
		to += fmt.Sprintf("&thay=%d", c.ID)
	}
	http.Redirect(w, r, to+"#ket-qua", http.StatusSeeOther)
}

// withdrawal reads the send a withdrawal names: the unit's own, with its
// period's status; it has answered when ok is false.
func (s *Server) withdrawal(w http.ResponseWriter, r *http.Request, u *plan.Unit) (desk.Send, desk.Ledger, bool) {
	id, err := strconv.ParseInt(r.FormValue("upload"), 10, 64)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, msgNoSuchSendID)
		return desk.Send{}, desk.Ledger{}, false
	}
	up, _, err := s.store.Upload(id)
	if err != nil || up.UnitID != u.ID { // another unit's send is not this link's business
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return desk.Send{}, desk.Ledger{}, false
	}
	sd, err := sendOf(up)
	if err != nil {
		s.failErr(w, r, err)
		return sd, desk.Ledger{}, false
	}
	l, err := s.ledger(sd.Period, u.ID)
	if err != nil {
		s.failErr(w, r, err)
		return sd, l, false
	}
	if err := desk.MayWithdraw(desk.Status(s.planFor(sd.Period), sd.Period, l).Unit(u.ID), id); err != nil {
		s.fail(w, r, http.StatusConflict, vi.Sentence(err.Error()))
		return sd, l, false
	}
	return sd, l, true
}

// withdrawConfirm asks before a withdrawal (no script needed): which send,
// and what counts after it — the send that comes back, warned about when
// it has errors, or nothing.
func (s *Server) withdrawConfirm(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	if r.FormValue("upload") == "" {
		http.Redirect(w, r, "/u/"+r.PathValue("token"), http.StatusSeeOther)
		return
	}
	sd, l, ok := s.withdrawal(w, r, u)
	if !ok {
		return
	}
	after := desk.Status(s.planFor(sd.Period), sd.Period, l.Withdrawing(sd.ID, s.now())).Unit(u.ID)
	s.render(w, "rut-lai.html", map[string]any{"Title": msgWithdrawTitle, "Unit": u, "Send": sd, "After": after,
		"Token": r.PathValue("token"), "Period": sd.Period})
}

// unitWithdraw withdraws the unit's last send of a period: it stays in the
// history, and the send before it counts again. A browser goes on to the
// unit's page, which says what counts now.
func (s *Server) unitWithdraw(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	sd, _, ok := s.withdrawal(w, r, u)
	if !ok {
		return
	}
	if err := s.store.Withdraw(sd.ID, s.now()); err != nil {
		s.failErr(w, r, err)
		return
	}
	if !wantsJSON(r) {
		http.Redirect(w, r, fmt.Sprintf("/u/%s?period=%s&rut=%d#ket-qua", r.PathValue("token"), sd.Period, sd.ID), http.StatusSeeOther)
		return
	}
	b, err := s.boardOf(sd.Period)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	st := b.Unit(u.ID)
	var counting *int64
	if st.Counting != nil {
		counting = &st.Counting.ID
	}
	writeJSON(w, map[string]any{"withdrawn": sd.ID, "counting_upload": counting, "state": st.State})
}

// fills guards the template's and the form's routes: a level whose units
// send a workbook of their own (a province's communes send their
// consolidated workbook) is given neither, and is told what to send.
func (s *Server) fills(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if l := s.latest().Level; !l.FillsTemplate() {
			s.fail(w, r, http.StatusNotFound, desk.WordsOf(l).WhatToSend)
			return
		}
		h(w, r)
	}
}

func (s *Server) unitTemplate(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	p, err := s.preparingPeriod(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	prev, _, err := s.earlier(r, u.ID, p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	b, err := s.engine.Template(r.Context(), s.planFor(p), u.ID, p, prev)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	attach(w, u.ID+"-"+p.String()+".xlsx", b)
}

// earlier is the values the unit's template for p starts from: its
// counting send of the latest period before p, and that send; nil when
// there is none.
func (s *Server) earlier(r *http.Request, unitID string, p plan.Period) (*report.Previous, *desk.Send, error) {
	ups, err := s.store.UnitUploads(unitID)
	if err != nil {
		return nil, nil, err
	}
	sends, err := sendsOf(ups)
	if err != nil {
		return nil, nil, err
	}
	var periods []string
	seen := map[plan.Period]bool{}
	for _, sd := range sends {
		if !seen[sd.Period] {
			seen[sd.Period] = true
			periods = append(periods, sd.Period.String())
		}
	}
	cs, err := s.store.Choices(periods...)
	if err != nil {
		return nil, nil, err
	}
	choices, err := choicesOf(cs)
	if err != nil {
		return nil, nil, err
	}
	last, q := desk.LastCounting(unitID, sends, choices, p)
	if last == nil {
		return nil, nil, nil
	}
	up, data, err := s.store.Upload(last.ID)
	if err != nil {
		return nil, nil, err
	}
	rd, err := s.read(r.Context(), File{Name: up.Name, Data: data, Modified: up.At})
	if err != nil {
		return nil, nil, err
	}
	return desk.PreviousOf(s.planFor(q), rd.Submission(), unitID, q, s.now()), last, nil
}

func (s *Server) unitAnnotated(w http.ResponseWriter, r *http.Request) {
	up, data, ok := s.storedFile(r, unitOf(r).ID)
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	s.sendAnnotated(w, r, up, data)
}

// unitDownload sends one of the unit's own stored files back as it was
// sent (a form's send: the workbook it became).
func (s *Server) unitDownload(w http.ResponseWriter, r *http.Request) {
	up, data, ok := s.storedFile(r, unitOf(r).ID)
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	s.sendStored(w, r, up, data)
}
