package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// reminder is the text the officer copies into Zalo: who has not sent,
// and by when.
func (s *Server) reminder(p plan.Period, units []unitStatus) string {
	var names []string
	for _, u := range units {
		switch u.State {
		case stateMissing, stateRejected:
			names = append(names, "- "+u.Unit.Name)
		case statePartial:
			names = append(names, "- "+u.Unit.Name+msgReminderFix)
		}
	}
	if len(names) == 0 {
		return fmt.Sprintf(msgReminderNone, p.Name())
	}
	d := p.ReportDay()
	return fmt.Sprintf(msgReminder, p.Name(), strings.Join(names, "\n"), weekday(d), vi.FormatDate(d), s.planFor(p).Document.StandingAgency)
}

func weekday(t time.Time) string { return weekdays[t.Weekday()] }

func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.renderBoard(w, r, p, nil)
}

func (s *Server) renderBoard(w http.ResponseWriter, r *http.Request, p plan.Period, extra map[string]any) {
	units, unknown, err := s.periodStatus(p)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	reports, _ := s.store.Reports(p.String())
	links, _ := s.Links(nil)
	sent := 0
	for _, u := range units {
		if u.State == stateAccepted || u.State == statePartial {
			sent++
		}
	}
	data := map[string]any{"Period": p, "Units": units, "Unknown": unknown, "Reports": reports, "Reminder": s.reminder(p, units),
		"Sent": sent, "Links": links, "Periods": nearPeriods(s.now()), "Today": vi.FormatDate(report.DefaultReportDate(p, s.now()))}
	// The period's table as it stands, before anyone merges: the same
	// words as the workbook's "Tổng hợp".
	if files, err := s.countingFiles(units); err == nil && len(files) > 0 {
		data["Table"] = s.engine.Consolidate(s.planFor(p), files, p, s.previousReport(p))
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
// unit it names.
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
	var results []store.Upload
	for _, f := range files {
		c, err := s.check(r.Context(), f, p)
		if err != nil {
			s.fail(w, r, http.StatusServiceUnavailable, err.Error())
			return
		}
		up, err := s.file(r, "", f, c, true)
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, msgInternal)
			return
		}
		results = append(results, up)
	}
	s.renderBoard(w, r, p, map[string]any{"Dropped": results})
}

// mergeResult is what a merge stored.
type mergeResult struct {
	Period  string `json:"period"`
	Report  int64  `json:"report"`
	XLSX    string `json:"xlsx"`
	PDF     string `json:"pdf"`
	Summary string `json:"summary"`
}

// merge consolidates a period from the files that count and stores the
// workbook and the PDF.
func (s *Server) merge(p plan.Period, doc Doc) (mergeResult, error) {
	units, _, err := s.periodStatus(p)
	if err != nil {
		return mergeResult{}, err
	}
	files, err := s.countingFiles(units)
	if err != nil {
		return mergeResult{}, err
	}
	xlsx, pdf, cons, err := s.engine.Merge(s.planFor(p), files, p, doc, s.previousReport(p))
	if err != nil {
		return mergeResult{}, err
	}
	n := cons.Counts()
	summary := fmt.Sprintf(msgMergeSummary, n.UnitsReported, n.UnitsExpected, n.Overdue)
	id, err := s.store.AddReport(store.Report{Period: p.String(), Number: doc.Number, Date: vi.FormatDate(doc.Date), Signer: doc.Signer,
		Summary: summary, Models: modelsJSON(cons), At: s.now()}, xlsx, pdf)
	if err != nil {
		return mergeResult{}, err
	}
	base := fmt.Sprintf("/bao-cao/%d/", id)
	return mergeResult{Period: p.String(), Report: id, XLSX: base + "xlsx", PDF: base + "pdf", Summary: summary}, nil
}

// countingFiles are the files that count: each unit's last accepted one.
func (s *Server) countingFiles(units []unitStatus) ([]File, error) {
	var files []File
	for _, u := range units {
		if u.Counting == nil {
			continue
		}
		up, data, err := s.store.Upload(u.Counting.ID)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: up.Name, Data: data, Modified: up.At})
	}
	return files, nil
}

// previousReport is the workbook of the last merge of the period before p,
// so that the desk compares with it as merge --previous does; nil if that
// period was never merged here.
func (s *Server) previousReport(p plan.Period) []byte {
	reps, err := s.store.Reports(p.Previous().String())
	if err != nil || len(reps) == 0 {
		return nil
	}
	_, b, err := s.store.ReportFile(reps[0].ID, false)
	if err != nil {
		return nil
	}
	return b
}

func (s *Server) docOf(r *http.Request, p plan.Period) (Doc, error) {
	doc := Doc{Date: report.DefaultReportDate(p, s.now()), Signer: strings.TrimSpace(r.FormValue("signer"))}
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

func (s *Server) mergeForm(w http.ResponseWriter, r *http.Request) {
	if p, res, ok := s.mergeRequest(w, r); ok {
		s.renderBoard(w, r, p, map[string]any{"Merged": res})
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
	doc, err := s.docOf(r, p)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return p, mergeResult{}, false
	}
	res, err := s.merge(p, doc)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgMergeFailed)
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
	attach(w, "bao-cao-de-an-06-"+rep.Period+"."+kind, b)
}

type apiUnit struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	State       string  `json:"state"`
	SubmittedAt *string `json:"submitted_at"`
	Errors      int     `json:"errors"`
	Warnings    int     `json:"warnings"`
}

func (s *Server) apiStatus(w http.ResponseWriter, r *http.Request) {
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	units, _, err := s.periodStatus(p)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	out := struct {
		Period string    `json:"period"`
		Units  []apiUnit `json:"units"`
	}{Period: p.String(), Units: []apiUnit{}}
	for _, u := range units {
		state := u.State
		if state == statePartial {
			state = stateAccepted // the contract knows three states; errors says the rest
		}
		au := apiUnit{ID: u.Unit.ID, Name: u.Unit.Name, State: state}
		if u.Latest != nil {
			t := u.Latest.At.Format(time.RFC3339)
			au.SubmittedAt, au.Errors, au.Warnings = &t, u.Latest.Errors, u.Latest.Warnings
		}
		out.Units = append(out.Units, au)
	}
	writeJSON(w, out)
}
