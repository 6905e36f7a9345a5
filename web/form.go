package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/report"
	"github.com/caongoc/de06/store"
)

// The form in the browser ("Điền trực tiếp"): the unit's template as a
// page, for a phone. Every save writes the workbook the template would
// have become (Engine.Filled) and checks it by the one path a file takes
// (examine), so a form and a workbook get the same findings; a send with
// no error stores that workbook as the unit's send (keep, desk.ViaForm).

// maxFormBody caps a form's POST (limitBodies): twenty models of long
// texts fit in it many times over.
const maxFormBody = 1 << 20

// draftCheckWait is how long opening a saved draft waits to check it.
const draftCheckWait = 5 * time.Second

// fieldName is an input's name in the contract: "status_6", "reporter".
func fieldName(fl report.Field, model int) string {
	if model == 0 {
		return string(fl)
	}
	return string(fl) + "_" + strconv.Itoa(model)
}

// filledFrom reads a unit's form from named values (a POST, a draft): the
// inputs the template offers, each as TypedText; an error names a field
// too long for a cell.
func filledFrom(form *report.Form, get func(name string) string) (*report.Filled, error) {
	f := report.NewFilled(form)
	typed := func(fl report.Field, model int) (string, error) {
		v := report.TypedText(get(fieldName(fl, model)))
		if report.CellTextLen(v) > report.MaxCellText {
			return "", fmt.Errorf(msgFieldTooLong, placeName(report.Place{Model: model, Field: fl}), report.MaxCellText)
		}
		return v, nil
	}
	for _, fl := range report.HeaderFields {
		v, err := typed(fl, 0)
		if err != nil {
			return nil, err
		}
		f.SetHeader(fl, v)
	}
	for i, r := range form.Rows {
		for _, fl := range r.Fields() {
			v, err := typed(fl, r.Model.Number)
			if err != nil {
				return nil, err
			}
			f.Rows[i].Set(fl, v)
		}
	}
	return f, nil
}

// fieldsOf is a filled form as named values: a draft's JSON.
func fieldsOf(f *report.Filled) map[string]string {
	out := map[string]string{}
	for _, fl := range report.HeaderFields {
		out[fieldName(fl, 0)] = f.Header(fl)
	}
	for i, r := range f.Form.Rows {
		for _, fl := range r.Fields() {
			out[fieldName(fl, r.Model.Number)] = f.Rows[i].Get(fl)
		}
	}
	return out
}

// placeName names an input as a person reads it: "Mô hình 6 › Tiến độ (%)".
func placeName(pl report.Place) string {
	switch {
	case pl.Model == 0:
		return fieldLabels[pl.Field]
	case pl.Field == "":
		return fmt.Sprintf(msgModelN, pl.Model)
	}
	return fmt.Sprintf(msgModelN, pl.Model) + " › " + fieldLabels[pl.Field]
}

// unitForm is the form of a unit for the period a request names.
func (s *Server) unitForm(r *http.Request) (*plan.Unit, plan.Period, *report.Form, error) {
	u := unitOf(r)
	period := s.sendingPeriod // a save keeps a draft: an open period only
	if r.Method == http.MethodGet {
		period = s.preparingPeriod
	}
	p, err := period(r)
	if err != nil {
		return nil, p, nil, err
	}
	form, err := report.NewForm(s.planFor(p), u.ID, p)
	return u, p, form, err
}

// formStart is how the form opens: the unit's draft when it saved one,
// else what it reported before, else empty.
type formStart struct {
	Filled  *report.Filled
	DraftAt time.Time    // when the draft was saved; zero for none
	From    *plan.Period // the period whose report filled the form
	ex      *examined    // the draft's check
}

// prefill starts form from the unit's counting send of the period before,
// as the unit's template does (and so it is the template a save writes
// into): that send, nil when there is none.
func (s *Server) prefill(r *http.Request, u *plan.Unit, form *report.Form) (*desk.Send, error) {
	prev, last, err := s.earlier(r, u.ID, form.Period)
	if err != nil {
		return nil, unavailable{err}
	}
	if prev == nil {
		return nil, nil
	}
	if n, err := form.Prefill(prev); err != nil || n == 0 {
		return nil, nil
	}
	return last, nil
}

func (s *Server) startForm(r *http.Request, u *plan.Unit, form *report.Form, p plan.Period) (formStart, error) {
	d, ok, err := s.store.Draft(u.ID, p.String())
	if err != nil {
		return formStart{}, err
	}
	last, err := s.prefill(r, u, form)
	if err != nil {
		return formStart{}, err
	}
	var st formStart
	if !form.PrefilledFrom.IsZero() {
		st.From = &form.PrefilledFrom
	}
	if !ok {
		reporter, phone := "", ""
		if last != nil {
			reporter, phone = last.Reporter, last.Phone
		}
		st.Filled = report.StartFilled(form, reporter, phone, s.now())
		return st, nil
	}
	var fields map[string]string
	if err := json.Unmarshal([]byte(d.Fields), &fields); err != nil {
		return formStart{}, err
	}
	if st.Filled, err = filledFrom(form, func(name string) string { return fields[name] }); err != nil {
		return formStart{}, err
	}
	st.DraftAt = d.At
	// A busy desk shows the draft unchecked rather than keep the clerk
	// waiting: the next save checks it.
	ctx, cancel := context.WithTimeout(r.Context(), draftCheckWait)
	defer cancel()
	if ex, err := s.examineFilled(ctx, u, st.Filled, p); err == nil {
		st.ex = &ex
	}
	return st, nil
}

// unavailable is a failure to read what the form starts from (a busy
// desk, a slow file): its message is for the clerk.
type unavailable struct{ error }

// formGet shows the unit's form for a period.
func (s *Server) formGet(w http.ResponseWriter, r *http.Request) {
	u, p, form, err := s.unitForm(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	st, err := s.startForm(r, u, form, p)
	var busy unavailable
	switch {
	case errors.As(err, &busy):
		s.failErr(w, r, busy.error) // busy, a slow file: said; the rest logged
		return
	case err != nil:
		s.internalError(w, r, err)
		return
	}
	s.renderForm(w, r, u, st, outcomeOf(r))
}

// formPost saves the unit's form as its draft and checks it; with
// action=send, a form without errors becomes the unit's send.
func (s *Server) formPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil { // the body is capped (limitBodies)
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf(msgFormTooLarge, maxFormBody>>20))
			return
		}
		s.fail(w, r, http.StatusBadRequest, msgFormUnreadable)
		return
	}
	action := r.PostFormValue("action")
	if action != "save" && action != "send" {
		s.fail(w, r, http.StatusBadRequest, msgFormAction)
		return
	}
	u, p, form, err := s.unitForm(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	filled, err := filledFrom(form, r.PostFormValue)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	// The draft first: a dropped connection or a busy desk loses nothing.
	fields, _ := json.Marshal(fieldsOf(filled))
	at := s.now()
	if err := s.store.SaveDraftWithin(store.Draft{UnitID: u.ID, Period: p.String(), Fields: string(fields), At: at}, s.quota()); err != nil {
		s.failErr(w, r, s.quotaRefusal(err, p, msgDraftNotKept))
		return
	}
	// Typed into the template the unit would download now.
	if _, err := s.prefill(r, u, form); err != nil {
		s.failKept(w, r, err)
		return
	}
	f, err := s.filledFile(r.Context(), filled)
	if errors.Is(err, errBusy) {
		s.fail(w, r, http.StatusServiceUnavailable, msgBusy+" "+msgDraftKept)
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	ex, err := s.examine(r.Context(), u.ID, f, p)
	if err != nil {
		s.failKept(w, r, err)
		return
	}
	errs, _ := ex.result().Counts()
	if action == "send" && errs == 0 {
		rec, err := s.keep(ex, clientAddr(r), desk.ViaForm, f)
		if err != nil { // a quota, or an error already logged: said as an upload's
			s.failErr(w, r, err)
			return
		}
		s.answerSend(w, r, rec)
		return
	}
	refused := action == "send"
	if wantsJSON(r) {
		s.answerCheck(w, r, ex, refused)
		return
	}
	// Post, redirect, get: the form page shows the draft just kept with
	// its findings, and a reload sends nothing again.
	q := url.Values{"period": {p.String()}, formOutcomeParam: {outcomeSaved}}
	if refused {
		q.Set(formOutcomeParam, outcomeRefused)
	}
	http.Redirect(w, r, r.URL.Path+"?"+q.Encode()+"#tom-tat", http.StatusSeeOther)
}

// What a POST of the form did, said on the page it leads to.
const (
	formOutcomeParam = "ket-qua"
	outcomeSaved     = "da-luu"
	outcomeRefused   = "chua-gui"
)

// outcomeOf is what the POST that led to this page did, nil for none.
func outcomeOf(r *http.Request) *formOutcome {
	switch r.FormValue(formOutcomeParam) {
	case outcomeSaved:
		return &formOutcome{Saved: true}
	case outcomeRefused:
		return &formOutcome{Saved: true, Refused: true}
	}
	return nil
}

// failKept answers a save whose draft is kept but which could not be
// checked: a refusal (busy, a slow file) in its words and that the draft
// is kept; anything else as an internal error.
func (s *Server) failKept(w http.ResponseWriter, r *http.Request, err error) {
	var un unavailable
	if errors.As(err, &un) {
		err = un.error
	}
	var rf *refusal
	if errors.As(err, &rf) {
		err = refuse(rf.code, rf.msg+" "+msgDraftKept)
	}
	s.failErr(w, r, err)
}

// filledFile is a filled form as the workbook a send stores.
func (s *Server) filledFile(ctx context.Context, f *report.Filled) (File, error) {
	data, err := s.engine.Filled(ctx, s.planFor(f.Form.Period), f)
	return File{Name: f.Form.FileName(), Data: data, Modified: s.now()}, err
}

// examineFilled checks a filled form as a send of it would be.
func (s *Server) examineFilled(ctx context.Context, u *plan.Unit, f *report.Filled, p plan.Period) (examined, error) {
	file, err := s.filledFile(ctx, f)
	if err != nil {
		return examined{}, err
	}
	return s.examine(ctx, u.ID, file, p)
}

// answerCheck answers a save (or a refused send) in the upload contract's
// JSON: the check, and "upload": null for a send that stored nothing.
func (s *Server) answerCheck(w http.ResponseWriter, r *http.Request, ex examined, refused bool) {
	var js bytes.Buffer
	var doc map[string]any
	err := report.WriteCheckJSON(&js, ex.check, nil)
	if err == nil {
		err = json.Unmarshal(js.Bytes(), &doc)
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	if refused {
		doc["upload"] = nil
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusUnprocessableEntity)
	}
	writeJSON(w, doc)
}
