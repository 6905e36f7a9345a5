package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// consolidate reads the sends that count on board b and merges them by
// the desk's level (desk.Merge for a commune, desk.Roll for a province),
// compared with the last merge of the period before.
func (s *Server) consolidate(ctx context.Context, b *desk.Board, doc desk.Doc) (*desk.Merged, error) {
	var files []Reading
	for _, u := range b.Units {
		if u.Counting == nil {
			continue
		}
		up, data, err := s.store.Upload(u.Counting.ID)
		if err != nil {
			return nil, err
		}
		rd, err := s.read(ctx, File{Name: up.Name, Data: data, Modified: up.At})
		if err != nil {
			return nil, err
		}
		files = append(files, rd)
	}
	prev, err := s.previousReport(ctx, b.Period)
	if err != nil {
		return nil, err
	}
	return s.level.Merge(MergeInput{Plan: b.Plan, Period: b.Period, Files: files, Previous: prev, Doc: doc, Today: s.now()})
}

// previousReport is the last merge of the period before p, read back, so
// that the desk compares with it as merge --previous does; nil when that
// period was never merged here, or the level does not compare.
func (s *Server) previousReport(ctx context.Context, p plan.Period) (*report.Previous, error) {
	reps, err := s.store.Reports(p.Previous().String())
	if err != nil || len(reps) == 0 {
		return nil, err
	}
	_, b, err := s.store.ReportFile(reps[0].ID, false)
	if err != nil {
		return nil, err
	}
	prev, err := s.level.ReadPrevious(ctx, b)
	switch {
	case isRefusal(err) || ctx.Err() != nil:
		return nil, err
	case err != nil:
		s.log.Error("tổng hợp kỳ trước không đọc lại được", err, "period", p.Previous().String())
		return nil, nil // a stored workbook that cannot be read only loses the comparison
	}
	return prev, nil
}

// mergeResult is what a merge stored.
type mergeResult struct {
	Period  string `json:"period"`
	Report  int64  `json:"report"`
	XLSX    string `json:"xlsx"`
	PDF     string `json:"pdf"`
	Summary string `json:"summary"`
	// Draft says why the PDF carries DỰ THẢO; empty for a document that
	// can be signed.
	Draft []string `json:"draft"`
}

// merge consolidates a period from the sends that count and stores the
// workbook and the PDF, with the sends it used.
func (s *Server) merge(ctx context.Context, p plan.Period, doc desk.Doc) (mergeResult, error) {
	b, err := s.boardOf(p)
	if err != nil {
		return mergeResult{}, err
	}
	m, err := s.consolidate(ctx, b, doc)
	if err != nil {
		return mergeResult{}, err
	}
	xlsx, pdf, err := s.level.Render(ctx, m)
	if err != nil {
		return mergeResult{}, err
	}
	summary := m.Summary()
	header, draft := desk.EncodeMergeDoc(m)
	id, err := s.store.AddReport(store.Report{Period: p.String(), Number: m.Doc.Number, Date: vi.FormatDate(m.Doc.Date), Signer: m.Doc.Signer,
		Summary: summary, Models: desk.EncodeModelPoints(m), At: s.now(), Used: b.Used(), Header: header, Draft: draft}, xlsx, pdf)
	if err != nil {
		return mergeResult{}, err
	}
	base := fmt.Sprintf("/bao-cao/%d/", id)
	return mergeResult{Period: p.String(), Report: id, XLSX: base + "xlsx", PDF: base + "pdf", Summary: summary,
		Draft: nonNil(m.Draft())}, nil
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func (s *Server) docOf(r *http.Request) (desk.Doc, error) {
	doc := desk.Doc{Signer: strings.TrimSpace(r.FormValue("signer"))}
	if v := strings.TrimSpace(r.FormValue("number")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return doc, fmt.Errorf(msgBadNumber, v)
		}
		doc.Number = n
	}
	if v := strings.TrimSpace(r.FormValue("date")); v != "" {
		d, ok := vi.ParseDate(v)
		if !ok {
			return doc, fmt.Errorf(msgBadDate, v)
		}
		doc.Date = d
	}
	return doc, nil
}

// mergeForm merges from the board and goes back to it (post, redirect,
// get: a reload shows the merge again, never makes another), where the
// merge's result is shown.
func (s *Server) mergeForm(w http.ResponseWriter, r *http.Request) {
	if p, res, ok := s.mergeRequest(w, r); ok {
		http.Redirect(w, r, fmt.Sprintf("/bang?period=%s&tong-hop=%d#tong-hop", p, res.Report), http.StatusSeeOther)
	}
}

func (s *Server) apiMerge(w http.ResponseWriter, r *http.Request) {
	if _, res, ok := s.mergeRequest(w, r); ok {
		writeJSON(w, res)
	}
}

// mergeRequest reads a merge request's period and document facts and
// merges; on failure it has answered already.
func (s *Server) mergeRequest(w http.ResponseWriter, r *http.Request) (plan.Period, mergeResult, bool) {
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return p, mergeResult{}, false
	}
	doc, err := s.docOf(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return p, mergeResult{}, false
	}
	res, err := s.merge(r.Context(), p, doc)
	switch {
	case errors.Is(err, desk.ErrNothingUsable):
		s.fail(w, r, http.StatusConflict, vi.Sentence(err.Error()))
		return p, mergeResult{}, false
	case err != nil && !isRefusal(err):
		s.failCause(w, r, http.StatusInternalServerError, msgMergeFailed, err)
		return p, mergeResult{}, false
	case err != nil:
		s.failErr(w, r, err)
		return p, mergeResult{}, false
	}
	return p, res, true
}

func (s *Server) reportFile(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	kind := r.PathValue("kind")
	if err != nil || (kind != "xlsx" && kind != "pdf") {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	rep, b, err := s.store.ReportFile(id, kind == "pdf")
	if err != nil {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	p, err := plan.ParsePeriod(rep.Period)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	attach(w, s.level.FileBase(p)+"."+kind, b)
}

type apiUnit struct {
	ID             string  `json:"id"`
	Name           string  `json:"name"`
	State          string  `json:"state"`
	SubmittedAt    *string `json:"submitted_at"`
	Errors         int     `json:"errors"`
	Warnings       int     `json:"warnings"`
	CountingUpload *int64  `json:"counting_upload"`
	LatestUpload   *int64  `json:"latest_upload"`
	Late           int     `json:"late"`
}

func (s *Server) apiStatus(w http.ResponseWriter, r *http.Request) {
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	b, err := s.boardOf(p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	out := struct {
		Period            string    `json:"period"`
		ChangedSinceMerge bool      `json:"changed_since_merge"`
		Units             []apiUnit `json:"units"`
	}{Period: p.String(), ChangedSinceMerge: b.ChangedSinceMerge, Units: []apiUnit{}}
	for _, u := range b.Units {
		state := u.State
		if state == desk.Partial {
			state = desk.Accepted // the contract knows three states; errors says the rest
		}
		au := apiUnit{ID: u.Unit.ID, Name: u.Unit.Name, State: string(state), Late: u.Late.Count()}
		if u.Latest != nil {
			t := u.Latest.At.Format(time.RFC3339)
			au.SubmittedAt, au.LatestUpload = &t, &u.Latest.ID
			au.Errors, au.Warnings = u.Latest.Errors, u.Latest.Warnings
		}
		if c := u.Counting; c != nil { // the time and findings of the send that counts, as the board says
			t := c.At.Format(time.RFC3339)
			au.SubmittedAt, au.CountingUpload = &t, &c.ID
			au.Errors, au.Warnings = c.Errors, c.Warnings
		}
		out.Units = append(out.Units, au)
	}
	writeJSON(w, out)
}

// unitPeriod reads ?period= and ?unit= and the unit's status on that
// period's board.
func (s *Server) unitPeriod(r *http.Request) (*desk.Board, *desk.UnitStatus, error) {
	p, err := s.period(r)
	if err != nil {
		return nil, nil, refuse(http.StatusBadRequest, err.Error())
	}
	b, err := s.boardOf(p)
	if err != nil {
		return nil, nil, err
	}
	u := b.Unit(r.FormValue("unit"))
	if u == nil {
		return nil, nil, refuse(http.StatusBadRequest, fmt.Sprintf(msgNoSuchUnit, r.FormValue("unit")))
	}
	return b, u, nil
}

// sendView is one send as the officer's unit page shows it.
type sendView struct {
	desk.Send
	Role     desk.Role
	From     string
	Findings []report.Finding
	Late     desk.Lateness
}

// unitSends shows every send of one unit for a period: who sent it, the
// reporter, its findings in check's words, and which one counts.
func (s *Server) unitSends(w http.ResponseWriter, r *http.Request) {
	b, u, err := s.unitPeriod(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	// After a choice (chooseForm): said while the chosen send still counts.
	chosen := u.Counting != nil && r.FormValue("chon") == strconv.FormatInt(u.Counting.ID, 10)
	extra := map[string]any{"Chosen": chosen}
	// Before choosing a file with errors (chooseForm): the question.
	for _, sd := range u.Sends {
		if strconv.FormatInt(sd.ID, 10) == r.FormValue("hoi") && sd.Errors > 0 && u.Role(&sd) == desk.RoleSuperseded {
			extra["Ask"] = sd
		}
	}
	s.renderUnitSends(w, r, b, u, extra)
}

func (s *Server) renderUnitSends(w http.ResponseWriter, r *http.Request, b *desk.Board, u *desk.UnitStatus, extra map[string]any) {
	sends := u.Sends
	if u.FromWeek != nil { // the week standing in for the month, with the month's own sends
		sends = append([]desk.Send{*u.Counting}, sends...)
	}
	var views []sendView
	for i := len(sends) - 1; i >= 0; i-- { // newest first
		sd := sends[i]
		up, _, err := s.store.Upload(sd.ID)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		fs, err := findingsOf(up)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		views = append(views, sendView{Send: sd, Role: u.Role(&sd), From: up.From, Findings: fs, Late: desk.LateBy(sd.Period, sd.At)})
	}
	data := map[string]any{"Period": b.Period, "Status": u, "Sends": views}
	for k, v := range extra {
		data[k] = v
	}
	s.render(w, "don-vi.html", data)
}

// choose makes one of a unit's sends the one that counts, on the
// officer's word.
func (s *Server) choose(r *http.Request) (*desk.Board, *desk.UnitStatus, error) {
	b, u, err := s.unitPeriod(r)
	if err != nil {
		return nil, nil, err
	}
	id, err := strconv.ParseInt(r.FormValue("upload"), 10, 64)
	if err != nil {
		return nil, nil, refuse(http.StatusBadRequest, msgNoSuchSendID)
	}
	if err := desk.MayChoose(u, id); err != nil {
		return nil, nil, refuse(http.StatusBadRequest, vi.Sentence(err.Error()))
	}
	if err := s.store.AddChoice(store.Choice{UnitID: u.Unit.ID, Period: b.Period.String(), UploadID: id, At: s.now()}); err != nil {
		return nil, nil, err
	}
	if b, err = s.boardOf(b.Period); err != nil {
		return nil, nil, err
	}
	return b, b.Unit(u.Unit.ID), nil
}

// chooseForm makes a send count from the officer's page of the unit's
// sends, and goes back to it (post, redirect, get).
//
// A file with errors is not chosen at once: the officer is asked first,
// told how many errors it has and that their rows are left out (as the
// clerk's withdrawal asks, rut-lai.html); the answer carries chac=co.
func (s *Server) chooseForm(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("chac") != "co" {
		b, u, err := s.unitPeriod(r)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		for _, sd := range u.Sends {
			if strconv.FormatInt(sd.ID, 10) == r.FormValue("upload") && sd.Errors > 0 && desk.MayChoose(u, sd.ID) == nil {
				http.Redirect(w, r, fmt.Sprintf("/bang/don-vi?period=%s&unit=%s&hoi=%d#hoi", b.Period, url.QueryEscape(u.Unit.ID), sd.ID), http.StatusSeeOther)
				return
			}
		}
	}
	b, u, err := s.choose(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/bang/don-vi?period=%s&unit=%s&chon=%d", b.Period, url.QueryEscape(u.Unit.ID), u.Counting.ID), http.StatusSeeOther)
}

func (s *Server) apiChoose(w http.ResponseWriter, r *http.Request) {
	_, u, err := s.choose(r)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, map[string]any{"unit": u.Unit.ID, "counting_upload": u.Counting.ID})
}
