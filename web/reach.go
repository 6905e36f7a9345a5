package web

import (
	"cmp"
	"context"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/caongoc/de06/store"
)

// Where the units' links open: the address the desk records in its data
// (so that de06 links and the slips use it too), chosen from how the
// desk runs — hosted under a public address, shared on the commune's
// network (the officer picks one of the computer's addresses when it has
// several), or on this computer only.

const (
	settingLinkBase = "link_base"   // the base of the links, as the desk last recorded it
	settingSharing  = "lan_sharing" // "on" or "off": the officer's switch
	settingLANPick  = "lan_address" // the officer's pick among the LAN addresses
	settingPublic   = "link_public" // "yes" when the recorded base is the desk's public address
)

// reachState is how the running desk is reached; it changes when the
// officer turns sharing on or off.
type reachState struct {
	mu        sync.Mutex
	shared    bool
	lan       []string
	switching sync.Mutex // one switch of sharing at a time
}

// Reach says where a link opens.
type Reach int

const (
	ReachThisPC   Reach = iota // only on the computer running the desk
	ReachLAN                   // on the commune's network only
	ReachAnywhere              // wherever there is Internet
)

// Label says where a link opens, in the desk's words.
func (r Reach) Label() string { return reachLabels[r] }

// ReachOf says where a link under rawURL opens when nothing says the
// address is public: loopback is this computer only; any other address of
// a machine (whatever its range: 192.0.2.x, 100.64.x or public-looking —
// the desk shared on the commune's network uses the computer's own), or a
// name of the local network (no dot, .local, .lan, .home.arpa, .internal),
// the commune's network; only a public name (--domain, a hosted desk)
// anywhere. A desk given --public-url is reached anywhere whatever its
// address (Server.Reach, RecordedReach).
func ReachOf(rawURL string) Reach {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ReachThisPC
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return ReachThisPC
	}
	if ip := net.ParseIP(host); ip != nil {
		switch {
		case ip.IsLoopback() || ip.IsUnspecified():
			return ReachThisPC
		}
		return ReachLAN
	}
	if !strings.Contains(host, ".") {
		return ReachLAN
	}
	for _, suffix := range []string{".local", ".lan", ".home.arpa", ".internal"} {
		if strings.HasSuffix(host, suffix) {
			return ReachLAN
		}
	}
	return ReachAnywhere
}

// Reach says where the units' links open now: anywhere only under the
// desk's public address (--public-url, --domain, hosted); else by the
// address (ReachOf), never anywhere for the computer's own address.
func (s *Server) Reach() Reach { return s.reachOf(s.LinkBase()) }

func (s *Server) reachOf(base string) Reach {
	if s.cfg.PublicURL != "" && base == s.cfg.PublicURL {
		return ReachAnywhere
	}
	return ReachOf(base)
}

// LinkBase is the base of the units' links now.
func (s *Server) LinkBase() string {
	base, _ := s.linkBase()
	return base
}

// linkBase is the base of the links now, and whether the officer may
// pick another (several LAN addresses).
func (s *Server) linkBase() (string, []string) {
	if s.cfg.PublicURL != "" {
		return s.cfg.PublicURL, nil
	}
	s.reach.mu.Lock()
	shared, lan := s.reach.shared, slices.Clone(s.reach.lan)
	s.reach.mu.Unlock()
	if !shared || len(lan) == 0 {
		return s.cfg.BaseURL, nil
	}
	pick, ok, err := s.store.Setting(settingLANPick)
	if err == nil && ok && slices.Contains(lan, string(pick)) {
		return string(pick), lan
	}
	return lan[0], lan
}

// recordBase writes the links' base into the desk's data when it changed.
func (s *Server) recordBase() error {
	base := s.LinkBase()
	public := "no"
	if s.cfg.PublicURL != "" && base == s.cfg.PublicURL {
		public = "yes"
	}
	old, ok, err := s.store.Setting(settingLinkBase)
	if err != nil {
		return err
	}
	was, wasOK, err := s.store.Setting(settingPublic)
	if err != nil || (ok && string(old) == base && wasOK && string(was) == public) {
		return err
	}
	if err := s.store.SetSetting(settingPublic, []byte(public), "desk", s.now()); err != nil {
		return err
	}
	return s.store.SetSetting(settingLinkBase, []byte(base), "desk", s.now())
}

// RecordedReach says where links under base open, as de06 links sees it:
// anywhere when base is the public address the desk recorded, else by the
// address (ReachOf).
func RecordedReach(st *store.Store, base string) (Reach, error) {
	rec, ok, err := st.Setting(settingLinkBase)
	if err != nil || !ok || string(rec) != base {
		return ReachOf(base), err
	}
	pub, _, err := st.Setting(settingPublic)
	if err == nil && string(pub) == "yes" {
		return ReachAnywhere, nil
	}
	return ReachOf(base), err
}

// RecordedBase is the base of the links the running (or last-run) desk
// recorded; ok is false when no desk ever ran on this data.
func RecordedBase(st *store.Store) (base string, ok bool, err error) {
	b, ok, err := st.Setting(settingLinkBase)
	return string(b), ok, err
}

// SavedSharing is the officer's switch for sharing on the commune's
// network; set is false when the officer never used it.
func SavedSharing(st *store.Store) (on, set bool, err error) {
	b, set, err := st.Setting(settingSharing)
	return string(b) == "on", set, err
}

// https reports whether the desk is reached over HTTPS: its cookies are
// then Secure and it asks browsers never to use plain HTTP (HSTS).
func (s *Server) https() bool {
	return strings.HasPrefix(s.cfg.PublicURL, "https://") || strings.HasPrefix(s.cfg.BaseURL, "https://")
}

// forwarded takes the client's address from the reverse proxy in front
// of the desk (BehindProxy): the last address of X-Forwarded-For, the one
// the proxy itself saw (earlier ones are the client's to write). The
// throttling of logins and the audit then see the real client. A request
// without the header (a proxy not set to send it: nginx's default) has no
// known client: it is never taken for this computer (unforwarded).
func (s *Server) forwarded(h http.Handler) http.Handler {
	if !s.cfg.BehindProxy {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := "::" // not an address: never this computer
		fwd := r.Header.Values("X-Forwarded-For")
		if len(fwd) > 0 {
			ip = cmp.Or(lastForwarded(fwd), ip)
		}
		ctx := r.Context()
		if len(fwd) == 0 {
			ctx = context.WithValue(ctx, unforwardedKey{}, true)
		}
		r2 := r.Clone(ctx)
		r2.RemoteAddr = net.JoinHostPort(ip, "0")
		h.ServeHTTP(w, r2)
	})
}

// lastForwarded is the last address of X-Forwarded-For headers, "" when
// it is not an address.
func lastForwarded(values []string) string {
	all := strings.Split(values[len(values)-1], ",")
	ip := net.ParseIP(strings.TrimSpace(all[len(all)-1]))
	if ip == nil {
		return ""
	}
	return ip.String()
}
