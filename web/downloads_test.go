package web

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// holdDownload asks for path from client (X-Forwarded-For) and reads
// nothing, through a small receive buffer.
func (d *testDesk) holdDownload(path, client string) net.Conn {
	d.t.Helper()
	u, _ := url.Parse(d.ts.URL)
	c := d.rawConn()
	c.(*net.TCPConn).SetReadBuffer(4 << 10)
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nX-Forwarded-For: %s\r\n\r\n", path, u.Host, client)
	return c
}

func (d *testDesk) downloadsOf(key string) int {
	d.srv.downloads.mu.Lock()
	defer d.srv.downloads.mu.Unlock()
	return d.srv.downloads.n[key]
}

func (d *testDesk) waitDownloads(key string, n int, within time.Duration) {
	d.t.Helper()
	for end := time.Now().Add(within); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if d.downloadsOf(key) == n {
			return
		}
	}
	d.t.Fatalf("%d downloads of %s, want %d", d.downloadsOf(key), key, n)
}

// A unit's stored file is sent to at most downloadsPerLink readers at
// once through its link, whatever their addresses; the next is refused
// at once in Vietnamese; a reader slower than the floor rate is cut and
// its slot (and the file's memory) freed.
func TestDownloadsBounded(t *testing.T) {
	oldRate, oldGrace := downloadFloorRate, downloadGrace
	downloadFloorRate, downloadGrace = 1<<20, 500*time.Millisecond
	t.Cleanup(func() { downloadFloorRate, downloadGrace = oldRate, oldGrace })
	d := newTestDesk(t, Config{BehindProxy: true})
	data := append([]byte("PK"), bytes.Repeat([]byte("z"), 9<<20)...)
	if resp, body := d.upload("tram-y-te", "lon.xlsx", data); resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d %.200s", resp.StatusCode, body)
	}
	ups, err := d.st.UnitUploads("tram-y-te")
	if err != nil || len(ups) == 0 {
		t.Fatal(ups, err)
	}
	link, _ := url.Parse(d.links["tram-y-te"])
	tok, _ := unitPath(link.Path)
	path := link.Path + "/tep/" + strconv.FormatInt(ups[0].ID, 10)
	for i := range downloadsPerLink {
		d.holdDownload(path, fmt.Sprintf("198.51.100.%d", i+1))
	}
	d.waitDownloads("link:"+tok, downloadsPerLink, 2*time.Second)
	start := time.Now()
	req, _ := http.NewRequest("GET", d.ts.URL+path, nil)
	req.Header.Set("X-Forwarded-For", "198.51.100.50")
	resp, body := d.do(http.DefaultClient, req)
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "nhiều lượt tải tệp cùng lúc") || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("a download over the link's cap: %d %.200s", resp.StatusCode, body)
	}
	if since := time.Since(start); since > time.Second {
		t.Errorf("refused after %v", since)
	}
	// The readers that take nothing are cut: 9 MB at 1 MB/s, plus the
	// grace, is about 10 s; a chunk not taken within the grace and its
	// time ends it sooner.
	d.waitDownloads("link:"+tok, 0, 8*time.Second)
	d.waitDownloads("all", 0, time.Second)
	// Read at a good pace, the file comes whole.
	req, _ = http.NewRequest("GET", d.ts.URL+path, nil)
	req.Header.Set("X-Forwarded-For", "198.51.100.50")
	if resp, body := d.do(http.DefaultClient, req); resp.StatusCode != http.StatusOK || body != string(data) {
		t.Fatalf("a download at a good pace: %d, %d bytes", resp.StatusCode, len(body))
	}
}

// The caps, by key: an address's fifth, a link's fourth, the desk's
// 25th are refused; this computer's own are counted apart.
func TestDownloadCaps(t *testing.T) {
	var c sendCounts
	take := func(keys map[string]int) bool { _, ok := c.take(keys); return ok }
	for i := range downloadsPerAddr {
		if !take(map[string]int{"all": downloadsTotal, "addr:a": downloadsPerAddr, fmt.Sprintf("link:%d", i): downloadsPerLink}) {
			t.Fatalf("download %d of an address refused", i+1)
		}
	}
	if take(map[string]int{"all": downloadsTotal, "addr:a": downloadsPerAddr}) {
		t.Error("an address's fifth download taken")
	}
	for i := downloadsPerAddr; i < downloadsTotal; i++ {
		if !take(map[string]int{"all": downloadsTotal, "addr:" + strconv.Itoa(i): downloadsPerAddr}) {
			t.Fatalf("download %d in all refused", i+1)
		}
	}
	if take(map[string]int{"all": downloadsTotal, "addr:z": downloadsPerAddr}) {
		t.Error("the desk's 25th download taken")
	}
	if !take(map[string]int{"own": downloadsOwn}) {
		t.Error("this computer's download refused while the others are full")
	}
	release, ok := c.take(map[string]int{"link:x": 1})
	if !ok {
		t.Fatal("a link's first refused")
	}
	if take(map[string]int{"link:x": 1}) {
		t.Error("over a link's cap taken")
	}
	release()
	release()
	if !take(map[string]int{"link:x": 1}) {
		t.Error("a released slot not given back")
	}
}
