package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// probeConnections is TestProbeDesk's part on connections and links
// (review-attack items 1, 2 and 4): 1,100 half-sent headers from 20
// addresses hold more than the desk's 1,024 connections, and /healthz
// from another address still answers; a link's third upload at once,
// trickling, is refused at once; a link files nothing for 9999-W52.
func probeConnections(t *testing.T, base, host, link string) {
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for i := range 1100 {
		c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 20, byte(1+i%20))}}).Dial("tcp", host)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: %s\r\n", host)
		held = append(held, c)
	}
	time.Sleep(300 * time.Millisecond)
	ok := 0
	start := time.Now()
	for range 10 {
		c := clientFrom("127.0.0.77")
		c.Timeout = 5 * time.Second
		if resp, err := c.Get(base + "/healthz"); err == nil {
			if resp.StatusCode == 200 {
				ok++
			}
			resp.Body.Close()
		}
	}
	t.Logf("1,100 half-sent headers from 20 addresses held: /healthz from another address %d of 10 in %v", ok, time.Since(start).Round(time.Millisecond))
	if ok != 10 {
		t.Errorf("/healthz with the connections held: %d of 10", ok)
	}

	code := upload(t, link+"?period=9999-W52", "a.xlsx", []byte("PK"))
	t.Logf("an upload for 9999-W52 → %d", code)
	if code != http.StatusBadRequest {
		t.Errorf("an upload for 9999-W52: %d", code)
	}

	u, _ := url.Parse(link)
	var trickle []net.Conn
	for range 3 {
		c, err := (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 21, 1)}}).Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=XXB\r\nContent-Length: 5000000\r\n\r\n--XXB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK", u.Path, host)
		trickle = append(trickle, c)
		time.Sleep(100 * time.Millisecond)
	}
	trickle[2].SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(trickle[2]), nil)
	t.Logf("a link's third upload at once, trickling: %v %v", statusOf(resp), err)
	if err != nil || resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a link's third trickling upload: %v %v", statusOf(resp), err)
	}
}

func statusOf(resp *http.Response) string {
	if resp == nil {
		return "no answer"
	}
	return resp.Status
}
