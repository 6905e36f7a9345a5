package web

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
)

// The plan in force: the one the desk started with, replaced by versions
// the officer applies, each from the start of a period on. A period is
// read, checked and merged under the plan in force on its first day, so a
// new plan never changes a period already under way.

// planVersion is a stored plan, decoded.
type planVersion struct {
	from time.Time
	plan *plan.Plan
	rec  store.PlanVersion
}

// loadPlans reads the stored plan versions, oldest first.
func (s *Server) loadPlans() error {
	recs, err := s.store.Plans()
	if err != nil {
		return err
	}
	var vs []planVersion
	for _, rec := range slices.Backward(recs) {
		from, err := time.ParseInLocation(time.DateOnly, rec.From, time.Local)
		if err != nil {
			return fmt.Errorf(msgStoredPlanDay, rec.ID, rec.From)
		}
		p, err := plan.DecodeJSON(bytes.NewReader(rec.JSON), rec.Name)
		if err != nil {
			return fmt.Errorf(msgStoredPlan, rec.ID, err)
		}
		vs = append(vs, planVersion{from: from, plan: p, rec: rec})
	}
	s.plansMu.Lock()
	s.versions = vs
	s.plansMu.Unlock()
	return nil
}

// planFor is the plan in force for period p: the last applied version
// whose first day is on or before p's.
func (s *Server) planFor(p plan.Period) *plan.Plan {
	s.plansMu.RLock()
	defer s.plansMu.RUnlock()
	pl := s.plan
	for _, v := range s.versions {
		if !v.from.After(p.Start()) {
			pl = v.plan
		}
	}
	return pl
}

// latest is the newest plan, in force or about to be: unit links and the
// units' names come from it, so that a unit added from next week can be
// given its link today.
func (s *Server) latest() *plan.Plan {
	s.plansMu.RLock()
	defer s.plansMu.RUnlock()
	if n := len(s.versions); n > 0 {
		return s.versions[n-1].plan
	}
	return s.plan
}

// planDraftKey holds an uploaded plan the officer has not yet applied,
// planDraftNameKey the name of its file.
const (
	planDraftKey     = "plan_draft"
	planDraftNameKey = "plan_draft_name"
)

// planPage shows the plan in force, the versions applied, and a draft
// with what it would change.
func (s *Server) planPage(w http.ResponseWriter, r *http.Request) {
	s.renderPlan(w, r, nil)
}

func (s *Server) renderPlan(w http.ResponseWriter, r *http.Request, extra map[string]any) {
	cur := plan.WeekOf(s.now())
	inForce := s.planFor(cur)
	data := map[string]any{"Current": cur, "InForce": inForce, "Next": cur.Next()}
	s.plansMu.RLock()
	var versions []store.PlanVersion
	for _, v := range slices.Backward(s.versions) {
		versions = append(versions, v.rec)
	}
	s.plansMu.RUnlock()
	data["Versions"] = versions
	if b, ok, _ := s.store.Setting(planDraftKey); ok && len(b) > 0 {
		if draft, err := plan.DecodeJSON(bytes.NewReader(b), "du-thao"); err == nil {
			data["Draft"] = draft
			data["Changes"] = plan.Diff(s.latest(), draft)
		}
	}
	for k, v := range extra {
		data[k] = v
	}
	s.render(w, "plan.html", data)
}

// planUpload reads an edited plan (the workbook from de06 plan --export,
// or JSON), validates it and keeps it as a draft to review.
func (s *Server) planUpload(w http.ResponseWriter, r *http.Request) {
	files, err := s.readUploads(w, r, "file")
	if err != nil {
		s.renderPlan(w, r, map[string]any{"Error": err.Error()})
		return
	}
	f := files[0]
	p, err := s.engine.ReadPlan(f)
	if err != nil {
		s.renderPlan(w, r, map[string]any{"Error": err.Error()})
		return
	}
	var b bytes.Buffer
	if err := plan.EncodeJSON(&b, p); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	if err := s.store.SetSetting(planDraftNameKey, []byte(f.Name), "officer", s.now()); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	if err := s.store.SetSetting(planDraftKey, b.Bytes(), "officer", s.now()); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	s.renderPlan(w, r, map[string]any{"Uploaded": f.Name})
}

// planApply applies the draft from the next period on.
func (s *Server) planApply(w http.ResponseWriter, r *http.Request) {
	b, ok, err := s.store.Setting(planDraftKey)
	if err != nil || !ok || len(b) == 0 {
		s.renderPlan(w, r, map[string]any{"Error": msgNoDraft})
		return
	}
	next := plan.WeekOf(s.now()).Next()
	name, _, _ := s.store.Setting(planDraftNameKey)
	rec := store.PlanVersion{From: next.Start().Format(time.DateOnly), Name: string(name), JSON: b, At: s.now()}
	if _, err := s.store.AddPlan(rec); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	if err := s.store.SetSetting(planDraftKey, []byte{}, "officer", s.now()); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	if err := s.loadPlans(); err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	s.renderPlan(w, r, map[string]any{"Applied": next})
}

// planDownload sends the newest plan as a workbook to edit.
func (s *Server) planDownload(w http.ResponseWriter, r *http.Request) {
	b, err := s.engine.PlanWorkbook(s.latest())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	attach(w, "ke-hoach.xlsx", b)
}
