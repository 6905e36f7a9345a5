package web

import (
	"fmt"
	"net/http"
	"slices"

	"github.com/caongoc/de06/desk"
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
	data["Base"], data["Reach"], data["LAN"] = base, ReachOf(base), lan
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
	data := s.reachData(map[string]any{"Title": fmt.Sprintf(msgShareTitle, desk.WordsOf(s.latest().Level).Units), "Links": links, "Shared": shared,
		"CanShare": s.cfg.Share != nil, "Hosted": s.cfg.PublicURL != "", "Local": isLocal(r)})
	for k, v := range extra {
		data[k] = v
	}
	if code != http.StatusOK {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
	}
	s.render(w, "chia-se.html", data)
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
	value, done := "off", msgSharedOff
	if on {
		value, done = "on", msgSharedOn
		if len(lan) == 0 {
			done = msgSharedNoNetwork
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
	s.renderShare(w, r, http.StatusOK, map[string]any{"Done": done})
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
	s.renderShare(w, r, http.StatusOK, map[string]any{"Done": fmt.Sprintf(msgAddressPicked, pick)})
}

// slips sends the printable slips of every unit's link (PDF with QR
// codes), each saying where its link opens.
func (s *Server) slips(w http.ResponseWriter, r *http.Request) {
	links, err := s.currentLinks()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	b, err := s.engine.Slips(r.Context(), s.latest(), links)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	attach(w, "phieu-duong-dan.pdf", b)
}
