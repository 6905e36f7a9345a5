package web

import (
	"io"
	"net/http"

	"github.com/caongoc/de06/plan"
	"github.com/caongoc/de06/store"
)

// A unit's pages: reached only through its own link (Server.unit).

func (s *Server) unitPage(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	ups, err := s.store.UnitUploads(u.ID)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	s.render(w, "unit.html", map[string]any{"Unit": u, "Period": p, "Uploads": ups, "Token": r.PathValue("token")})
}

func (s *Server) unitUpload(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	files, err := s.readUploads(w, r, "file")
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	f := files[0]
	c, err := s.check(r.Context(), f, p)
	if err != nil {
		s.fail(w, r, http.StatusServiceUnavailable, err.Error())
		return
	}
	up, err := s.file(r, u.ID, f, c, false)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, up.Findings)
		return
	}
	ups, _ := s.store.UnitUploads(u.ID)
	s.render(w, "unit.html", map[string]any{"Unit": u, "Period": p, "Uploads": ups, "Token": r.PathValue("token"),
		"Result": c.Files[0], "Upload": up})
}

func (s *Server) unitTemplate(w http.ResponseWriter, r *http.Request) {
	u := unitOf(r)
	p, err := s.period(r)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	b, err := s.engine.Template(s.planFor(p), u.ID, p, s.earlier(u.ID, p))
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, msgInternal)
		return
	}
	attach(w, u.ID+"-"+p.String()+".xlsx", b)
}

// earlier finds the unit's last accepted file of the latest period that
// ended before p: the values its next template starts from.
func (s *Server) earlier(unitID string, p plan.Period) *Earlier {
	best, period := s.lastAccepted(unitID, func(q plan.Period) bool { return q.End().Before(p.End()) })
	if best == nil {
		return nil
	}
	_, data, err := s.store.Upload(best.ID)
	if err != nil {
		return nil
	}
	return &Earlier{File: File{Name: best.Name, Data: data, Modified: best.At}, Period: period}
}

// lastAccepted is the unit's accepted file of the latest period that keep
// allows; within a period, the later file counts.
func (s *Server) lastAccepted(unitID string, keep func(plan.Period) bool) (*store.Upload, plan.Period) {
	ups, err := s.store.UnitUploads(unitID)
	if err != nil {
		return nil, plan.Period{}
	}
	var best *store.Upload
	var bestPeriod plan.Period
	for i := range ups {
		up := &ups[i]
		q, err := plan.ParsePeriod(up.Period)
		if err != nil || !up.Accepted || !keep(q) {
			continue
		}
		if best == nil || q.End().After(bestPeriod.End()) || (q == bestPeriod && up.At.After(best.At)) {
			best, bestPeriod = up, q
		}
	}
	return best, bestPeriod
}

func (s *Server) unitAnnotated(w http.ResponseWriter, r *http.Request) {
	up, data, ok := s.storedFile(r, unitOf(r).ID)
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNoSuchFile)
		return
	}
	s.sendAnnotated(w, r, up, data)
}
