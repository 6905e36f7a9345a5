package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Requests held at once by one client. A connection whose request is
// being answered — its body still coming in, however slowly — is busy,
// and the connection guard (ConnGuard) never closes it; so one client
// never holds more than inflightPerClient requests at once (a browser
// opens six; an office behind one address, several browsers), and a
// request's body that is not an upload must come within bodyTime.
// Beyond the cap a request is answered at once, 429, and its connection
// closed without reading its body. The client is the request's address
// (behind a proxy, the one X-Forwarded-For gives: Server.forwarded);
// this computer's browser, when no proxy is in front, is never capped.
const (
	inflightPerClient = 16
	inflightRetry     = 5 // seconds
)

// Variables for the tests: how long a form's body may take to come
// (small forms: a login, a button; the typed-in report has more, at
// bodyFloorRate at least, never past ReadTimeout), and how long an
// unread body is waited for once the answer is ready.
var (
	bodyTime            = 10 * time.Second
	bodyFloorRate int64 = 16 << 10 // bytes a second
	bodyDrainTime       = time.Second
)

// maxDrained is as much as net/http itself reads of a body the handler
// left, to keep the connection.
const maxDrained = 256 << 10

// inflight counts the requests being answered, by client.
type inflight struct {
	mu sync.Mutex
	n  map[string]int
}

// take counts one request of key in; false when key holds its cap.
func (f *inflight) take(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == nil {
		f.n = map[string]int{}
	}
	if f.n[key] >= inflightPerClient {
		return false
	}
	f.n[key]++
	return true
}

func (f *inflight) release(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[key]--; f.n[key] <= 0 {
		delete(f.n, key)
	}
}

// held caps the requests one client holds at once, and sees that a
// request's body, read or not by its handler, is over (or cut) before it
// stops counting: net/http would otherwise read what the handler left
// after it, uncounted.
func (s *Server) held(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		key := addrKey(clientAddr(r))
		exempt := !s.cfg.BehindProxy && isLocal(r)
		if !exempt && !s.inflight.take(key) {
			// No body is read: the connection closes after the answer.
			s.setDeadline(rc.SetReadDeadline(time.Now()), r)
			w.Header().Set("Connection", "close")
			w.Header().Set("Retry-After", strconv.Itoa(inflightRetry))
			s.fail(w, r, http.StatusTooManyRequests, msgTooManyAtOnce)
			return
		}
		if !exempt {
			defer s.inflight.release(key)
		}
		if r.ContentLength == 0 {
			h.ServeHTTP(w, r)
			return
		}
		orig := r.Body
		body := &bodyEnd{ReadCloser: orig, rc: rc}
		r.Body = body
		h.ServeHTTP(w, r)
		// net/http looks at its own body to close the connection gently
		// (the answer read before the rest of a body is refused).
		r.Body = orig
		if body.eof {
			return
		}
		if w.Header().Get("Connection") == "close" || r.ContentLength > maxDrained {
			// The connection closes: none of the rest is read.
			s.setDeadline(rc.SetReadDeadline(time.Now()), r)
			return
		}
		// What the handler left: a little more time for it, then none.
		s.setDeadline(rc.SetReadDeadline(time.Now().Add(bodyDrainTime)), r)
		if _, err := io.CopyN(io.Discard, body, maxDrained); err != io.EOF && !body.eof {
			s.setDeadline(rc.SetReadDeadline(time.Now()), r)
		}
	})
}

// bodyTimeFor is the time a body of kind and size n may take to come; 0
// for an upload, which its rate reader (limits.go) paces.
func bodyTimeFor(kind routeKind, n int64) time.Duration {
	switch kind {
	case routeUpload:
		return 0
	case routeFill:
		return min(ReadTimeout, bodyTime+time.Duration(max(n, 0)/bodyFloorRate)*time.Second)
	}
	return bodyTime
}

func (s *Server) setDeadline(err error, r *http.Request) {
	if err != nil && !errors.Is(err, http.ErrNotSupported) {
		s.log.Error("không đặt được thời hạn kết nối", err, "path", r.URL.Path)
	}
}

// bodyEnd notes when a body has come whole, and then lifts the read
// deadline: the only read left on the connection is net/http's watch for
// the client leaving, which must not end the answer's work.
type bodyEnd struct {
	io.ReadCloser
	rc  *http.ResponseController
	eof bool
}

func (b *bodyEnd) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF && !b.eof {
		b.eof = true
		b.rc.SetReadDeadline(time.Time{}) // not supported: nothing to lift
	}
	return n, err
}
