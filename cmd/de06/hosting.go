package main

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/caongoc/de06/store"
	"github.com/caongoc/de06/web"
	"github.com/spf13/pflag"
)

// How the desk is reached: this computer only, the commune's network
// (--lan, or the officer's switch on the desk), or a hosted server with
// HTTPS (--public-url, --tls-cert and --tls-key or --domain,
// --behind-proxy).
type hosting struct {
	public, url       string // --public-url, --url: the same, two names
	certFile, keyFile string
	domain            string
	behindProxy       bool
}

func (h *hosting) flags(fl *pflag.FlagSet) {
	fl.StringVar(&h.public, "public-url", "", "")
	fl.StringVar(&h.url, "url", "", "")
	fl.StringVar(&h.certFile, "tls-cert", "", "")
	fl.StringVar(&h.keyFile, "tls-key", "", "")
	fl.StringVar(&h.domain, "domain", "", "")
	fl.BoolVar(&h.behindProxy, "behind-proxy", false, "")
}

// check reads the flags together: the public address is an http(s)
// address with nothing after the host; certificate and key come as a
// pair; a domain is a bare name; behind a proxy the public address is
// needed (the desk cannot know the proxy's).
func (h *hosting) check() error {
	if h.url != "" && h.public != "" && h.url != h.public {
		return usagef(msgTwoURLs)
	}
	if h.public == "" {
		h.public = h.url
	}
	if h.public != "" {
		u, err := url.Parse(h.public)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
			strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" {
			return usagef(msgBadPublicURL, h.public)
		}
		h.public = u.Scheme + "://" + u.Host
	}
	if (h.certFile == "") != (h.keyFile == "") {
		return usagef(msgCertPair)
	}
	if h.domain != "" {
		if h.certFile != "" {
			return usagef(msgDomainOrCert)
		}
		if strings.ContainsAny(h.domain, ":/ ") || !strings.Contains(h.domain, ".") {
			return usagef(msgBadDomain, h.domain)
		}
	}
	if h.behindProxy && h.public == "" && h.domain == "" {
		return usagef(msgProxyNeedsURL)
	}
	return nil
}

// tls says whether the desk itself answers over HTTPS.
func (h *hosting) tls() bool { return h.certFile != "" || h.domain != "" }

// hosted says whether the links' address is fixed by the command line: the
// officer cannot share or unshare on the desk.
func (h *hosting) hosted() bool { return h.public != "" || h.tls() }

// listenAddr is the address to listen on: --addr as given; else 443 for a
// domain, all interfaces when shared (--lan, or the officer's switch kept
// in the data folder), this computer otherwise.
func (h *hosting) listenAddr(addr string, addrGiven, lan bool, dataDir string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr // net.Listen says what is wrong
	}
	loopback := host == "" || host == "localhost" || net.ParseIP(host) != nil && (net.ParseIP(host).IsLoopback() || net.ParseIP(host).IsUnspecified())
	switch {
	case lan && loopback:
		return net.JoinHostPort("", port) // --lan --addr 127.0.0.1:P still shares
	case addrGiven:
		return addr
	case h.domain != "":
		return ":443"
	case !h.hosted() && savedSharing(dataDir):
		return net.JoinHostPort("", port)
	}
	return net.JoinHostPort(host, port)
}

// savedSharing reads the officer's switch from the data folder; false
// when there is none yet, or it cannot be read (the desk says why once
// it opens the folder itself).
func savedSharing(dataDir string) bool {
	st, err := store.Open(dataDir)
	if err != nil {
		return false
	}
	defer st.Close()
	on, _, err := web.SavedSharing(st)
	return err == nil && on
}

// shareable says whether the officer may switch sharing on the desk: not
// hosted, and listening on loopback or on every interface.
func (h *hosting) shareable(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return !h.hosted() && ok && (tcp.IP.IsLoopback() || tcp.IP.IsUnspecified())
}

// config is the desk's address settings for a listener on a: its own
// address, the public one, the LAN addresses when it listens on every
// interface; and the TLS configuration when it answers over HTTPS.
func (h *hosting) config(a net.Addr, dataDir string) (web.Config, *tls.Config, error) {
	scheme := "http://"
	var tc *tls.Config
	switch {
	case h.certFile != "":
		var err error
		if tc, err = tlsFromFiles(h.certFile, h.keyFile); err != nil {
			return web.Config{}, nil, err
		}
		scheme = "https://"
	case h.domain != "":
		tc, scheme = tlsForDomain(h.domain, dataDir), "https://"
	}
	cfg := web.Config{BaseURL: scheme + displayAddr(a), PublicURL: h.public, BehindProxy: h.behindProxy}
	if cfg.PublicURL == "" && h.domain != "" {
		cfg.PublicURL = "https://" + h.domain
		if p := portOf(a); p != "443" {
			cfg.PublicURL += ":" + p
		}
	}
	if tcp, ok := a.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		cfg.Shared, cfg.LAN = true, lanAddrs(a, scheme)
	}
	return cfg, tc, nil
}

func portOf(a net.Addr) string {
	s := a.String()
	return s[strings.LastIndex(s, ":")+1:]
}

// shareSwitch is the officer's switch on the desk: it moves the listener
// to every interface or back to loopback, on the same port, and returns
// the LAN addresses.
func shareSwitch(stn *station, port string) func(on bool) ([]string, error) {
	return func(on bool) ([]string, error) {
		to := net.JoinHostPort("127.0.0.1", port)
		if on {
			to = net.JoinHostPort("", port)
		}
		ln, err := stn.move(to)
		if err != nil {
			return nil, errors.New(fmt.Sprintf(msgListen, to))
		}
		if !on {
			return nil, nil
		}
		return lanAddrs(ln.Addr(), "http://"), nil
	}
}
