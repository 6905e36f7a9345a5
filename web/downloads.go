package web

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Downloads at once. A download holds the whole file in memory while it
// is sent (a stored file, a merged report, a template), so they are
// bounded: downloadsTotal at once from everywhere, downloadsPerLink
// through one unit's link, downloadsPerAddr from one address; this
// computer's browser (the officer's) has downloadsOwn of its own, that
// no one else takes. Beyond, the answer is 429 at once: try again in a
// few seconds. A download is sent at downloadFloorRate at least, or cut
// (sendPaced): a reader that takes nothing holds no memory for long.
const (
	downloadsTotal   = 24
	downloadsPerLink = 3
	downloadsPerAddr = 4
	downloadsOwn     = 4
	downloadRetry    = 10 // seconds
	sendChunk        = 64 << 10
)

// Variables for the tests: the slowest sending taken, and the time its
// first bytes (and every chunk, beyond its own time at the floor rate)
// may take.
var (
	downloadFloorRate int64 = 16 << 10 // bytes a second
	downloadGrace           = 10 * time.Second
)

// sendCounts counts the downloads being sent, by key ("all", "own",
// "link:…", "addr:…").
type sendCounts struct {
	mu sync.Mutex
	n  map[string]int
}

// take counts one download in under keys, each below its cap; false,
// counting nothing, when one is full.
func (d *sendCounts) take(keys map[string]int) (release func(), ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.n == nil {
		d.n = map[string]int{}
	}
	for k, max := range keys {
		if d.n[k] >= max {
			return nil, false
		}
	}
	for k := range keys {
		d.n[k]++
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			d.mu.Lock()
			defer d.mu.Unlock()
			for k := range keys {
				if d.n[k]--; d.n[k] <= 0 {
					delete(d.n, k)
				}
			}
		})
	}, true
}

// downloadSlots bounds the downloads at once (routeDownload), by link,
// address and in all, before any file is read.
func (s *Server) downloadSlots(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if kindOf(r) != routeDownload {
			h.ServeHTTP(w, r)
			return
		}
		addr := clientAddr(r)
		keys := map[string]int{"all": downloadsTotal, "addr:" + addrKey(addr): downloadsPerAddr}
		if ownMachine(addr) && !s.cfg.BehindProxy {
			keys = map[string]int{"own": downloadsOwn}
		}
		if tok, ok := unitPath(r.URL.Path); ok {
			keys["link:"+tok] = downloadsPerLink
		}
		release, ok := s.downloads.take(keys)
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(downloadRetry))
			s.fail(w, r, http.StatusTooManyRequests, msgDownloadsBusy)
			return
		}
		defer release()
		h.ServeHTTP(w, r)
	})
}

// sendPaced writes b, a chunk at a time, each within its time at
// downloadFloorRate (and downloadGrace), the whole within its time at
// that rate: a reader slower than the floor is cut, and the file's
// memory freed.
func sendPaced(w http.ResponseWriter, b []byte) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	start := time.Now()
	limit := start.Add(downloadGrace + time.Duration(int64(len(b))*int64(time.Second)/downloadFloorRate))
	for off := 0; off < len(b); off += sendChunk {
		end := min(off+sendChunk, len(b))
		d := time.Now().Add(downloadGrace + time.Duration(int64(end-off)*int64(time.Second)/downloadFloorRate))
		if d.After(limit) {
			d = limit
		}
		rc.SetWriteDeadline(d) // not supported (a test's recorder): no deadline to keep
		if _, err := w.Write(b[off:end]); err != nil {
			return // the reader left, or was too slow: no error of the desk's
		}
	}
}
