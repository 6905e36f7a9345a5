package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/caongoc/de06/internal/vi"
	"github.com/caongoc/de06/plan"
)

// The officer's page of links: where they open, sharing on the commune's
// network, the address to use when the computer has several, the links
// with copy buttons, and the slips to print.

var reachClasses = map[Reach]string{ReachThisPC: "this-pc", ReachLAN: "lan", ReachAnywhere: "anywhere"}

// Class names the reach for the page's style.
func (r Reach) Class() string { return reachClasses[r] }

// ThisPC reports whether only the computer running the desk opens the
// link.
func (r Reach) ThisPC() bool { return r == ReachThisPC }

// reachData is what every page that shows links says about them.
func (s *Server) reachData(data map[string]any) map[string]any {
	base, lan := s.linkBase()
	data["Base"], data["Reach"], data["LAN"] = base, s.reachOf(base), lan
	return data
}

func (s *Server) sharePage(w http.ResponseWriter, r *http.Request) {
	s.renderShare(w, r, http.StatusOK, nil)
}

func (s *Server) renderShare(w http.ResponseWriter, r *http.Request, code int, extra map[string]any) {
	links, err := s.currentLinks()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.reach.mu.Lock()
	shared := s.reach.shared
	s.reach.mu.Unlock()
	data := s.reachData(map[string]any{"Links": links, "Shared": shared,
		"CanShare": s.cfg.Share != nil, "Hosted": s.cfg.PublicURL != "", "Local": isLocal(r)})
	// What the change that led here did (post, redirect, get).
	switch r.FormValue("xong") {
	case "bat":
		data["Done"] = msgSharedOn
	case "tat":
		data["Done"] = msgSharedOff
	case "bat-khong-mang":
		data["Done"] = msgSharedNoNetwork
	case "dia-chi":
		data["Done"] = fmt.Sprintf(msgAddressPicked, data["Base"])
	}
	if id := r.FormValue("cap-lai"); id != "" { // after a renewal: the new link
		for i, l := range links {
			if l.Unit.ID == id {
				data["Renewed"], data["RenewedIndex"] = l, i
			}
		}
	}
	for k, v := range extra {
		data[k] = v
	}
	s.renderCode(w, code, "chia-se.html", data)
}

// shareSet turns sharing on the commune's network on or off: the command
// moves the listener at once, and the choice is kept for the next start.
func (s *Server) shareSet(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Share == nil {
		s.renderShare(w, r, http.StatusConflict, map[string]any{"Error": msgCannotShare})
		return
	}
	on := r.FormValue("share") == "on"
	s.reach.switching.Lock()
	defer s.reach.switching.Unlock()
	lan, err := s.cfg.Share(on)
	if err != nil {
		s.renderShare(w, r, http.StatusServiceUnavailable, map[string]any{"Error": fmt.Sprintf(msgShareFailed, err)})
		return
	}
	s.reach.mu.Lock()
	s.reach.shared, s.reach.lan = on, lan
	s.reach.mu.Unlock()
	value, done := "off", "tat"
	if on {
		value, done = "on", "bat"
		if len(lan) == 0 {
			done = "bat-khong-mang"
		}
	}
	if err := s.store.SetSetting(settingSharing, []byte(value), "officer", s.now()); err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.recordBase(); err != nil {
		s.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/chia-se?xong="+done, http.StatusSeeOther)
}

// shareAddress keeps the officer's pick among the computer's network
// addresses: the links use it from now on.
func (s *Server) shareAddress(w http.ResponseWriter, r *http.Request) {
	pick := r.FormValue("url")
	if _, lan := s.linkBase(); !slices.Contains(lan, pick) {
		s.renderShare(w, r, http.StatusBadRequest, map[string]any{"Error": msgNoSuchAddress})
		return
	}
	if err := s.store.SetSetting(settingLANPick, []byte(pick), "officer", s.now()); err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.recordBase(); err != nil {
		s.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/chia-se?xong=dia-chi", http.StatusSeeOther)
}

// slips sends the printable slips of every unit's link (PDF with QR
// codes), each saying where its link opens; ?unit=ID only that unit's (a
// link just renewed).
func (s *Server) slips(w http.ResponseWriter, r *http.Request) {
	links, err := s.currentLinks()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	name := "phieu-duong-dan.pdf"
	if id := r.FormValue("unit"); id != "" {
		links = slices.DeleteFunc(links, func(l UnitLink) bool { return l.Unit.ID != id })
		if len(links) == 0 {
			s.fail(w, r, http.StatusNotFound, fmt.Sprintf(vi.Sentence(msgNoSuchUnit), id))
			return
		}
		name = "phieu-duong-dan-" + id + ".pdf"
	}
	b, err := s.engine.Slips(r.Context(), s.latest(), links)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	attach(w, name, b)
}

// renewLink gives a unit a new link and revokes the old one (a link that
// leaked, a clerk who left), then shows the new link, to copy, and its
// slip.
func (s *Server) renewLink(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("unit")
	if !slices.ContainsFunc(s.latest().ReportingUnits(), func(u *plan.Unit) bool { return u.ID == id }) {
		s.renderShare(w, r, http.StatusBadRequest, map[string]any{"Error": fmt.Sprintf(msgNoSuchUnit, id)})
		return
	}
	if _, err := s.Links([]string{id}); err != nil {
		s.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, "/chia-se?cap-lai="+url.QueryEscape(id)+"#cap-lai", http.StatusSeeOther)
}
