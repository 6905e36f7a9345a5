package web

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/caongoc/de06/desk"
	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
)

// The plan in force for a period is desk.Plans' rule; this file loads the
// stored versions into it and serves the plan page.

// LoadPlans reads the stored plan versions over base, oldest first.
func LoadPlans(st *store.Store, base *plan.Plan) (desk.Plans, error) {
	recs, err := st.Plans()
	if err != nil {
		return desk.Plans{}, err
	}
	ps := desk.Plans{Base: base}
	for _, rec := range slices.Backward(recs) {
		from, err := time.ParseInLocation(time.DateOnly, rec.From, time.Local)
		if err != nil {
			return desk.Plans{}, fmt.Errorf(msgStoredPlanDay, rec.ID, rec.From)
		}
		p, err := plan.DecodeJSON(bytes.NewReader(rec.JSON), rec.Name)
		if err != nil {
			return desk.Plans{}, fmt.Errorf(msgStoredPlan, rec.ID, err)
		}
		ps.Versions = append(ps.Versions, desk.PlanVersion{ID: rec.ID, From: from, Name: rec.Name, Plan: p, At: rec.At})
	}
	return ps, nil
}

func (s *Server) loadPlans() error {
	ps, err := LoadPlans(s.store, s.basePlan())
	if err != nil {
		return err
	}
	s.plansMu.Lock()
	s.plans = ps
	s.plansMu.Unlock()
	return nil
}

func (s *Server) basePlan() *plan.Plan {
	s.plansMu.RLock()
	defer s.plansMu.RUnlock()
	return s.plans.Base
}

// planFor is the plan in force for period p.
func (s *Server) planFor(p plan.Period) *plan.Plan {
	s.plansMu.RLock()
	defer s.plansMu.RUnlock()
	return s.plans.For(p)
}

// latest is the newest plan, in force or about to be.
func (s *Server) latest() *plan.Plan {
	s.plansMu.RLock()
	defer s.plansMu.RUnlock()
	return s.plans.Latest()
}

// fieldKeepHeader, ticked, applies an uploaded plan without its header.
const fieldKeepHeader = "giu-van-ban"

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
	versions := slices.Clone(s.plans.Versions)
	s.plansMu.RUnlock()
	slices.Reverse(versions)
	data["Versions"], data["HeaderVersion"] = versions, msgHeaderVersion
	b, ok, err := s.store.Setting(planDraftKey)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if ok && len(b) > 0 {
		draft, err := plan.DecodeJSON(bytes.NewReader(b), "du-thao")
		if err != nil { // stored by planUpload from a plan it read: not the officer's to fix
			s.log.Error("kế hoạch tải lên đã lưu không đọc lại được", err)
		} else {
			cur, now := s.latest().Header, s.now()
			data["Draft"] = draft
			if name, _, err := s.store.Setting(planDraftNameKey); err == nil {
				data["Uploaded"] = string(name)
			}
			data["HeaderChanges"] = plan.DiffHeader(cur, draft.Header)
			data["Changes"] = plan.DiffContent(s.latest(), draft)
			// A file made before the header was confirmed (an old export)
			// would make every report a draft again: said, and the header
			// in use kept unless the officer unticks it.
			data["HeaderBack"] = len(cur.DraftReasons(now)) == 0 && len(draft.Header.DraftReasons(now)) > 0
			data["DraftReasons"] = draft.Header.DraftReasons(now)
		}
	}
	// After applying (planApply): the week the models and units apply from.
	if p, err := plan.ParsePeriod(r.FormValue("ap-dung")); err == nil && len(versions) > 0 {
		data["Applied"] = p
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
	p, err := s.engine.ReadPlan(r.Context(), f)
	if isRefusal(err) {
		s.failErr(w, r, err)
		return
	}
	if err != nil { // the plan's own findings, in the reader's words
		s.renderPlan(w, r, map[string]any{"Error": err.Error()})
		return
	}
	if err := desk.SameLevel(s.latest(), p); err != nil {
		s.renderPlan(w, r, map[string]any{"Error": fmt.Sprintf(msgUploadedLevel, err)})
		return
	}
	var b bytes.Buffer
	if err := plan.EncodeJSON(&b, p); err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.store.SetSetting(planDraftNameKey, []byte(f.Name), "officer", s.now()); err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.store.SetSetting(planDraftKey, b.Bytes(), "officer", s.now()); err != nil {
		s.failErr(w, r, err)
		return
	}
	// The preview is the plan page's (post, redirect, get).
	http.Redirect(w, r, "/ke-hoach#du-thao-ke-hoach", http.StatusSeeOther)
}

// planApply applies the draft from the next period on.
func (s *Server) planApply(w http.ResponseWriter, r *http.Request) {
	b, ok, err := s.store.Setting(planDraftKey)
	if err != nil || !ok || len(b) == 0 {
		s.renderPlan(w, r, map[string]any{"Error": msgNoDraft})
		return
	}
	from := desk.ApplyFrom(s.now())
	next := plan.WeekOf(from)
	name, _, err := s.store.Setting(planDraftNameKey)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if r.PostFormValue(fieldKeepHeader) == "1" {
		// The header in use stays: the draft's models and units, the
		// newest header.
		draft, err := plan.DecodeJSON(bytes.NewReader(b), string(name))
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		draft.Header = s.latest().Header
		var js bytes.Buffer
		if err := plan.EncodeJSON(&js, draft); err != nil {
			s.failErr(w, r, err)
			return
		}
		b = js.Bytes()
	}
	rec := store.PlanVersion{From: from.Format(time.DateOnly), Name: string(name), JSON: b, At: s.now()}
	if _, err := s.store.AddPlan(rec); err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.store.SetSetting(planDraftKey, []byte{}, "officer", s.now()); err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.loadPlans(); err != nil {
		s.failErr(w, r, err)
		return
	}
	if _, err := s.Links(nil); err != nil { // a unit the new plan adds gets its link
		s.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/ke-hoach?ap-dung="+next.String(), http.StatusSeeOther)
}

// planDownload sends the newest plan as a workbook to edit.
func (s *Server) planDownload(w http.ResponseWriter, r *http.Request) {
	b, err := s.engine.PlanWorkbook(r.Context(), s.latest())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	attach(w, "ke-hoach.xlsx", b)
}
