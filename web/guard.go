package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// What the desk bounds for each request, before any handler runs.

// Timeouts for the desk's http.Server (cmd/de06 serve sets them). A
// request's header comes within 5 s (a phone on 3G sends it in under one);
// a form,
// a login or a page is read within ReadTimeout; an upload gets
// UploadTime, a download DownloadTime: 10 MB at 35 kB/s, a phone on a weak
// 3G signal, takes five minutes, and no one is cut off before that.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 2 * time.Minute
	IdleTimeout       = time.Minute
	MaxHeaderBytes    = 32 << 10
	UploadTime        = 5 * time.Minute
	DownloadTime      = 5 * time.Minute
)

// Body caps: a form is small; an upload is one file (or, dropped by the
// officer, several) of MaxUpload at most, with room for the multipart
// framing.
const (
	formBodyMax      = 64 << 10
	loginBodyMax     = 8 << 10
	otherBodyMax     = 4 << 10
	multipartSlack   = 64 << 10
	spillAbove       = 1 << 20 // an upload's parts beyond this wait on disk, not in memory
	receiveWaitLimit = 30 * time.Second

	// A body over its cap by at most oversizeDrained is read and dropped
	// (within oversizeDrainTime) before the refusal, so the sender reads it.
	oversizeDrained   = 1 << 20
	oversizeDrainTime = 5 * time.Second
)

type routeKind int

const (
	routeOther routeKind = iota
	routeForm
	routeLogin
	routeUpload
	routeDownload
	routeFill // the form in the browser: the unit's report typed in
)

// kindOf sorts a request by what its body and answer may be, from its
// method and path alone (before the mux).
func kindOf(r *http.Request) routeKind {
	p := r.URL.Path
	switch r.Method {
	case http.MethodPost:
		switch {
		case p == "/login" || p == "/setup" || p == "/logout":
			return routeLogin
		case p == "/nop" || p == "/ke-hoach" || strings.HasPrefix(p, "/u/") && strings.Count(p, "/") == 2:
			return routeUpload
		case strings.HasPrefix(p, "/u/") && strings.HasSuffix(p, "/form"):
			return routeFill
		}
		return routeForm
	case http.MethodGet, http.MethodHead:
		if strings.HasPrefix(p, "/tep/") || strings.HasPrefix(p, "/bao-cao/") || p == "/ke-hoach/tai" ||
			strings.HasPrefix(p, "/u/") && (strings.HasSuffix(p, "/mau") || strings.HasSuffix(p, "/danh-dau") || strings.Contains(p, "/tep/")) {
			return routeDownload
		}
	}
	return routeOther
}

// limitBodies caps every request's body before anything parses it
// (http.MaxBytesReader), refuses at once a body declared larger, and gives
// uploads and downloads the time a slow phone needs.
func (s *Server) limitBodies(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind := kindOf(r)
		limit := int64(otherBodyMax)
		switch kind {
		case routeLogin:
			limit = loginBodyMax
		case routeForm:
			limit = formBodyMax
		case routeUpload:
			limit = s.cfg.MaxUpload + multipartSlack
		case routeFill:
			limit = maxFormBody
		}
		if r.ContentLength > limit {
			// Not parsed (a login so large checked no password: it counts
			// for nothing), and the connection closes after the answer. A
			// body a little over the cap is read and dropped first, within
			// seconds: closing on unread bytes resets the connection, and
			// the sender, still writing, may never see the answer.
			w.Header().Set("Connection", "close")
			if r.ContentLength <= limit+oversizeDrained {
				rc := http.NewResponseController(w)
				if rc.SetReadDeadline(time.Now().Add(oversizeDrainTime)) == nil {
					io.CopyN(io.Discard, r.Body, r.ContentLength)
				}
			}
			s.fail(w, r, http.StatusRequestEntityTooLarge, s.tooLarge(kind))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		rc := http.NewResponseController(w)
		var err error
		// Deadlines are the wall clock's, not the desk's (s.now).
		switch kind {
		case routeUpload:
			// An upload refused before its body is read (a link's uploads
			// at once, a busy desk, a wrong link) closes its connection:
			// net/http would otherwise read on, up to 256 KB of a body
			// trickling in, and hold the connection for the upload's time.
			w.Header().Set("Connection", "close")
			err = errors.Join(rc.SetReadDeadline(time.Now().Add(UploadTime)),
				rc.SetWriteDeadline(time.Now().Add(UploadTime+s.cfg.CheckTimeout+WriteTimeout)))
		case routeDownload:
			err = rc.SetWriteDeadline(time.Now().Add(s.cfg.WorkTimeout + DownloadTime))
		}
		if d := bodyTimeFor(kind, r.ContentLength); d > 0 && r.ContentLength != 0 {
			// A form's body comes within seconds, or is cut (inflight.go).
			err = errors.Join(err, rc.SetReadDeadline(time.Now().Add(d)))
		}
		if err != nil && !errors.Is(err, http.ErrNotSupported) {
			s.log.Error("không đặt được thời hạn kết nối", err, "path", r.URL.Path)
		}
		h.ServeHTTP(w, r)
	})
}

func (s *Server) tooLarge(kind routeKind) string {
	switch kind {
	case routeUpload:
		return fmt.Sprintf(msgTooLarge, s.cfg.MaxUpload>>20)
	case routeFill:
		return fmt.Sprintf(msgFormTooLarge, maxFormBody>>20)
	}
	return msgBodyTooLarge
}

// spooled reads an upload's multipart body, once its sender is known (it
// runs inside the unit's or the officer's guard): at most a few bodies
// are read at once, parts beyond spillAbove wait on disk, and those
// files are removed on every path when the request ends. It parses the
// request the handler gets, so the handler's own parsing finds it done,
// whatever copies of the request are made on the way.
func (s *Server) spooled(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), receiveWaitLimit)
		defer cancel()
		mine, err := s.takeUpload(ctx, r) // one link, one address: a few at once (limits.go)
		if errors.Is(err, errLinkBusy) {
			w.Header().Set("Retry-After", "10")
			s.fail(w, r, http.StatusTooManyRequests, msgUploadsAtOnce)
			return
		}
		if err != nil {
			s.fail(w, r, http.StatusServiceUnavailable, msgBusy)
			return
		}
		defer mine()
		release, err := s.receiving.Acquire(ctx)
		cancel()
		if err != nil {
			s.fail(w, r, http.StatusServiceUnavailable, msgBusy)
			return
		}
		defer release()
		rr := newRateReader(w, r.Body, time.Now())
		r.Body = rr
		if err := r.ParseMultipartForm(spillAbove); err != nil {
			var mbe *http.MaxBytesError
			if rr.cut {
				w.Header().Set("Connection", "close")
				s.fail(w, r, http.StatusRequestTimeout, msgUploadTooSlow)
				return
			}
			if errors.As(err, &mbe) {
				w.Header().Set("Connection", "close")
				s.fail(w, r, http.StatusRequestEntityTooLarge, s.tooLarge(routeUpload))
				return
			}
			s.fail(w, r, http.StatusBadRequest, msgNoFile)
			return
		}
		defer func() {
			if err := r.MultipartForm.RemoveAll(); err != nil {
				s.log.Error("tệp tạm của lần gửi không xoá được", err, "path", r.URL.Path)
			}
		}()
		h(w, r)
	}
}

// hostCheck answers only for the hosts the desk serves: loopback, its own
// address, its public one, its LAN addresses, and cfg.Hosts. A page of
// another site that made its name resolve to this computer (DNS
// rebinding) gets 421, and cannot set the first password or use a
// session.
func (s *Server) hostCheck(h http.Handler) http.Handler {
	allowed := map[string]bool{}
	names := []string{hostOf(s.cfg.BaseURL), hostOf(s.cfg.PublicURL)}
	for _, u := range s.cfg.LAN {
		names = append(names, hostOf(u))
	}
	for _, hs := range append(names, s.cfg.Hosts...) {
		if hs != "" {
			allowed[normHost(hs)] = true
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := normHost(r.Host)
		if !allowed[host] && !loopbackHost(host) {
			s.fail(w, r, http.StatusMisdirectedRequest, msgWrongHost)
			return
		}
		if unforwarded(r) && (r.URL.Path == "/" || r.URL.Path == "/setup" || r.URL.Path == "/login") {
			// Behind a proxy that does not say who sent the request, every
			// user would share one address: no password is set or tried.
			s.fail(w, r, http.StatusForbidden, msgProxyNoForward)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// normHost is a Host header's name without its port, lower case, with no
// brackets or final dot.
func normHost(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	return strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")
}

func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return u.Host
}

func loopbackHost(h string) bool {
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// recovered turns a fault in a handler into the one fail path: logged,
// with a reference for the person who met it.
func (s *Server) recovered(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.internalError(w, r, fmt.Errorf("panic: %v", v))
		}()
		h.ServeHTTP(w, r)
	})
}

// unforwardedKey marks a request that came through the proxy (BehindProxy)
// without X-Forwarded-For.
type unforwardedKey struct{}

func unforwarded(r *http.Request) bool { return r.Context().Value(unforwardedKey{}) != nil }
