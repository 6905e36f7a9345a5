package main

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/caongoc/de06/web"
)

// station serves the desk on one listener at a time, and moves it to
// another address on the same port when the officer turns sharing on the
// commune's network on or off: the server, its timeouts and whatever
// every listener goes through (connection caps, TLS) stay; requests
// under way finish on their connections.
type station struct {
	hs   *http.Server
	wrap func(net.Listener) net.Listener // applied to every listener
	errc chan error                      // the current listener failed

	mu    sync.Mutex
	ln    net.Listener // the current raw listener
	local bool         // loopback only: connections from elsewhere are closed
	conns map[net.Conn]http.ConnState
	guard *web.ConnGuard
}

// Connections (web.ConnGuard): at most connsPerAddr from one address (a
// browser opens about six; an office behind one address may hold several
// browsers); at most connsTotal in all, well under the descriptors a
// process has, connsReserve of them kept for this computer; connections
// doing nothing give way to newcomers.
const (
	connsPerAddr = 64
	connsTotal   = 1024
	connsReserve = 32
)

// newStation makes the desk's server. Its timeouts are for a desk on the
// internet: a request's header must come within 5 s and a form within
// 30 s; an idle connection closes after a minute; uploads and downloads
// get five minutes (web extends them per route), which a phone on a weak
// 3G signal needs for 10 MB. Every listener it serves on is capped in
// connections and, with tc, answers HTTPS only (plain HTTP redirected to
// httpsBase).
func newStation(h http.Handler, tc *tls.Config, httpsBase string, behindProxy bool) *station {
	guard := web.NewConnGuard(connsPerAddr, connsTotal, connsReserve, behindProxy)
	wrap := func(ln net.Listener) net.Listener {
		ln = guard.Listener(ln)
		if tc != nil {
			ln = httpsOnly(ln, tc, httpsBase)
		}
		return ln
	}
	st := &station{wrap: wrap, errc: make(chan error, 1), conns: map[net.Conn]http.ConnState{}, guard: guard}
	st.hs = &http.Server{Handler: h, ReadHeaderTimeout: web.ReadHeaderTimeout, ReadTimeout: web.ReadTimeout,
		WriteTimeout: web.WriteTimeout, IdleTimeout: web.IdleTimeout, MaxHeaderBytes: web.MaxHeaderBytes,
		ConnState: st.track}
	return st
}

// start serves on ln.
func (st *station) start(ln net.Listener) {
	st.mu.Lock()
	st.ln, st.local = ln, isLoopback(ln.Addr())
	st.mu.Unlock()
	go func() {
		err := st.hs.Serve(st.wrap(ln))
		st.mu.Lock()
		current := st.ln == ln
		st.mu.Unlock()
		if current { // not a listener closed by move
			select {
			case st.errc <- err:
			default:
			}
		}
	}()
}

// move serves on addr instead of the current listener. The current one
// closes first (one port cannot be taken twice); when addr cannot be
// opened, the old address is opened again and the error returned.
func (st *station) move(addr string) (net.Listener, error) {
	st.mu.Lock()
	old := st.ln
	st.ln = nil
	st.mu.Unlock()
	oldAddr := old.Addr().String()
	old.Close()
	ln, err := listenRetry(addr)
	if err != nil {
		back, err2 := listenRetry(oldAddr)
		if err2 != nil {
			st.errc <- err2 // the desk has no listener left: it stops
			return nil, err
		}
		st.start(back)
		return nil, err
	}
	st.start(ln)
	if isLoopback(ln.Addr()) {
		st.closeRemote()
	}
	return ln, nil
}

// listenRetry listens on addr, trying again for a second: a port just
// closed may take a moment to be free on some systems.
func listenRetry(addr string) (net.Listener, error) {
	var err error
	for range 10 {
		var ln net.Listener
		if ln, err = net.Listen("tcp", addr); err == nil {
			return ln, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

// track keeps the open connections; while the desk is on loopback only, a
// connection from elsewhere (opened while it was shared) is closed as
// soon as it is idle.
func (st *station) track(c net.Conn, cs http.ConnState) {
	st.guard.State(c, cs)
	st.mu.Lock()
	defer st.mu.Unlock()
	switch cs {
	case http.StateClosed, http.StateHijacked:
		delete(st.conns, c)
		return
	case http.StateIdle:
		if st.local && !isLoopback(c.RemoteAddr()) {
			c.Close()
		}
	}
	st.conns[c] = cs
}

// closeRemote closes the idle connections from other computers; busy
// ones close when their request is answered (track).
func (st *station) closeRemote() {
	st.mu.Lock()
	defer st.mu.Unlock()
	for c, cs := range st.conns {
		if cs == http.StateIdle && !isLoopback(c.RemoteAddr()) {
			c.Close()
		}
	}
}

// run serves until Ctrl+C (or a listener fails), then lets requests under
// way finish.
func (st *station) run() error {
	ctx, stop := interrupted()
	defer stop()
	select {
	case err := <-st.errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return st.hs.Shutdown(shut)
	}
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
